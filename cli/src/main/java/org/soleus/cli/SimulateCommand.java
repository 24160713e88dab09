package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soleus.core.recording.Recording;
import org.soleus.io.codec.Protocol;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingFormat;
import org.soleus.io.format.Recordings;
import org.soleus.io.live.DeviceSimulator;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialPorts;
import org.soleus.io.udp.UdpLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code soleus simulate}: plays a recording into a serial port as a device would, in real time
 * or faster, optionally corrupting bytes and dropping frames ({@link DeviceSimulator}). Like a
 * sensor it never waits on a port that nobody reads: it keeps to its timetable and drops the
 * frames the port does not take, says so once on stderr and counts them in its closing line.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Play a recording into a serial port as a live device would: the way to test and demonstrate "
                + "record and live without hardware.",
                "Pair two pseudo-terminals first, e.g. with the command below, then give --port /tmp/device here and "
                        + "--port /tmp/host to live or record:",
                // a line of its own, shorter than the help's width, so that it is never wrapped and can be pasted
                SimulateCommand.SOCAT_COMMAND,
                "Ends with the recording, or at Ctrl-C (SIGINT) or SIGTERM, which print the closing line too and exit with "
                        + "130 or 143 (128 + the signal's number). When nobody reads the port, frames are dropped as a "
                        + "sensor's would be (with --speed 0 after the port took nothing for a second), and counted."})
final class SimulateCommand implements Callable<Integer> {
    /** The command that pairs two pseudo-terminals, as the help shows it. */
    static final String SOCAT_COMMAND = "  socat pty,raw,echo=0,link=/tmp/device pty,raw,echo=0,link=/tmp/host";
    private static final int READ_TIMEOUT_MS = 50;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Any recording analyze reads.")
    Path input;

    @Option(names = "--port", paramLabel = "P", required = true, description = "Serial port to write to.")
    String port;

    @Option(names = "--baud", paramLabel = "B", defaultValue = "921600", description = "Baud rate (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--protocol", paramLabel = "line|binary", defaultValue = "binary",
            converter = StreamOptions.ProtocolConverter.class, description = "Wire protocol (default: ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Playback speed: 1 real time, 10 ten times faster, 0 as fast as the port takes (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--corrupt", paramLabel = "RATE", defaultValue = "0",
            description = "Probability that a byte is replaced by another, e.g. 1e-3 (default: ${DEFAULT-VALUE}).")
    double corruptRate;

    @Option(names = "--drop", paramLabel = "RATE", defaultValue = "0",
            description = "Probability that a sample frame is left out, e.g. 0.01 (default: ${DEFAULT-VALUE}).")
    double dropRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "F", converter = FormatConverter.class,
            completionCandidates = FormatIds.class,
            description = "Input format, one of: ${COMPLETION-CANDIDATES}. Detected from the content when left out.")
    RecordingFormat format;

    @Option(names = "--rate", paramLabel = "HZ", converter = SampleRateConverter.class,
            description = "Sample rate in Hz; wins over the rate in the file (a time column must agree within 25 %%,"
                    + " unless --ignore-time).")
    double rateHz = Double.NaN;

    @Option(names = "--ignore-time",
            description = "Take the input's rows as evenly spaced at the rate (the file's or --rate), as analyze does.")
    boolean ignoreTime;

    @Option(names = "--mass", paramLabel = "KG", converter = BodyMassConverter.class,
            description = "Body mass in kg, sent in the descriptor.")
    double massKg = Double.NaN;

    @Override
    public Integer call() throws IOException {
        if (protocol == Protocol.MOTICON) {
            throw new ParameterException(spec.commandLine(), "--protocol: simulate sends line or binary, not moticon (the "
                    + "Moticon app's own UDP output)");
        }
        if (UdpLink.isUdp(port)) {
            throw new ParameterException(spec.commandLine(), "--port: simulate writes to a serial port (a pseudo-terminal "
                    + "will do), not to " + port);
        }
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString());
        }
        // named by their options here; the settings check the same (for callers of the library)
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new ParameterException(spec.commandLine(), "--speed must be >= 0 (0 = as fast as the port takes), got "
                    + speed);
        }
        if (!(corruptRate >= 0 && corruptRate <= DeviceSimulator.Settings.MAX_CORRUPT_RATE)) {
            throw new ParameterException(spec.commandLine(), "--corrupt must be within 0 .. "
                    + DeviceSimulator.Settings.MAX_CORRUPT_RATE + " per byte, got " + corruptRate);
        }
        if (!(dropRate >= 0 && dropRate <= DeviceSimulator.Settings.MAX_DROP_RATE)) {
            throw new ParameterException(spec.commandLine(), "--drop must be within 0 .. "
                    + DeviceSimulator.Settings.MAX_DROP_RATE + " per frame, got " + dropRate);
        }
        DeviceSimulator.Settings settings;
        try {
            settings = new DeviceSimulator.Settings(protocol, speed, corruptRate, dropRate, seed, 60);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Recording recording = Recordings.read(input, new ReadOptions(format, rateHz, massKg, Map.of(), ignoreTime));
        DeviceSimulator simulator = new DeviceSimulator(recording, settings);
        try (StopSignals.Registration stop = StopSignals.register()) {
            play(simulator, settings.reconnectTimeoutS(), stop);
            return stop.exitCode();
        }
    }

    /** Plays until the end of the recording or a stop request, then prints the closing line. */
    private void play(DeviceSimulator simulator, double reconnectTimeoutS, StopSignals.Registration stop)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        DeviceSimulator.Result r = simulator.run(SerialPorts.opener(port, baud, READ_TIMEOUT_MS), stop::requested,
                new DeviceSimulator.Listener() {
                    @Override
                    public void onPortFull() {
                        say(err, port + ": the port takes no more bytes (nobody reads the other end); dropping frames"
                                + " until it does, as a sensor would (counted in the summary)");
                    }

                    @Override
                    public void onPortLost(double atS) {
                        say(err, String.format(Locale.ROOT, "%s: gone at %.3f s of the recording; reopening it for up to"
                                + " %.0f s (%s)", port, atS, reconnectTimeoutS, speed > 0
                                ? "the samples due meanwhile are not sent, as a device's are lost"
                                : "playing goes on where it stopped"));
                    }

                    @Override
                    public void onPortBack(double goneS) {
                        say(err, String.format(Locale.ROOT, "%s is back after %.1f s", port, goneS));
                    }
                });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s -> %s: %d of %d samples sent (%s, %.1f s); %d frames dropped, %d corrupted (%d bytes),"
                        + " %d due while the port was gone, %d dropped unread (nobody read the port)%s%n", input.getFileName(),
                port, r.framesSent(), r.samples(), protocol.id(), (System.nanoTime() - start) / 1e9, r.framesDropped(),
                r.framesCorrupted(), r.bytesCorrupted(), r.framesUnsent(), r.framesUnread(),
                r.portLost() == null ? "" : ", " + r.framesNotPlayed() + " not played (the port stayed away)");
        out.flush();
        if (r.portLost() != null) {
            throw new SerialPortException(r.portLost().kind(), port + ": gone for longer than "
                    + String.format(Locale.ROOT, "%.0f", reconnectTimeoutS) + " s; the simulation stopped ("
                    + r.portLost().getMessage() + ")");
        }
    }

    private static void say(PrintWriter err, String text) {
        err.println("soleus: " + text);
        err.flush();
    }
}
