package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soleus.core.text.Counted;
import org.soleus.io.calibration.CalibratingSink;
import org.soleus.io.live.LiveSession;
import org.soleus.io.live.RecordingFileSink;
import org.soleus.io.live.StatusLine;
import org.soleus.io.live.StreamPump;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;
import org.soleus.io.serial.StreamStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code soleus record}: writes a live stream to a file in the toolkit's recording format as it
 * arrives. The file is flushed to the disk at least every second (so a kill or power loss loses
 * at most the last second), every disconnect leaves a marked gap of missing samples and a
 * {@code # warning:} line, and an existing file is kept unless {@code --force} is given. The
 * file is created with the first sample: a stream that fails before one leaves no file (and
 * keeps an existing one, {@code --force} or not). With {@code --force} the samples go to
 * {@code FILE.part} until the stream has passed the check of its protocol, which then replaces
 * the file; a stream found not to decode leaves it as it was. With {@code --calibration} the
 * raw cells are written in newtons.
 */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Record a live sensor stream from a serial port into a recording file (soleus CSV).",
                "Stops at --duration, at Ctrl-C or SIGTERM, or with an error when the device stops or stays unplugged. "
                        + "The file is created with the first sample: a stream that fails before one leaves no file.",
                "Ctrl-C (SIGINT) and SIGTERM end the recording as --duration does (the file complete and closed, the "
                        + "closing line printed); the exit code is then 130 or 143 (128 + the signal's number). Exit codes: "
                        + "0 done, 1 error, 2 usage error."})
final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** At least this share of a recording's samples lost, the closing line is followed by a warning. */
    private static final double MANY_LOST_SHARE = 0.1;

    @Option(names = "--port", paramLabel = "P", required = true, description = StreamOptions.PORT_HELP)
    String port;

    @Mixin
    StreamOptions stream;

    @Mixin
    CalibrationOption calibration;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The recording file to write.")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists, once the stream has shown that it decodes"
            + " (until then the samples go to FILE.part beside it).")
    boolean force;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds of samples.")
    double durationS = Double.NaN;

    @Option(names = "--mass", paramLabel = "KG", converter = BodyMassConverter.class,
            description = "Body mass in kg, written into the recording's header.")
    double massKg = Double.NaN;

    @Override
    public Integer call() throws IOException {
        if (out.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out: expected a file name, got an empty path");
        }
        if (Files.isDirectory(out)) {
            throw new IOException(out + ": is a directory; give a file name");
        }
        if (out.toString().equals("-")) {
            throw new ParameterException(spec.commandLine(), "--out -: a recording is written to a file, not to"
                    + " standard output; give a file name");
        }
        if (Files.exists(out) && !force) {
            throw new IOException(out + ": exists; pass --force to overwrite it");
        }
        if (force) {
            RecordingFileSink.refuseLeftoverPart(out);
        }
        // a folder that cannot be written is told now, not once the device has begun to send: with
        // --force, that of the file a link leads to, where the part file that replaces it goes
        Path folder = existingFolderOf(force && Files.isRegularFile(out) ? out.toRealPath() : out);
        if (folder != null && !Files.isWritable(folder)) {
            throw new IOException(out + ": cannot create the recording: permission denied (" + folder + ")");
        }
        if (!(Double.isNaN(durationS) || durationS > 0)) {
            throw new ParameterException(spec.commandLine(), "--duration must be > 0 s, got " + durationS);
        }
        try (StopSignals.Registration stop = StopSignals.register()) {
            record(stop);
            return stop.exitCode();
        }
    }

    /** Records until the duration, a stop request or a fault; the file is complete and closed when it returns. */
    private void record(StopSignals.Registration stop) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RecordingFileSink file = new RecordingFileSink(out, force);
        CalibratingSink calibrating = calibration.stage(file);
        boolean terminal = Terminals.stderrIsTerminal();
        StatusLine status = new StatusLine(err, terminal, terminal ? Terminals.columns() : StatusLine.DEFAULT_COLUMNS);
        SerialStream serial = stream.open(port, status::post);
        // the warnings of the stages (a force unit converted), which the file gets at its end, are told once it has them
        StageWarnings stages = new StageWarnings(stream::stages, calibrating != null ? calibrating : file);
        StreamPump pump = new StreamPump(serial, stages.entry(), massKg, (atS, missing, measuredOn) -> {
            String text = StreamPump.Listener.describe(port, atS, missing, file.rateHz(), measuredOn);
            file.warning(text);
            status.println("soleus: " + text);
        });
        LiveSession session = new LiveSession(serial, pump, status, durationS, stop::requested);
        SerialPortException fault = null;
        String outage = null;
        try {
            fault = session.run(() -> printWarnings(pump.headerWarnings(), status), () -> {
                if (serial.decodesAsExpected()) {
                    file.commit();
                }
                file.flushIfDue();
            });
            // every row that came, before the stream is judged and the outage measured
            pump.releaseHeld();
            outage = session.outageAtStop();
            if ((fault == null || fault.kind() != SerialPortException.Kind.NOTHING_DECODES)
                    && !serial.decodesAsExpected() && serial.mostlyUndecoded()) {
                // ended (a stop, a silent or lost device) before the check, which it would have failed
                StreamStatus s = serial.status();
                fault = new SerialPortException(SerialPortException.Kind.NOTHING_DECODES, port + ": " + s.malformed()
                        + " of " + (s.malformed() + s.frames()) + " lines or frames did not decode before the recording"
                        + " ended" + (fault != null ? " (" + fault.getMessage() + ")" : "") + ": check --baud and --protocol");
            }
            boolean endedBeforeTheCheck = !serial.decodesAsExpected()
                    && (fault == null ? stop.requested() : fault.kind() != SerialPortException.Kind.NOTHING_DECODES);
            if (endedBeforeTheCheck && file.replacing()) {
                // stopped, or cut by a fault, before the check: more likely a wrong file name or device than a
                // recording of a second or two
                file.keepAside();
            }
            if (fault != null && fault.kind() == SerialPortException.Kind.NOTHING_DECODES) {
                boolean replacing = file.replacing();
                if (file.discard()) {
                    // what decoded of a stream in another protocol is noise (one stray 'row' in a binary stream read as lines)
                    throw new SerialPortException(fault.kind(), fault.getMessage() + "; " + out
                            + (replacing ? " was left as it was" : " was not written"));
                }
            }
        } finally {
            // a recording cut by a fault, or stopped while the port was gone, says so in the
            // file, for whoever analyses it later (the file, replacing one, takes its place first)
            pump.finish(fault != null ? List.of("the recording ended early: " + fault.getMessage())
                    : outage != null ? List.of(outage) : List.of());
        }
        if (file.written()) {
            printWarnings(stages.added(), status);
        }
        if (outage != null && file.written()) {
            status.println("soleus: " + outage);
        }
        CalibrationOption.reportRange(calibrating, err, "record");
        StreamStatus s = serial.status();
        PrintWriter stdout = spec.commandLine().getOut();
        if (file.written()) {
            long disconnects = s.reconnects() + (outage != null
                    || fault != null && fault.kind() == SerialPortException.Kind.DISCONNECTED ? 1 : 0);
            stdout.printf(Locale.ROOT, "%s: %s (%.1f s%s) of %s at %s Hz; %s lost, %s, %d malformed, %s%n",
                    file.notReplaced() != null || file.keptAside() ? file.file() : out,
                    Counted.of(pump.samples(), "sample"), pump.samples() / file.rateHz(),
                    pump.missingSamples() == 0 ? "" : ", " + pump.missingSamples() + " of them missing",
                    Counted.of(file.channelCount(), "channel"), trim(pump.header().sampleRateHz()),
                    Counted.of(s.lostFrames(), "frame"), Counted.of(s.crcErrors(), "CRC error"), s.malformed(),
                    Counted.of(disconnects, "disconnect"));
            stdout.flush();
            long received = pump.samples() - pump.missingSamples();
            if (pump.samples() > 0 && s.lostFrames() >= MANY_LOST_SHARE * (received + s.lostFrames())) {
                // of the frames the device numbered, those that did not come; a gap longer than the
                // recording fills stands for more frames than its rows
                status.println(String.format(Locale.ROOT, "soleus record: warning: %s: %d %% of the frames the device"
                        + " sent were lost (%s): check the cable, the baud rate and what else the device sends", out,
                        Math.round(100.0 * s.lostFrames() / (received + s.lostFrames())), Counted.of(s.lostFrames(), "frame")));
            }
        }
        if (file.keptAside()) {
            err.println("soleus: " + (fault != null ? "ended" : "stopped") + " before the stream's check (3 s after its first"
                    + " frame): " + out + " was left as it was, and the recording is in " + file.file() + ": move it where"
                    + " you want it, or delete it");
            err.flush();
        }
        if (file.notReplaced() != null) {
            // the recording is whole, in the part file; the file given was not replaced
            throw new IOException((fault != null ? fault.getMessage() + "; " : "") + file.notReplaced().getMessage(),
                    file.notReplaced());
        }
        if (fault != null) {
            String kept = !file.written() ? "; " + out + " was not written" : "; " + (file.keptAside() ? file.file() : out)
                    + " keeps the " + pump.samples()
                    + (pump.samples() == 1 ? " sample" : " samples") + " up to then"
                    + (s.lostFrames() + s.reconnects() > 0 ? " (lost frames and gaps among them as missing samples)" : "");
            throw new SerialPortException(fault.kind(), fault.getMessage() + kept);
        }
        if (!file.written()) {
            err.println("soleus: " + port + ": stopped before the first sample; " + out + " was not written");
            err.flush();
        }
    }

    /**
     * Warnings the file gets at its end, told on the status line: the stream's header's, as the
     * recording starts, and those its stages added, once the file has them.
     */
    private static void printWarnings(List<String> warnings, StatusLine status) {
        for (String warning : warnings) {
            status.println("soleus record: warning: " + ErrorHandler.oneLine(warning));
        }
    }

    /** The nearest folder on the way to {@code file} that exists (the one it would be created in), or null. */
    private static Path existingFolderOf(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        while (folder != null && !Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        return folder;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
