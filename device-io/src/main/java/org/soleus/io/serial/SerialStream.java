package org.soleus.io.serial;

import static org.soleus.io.format.ReadOptions.BODY_MASS_KEY;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.soleus.io.codec.DecoderCounters;
import org.soleus.io.codec.FrameSink;
import org.soleus.io.codec.StreamDecoder;
import org.soleus.io.codec.StreamDescriptor;
import org.soleus.io.stream.RowHandler;
import org.soleus.io.stream.SampleRing;
import org.soleus.io.stream.SampleRow;

/**
 * One port's reader: a dedicated thread does blocking reads into one reused buffer (rather
 * than jSerialComm's data listener, which allocates per event), decodes the bytes and copies
 * each frame into a {@link SampleRing}, created at the first descriptor; a consumer on another
 * thread takes the rows with {@link #poll} and, when there are none, waits in
 * {@link #awaitRows} until the reader thread wakes it with the next.
 *
 * <p>Faults: when the port goes away (a read reports the connection gone), the listener is
 * told, the port is reopened with exponential backoff, the decoder is reset and the first row
 * after the reconnect carries {@link SampleRow#AFTER_RECONNECT}, so that the consumer can mark
 * the gap; after {@link Settings#reconnectTimeoutS()} the reader gives up. The reader also stops
 * with a {@link #fault()} when nothing arrives after opening, when bytes arrive but nothing
 * decodes, when frames arrive without a descriptor, when the device stops sending while the
 * port stays open (before its first sample: no data), and when the device changes its channels.
 * Rows already in the ring stay there for the consumer.
 *
 * <p>Thread-safety: {@link #start()} and {@link #close()} from the owning thread; {@link #poll}
 * from one consumer thread; the other accessors from any thread.
 */
public final class SerialStream implements AutoCloseable {
    private static final int READ_BUFFER_BYTES = 1 << 16;
    private static final long NANOS_PER_S = 1_000_000_000L;
    /** How long {@link #close()} waits for the reader thread, before and after closing its port itself. */
    private static final long STOP_WAIT_NANOS = 5 * NANOS_PER_S;
    /**
     * More malformed lines or frames than this many times the good ones in the first
     * {@code nothingDecodesS} after the first decode: the stream is not in the expected protocol
     * or baud rate (a noisy but working cable loses a few per cent).
     */
    private static final int MOSTLY_MALFORMED = 10;

    /**
     * Timeouts and sizes.
     *
     * @param ringCapacityRows  rows the ring holds (rounded up to a power of two): how far the
     *                          consumer may fall behind
     * @param noDataS           fault when nothing arrives this long after opening, s
     * @param nothingDecodesS   fault when bytes arrive this long and none decodes, s
     * @param idleTimeoutS      fault when a device that was sending sends nothing this long, s
     * @param reconnectTimeoutS give up when a lost port is not back after this long, s
     * @param backoffMinS       first wait before reopening a lost port, s; doubled per attempt
     * @param backoffMaxS       longest wait between attempts, s
     */
    public record Settings(int ringCapacityRows, double noDataS, double nothingDecodesS, double idleTimeoutS,
                           double reconnectTimeoutS, double backoffMinS, double backoffMaxS) {
        public Settings {
            if (ringCapacityRows < 2) {
                throw new IllegalArgumentException("ring capacity must be >= 2 rows, got " + ringCapacityRows);
            }
            if (!(noDataS > 0 && nothingDecodesS > 0 && idleTimeoutS > 0 && reconnectTimeoutS >= 0)) {
                throw new IllegalArgumentException("timeouts must be > 0 s (reconnect >= 0 s), got " + noDataS + ", "
                        + nothingDecodesS + ", " + idleTimeoutS + ", " + reconnectTimeoutS);
            }
            if (!(backoffMinS > 0 && backoffMaxS >= backoffMinS)) {
                throw new IllegalArgumentException("backoff must satisfy 0 < min <= max, got " + backoffMinS + " and "
                        + backoffMaxS);
            }
        }

        /**
         * 65536 rows (over a minute at 1 kHz); 5 s without data, 3 s without a decoded frame,
         * 5 s idle; reconnect for 60 s, waiting 0.1 s doubling to 2 s.
         */
        public static Settings defaults() {
            return new Settings(1 << 16, 5, 3, 5, 60, 0.1, 2);
        }

        /**
         * A copy with other fault timeouts: {@code newIdleTimeoutS} bounds both the wait for the
         * first byte and the silence of a device that was sending (one can start a recording and
         * then switch the device on).
         */
        public Settings withTimeouts(double newIdleTimeoutS, double newReconnectTimeoutS) {
            return new Settings(ringCapacityRows, newIdleTimeoutS, nothingDecodesS, newIdleTimeoutS, newReconnectTimeoutS,
                    backoffMinS, backoffMaxS);
        }
    }

    /** Told about connection changes, on the reader thread; must return quickly. */
    public interface Listener {
        /** A listener for a caller that need not hear of disconnects (the stream's counters still count them). */
        Listener NONE = new Listener() {
            @Override
            public void onDisconnected(String port) {
            }

            @Override
            public void onReconnected(String port, double downS) {
            }
        };

        /** The port went away; reconnecting starts. */
        void onDisconnected(String port);

        /** The port is back after {@code downS} seconds. */
        void onReconnected(String port, double downS);
    }

    private final LinkOpener opener;
    private final String name;
    private final StreamDecoder decoder;
    private final Settings settings;
    private final Listener listener;
    private final String decodeHint;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    private final AtomicInteger reconnects = new AtomicInteger();
    private final Sink sink = new Sink();

    private volatile StreamDescriptor descriptor;
    private volatile SampleRing ring;
    private volatile SerialPortException fault;
    private volatile boolean running;
    private volatile boolean connected;
    /** Whether samples decoded and the first window's share of malformed frames was judged: see {@link #decodesAsExpected()}. */
    private volatile boolean decodesAsExpected;
    /** When the port went away ({@link System#nanoTime}), or -1 while it is connected. */
    private volatile long lostAtNanos = -1;
    /** The open link; written by the reader thread (reconnects), read by {@link #close()} when the reader does not stop. */
    private volatile ByteLink link;
    private Thread thread;
    /** How long {@link #close()} waits for the reader thread to stop by itself, ns. */
    private long stopWaitNanos = STOP_WAIT_NANOS;
    /** How long the port was away before the last reconnect, s, or -1; with the frames decoded by then. Reader thread only. */
    private double reconnectedDownS = -1;
    private long framesAtReconnect;

    /**
     * @param opener     opens (and reopens) the port
     * @param name       the port's name for messages
     * @param decoder    the protocol's decoder, used only by the reader thread
     * @param settings   timeouts and sizes
     * @param listener   told about disconnects and reconnects
     * @param decodeHint what to check when bytes arrive but nothing decodes, e.g.
     *                   {@code "check --baud (now 115200) and --protocol (now binary)"}
     */
    public SerialStream(LinkOpener opener, String name, StreamDecoder decoder, Settings settings, Listener listener,
                        String decodeHint) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.name = Objects.requireNonNull(name, "name");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.decodeHint = Objects.requireNonNull(decodeHint, "decodeHint");
    }

    /**
     * Opens the port and starts the reader thread.
     *
     * @throws SerialPortException when the port cannot be opened (not found, permission
     *                             denied, busy, ...)
     */
    public void start() throws SerialPortException {
        if (thread != null) {
            throw new IllegalStateException("start() was already called");
        }
        link = opener.open();
        connected = true;
        running = true;
        thread = new Thread(this::run, "soleus-reader " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The port's name as the user gave it. */
    public String name() {
        return name;
    }

    /** What to check when bytes arrive but do not decode (the baud rate and protocol in use). */
    public String decodeHint() {
        return decodeHint;
    }

    /** What to check when nothing decodes: why the device's descriptor was refused, if it was, else the hint. */
    private String hint() {
        String refused = decoder.refusedDescriptor();
        return refused != null ? refused : decodeHint;
    }

    /** Why the decoder refused a line that looked like the stream's header ({@link StreamDecoder#headerProblem}), or null. */
    public String headerProblem() {
        return decoder.headerProblem();
    }

    /** The first descriptor received, or null before it arrived. */
    public StreamDescriptor descriptor() {
        return descriptor;
    }

    /** Why the reader stopped, or null while it runs or after a normal {@link #close()}. */
    public SerialPortException fault() {
        return fault;
    }

    /**
     * Whether the stream has passed the check for its protocol: samples decoded, and the first
     * {@code nothingDecodesS} after the first decode have passed without most of what arrived
     * failing to decode. From then on the stream does not stop with
     * {@link SerialPortException.Kind#NOTHING_DECODES}, so what it gave is a recording, not noise.
     */
    public boolean decodesAsExpected() {
        return decodesAsExpected;
    }

    /**
     * Whether most of what arrived did not decode, by the rule the check of the protocol applies
     * at the end of its first {@code nothingDecodesS}: for a stream that ended (its duration, a
     * stop) before that check, which {@link #decodesAsExpected()} then does not say it passed.
     */
    public boolean mostlyUndecoded() {
        DecoderCounters c = decoder.counters();
        return c.frames() == 0 ? c.malformed() > 0 : c.malformed() > MOSTLY_MALFORMED * c.frames();
    }

    /** Whether the reader thread is still reading (or reconnecting). */
    public boolean isRunning() {
        return running;
    }

    /** The decoder's counters. */
    public DecoderCounters counters() {
        return decoder.counters();
    }

    /** A snapshot of the counters. */
    public StreamStatus status() {
        DecoderCounters c = decoder.counters();
        SampleRing r = ring;
        return new StreamStatus(c.frames(), c.crcErrors(), c.malformed(), c.lostFrames(),
                r == null ? 0 : r.overruns(), reconnects.get(), connected);
    }

    /**
     * Hands up to {@code limit} decoded rows to {@code handler} (one consumer thread only).
     *
     * @return the number of rows, 0 when none is waiting
     */
    public int poll(RowHandler handler, int limit) {
        SampleRing r = ring;
        return r == null ? 0 : r.poll(handler, limit);
    }

    /**
     * Waits until a decoded row is waiting (the one consumer thread only), woken by the reader
     * thread as it publishes the row, so that a row reaches the consumer without a polling delay
     * and an idle consumer uses no processor time; see {@link SampleRing#await}. Before the
     * first descriptor it simply sleeps for the timeout.
     *
     * @param timeoutNanos longest wait, ns, &gt;= 0: how soon the caller notices that the
     *                     reader stopped
     * @return whether a row is waiting
     */
    public boolean awaitRows(long timeoutNanos) {
        SampleRing r = ring;
        if (r == null) {
            if (timeoutNanos < 0) {
                throw new IllegalArgumentException("timeout must be >= 0 ns, got " + timeoutNanos);
            }
            LockSupport.parkNanos(timeoutNanos);
            return false;
        }
        return r.await(timeoutNanos);
    }

    /** Times the reader thread woke a consumer waiting in {@link #awaitRows}. */
    public long wakeups() {
        SampleRing r = ring;
        return r == null ? 0 : r.wakeups();
    }

    /**
     * How long the port has been gone while the stream waits for it to come back, s; NaN while
     * it is connected. After {@link #close} (or a fault) it goes on counting from the last
     * disconnect that the port did not come back from.
     */
    public double downS() {
        long lostAt = lostAtNanos;
        return lostAt < 0 ? Double.NaN : (System.nanoTime() - lostAt) / 1e9;
    }

    /**
     * Stops the reader thread and closes the port; rows not yet polled stay available. Waits up
     * to 5 s for the reader to close the port itself (even when the calling thread is
     * interrupted: returning earlier would leave the port open, and opening it again in this
     * program would fail as busy). A reader that has not stopped by then is stuck in the driver:
     * the port is closed from this thread, which makes a pending read return, and
     * {@link #fault()} says where the reader was.
     */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        t.interrupt();
        boolean interrupted = awaitStop(t, stopWaitNanos);
        if (t.isAlive()) {
            StackTraceElement[] at = t.getStackTrace();
            ByteLink l = link;
            if (l != null) {
                l.close();
            }
            interrupted |= awaitStop(t, stopWaitNanos);
            fail(SerialPortException.Kind.IO, name + ": the reader did not stop within " + format(stopWaitNanos / 1e9)
                    + " s" + where(at) + (t.isAlive() ? "; it is still running" : "; its port was closed by the stop"));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a thread was: its frames down to the first of this program's (at most 4), e.g. a native read and its callers. */
    private static String where(StackTraceElement[] at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, at.length); i++) {
            sb.append(i == 0 ? " (at " : " from ").append(at[i]);
            if (at[i].getClassName().startsWith("org.soleus.")) {
                break;
            }
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }

    /** Waits up to {@code nanos} for {@code t} to end; returns whether this thread was interrupted meanwhile. */
    private static boolean awaitStop(Thread t, long nanos) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; t.isAlive() && left > 0; left = deadline - System.nanoTime()) {
            try {
                t.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** For tests: how long {@link #close()} waits for the reader, ms. */
    void stopWaitMillis(long millis) {
        stopWaitNanos = millis * 1_000_000;
    }

    private void run() {
        long connectedAt = System.nanoTime();
        long firstByteAt = -1;
        long firstDecodeAt = -1;
        long lastByteAt = connectedAt;
        boolean judged = false;
        try {
            while (running) {
                int n = link.read(buffer, 0, buffer.length);
                long now = System.nanoTime();
                if (n > 0) {
                    if (firstByteAt < 0) {
                        firstByteAt = now;
                    }
                    lastByteAt = now;
                    decoder.decode(buffer, 0, n, sink);
                } else if (n < 0) {
                    if (!reconnect()) {
                        return;
                    }
                    connectedAt = System.nanoTime();
                    lastByteAt = connectedAt;
                    continue;
                }
                if (fault != null) {
                    return;
                }
                DecoderCounters c = decoder.counters();
                if (firstDecodeAt < 0 && (c.frames() > 0 || c.descriptors() > 0 || c.undescribed() > 0)) {
                    firstDecodeAt = now;
                }
                if (firstDecodeAt < 0) {
                    if (firstByteAt < 0 && now - connectedAt > seconds(settings.noDataS())) {
                        fail(SerialPortException.Kind.NO_DATA, name + ": nothing arrived in " + format(settings.noDataS())
                                + " s: " + opener.silenceHint());
                        return;
                    }
                    if (firstByteAt >= 0 && now - firstByteAt > seconds(settings.nothingDecodesS())) {
                        fail(SerialPortException.Kind.NOTHING_DECODES, name + ": " + c.bytes() + " bytes arrived in "
                                + format(settings.nothingDecodesS()) + " s but none decodes: " + hint());
                        return;
                    }
                } else if (descriptor == null && now - firstDecodeAt > seconds(settings.nothingDecodesS())) {
                    String refused = decoder.refusedDescriptor();
                    fail(SerialPortException.Kind.NO_DESCRIPTOR, name + ": frames arrive but no descriptor declares their"
                            + " channels: " + (refused != null ? refused
                            : "the device must send its descriptor at least every few seconds"));
                    return;
                } else if (now - firstDecodeAt > seconds(settings.nothingDecodesS()) && (c.frames() == 0
                        ? c.malformed() > 0 : !judged && c.malformed() > MOSTLY_MALFORMED * c.frames())) {
                    // the stream declared its channels (or a protocol's fixed layout did, or a
                    // stray piece of a binary stream read as lines looked like a header), but what
                    // follows never fits them, or hardly ever in the first window
                    fail(SerialPortException.Kind.NOTHING_DECODES, name + ": " + c.malformed() + " of "
                            + (c.malformed() + c.frames()) + " lines or frames since the stream began do not decode: "
                            + hint());
                    return;
                } else if (!judged && now - firstDecodeAt > seconds(settings.nothingDecodesS())
                        && decoder.fasterThanStated() != null) {
                    fail(SerialPortException.Kind.NOTHING_DECODES, name + ": " + decoder.fasterThanStated());
                    return;
                } else if (c.frames() == 0 && now - lastByteAt > seconds(settings.idleTimeoutS())) {
                    fail(SerialPortException.Kind.NO_DATA, name + ": the device declared its channels but sent no samples"
                            + " in " + format(settings.idleTimeoutS()) + " s: is it measuring?");
                    return;
                } else if (now - lastByteAt > seconds(settings.idleTimeoutS())) {
                    // after a reconnect that brought no frame, the silence began with the disconnect
                    String since = reconnectedDownS >= 0 && c.frames() == framesAtReconnect
                            ? "; nothing came since the port was back, after " + format(Math.round(reconnectedDownS * 10)
                                    / 10.0) + " s away" : "";
                    fail(SerialPortException.Kind.STOPPED, name + ": the device stopped sending (nothing for "
                            + format(settings.idleTimeoutS()) + " s after " + c.frames() + " frames" + since + ")");
                    return;
                }
                // the share of malformed lines or frames is judged once, when the first window has passed
                judged |= firstDecodeAt >= 0 && now - firstDecodeAt > seconds(settings.nothingDecodesS());
                if (judged && c.frames() > 0 && !decodesAsExpected) {
                    decodesAsExpected = true;
                }
            }
        } catch (RuntimeException e) {
            fail(SerialPortException.Kind.IO, name + ": reading failed: " + e);
        } catch (OutOfMemoryError e) {
            // no one joins this thread: the fault is how the session hears of it
            fail(SerialPortException.Kind.IO, name + ": reading stopped: the Java heap ran out (" + e.getMessage() + ")");
        } finally {
            running = false;
            connected = false;
            if (link != null) {
                link.close();
            }
        }
    }

    private boolean reconnect() {
        connected = false;
        link.close();
        link = null;
        if (!running) {
            // closed by close() (the user stopped the run): not a disconnect
            return false;
        }
        long lostAt = System.nanoTime();
        lostAtNanos = lostAt;
        listener.onDisconnected(name);
        double backoffS = settings.backoffMinS();
        SerialPortException last = null;
        while (running) {
            try {
                Thread.sleep((long) (backoffS * 1000));
            } catch (InterruptedException e) {
                return false;
            }
            if (!running) {
                return false;
            }
            try {
                link = opener.open();
                connected = true;
                lostAtNanos = -1;
                decoder.reset();
                sink.pendingFlags = SampleRow.AFTER_RECONNECT;
                reconnects.incrementAndGet();
                reconnectedDownS = (System.nanoTime() - lostAt) / 1e9;
                framesAtReconnect = decoder.counters().frames();
                listener.onReconnected(name, reconnectedDownS);
                return true;
            } catch (SerialPortException e) {
                last = e;
            }
            if (System.nanoTime() - lostAt > seconds(settings.reconnectTimeoutS())) {
                fail(SerialPortException.Kind.DISCONNECTED, name + ": the port went away and was not back within "
                        + format(settings.reconnectTimeoutS()) + " s" + (last == null ? "" : " (" + last.getMessage() + ")"));
                return false;
            }
            backoffS = Math.min(settings.backoffMaxS(), 2 * backoffS);
        }
        return false;
    }

    private void fail(SerialPortException.Kind kind, String message) {
        if (fault == null) {
            fault = new SerialPortException(kind, message);
        }
        running = false;
    }

    private static long seconds(double s) {
        return (long) (s * NANOS_PER_S);
    }

    private static String format(double s) {
        return BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
    }

    /** Copies decoded frames into the ring, on the reader thread. */
    private final class Sink implements FrameSink {
        int pendingFlags;

        @Override
        public void onDescriptor(StreamDescriptor d) {
            StreamDescriptor current = descriptor;
            if (current == null) {
                ring = new SampleRing(SampleRing.capacityFor(settings.ringCapacityRows()), d.width());
                descriptor = d;
            } else if (!current.channelNames().equals(d.channelNames())) {
                fail(SerialPortException.Kind.DECLARATION_CHANGED, name + ": the device changed its channels mid-stream (from "
                        + current.width() + " to " + d.width() + " channels): start a new recording");
            } else if (Double.compare(current.sampleRateHz(), d.sampleRateHz()) != 0) {
                fail(SerialPortException.Kind.DECLARATION_CHANGED, name + ": the device changed its sample rate mid-stream"
                        + " (from " + rate(current) + " to " + rate(d) + "): start a new recording");
            } else if (!Objects.equals(current.properties().get(BODY_MASS_KEY), d.properties().get(BODY_MASS_KEY))) {
                fail(SerialPortException.Kind.DECLARATION_CHANGED, name + ": the device changed the body mass mid-stream"
                        + " (from " + mass(current) + " to " + mass(d) + "): start a new recording");
            }
        }

        private String rate(StreamDescriptor d) {
            return d.hasSampleRate() ? format(d.sampleRateHz()) + " Hz" : "none stated";
        }

        private String mass(StreamDescriptor d) {
            String kg = d.properties().get(BODY_MASS_KEY);
            return kg == null ? "none stated" : kg + " kg";
        }

        @Override
        public void onRestart() {
            pendingFlags |= SampleRow.AFTER_RESTART;
        }

        @Override
        public void onFrame(long sequence, long deviceTimeUs, float[] values) {
            SampleRing r = ring;
            if (r == null || fault != null) {
                return;
            }
            if (r.offer(sequence, deviceTimeUs, System.nanoTime(), pendingFlags, values)) {
                pendingFlags = 0;
            }
        }
    }
}
