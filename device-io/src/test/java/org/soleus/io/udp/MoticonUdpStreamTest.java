package org.soleus.io.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.soleus.io.codec.Protocol;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;

/**
 * A Moticon OpenGo export replayed as the app's live UDP output (one datagram per sample, in
 * the app's field order, tab- and space-separated) through a real UDP socket on the loopback
 * interface: every sample arrives with the values of the file, and datagrams left out are
 * counted as lost frames from the time column.
 */
final class MoticonUdpStreamTest {
    private static final Path EXPORT = Path.of("..", "sample-data", "moticon-opengo", "230927_102114.txt");
    private static final SerialStream.Settings SETTINGS = new SerialStream.Settings(1 << 14, 5, 5, 5, 0, 0.05, 0.1);

    @Test
    void everySampleArrivesAndLeftOutDatagramsAreCountedLost() throws Exception {
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
        try (SerialStream stream = new SerialStream(UdpLink.opener(address, 50, MoticonUdp.prelude()), address,
                Protocol.MOTICON.newDecoder(Double.NaN), SETTINGS, SerialStream.Listener.NONE, "check --protocol");
             DatagramSocket sender = new DatagramSocket()) {
            stream.start();
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int i = 0; i < export.length(); i++) {
                if (i % skipEvery == skipEvery - 1 && i < export.length() - 1) {
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
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (received.size() < sent && System.nanoTime() < deadline) {
                if (stream.poll(row -> {
                    float[] values = new float[row.width()];
                    row.copyValues(values, 0);
                    received.add(values);
                }, 1024) == 0) {
                    Thread.sleep(5);
                }
            }
            assertEquals(MoticonUdp.channels(), stream.descriptor().channelNames());
            assertEquals(sent, received.size(), "rows received");
            assertEquals(skipped, stream.counters().lostFrames(), "lost frames counted from the time column");
            assertEquals(0, stream.counters().malformed());
        }
        int row = 0;
        for (int i = 0; i < export.length(); i++) {
            if (i % skipEvery == skipEvery - 1 && i < export.length() - 1) {
                continue;
            }
            float[] values = received.get(row++);
            for (int c = 0; c < channels.size(); c++) {
                float expected = channels.get(c).get(i);
                assertEquals(expected, values[c], 0f, "sample " + i + " " + channels.get(c).name());
            }
        }
    }

    @Test
    void aPortTakenByAnotherProgramIsOneLine() throws Exception {
        try (DatagramSocket other = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String address = "udp:127.0.0.1:" + other.getLocalPort();
            SerialPortException e = assertThrows(SerialPortException.class,
                    () -> UdpLink.opener(address, 50, "").open());
            assertEquals(SerialPortException.Kind.BUSY, e.kind());
            assertTrue(e.getMessage().startsWith(address + ": cannot listen there"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void aMalformedAddressNamesTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UdpLink.opener("udp:x", 50, ""));
        assertTrue(e.getMessage().contains("udp:7777"), e.getMessage());
    }

    /** One sample as the app sends it: fields separated by a tab or a space, missing values as nan. */
    private static byte[] datagram(double timeS, List<Channel> channels, int i) {
        StringBuilder b = new StringBuilder(400).append(String.format(Locale.ROOT, "%.2f", timeS));
        for (int c = 0; c < channels.size(); c++) {
            float v = channels.get(c).get(i);
            b.append(c % 2 == 0 ? '\t' : ' ').append(Float.isNaN(v) ? "nan" : Float.toString(v));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static int freePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
