package org.soleus.io.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.codec.BinaryDecoder;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.ChannelSpec;
import org.soleus.io.codec.LineDecoder;
import org.soleus.io.codec.StreamDecoder;
import org.soleus.io.codec.StreamDescriptor;

/** The reader thread's fault handling, on scripted links. */
final class SerialStreamTest {
    private static final SerialStream.Settings SHORT = new SerialStream.Settings(64, 0.3, 0.3, 0.3, 0.3, 0.02, 0.05);

    /** A link that hands out the scripted chunks, then nothing (0) or a disconnect (-1) forever. */
    private static class ScriptedLink implements ByteLink {
        private final Deque<byte[]> chunks;
        private final boolean disconnectAtEnd;

        ScriptedLink(List<byte[]> chunks, boolean disconnectAtEnd) {
            this.chunks = new ArrayDeque<>(chunks);
            this.disconnectAtEnd = disconnectAtEnd;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            byte[] next = chunks.poll();
            if (next == null) {
                if (disconnectAtEnd) {
                    return -1;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }
            System.arraycopy(next, 0, buffer, offset, next.length);
            return next.length;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void close() {
        }
    }

    private static SerialPortException faultOf(LinkOpener opener, StreamDecoder decoder) throws Exception {
        return faultOf(opener, decoder, SHORT);
    }

    private static SerialPortException faultOf(LinkOpener opener, StreamDecoder decoder, SerialStream.Settings settings)
            throws Exception {
        SerialStream stream = new SerialStream(opener, "/dev/ttyTEST", decoder, settings, SerialStream.Listener.NONE,
                "check --baud and --protocol");
        stream.start();
        for (int i = 0; i < 500 && stream.isRunning(); i++) {
            Thread.sleep(10);
        }
        stream.close();
        return stream.fault();
    }

    private static byte[] binaryStream(StreamDescriptor d, int frames, boolean withDescriptor) {
        BinaryEncoder encoder = new BinaryEncoder(d);
        byte[] out = new byte[1 + encoder.descriptorFrameBytes() + frames * encoder.sampleFrameBytes()];
        int p = 1;
        if (withDescriptor) {
            p = encoder.encodeDescriptor(0, 0, out, p);
        }
        for (int i = 0; i < frames; i++) {
            p = encoder.encodeSamples(i, i * 10_000L, new float[] {i}, out, p);
        }
        return java.util.Arrays.copyOf(out, p);
    }

    private static StreamDescriptor oneChannel(String name) {
        return new StreamDescriptor(100, List.of(ChannelSpec.ofFloat(ChannelName.parse(name))), Map.of());
    }

    @Test
    void saysWhenNothingArrives() throws Exception {
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(), false), new BinaryDecoder());
        assertEquals(SerialPortException.Kind.NO_DATA, e.kind());
        assertTrue(e.getMessage().startsWith("/dev/ttyTEST: nothing arrived in 0.3 s"), e.getMessage());
    }

    /** A short time is told as the option gives it, not in a computer's exponent notation. */
    @Test
    void aShortTimeIsToldInDecimals() throws Exception {
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(), false), new BinaryDecoder(),
                new SerialStream.Settings(64, 0.0001, 0.3, 0.3, 0.3, 0.02, 0.05));
        assertTrue(e.getMessage().startsWith("/dev/ttyTEST: nothing arrived in 0.0001 s"), e.getMessage());
    }

    @Test
    void saysWhenBytesArriveButNothingDecodes() throws Exception {
        byte[] text = "1023,512,77\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(text), false), new BinaryDecoder());
        assertEquals(SerialPortException.Kind.NOTHING_DECODES, e.kind());
        assertTrue(e.getMessage().contains("240 bytes arrived") && e.getMessage().endsWith("check --baud and --protocol"),
                e.getMessage());
    }

    @Test
    void saysWhenTheChannelsAreDeclaredButNoLineFitsThem() throws Exception {
        byte[] text = ("left.insole.force_n\n" + "x%$#\n".repeat(20)).getBytes(StandardCharsets.US_ASCII);
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(text), false), new LineDecoder(100));
        assertEquals(SerialPortException.Kind.NOTHING_DECODES, e.kind());
        assertTrue(e.getMessage().contains("20 of 20 lines or frames since the stream began do not decode"), e.getMessage());
    }

    /** A working stream with a few bad lines (a noisy cable) is not taken for a wrong protocol. */
    @Test
    void aFewMalformedLinesAmongGoodOnesAreNoFault() throws Exception {
        StringBuilder text = new StringBuilder("left.insole.force_n\n");
        for (int i = 0; i < 200; i++) {
            text.append(i % 20 == 7 ? "x%$#\n" : i + "\n");
        }
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(text.toString().getBytes(StandardCharsets.US_ASCII)),
                false), new LineDecoder(100));
        assertEquals(SerialPortException.Kind.STOPPED, e.kind(), "ends as a device that stops sending: " + e.getMessage());
    }

    /** A line device that states 100 Hz and sends rows every 5 ms is stopped with the rate to pass, not half recorded. */
    @Test
    void saysWhenRowsComeFasterThanTheStatedRate() throws Exception {
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        for (int i = 0; i < 200; i++) {
            text.append(i * 5_000).append(',').append(500 + i).append('\n');
        }
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(text.toString().getBytes(StandardCharsets.US_ASCII)),
                false), new LineDecoder(Double.NaN));
        assertEquals(SerialPortException.Kind.NOTHING_DECODES, e.kind());
        assertTrue(e.getMessage().startsWith("/dev/ttyTEST: rows come every 0.005000 s, faster than the 100.0 Hz the stream"
                + " states"), e.getMessage());
        assertTrue(e.getMessage().endsWith("pass --rate 200, or have the firmware state its rate"), e.getMessage());
    }

    /** A binary stream read as lines: now and then a piece between two newline bytes reads as a row. */
    @Test
    void saysWhenAlmostNothingFitsTheChannels() throws Exception {
        byte[] text = ("left.insole.force_n\n" + "12\n" + "x%$#\n".repeat(20)).getBytes(StandardCharsets.US_ASCII);
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(text), false), new LineDecoder(100));
        assertEquals(SerialPortException.Kind.NOTHING_DECODES, e.kind());
        assertTrue(e.getMessage().contains("20 of 21 lines or frames since the stream began do not decode"), e.getMessage());
    }

    @Test
    void saysWhenFramesComeWithoutADescriptor() throws Exception {
        byte[] frames = binaryStream(oneChannel("left.insole.force_n"), 5, false);
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(frames), false), new BinaryDecoder());
        assertEquals(SerialPortException.Kind.NO_DESCRIPTOR, e.kind());
    }

    @Test
    void saysWhenTheDeviceStopsMidStreamAndKeepsWhatArrived() throws Exception {
        byte[] frames = binaryStream(oneChannel("left.insole.force_n"), 7, true);
        SerialStream stream = new SerialStream(() -> new ScriptedLink(List.of(frames), false), "/dev/ttyTEST",
                new BinaryDecoder(), SHORT, SerialStream.Listener.NONE, "");
        stream.start();
        while (stream.isRunning()) {
            Thread.sleep(10);
        }
        assertEquals(SerialPortException.Kind.STOPPED, stream.fault().kind());
        assertTrue(stream.fault().getMessage().contains("after 7 frames"), stream.fault().getMessage());
        AtomicInteger rows = new AtomicInteger();
        assertEquals(7, stream.poll(row -> rows.incrementAndGet(), 100));
        assertEquals(7, rows.get());
    }

    /**
     * A read that never returns on its own is cut by the consumer waiting for rows once it has
     * lasted the idle timeout, and the silence is then judged as after any read: the device
     * stopped sending, after the frames that came.
     */
    @Test
    void aReadThatDoesNotReturnIsCutAndTheSilenceJudged() throws Exception {
        StuckLink link = new StuckLink(true, 0, List.of(binaryStream(oneChannel("left.insole.force_n"), 7, true)));
        SerialStream stream = new SerialStream(() -> link, "/dev/ttyTEST", new BinaryDecoder(), SHORT,
                SerialStream.Listener.NONE, "");
        stream.start();
        while (stream.isRunning()) {
            stream.awaitRows(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertTrue(link.cut, "the read ended because the port was closed under it");
        assertEquals(SerialPortException.Kind.STOPPED, stream.fault().kind());
        assertTrue(stream.fault().getMessage().contains("after 7 frames"), stream.fault().getMessage());
        assertEquals(7, stream.poll(row -> { }, 100));
        stream.close();
    }

    @Test
    void reconnectsAfterAnUnplugAndMarksTheNextRow() throws Exception {
        byte[] frames = binaryStream(oneChannel("left.insole.force_n"), 3, true);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger reconnected = new AtomicInteger();
        LinkOpener opener = () -> {
            int n = opened.getAndIncrement();
            if (n == 1 || n == 2) {
                throw new SerialPortException(SerialPortException.Kind.NOT_FOUND, "no serial port");
            }
            return new ScriptedLink(List.of(frames), n == 0);
        };
        SerialStream stream = new SerialStream(opener, "/dev/ttyTEST", new BinaryDecoder(), SHORT,
                new SerialStream.Listener() {
                    @Override
                    public void onDisconnected(String port) {
                    }

                    @Override
                    public void onReconnected(String port, double downS) {
                        reconnected.incrementAndGet();
                    }
                }, "");
        stream.start();
        while (stream.isRunning()) {
            Thread.sleep(10);
        }
        assertEquals(SerialPortException.Kind.STOPPED, stream.fault().kind());
        assertEquals(1, reconnected.get());
        assertEquals(1, stream.status().reconnects());
        int[] flags = new int[6];
        int[] k = {0};
        assertEquals(6, stream.poll(row -> flags[k[0]++] = row.flags(), 100));
        assertEquals(0, flags[0] | flags[1] | flags[2] | flags[4] | flags[5]);
        assertEquals(org.soleus.io.stream.SampleRow.AFTER_RECONNECT, flags[3]);
    }

    @Test
    void closingTheStreamIsNotADisconnect() throws Exception {
        byte[] frames = binaryStream(oneChannel("left.insole.force_n"), 3, true);
        AtomicInteger disconnects = new AtomicInteger();
        // like a serial port closed under a blocked read: the read ends with -1 when interrupted
        ByteLink port = new ScriptedLink(List.of(frames), false) {
            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = super.read(buffer, offset, length);
                return Thread.currentThread().isInterrupted() ? -1 : n;
            }
        };
        SerialStream stream = new SerialStream(() -> port, "/dev/ttyTEST", new BinaryDecoder(), SHORT,
                new SerialStream.Listener() {
                    @Override
                    public void onDisconnected(String name) {
                        disconnects.incrementAndGet();
                    }

                    @Override
                    public void onReconnected(String name, double downS) {
                    }
                }, "");
        stream.start();
        for (int i = 0; i < 500 && stream.status().frames() < 3; i++) {
            Thread.sleep(10);
        }
        stream.close();
        assertEquals(3, stream.status().frames());
        assertEquals(0, disconnects.get(), "a stop asked for is not a cable fault");
        assertEquals(null, stream.fault());
    }

    /** A device silent after the port came back: the silence is told from the disconnect, not from the reconnect only. */
    @Test
    void aDeviceSilentAfterTheReconnectIsToldSo() throws Exception {
        byte[] frames = binaryStream(oneChannel("left.insole.force_n"), 3, true);
        AtomicInteger opened = new AtomicInteger();
        SerialPortException e = faultOf(() -> opened.getAndIncrement() == 0 ? new ScriptedLink(List.of(frames), true)
                : new ScriptedLink(List.of(), false), new BinaryDecoder());
        assertEquals(SerialPortException.Kind.STOPPED, e.kind());
        assertTrue(e.getMessage().matches(".*: the device stopped sending \\(nothing for [0-9.]+ s after 3 frames; nothing"
                + " came since the port was back, after [0-9.]+ s away\\)"), e.getMessage());
    }

    @Test
    void givesUpWhenThePortStaysAway() throws Exception {
        byte[] frames = binaryStream(oneChannel("left.insole.force_n"), 3, true);
        AtomicInteger opened = new AtomicInteger();
        SerialPortException e = faultOf(() -> {
            if (opened.getAndIncrement() > 0) {
                throw new SerialPortException(SerialPortException.Kind.NOT_FOUND, "no serial port '/dev/ttyTEST'");
            }
            return new ScriptedLink(List.of(frames), true);
        }, new BinaryDecoder());
        assertEquals(SerialPortException.Kind.DISCONNECTED, e.kind());
        assertTrue(e.getMessage().contains("not back within 0.3 s (no serial port"), e.getMessage());
    }

    @Test
    void refusesAChangeOfChannels() throws Exception {
        byte[] text = ("left.insole.force_n\n1\n2\nright.insole.force_n\n3\n").getBytes(StandardCharsets.US_ASCII);
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(text), false), new LineDecoder(100));
        assertEquals(SerialPortException.Kind.DECLARATION_CHANGED, e.kind());
    }

    /**
     * A device that restarts at another sample rate or with another subject's body mass would put
     * every later duration, or every figure in body weights, under the first one's: refused as a
     * change of channels is.
     */
    @Test
    void refusesAChangeOfSampleRateOrBodyMass() throws Exception {
        byte[] rate = ("# sample_rate_hz: 100\nleft.insole.force_n\n1\n2\n"
                + "# sample_rate_hz: 200\nleft.insole.force_n\n3\n").getBytes(StandardCharsets.US_ASCII);
        SerialPortException e = faultOf(() -> new ScriptedLink(List.of(rate), false), new LineDecoder(Double.NaN));
        assertEquals(SerialPortException.Kind.DECLARATION_CHANGED, e.kind());
        assertTrue(e.getMessage().contains("changed its sample rate mid-stream (from 100 Hz to 200 Hz): start a new"
                + " recording"), e.getMessage());

        byte[] mass = ("# sample_rate_hz: 100\n# body_mass_kg: 70\nleft.insole.force_n\n1\n2\n"
                + "# sample_rate_hz: 100\n# body_mass_kg: 95\nleft.insole.force_n\n3\n").getBytes(StandardCharsets.US_ASCII);
        e = faultOf(() -> new ScriptedLink(List.of(mass), false), new LineDecoder(Double.NaN));
        assertEquals(SerialPortException.Kind.DECLARATION_CHANGED, e.kind());
        assertTrue(e.getMessage().contains("changed the body mass mid-stream (from 70 kg to 95 kg)"), e.getMessage());
    }

    @Test
    void anOpenFailureSurfacesFromStart() {
        SerialPortException busy = new SerialPortException(SerialPortException.Kind.BUSY, "/dev/ttyTEST: in use");
        SerialStream stream = new SerialStream(() -> {
            throw busy;
        }, "/dev/ttyTEST", new BinaryDecoder(), SHORT, SerialStream.Listener.NONE, "");
        assertSame(busy, assertThrows(SerialPortException.class, stream::start));
    }

    /**
     * A link whose read, once started (after handing out its {@code first} chunks), returns only
     * when the link is closed, deaf to interrupts (as a read stuck in a driver is, or one on a
     * terminal whose read timeout something else undid); its close takes {@code closeMillis}, as a
     * serial port's does while its output drains.
     */
    private static final class StuckLink implements ByteLink {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        private final boolean stuck;
        private final long closeMillis;
        private final Deque<byte[]> first;
        private volatile boolean isClosed;
        /** Whether a read returned because the link was closed under it. */
        private volatile boolean cut;

        StuckLink(boolean stuck, long closeMillis) {
            this(stuck, closeMillis, List.of());
        }

        StuckLink(boolean stuck, long closeMillis, List<byte[]> first) {
            this.stuck = stuck;
            this.closeMillis = closeMillis;
            this.first = new ArrayDeque<>(first);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            byte[] next = first.poll();
            if (next != null) {
                System.arraycopy(next, 0, buffer, offset, next.length);
                return next.length;
            }
            reading.countDown();
            long until = System.nanoTime() + (stuck ? TimeUnit.SECONDS.toNanos(30) : TimeUnit.MILLISECONDS.toNanos(10));
            while (!isClosed && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            cut = isClosed;
            return isClosed ? -1 : 0;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public void close() {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeMillis);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            isClosed = true;
            closed.countDown();
        }
    }

    @Test
    void closeReturnsOnlyOnceThePortIsClosedEvenWhenTheStoppingThreadIsInterrupted() throws Exception {
        StuckLink link = new StuckLink(false, 300);
        SerialStream stream = new SerialStream(() -> link, "/dev/ttyTEST", new BinaryDecoder(),
                new SerialStream.Settings(64, 60, 60, 60, 60, 0.02, 0.05), SerialStream.Listener.NONE, "");
        stream.start();
        assertTrue(link.reading.await(5, TimeUnit.SECONDS));
        Thread.currentThread().interrupt();
        try {
            stream.close();
            assertEquals(0, link.closed.getCount(), "close() returned while the reader still had the port open");
            assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is kept");
        } finally {
            Thread.interrupted();
        }
        assertFalse(stream.isRunning());
        assertNull(stream.fault());
    }

    @Test
    void aReaderStuckInTheDriverHasItsPortClosedByTheStopAndSaysWhere() throws Exception {
        StuckLink link = new StuckLink(true, 0);
        SerialStream stream = new SerialStream(() -> link, "/dev/ttyTEST", new BinaryDecoder(),
                new SerialStream.Settings(64, 60, 60, 60, 60, 0.02, 0.05), SerialStream.Listener.NONE, "");
        stream.stopWaitMillis(200);
        stream.start();
        assertTrue(link.reading.await(5, TimeUnit.SECONDS));
        stream.close();
        assertEquals(0, link.closed.getCount(), "the port was left open");
        SerialPortException fault = stream.fault();
        assertTrue(fault != null && fault.getMessage().startsWith("/dev/ttyTEST: the reader did not stop within 0.2 s (at ")
                && fault.getMessage().contains("StuckLink.read") && fault.getMessage().endsWith("; its port was closed by the stop"),
                String.valueOf(fault));
    }
}
