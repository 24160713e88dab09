package org.soleus.io.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.io.SampleData;
import org.soleus.io.codec.Protocol;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;

/**
 * A Moticon OpenGo export replayed as the app's live UDP output (one datagram per sample, in
 * the app's field order, tab- and space-separated) through a real UDP socket on the loopback
 * interface: the samples arrive in order with the values of the file, and datagrams left out are
 * counted as lost frames from the time column. UDP may drop a datagram even on the loopback
 * interface (a full receive buffer while the reader thread waits for a processor), so the test
 * asserts on the samples that did arrive and counts any the network dropped as lost too.
 */
final class MoticonUdpStreamTest {
    private static final Path EXPORT = SampleData.of("moticon-opengo", "230927_102114.txt");
    private static final SerialStream.Settings SETTINGS = new SerialStream.Settings(1 << 14, 5, 5, 5, 0, 0.05, 0.1);

    /** Share of the sent datagrams that must arrive: all do on an idle machine. */
    private static final double MIN_ARRIVED_SHARE = 0.8;
    /** How long to wait for one more row before taking the rest as dropped, ns. */
    private static final long QUIET_NANOS = 3_000_000_000L;

    @Test
    void samplesArriveInOrderAndLeftOutDatagramsAreCountedLost() throws Exception {
        Recording export = Recordings.read(EXPORT, new ReadOptions(null, Double.NaN, Double.NaN));
        List<Channel> channels = new ArrayList<>();
        for (ChannelName name : MoticonUdp.channels()) {
            channels.add(export.find(name).orElseThrow(() -> new AssertionError(name + " not in the export")));
        }
        int port = freePort();
        String address = "udp:127.0.0.1:" + port;
        int skipEvery = 97;
        int sent = 0;
        int skipped = 0;
        List<float[]> received = new ArrayList<>();
        List<Long> receivedTimesUs = new ArrayList<>();
        try (SerialStream stream = new SerialStream(UdpLink.opener(address, 50, MoticonUdp.prelude(), message -> { }), address,
                Protocol.MOTICON.newDecoder(Double.NaN, false), SETTINGS, SerialStream.Listener.NONE, "check --protocol");
             DatagramSocket sender = new DatagramSocket()) {
            stream.start();
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int i = 0; i < export.length(); i++) {
                if (leftOut(i, skipEvery, export.length())) {
                    skipped++;
                    continue;
                }
                byte[] datagram = datagram(export.timeS(i), channels, i);
                sender.send(new DatagramPacket(datagram, datagram.length, loopback, port));
                sent++;
                if (sent % 10 == 0) {
                    Thread.sleep(1);
                }
            }
            // every row, or until none came for a while (the rest was dropped)
            long lastRowNanos = System.nanoTime();
            while (received.size() < sent && System.nanoTime() - lastRowNanos < QUIET_NANOS) {
                stream.awaitRows(50_000_000L);
                if (stream.poll(row -> {
                    float[] values = new float[row.width()];
                    row.copyValues(values, 0);
                    received.add(values);
                    receivedTimesUs.add(row.deviceTimeUs());
                }, 1024) > 0) {
                    lastRowNanos = System.nanoTime();
                }
            }
            // the counters are published after the decode call that handed on the last row
            long countedSince = System.nanoTime();
            while (stream.counters().frames() < received.size() && System.nanoTime() - countedSince < QUIET_NANOS) {
                Thread.sleep(1);
            }
            assertEquals(received.size(), stream.counters().frames(), "frames counted");
            assertEquals(MoticonUdp.channels(), stream.descriptor().channelNames());
            assertEquals(0, stream.counters().malformed());
            assertTrue(received.size() >= MIN_ARRIVED_SHARE * sent, received.size() + " of " + sent + " rows arrived");
            // each row is a sample that was sent, later than the row before, with the file's values
            int previous = -1;
            for (int row = 0; row < received.size(); row++) {
                double timeS = receivedTimesUs.get(row) / 1e6;
                int i = (int) Math.round((timeS - export.timeS(0)) * export.sampleRateHz());
                String where = "row " + row + " at " + timeS + " s";
                assertTrue(i > previous && i < export.length(), where + ": sample " + i + " after " + previous);
                assertEquals(Math.round(Double.parseDouble(timeText(export.timeS(i))) * 1e6), receivedTimesUs.get(row),
                        where);
                assertFalse(leftOut(i, skipEvery, export.length()), where + ": sample " + i + " was never sent");
                for (int c = 0; c < channels.size(); c++) {
                    assertEquals(channels.get(c).get(i), received.get(row)[c], 0f, where + " " + channels.get(c).name());
                }
                previous = i;
            }
            // every sample between the first and the last row that did not arrive is a lost frame:
            // those left out, and any the network dropped
            int first = (int) Math.round((receivedTimesUs.get(0) / 1e6 - export.timeS(0)) * export.sampleRateHz());
            long between = previous - first + 1;
            int leftOutBetween = 0;
            for (int i = first; i <= previous; i++) {
                leftOutBetween += leftOut(i, skipEvery, export.length()) ? 1 : 0;
            }
            assertTrue(leftOutBetween >= skipped / 2, leftOutBetween + " of " + skipped + " left out within the rows");
            assertEquals(between - received.size(), stream.counters().lostFrames(),
                    "lost frames counted from the time column, " + leftOutBetween + " of them left out");
        }
    }

    private static boolean leftOut(int i, int skipEvery, int length) {
        return i % skipEvery == skipEvery - 1 && i < length - 1;
    }

    /**
     * Two senders on one port: the link keeps to the first, leaves the second's datagrams out and
     * says so once, naming both; otherwise two walks would be mixed into one stream.
     */
    @Test
    void aSecondSendersDatagramsAreLeftOutAndToldOnce() throws Exception {
        int port = freePort();
        List<String> messages = new ArrayList<>();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ByteLink link = UdpLink.opener("udp:127.0.0.1:" + port, 50, "", messages::add).open();
             DatagramSocket first = new DatagramSocket(0, loopback);
             DatagramSocket second = new DatagramSocket(0, loopback)) {
            StringBuilder read = new StringBuilder();
            byte[] buffer = new byte[256];
            for (String text : new String[] {"a 1", "b 1", "a 2", "b 2", "b 3", "a 3"}) {
                DatagramSocket from = text.startsWith("a") ? first : second;
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                from.send(new DatagramPacket(bytes, bytes.length, loopback, port));
            }
            long deadline = System.nanoTime() + QUIET_NANOS;
            while (read.chars().filter(c -> c == '\n').count() < 3 && System.nanoTime() < deadline) {
                int n = link.read(buffer, 0, buffer.length);
                read.append(new String(buffer, 0, Math.max(n, 0), StandardCharsets.US_ASCII));
            }
            assertEquals("a 1\na 2\na 3\n", read.toString());
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.get(0).startsWith("soleus: udp:127.0.0.1:" + port + ": datagrams from /127.0.0.1:"
                    + second.getLocalPort() + " left out: the stream is the first sender's, /127.0.0.1:"
                    + first.getLocalPort()), messages.get(0));
        }
    }

    @Test
    void aPortTakenByAnotherProgramIsOneLine() throws Exception {
        try (DatagramSocket other = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String address = "udp:127.0.0.1:" + other.getLocalPort();
            SerialPortException e = assertThrows(SerialPortException.class,
                    () -> UdpLink.opener(address, 50, "", message -> { }).open());
            assertEquals(SerialPortException.Kind.BUSY, e.kind());
            assertTrue(e.getMessage().startsWith(address + ": cannot listen there"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void aMalformedAddressNamesTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UdpLink.opener("udp:x", 50, "", message -> { }));
        assertTrue(e.getMessage().contains("udp:7777"), e.getMessage());
    }

    /** One sample as the app sends it: fields separated by a tab or a space, missing values as nan. */
    private static byte[] datagram(double timeS, List<Channel> channels, int i) {
        StringBuilder b = new StringBuilder(400).append(timeText(timeS));
        for (int c = 0; c < channels.size(); c++) {
            float v = channels.get(c).get(i);
            b.append(c % 2 == 0 ? '\t' : ' ').append(Float.isNaN(v) ? "nan" : Float.toString(v));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The timestamp as the app writes it, s. */
    private static String timeText(double timeS) {
        return String.format(Locale.ROOT, "%.2f", timeS);
    }

    private static int freePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
