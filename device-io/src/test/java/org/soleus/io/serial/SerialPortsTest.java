package org.soleus.io.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening real ports and paths, and the one-line messages of what goes wrong. */
final class SerialPortsTest {

    @TempDir
    Path dir;

    /**
     * The serial device files that this user may not open are named, with the advice a port
     * that refuses to open gives, where {@code soleus ports} finds none (jSerialComm lists only
     * ports it can open); other files are not.
     */
    @Test
    void serialDeviceFilesThatMayNotBeOpenedAreNamedWithAdvice() throws IOException {
        Path dev = Files.createDirectories(dir.resolve("dev"));
        Path sys = Files.createDirectories(dir.resolve("sys"));
        for (String name : new String[] {"ttyUSB10", "ttyUSB2", "ttyACM1", "tty0", "ttyUSB", "null", "rfcomm0", "ttyS0",
                "ttyS1"}) {
            Files.createFile(dev.resolve(name));
        }
        // ttyS0 has a UART (type 4, a 16550A); ttyS1 none, as most of a PC's 32
        Files.writeString(Files.createDirectories(sys.resolve("ttyS0")).resolve("type"), "4\n");
        Files.writeString(Files.createDirectories(sys.resolve("ttyS1")).resolve("type"), "0\n");
        String hint = SerialPorts.unopenableHint(dev, sys, file -> file.getFileName().toString().equals("rfcomm0"))
                .orElseThrow();
        assertTrue(hint.startsWith("4 serial device files this user may not open (" + dev.resolve("ttyACM1") + ", "
                + dev.resolve("ttyS0") + ", " + dev.resolve("ttyUSB2") + ", " + dev.resolve("ttyUSB10") + "): "), hint);
        assertTrue(hint.contains("udev rule"), hint);
        assertEquals(Optional.empty(), SerialPorts.unopenableHint(dev, sys, file -> true));
    }

    @Test
    void aMissingPortIsNamedWithThePortsThatExist() {
        String missing = dir.resolve("ttyNOPE").toString();
        SerialPortException e = assertThrows(SerialPortException.class, () -> SerialPorts.opener(missing, 115200, 50).open());
        assertEquals(SerialPortException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().startsWith("no serial port '" + missing + "'; "), e.getMessage());
        assertTrue(e.getMessage().contains("ports here:") || e.getMessage().contains("no serial ports found"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aFileThatIsNotATerminalIsNotASerialPort() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "not a port");
        SerialPortException e = assertThrows(SerialPortException.class,
                () -> SerialPorts.opener(file.toString(), 115200, 50).open());
        assertEquals(SerialPortException.Kind.NOT_A_SERIAL_PORT, e.kind());
    }

    @Test
    void aCustomBaudRateThatAPseudoTerminalRefusesIsNamedAsSuch() throws Exception {
        try (PtyPair pty = PtyPair.start(dir)) {
            SerialPortException e = assertThrows(SerialPortException.class,
                    () -> SerialPorts.opener(pty.device().toString(), 12345, 50).open());
            assertEquals(SerialPortException.Kind.BAUD_NOT_SUPPORTED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith(pty.device() + ": the port does not take 12345 baud"), e.getMessage());
            try (ByteLink link = SerialPorts.opener(pty.device().toString(), 115200, 50).open()) {
                assertEquals(pty.device().toString(), link.name(), "the probe left the port free");
            }
        }
    }

    @Test
    void aPseudoTerminalOpensByItsLinkAndCarriesBytes() throws Exception {
        try (PtyPair pty = PtyPair.start(dir)) {
            try (ByteLink device = SerialPorts.opener(pty.device().toString(), 115200, 50).open();
                 ByteLink host = SerialPorts.opener(pty.host().toString(), 115200, 50).open()) {
                byte[] hello = "hello\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                device.write(hello, 0, hello.length);
                byte[] got = new byte[16];
                int n = 0;
                for (int i = 0; i < 100 && n < hello.length; i++) {
                    n += Math.max(0, host.read(got, n, got.length - n));
                }
                assertEquals("hello\n", new String(got, 0, n, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aPortHeldByAnotherProgramIsBusyInOneLine() throws Exception {
        try (PtyPair pty = PtyPair.start(dir)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PortHolder.class.getName(), pty.host().toString()).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("open " + pty.host(), out.readLine(), "the holding program did not open the port");
                assertBusy(pty.host().toString());
            } finally {
                holder.getOutputStream().close();
                if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                    holder.destroyForcibly().waitFor();
                }
            }
            try (ByteLink again = SerialPorts.opener(pty.host().toString(), 115200, 50).open()) {
                assertEquals(pty.host().toString(), again.name(), "the port opens once the other program let it go");
            }
        }
    }

    @Test
    void aPortOpenedTwiceInOneProgramIsBusyInOneLine() throws Exception {
        try (PtyPair pty = PtyPair.start(dir)) {
            try (ByteLink first = SerialPorts.opener(pty.host().toString(), 115200, 50).open()) {
                assertBusy(pty.host().toString());
            }
            try (ByteLink again = SerialPorts.opener(pty.host().toString(), 115200, 50).open()) {
                assertEquals(pty.host().toString(), again.name(), "the port opens once the first link closed");
            }
        }
    }

    private static void assertBusy(String port) {
        SerialPortException e = assertThrows(SerialPortException.class, () -> SerialPorts.opener(port, 115200, 50).open());
        assertEquals(SerialPortException.Kind.BUSY, e.kind(), e.getMessage());
        assertEquals(port + ": the port is in use by another program (a serial monitor, another soleus): close it and"
                + " try again", e.getMessage());
    }

    @Test
    void permissionDeniedSaysHowToGetAccess() {
        SerialPortException e = SerialPorts.openFailed("/dev/ttyUSB0", dir.toString(), 13);
        assertEquals(SerialPortException.Kind.PERMISSION_DENIED, e.kind());
        assertTrue(e.getMessage().startsWith("/dev/ttyUSB0: permission denied; "), e.getMessage());
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            assertTrue(e.getMessage().contains("group") && e.getMessage().contains("udev rule"), e.getMessage());
            assertFalse(e.getMessage().contains("usermod -aG root"), "joining the root group is no advice: " + e.getMessage());
        }
    }

    @Test
    void aFolderGivenAsThePortIsNoSerialPort() {
        SerialPortException e = assertThrows(SerialPortException.class, () -> SerialPorts.opener(dir.toString(), 115200, 50)
                .open());
        assertEquals(SerialPortException.Kind.NOT_A_SERIAL_PORT, e.kind(), e.getMessage());
        assertEquals(dir + ": not a serial port (" + dir + " is a directory); list the ports with 'soleus ports'",
                e.getMessage());
    }
}
