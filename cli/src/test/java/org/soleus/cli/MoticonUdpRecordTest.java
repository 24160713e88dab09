package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code soleus record --port udp:… --protocol moticon} on a Moticon OpenGo export sent as the
 * app's live UDP datagrams: the recording analyses to the strides of the export itself. This
 * export has no gap in its time column, so no frame may be lost (the other shipped export skips
 * a sample at 16.44 s, which the export reader and the UDP receiver both count as missing).
 */
final class MoticonUdpRecordTest {
    private static final Path EXPORT = Path.of("..", "sample-data", "moticon-opengo", "230927_102231.txt");

    @TempDir
    Path dir;

    @Test
    void aRecordedUdpStreamAnalysesLikeTheExport() throws Exception {
        List<String> rows = Files.readAllLines(EXPORT, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path recorded = dir.resolve("walk.csv");
        CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run("record",
                "--port", "udp:127.0.0.1:" + port, "--protocol", "moticon", "--out", recorded.toString(),
                "--duration", String.valueOf(rows.size() / 100.0), "--mass", "70"));
        awaitListener(port, record);
        try (DatagramSocket sender = new DatagramSocket()) {
            for (int i = 0; i < rows.size(); i++) {
                byte[] datagram = udpFields(rows.get(i).split("\t", -1)).getBytes(StandardCharsets.US_ASCII);
                sender.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
                // Paced so that the receiving socket's buffer never fills on a busy machine (about two
                // thousand datagrams a second, many times the insoles' rate; the kernel may give the
                // socket no more than 200 kB, some 500 datagrams): loss would be the test's.
                if (i % 2 == 1) {
                    Thread.sleep(1);
                }
            }
        }
        Cli.Result r = record.get();
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(rows.size() + " samples") && r.out().contains("0 frames lost"), r.out());

        Path fromUdp = dir.resolve("udp");
        Path fromExport = dir.resolve("export");
        assertEquals(0, Cli.run("analyze", recorded.toString(), "--out", fromUdp.toString()).exitCode());
        assertEquals(0, Cli.run("analyze", EXPORT.toString(), "--mass", "70", "--out", fromExport.toString()).exitCode());
        List<String> udpStrides = Files.readAllLines(fromUdp.resolve("strides.csv"));
        assertTrue(udpStrides.size() > 10, udpStrides.toString());
        assertEquals(Files.readAllLines(fromExport.resolve("strides.csv")), udpStrides);
        assertEquals("load-levels", Cli.summary(fromUdp).at("/settings/event_timing").asText(),
                "the recording keeps the stream's timing, the export's");
        assertEquals("file", Cli.summary(fromUdp).at("/settings/event_timing_source").asText());
    }

    @Test
    void aUdpStreamThatNeverStartsLeavesNoFileAndKeepsTheOneThere() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path fresh = dir.resolve("fresh.csv");
        Cli.Result r = Cli.run("record", "--port", "udp:127.0.0.1:" + port, "--protocol", "moticon", "--out",
                fresh.toString(), "--idle-timeout", "1");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("soleus: udp:127.0.0.1:" + port + ": nothing arrived in 1 s: is the sender (the app or device) sending"
                + " to this port?; " + fresh + " was not written", r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(fresh));

        Path kept = Files.writeString(dir.resolve("kept.csv"), "precious");
        Cli.Result forced = Cli.run("record", "--port", "udp:127.0.0.1:" + port, "--protocol", "moticon", "--out",
                kept.toString(), "--force", "--idle-timeout", "1");
        assertEquals(1, forced.exitCode(), forced.err());
        assertEquals("precious", Files.readString(kept));
    }

    @Test
    void aBadUdpAddressOrMoticonOverASerialPortIsAUsageError() {
        Cli.Result address = Cli.run("record", "--port", "udp:x", "--out", dir.resolve("x.csv").toString());
        assertEquals(2, address.exitCode(), address.err());
        assertEquals("soleus: --port: 'udp:x': the UDP port must be a number from 1 to 65535, as in udp:7777 or "
                + "udp:127.0.0.1:7777 (see 'soleus record --help')", address.err().strip());
        Cli.Result serial = Cli.run("live", "--port", "/dev/ttyUSB0", "--protocol", "moticon");
        assertEquals(2, serial.exitCode(), serial.err());
        assertEquals("soleus: --protocol moticon reads the Moticon app's UDP output: give --port udp:PORT with the port "
                + "set in the app, not /dev/ttyUSB0 (see 'soleus live --help')", serial.err().strip());
    }

    /**
     * The app's UDP fields from an export row: time, then per side acceleration, angular rate,
     * centre of pressure, 16 pressures, total force. An export row has the time, then per side
     * (left first) 16 pressures, acceleration, angular rate, total force and centre of
     * pressure, then the vendor step columns.
     */
    private static String udpFields(String[] c) {
        StringBuilder b = new StringBuilder(c[0]);
        for (int side = 0; side < 2; side++) {
            int block = 1 + side * 25;
            for (int k = 16; k < 22; k++) {
                append(b, c[block + k]);
            }
            append(b, c[block + 23]);
            append(b, c[block + 24]);
            for (int cell = 0; cell < 16; cell++) {
                append(b, c[block + cell]);
            }
            append(b, c[block + 22]);
        }
        return b.toString();
    }

    /**
     * Waits until {@code record} listens on the port: it shows in the kernel's table of UDP
     * sockets, IPv4 or IPv6 (Linux, as the pseudo-terminal tests; binding the port to probe it would take it
     * from {@code record}).
     */
    private static void awaitListener(int port, CompletableFuture<Cli.Result> record) throws Exception {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        while (!record.isDone()) {
            for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 1 && (fields[1] + " ").endsWith(local)) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("record ended before listening: " + record.get());
    }

    private static void append(StringBuilder b, String cell) {
        b.append(' ').append(cell.isEmpty() ? "nan" : cell);
    }
}
