package org.soleus.io.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Serial port discovery and opening, on jSerialComm. A port opens by system name
 * ({@code ttyUSB0}, {@code COM3}) or by path ({@code /dev/ttyUSB0}, {@code /dev/serial/by-id/...},
 * a pseudo-terminal or a symbolic link to one); every failure becomes a
 * {@link SerialPortException} whose message says what to do.
 *
 * <p>Stateless and thread-safe.
 */
public final class SerialPorts {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final int EACCES = 13;
    private static final int EAGAIN = 11;
    private static final int EBUSY = 16;
    private static final int ENOENT = 2;
    private static final int ENOTTY = 25;
    private static final int EISDIR = 21;
    private static final int WINDOWS_ACCESS_DENIED = 5;
    /** A rate every POSIX terminal device takes, to tell a refused custom rate from a path that is no terminal. */
    private static final int PROBE_BAUD = 9600;
    /**
     * How long a write waits for the port to take bytes before it fails (Windows only: elsewhere
     * jSerialComm has no write timeout and a write waits until the port takes them).
     */
    private static final int WRITE_TIMEOUT_MS = 1000;
    /**
     * Held while this program lists the ports or opens one. jSerialComm keeps a native record per
     * port; listing frees the records of the ports not open, and an open releases jSerialComm's own
     * lock between making its record and marking it open, so a list on one thread (as the message
     * of a failed reopen makes) could free the record of an open in progress on another.
     */
    private static final Object NATIVE_RECORDS = new Object();

    private SerialPorts() {
    }

    /** The serial ports the system offers now, in the system's order. */
    public static List<PortInfo> list() {
        List<PortInfo> ports = new ArrayList<>();
        SerialPort[] found;
        synchronized (NATIVE_RECORDS) {
            found = SerialPort.getCommPorts();
        }
        for (SerialPort p : found) {
            String description = p.getPortDescription();
            if (description == null || description.isBlank()) {
                description = p.getDescriptivePortName();
            }
            ports.add(new PortInfo(p.getSystemPortName(), p.getSystemPortPath(), String.valueOf(description).strip(),
                    p.getVendorID(), p.getProductID()));
        }
        return ports;
    }

    /** Names of Linux serial device files: USB adapters, USB CDC devices, on-board UARTs, Bluetooth serial links. */
    private static final Pattern LINUX_SERIAL_DEVICE = Pattern.compile("tty(USB|ACM|S|AMA|THS)\\d+|rfcomm\\d+");

    /**
     * On Linux, the serial device files in {@code /dev} that this user may not open for reading
     * and writing, which {@link #list()} leaves out (jSerialComm lists only ports it can open);
     * with the advice that opening one gives. Empty elsewhere, or when there are none.
     */
    public static Optional<String> unopenableHint() {
        return LINUX ? unopenableHint(Path.of("/dev"), Path.of("/sys/class/tty"),
                file -> Files.isReadable(file) && Files.isWritable(file)) : Optional.empty();
    }

    /**
     * {@link #unopenableHint()} for the device files in {@code devFolder}, of which {@code mayOpen}
     * tells. An on-board UART's file ({@code ttyS…}) counts only where {@code sysTty} gives it a
     * UART type other than 0: most PCs have 32 of them with no hardware behind them.
     */
    static Optional<String> unopenableHint(Path devFolder, Path sysTty, Predicate<Path> mayOpen) {
        List<Path> unopenable = new ArrayList<>();
        try (DirectoryStream<Path> dev = Files.newDirectoryStream(devFolder)) {
            for (Path file : dev) {
                String name = file.getFileName().toString();
                if (LINUX_SERIAL_DEVICE.matcher(name).matches() && (!name.startsWith("ttyS") || hasUart(sysTty, name))
                        && !mayOpen.test(file)) {
                    unopenable.add(file);
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        if (unopenable.isEmpty()) {
            return Optional.empty();
        }
        // ttyUSB2 before ttyUSB10
        unopenable.sort(Comparator.comparing((Path f) -> f.getFileName().toString().replaceAll("\\d+$", ""))
                .thenComparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^\\D+", ""))));
        return Optional.of(unopenable.size() + " serial device file" + (unopenable.size() == 1 ? "" : "s")
                + " this user may not open (" + unopenable.stream().limit(5).map(Path::toString)
                .reduce((a, b) -> a + ", " + b).orElse("") + (unopenable.size() > 5 ? ", …" : "") + "): "
                + permissionAdvice(unopenable.get(0)));
    }

    /**
     * An opener for the named port at the given baud rate (ignored by USB CDC devices and
     * pseudo-terminals), 8 data bits, no parity, one stop bit, no flow control. A write blocks
     * until the port has taken every byte (on Windows for at most a second), which it may never
     * do when nobody reads the other end: a writer that keeps its own time writes from another
     * thread, and closing the link ends the write.
     *
     * @param nameOrPath    system name or path
     * @param baud          baud rate, &gt; 0
     * @param readTimeoutMs how long a read waits for the first byte, ms
     */
    public static LinkOpener opener(String nameOrPath, int baud, int readTimeoutMs) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("port name is empty: give a name such as ttyUSB0 or COM3, or a path");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be > 0, got " + baud + ", e.g. 115200 or 921600");
        }
        if (readTimeoutMs <= 0) {
            throw new IllegalArgumentException("read timeout must be > 0 ms, got " + readTimeoutMs);
        }
        return () -> open(nameOrPath, baud, readTimeoutMs);
    }

    private static ByteLink open(String nameOrPath, int baud, int readTimeoutMs) throws SerialPortException {
        String path = resolve(nameOrPath);
        if (!WINDOWS) {
            Path file = Path.of(path);
            if (!Files.exists(file)) {
                throw notFound(nameOrPath);
            }
            if (!Files.isReadable(file) || !Files.isWritable(file)) {
                throw permissionDenied(nameOrPath, file);
            }
        }
        SerialPort port = configured(nameOrPath, path, baud, readTimeoutMs);
        if (!openPort(port)) {
            int errorCode = port.getLastErrorCode();
            if (!WINDOWS && errorCode == ENOTTY && baud != PROBE_BAUD && opensAt(nameOrPath, path, PROBE_BAUD)) {
                throw baudNotSupported(nameOrPath, baud);
            }
            throw openFailed(nameOrPath, path, errorCode);
        }
        return new JSerialCommLink(port, nameOrPath);
    }

    /** The port at {@code path}, set to {@code baud}, 8N1, no flow control, not yet open. */
    private static SerialPort configured(String nameOrPath, String path, int baud, int readTimeoutMs)
            throws SerialPortException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw notFound(nameOrPath);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, readTimeoutMs,
                WRITE_TIMEOUT_MS);
        return port;
    }

    /**
     * Whether the port opens at {@code baud}: a terminal device that refuses a custom rate fails
     * with {@code ENOTTY}, as a path that is no terminal at all does, and only opening it at a
     * standard rate tells the two apart. The port is closed again at once.
     */
    private static boolean opensAt(String nameOrPath, String path, int baud) throws SerialPortException {
        SerialPort probe = configured(nameOrPath, path, baud, 1);
        if (!openPort(probe)) {
            return false;
        }
        probe.closePort();
        return true;
    }

    /** Opens {@code port}, one open or list of this program at a time ({@link #NATIVE_RECORDS}). */
    private static boolean openPort(SerialPort port) {
        synchronized (NATIVE_RECORDS) {
            return port.openPort();
        }
    }

    private static SerialPortException baudNotSupported(String name, int baud) {
        return new SerialPortException(SerialPortException.Kind.BAUD_NOT_SUPPORTED, name + ": the port does not take "
                + baud + " baud (a pseudo-terminal or a driver without custom rates): use a standard rate such as "
                + "115200, 230400, 460800 or 921600");
    }

    /** The path to open for a system name or path. */
    static String resolve(String nameOrPath) {
        if (nameOrPath.indexOf('/') >= 0 || nameOrPath.indexOf('\\') >= 0) {
            return nameOrPath;
        }
        for (PortInfo p : list()) {
            if (p.systemName().equalsIgnoreCase(nameOrPath)) {
                return p.path();
            }
        }
        return WINDOWS ? nameOrPath : "/dev/" + nameOrPath;
    }

    private static SerialPortException notFound(String name) {
        List<PortInfo> ports = list();
        StringBuilder sb = new StringBuilder("no serial port '").append(name).append("'; ");
        if (ports.isEmpty()) {
            sb.append("no serial ports found: is the device plugged in and its driver installed?");
        } else {
            sb.append("ports here: ");
            for (int i = 0; i < ports.size(); i++) {
                PortInfo p = ports.get(i);
                sb.append(i == 0 ? "" : ", ").append(p.path()).append(" (").append(p.description()).append(')');
            }
            sb.append(" (list them with 'soleus ports')");
        }
        return new SerialPortException(SerialPortException.Kind.NOT_FOUND, sb.toString());
    }

    private static SerialPortException permissionDenied(String name, Path file) {
        return new SerialPortException(SerialPortException.Kind.PERMISSION_DENIED,
                name + ": permission denied; " + permissionAdvice(file));
    }

    /** Whether the kernel gives the on-board serial port {@code name} a UART (its {@code type} is not 0). */
    private static boolean hasUart(Path sysTty, String name) {
        try {
            String type = Files.readString(sysTty.resolve(name).resolve("type")).trim();
            return !type.isEmpty() && !type.equals("0");
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** How to get read and write access to the device file {@code file}. */
    private static String permissionAdvice(Path file) {
        String group = "dialout";
        try {
            group = Files.readAttributes(file, PosixFileAttributes.class).group().getName();
        } catch (IOException | UnsupportedOperationException e) {
            // keep the usual group name
        }
        // the root group holds far more than serial ports: joining it is no advice to give
        return !LINUX ? "give your user read and write access to " + file
                : group.equals("root") ? "add a udev rule that gives you the device (its group is root)"
                : "add yourself to the '" + group + "' group (sudo usermod -aG " + group
                        + " $USER, then log in again) or add a udev rule that gives you the device";
    }

    /**
     * The message for a failed open. On Linux and macOS jSerialComm takes an exclusive
     * {@code flock} on the port it opens, so a port that another program opened through it
     * (another soleus) fails with {@code EWOULDBLOCK}, and one that this program holds already
     * with its own code 2; both are reported as busy, as is {@code EBUSY} from a port another
     * program made exclusive ({@code TIOCEXCL}). A program that does neither is not detected:
     * a POSIX port opens any number of times.
     */
    static SerialPortException openFailed(String name, String path, int errorCode) {
        if (WINDOWS) {
            if (errorCode == WINDOWS_ACCESS_DENIED) {
                return busy(name);
            }
            if (errorCode == ENOENT) {
                return notFound(name);
            }
        } else {
            switch (errorCode) {
                case EACCES -> {
                    return permissionDenied(name, Path.of(path));
                }
                case EAGAIN, EBUSY -> {
                    return busy(name);
                }
                case ENOENT -> {
                    // jSerialComm reports 2 also when this program holds the port already
                    return Files.exists(Path.of(path)) ? busy(name) : notFound(name);
                }
                case ENOTTY -> {
                    return new SerialPortException(SerialPortException.Kind.NOT_A_SERIAL_PORT,
                            name + ": not a serial port (" + path + " is not a terminal device); list the ports with"
                                    + " 'soleus ports'");
                }
                case EISDIR -> {
                    return new SerialPortException(SerialPortException.Kind.NOT_A_SERIAL_PORT,
                            name + ": not a serial port (" + path + " is a directory); list the ports with 'soleus"
                                    + " ports'");
                }
                default -> {
                    // below
                }
            }
        }
        return new SerialPortException(SerialPortException.Kind.OPEN_FAILED,
                name + ": cannot open the port (system error " + errorCode + ")");
    }

    private static SerialPortException busy(String name) {
        return new SerialPortException(SerialPortException.Kind.BUSY, name
                + ": the port is in use by another program (a serial monitor, another soleus): close it and try again");
    }

    /** A jSerialComm port as a {@link ByteLink}. */
    private static final class JSerialCommLink implements ByteLink {
        private static final long SETTLE_MILLIS = 200;

        private final SerialPort port;
        private final String name;
        private boolean wrote;

        JSerialCommLink(SerialPort port, String name) {
            this.port = port;
            this.name = name;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = port.readBytes(buffer, length, offset);
            return n < 0 ? -1 : n;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            int done = 0;
            while (done < length) {
                int n = port.writeBytes(buffer, length - done, offset + done);
                // 0 is what jSerialComm returns on Linux once the port is gone, and on Windows after
                // the write timeout
                if (n <= 0) {
                    throw new SerialPortException(SerialPortException.Kind.IO, name + ": writing failed; the port is gone"
                            + (n == 0 ? " or takes nothing" : ""));
                }
                done += n;
            }
            wrote = true;
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String name() {
            return name;
        }

        /**
         * Closes the port, first giving written bytes time to leave: closing flushes the output
         * queue, and on a Linux pseudo-terminal that discards what the other end has not read
         * yet. Waits until the driver reports its output queue empty (at most a second), then,
         * after a write, {@value #SETTLE_MILLIS} ms more for a peer that the queue does not show.
         */
        @Override
        public void close() {
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (port.bytesAwaitingWrite() > 0 && System.nanoTime() < deadline) {
                pause(5);
            }
            if (wrote) {
                pause(SETTLE_MILLIS);
            }
            port.closePort();
        }
    }
}
