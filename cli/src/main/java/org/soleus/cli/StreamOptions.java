package org.soleus.cli;

import java.util.Locale;
import java.util.function.Consumer;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.codec.Protocol;
import org.soleus.io.format.MoticonCellForce;
import org.soleus.io.format.MoticonCentreOfPressure;
import org.soleus.io.format.StreamForceUnits;
import org.soleus.io.serial.LinkOpener;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialPorts;
import org.soleus.io.serial.SerialStream;
import org.soleus.io.udp.MoticonUdp;
import org.soleus.io.udp.UdpLink;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of commands that read a live stream from a serial port, but the port itself:
 * {@code record} and {@code live} require {@code --port}, {@code calibrate} can do without.
 */
final class StreamOptions {
    /** Help text of {@code --port}. */
    static final String PORT_HELP = "Serial port: system name (ttyUSB0, COM3) or path (/dev/ttyACM0, a pseudo-terminal); "
            + "or udp:PORT (udp:HOST:PORT) to receive one line per datagram, e.g. the Moticon app's live output "
            + "with --protocol moticon.";

    private static final int READ_TIMEOUT_MS = 50;

    @Option(names = "--baud", paramLabel = "B", defaultValue = "921600",
            description = "Baud rate (default: ${DEFAULT-VALUE}; native USB devices ignore it, pseudo-terminals take the "
                    + "standard rates only and ignore them).")
    int baud;

    @Option(names = "--protocol", paramLabel = "line|binary|moticon", defaultValue = "binary",
            converter = ProtocolConverter.class,
            description = "Wire protocol (default: ${DEFAULT-VALUE}); see docs/serial-protocol.md. moticon: the "
                    + "Moticon OpenGo app's UDP output, with --port udp:PORT.")
    Protocol protocol;

    @Option(names = "--rate", paramLabel = "HZ", converter = SampleRateConverter.class,
            description = "Sample rate of the stream: needed where it states none (a line-protocol stream without"
                    + " '# sample_rate_hz', a binary descriptor with rate 0), and wins over the one it states.")
    double rateHz = Double.NaN;

    @Option(names = "--idle-timeout", paramLabel = "S", defaultValue = "5",
            description = "Stop with an error when the device sends nothing for this long, at the start or later "
                    + "(default: ${DEFAULT-VALUE} s).")
    double idleTimeoutS;

    @Option(names = "--reconnect-timeout", paramLabel = "S", defaultValue = "60",
            description = "Keep reopening an unplugged port for this long (default: ${DEFAULT-VALUE} s).")
    double reconnectTimeoutS;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Opens {@code port} and starts its reader; disconnects and reconnects are told to
     * {@code messages}, one line each, on the reader thread.
     */
    SerialStream open(String port, Consumer<String> messages) throws SerialPortException {
        return open(port, messages, false);
    }

    /**
     * As {@link #open(String, Consumer)}; where {@code eventTimingGiven} ({@code --event-timing}),
     * the stream's own event timing is left out, not taken nor refused.
     */
    SerialStream open(String port, Consumer<String> messages, boolean eventTimingGiven) throws SerialPortException {
        if (!(idleTimeoutS > 0) || !(reconnectTimeoutS >= 0)) {
            throw new ParameterException(command.commandLine(), "--idle-timeout must be > 0 s and --reconnect-timeout"
                    + " >= 0 s, got " + idleTimeoutS + " and " + reconnectTimeoutS);
        }
        if (baud <= 0) {
            throw new ParameterException(command.commandLine(), "--baud must be a positive number of bits per second, got "
                    + baud);
        }
        SerialStream.Settings settings = SerialStream.Settings.defaults().withTimeouts(idleTimeoutS, reconnectTimeoutS);
        String hint = UdpLink.isUdp(port) ? "check --protocol (now " + protocol.id() + ")" + (protocol == Protocol.MOTICON
                ? ": 51 numbers a datagram, at " + format(MoticonUdp.SAMPLE_RATE_HZ) + " Hz unless --rate says otherwise"
                : " and --rate") : "check --baud (now " + baud + ") and --protocol (now " + protocol.id() + ")";
        SerialStream stream = new SerialStream(opener(port, messages), port,
                protocol.newDecoder(rateHz, eventTimingGiven), settings, new SerialStream.Listener() {
                    @Override
                    public void onDisconnected(String name) {
                        messages.accept("soleus: " + name + " disconnected; reopening it for up to "
                                + format(reconnectTimeoutS) + " s");
                    }

                    @Override
                    public void onReconnected(String name, double downS) {
                        messages.accept("soleus: " + name + " is back after " + format(downS) + " s");
                    }
                }, hint);
        stream.start();
        return stream;
    }

    /** Opens the serial port, or listens on the UDP address; a bad address or a protocol it cannot carry is a usage error. */
    private LinkOpener opener(String port, Consumer<String> messages) {
        boolean udp = UdpLink.isUdp(port);
        if (protocol == Protocol.MOTICON && !udp) {
            throw new ParameterException(command.commandLine(), "--protocol moticon reads the Moticon app's UDP output: "
                    + "give --port udp:PORT with the port set in the app, not " + port);
        }
        try {
            if (!udp) {
                return SerialPorts.opener(port, baud, READ_TIMEOUT_MS);
            }
            return UdpLink.opener(port, READ_TIMEOUT_MS, protocol == Protocol.MOTICON ? MoticonUdp.prelude() : "",
                    messages);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--port: " + e.getMessage(), e);
        }
    }

    /**
     * The stages that the stream's samples pass before {@code next}, as a file of the same channels
     * passes them when read: a Moticon stream ({@code --protocol moticon}) those of a Moticon export
     * ({@link MoticonCentreOfPressure#stages}: its centre of pressure at 0, 0 below 50 N is missing);
     * any other its forces in kN, kgf or lbf converted to newtons ({@link StreamForceUnits}), as a
     * toolkit CSV's are read, then the forces derived from Moticon cells, as such a file holding
     * them gets ({@link MoticonCellForce#withHeelForce}); a stream without such channels passes
     * unchanged. (The sum of an insole's cells in newtons is the analysis's, not the recording's:
     * {@code live} puts a {@link org.soleus.io.format.CellForceSum} after these, before its
     * calibration, where {@code analyze} reads a file through one after its calibration; the two
     * agree, as the sum leaves an insole with cells in raw counts to the calibration.)
     */
    SampleSink stages(SampleSink next) {
        return protocol == Protocol.MOTICON ? MoticonCentreOfPressure.stages(next)
                : new StreamForceUnits(MoticonCellForce.withHeelForce(next));
    }

    static String format(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** Parses {@code --protocol}. */
    static final class ProtocolConverter implements ITypeConverter<Protocol> {
        @Override
        public Protocol convert(String value) {
            try {
                return Protocol.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
