package org.soleus.io.serial;

import static org.soleus.io.serial.Durations.NANOS_PER_S;

import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.soleus.io.codec.DecoderCounters;
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
 *
 * <p>The parts: {@link StreamReader} is the reader thread's loop, {@link PortConnection} holds the
 * port and reopens it, {@link RingSink} copies the frames into the ring, {@link StreamWatch}
 * judges the stream after every read, {@link ReaderState} holds whether it runs and its fault,
 * and {@link ReaderStop} waits for the reader thread to stop.
 */
public final class SerialStream implements AutoCloseable {
    /** How long {@link #close()} waits for the reader thread, before and after closing its port itself. */
    private static final long STOP_WAIT_NANOS = 5 * NANOS_PER_S;

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

    private final String name;
    private final StreamDecoder decoder;
    private final String decodeHint;
    private final ReaderState state = new ReaderState();
    private final PortConnection port;
    private final RingSink sink;
    private final StreamWatch watch;
    /** How long a read may last before the consumer cuts it ({@link StreamReader#cutStalledRead}), ns. */
    private final long stalledReadNanos;
    private volatile StreamReader reader;
    private Thread thread;
    /** How long {@link #close()} waits for the reader thread to stop by itself, ns. */
    private long stopWaitNanos = STOP_WAIT_NANOS;

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
        Objects.requireNonNull(opener, "opener");
        this.name = Objects.requireNonNull(name, "name");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(settings, "settings");
        this.port = new PortConnection(opener, name, settings, Objects.requireNonNull(listener, "listener"), state);
        this.decodeHint = Objects.requireNonNull(decodeHint, "decodeHint");
        this.sink = new RingSink(state, name, settings.ringCapacityRows());
        this.watch = new StreamWatch(name, opener, decoder, settings, decodeHint);
        this.stalledReadNanos = (long) (Math.min(settings.noDataS(), settings.idleTimeoutS()) * NANOS_PER_S);
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
        port.open();
        state.start();
        reader = new StreamReader(name, decoder, port, sink, watch, state);
        thread = new Thread(reader, "soleus-reader " + name);
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

    /** Why the decoder refused a line that looked like the stream's header ({@link StreamDecoder#headerProblem}), or null. */
    public String headerProblem() {
        return decoder.headerProblem();
    }

    /** The first descriptor received, or null before it arrived. */
    public StreamDescriptor descriptor() {
        return sink.descriptor();
    }

    /** Why the reader stopped, or null while it runs or after a normal {@link #close()}. */
    public SerialPortException fault() {
        return state.fault();
    }

    /**
     * Whether the stream has passed the check for its protocol: samples decoded, and the first
     * {@code nothingDecodesS} after the first decode have passed without most of what arrived
     * failing to decode. From then on the stream does not stop with
     * {@link SerialPortException.Kind#NOTHING_DECODES}, so what it gave is a recording, not noise.
     */
    public boolean decodesAsExpected() {
        return watch.decodesAsExpected();
    }

    /**
     * Whether most of what arrived did not decode, by the rule the check of the protocol applies
     * at the end of its first {@code nothingDecodesS}: for a stream that ended (its duration, a
     * stop) before that check, which {@link #decodesAsExpected()} then does not say it passed.
     */
    public boolean mostlyUndecoded() {
        return StreamWatch.mostlyUndecoded(decoder.counters());
    }

    /** Whether the reader thread is still reading (or reconnecting). */
    public boolean isRunning() {
        return state.isRunning();
    }

    /** The decoder's counters. */
    public DecoderCounters counters() {
        return decoder.counters();
    }

    /** A snapshot of the counters. */
    public StreamStatus status() {
        DecoderCounters c = decoder.counters();
        SampleRing r = sink.ring();
        return new StreamStatus(c.frames(), c.crcErrors(), c.malformed(), c.lostFrames(),
                r == null ? 0 : r.overruns(), port.reconnects(), port.isConnected());
    }

    /**
     * Hands up to {@code limit} decoded rows to {@code handler} (one consumer thread only).
     *
     * @return the number of rows, 0 when none is waiting
     */
    public int poll(RowHandler handler, int limit) {
        SampleRing r = sink.ring();
        return r == null ? 0 : r.poll(handler, limit);
    }

    /**
     * Waits until a decoded row is waiting (the one consumer thread only), woken by the reader
     * thread as it publishes the row, so that a row reaches the consumer without a polling delay
     * and an idle consumer uses no processor time; see {@link SampleRing#await}. Before the
     * first descriptor it simply sleeps for the timeout. A read of the reader thread that has
     * lasted longer than the stream may stay silent (the shorter of {@code noDataS} and
     * {@code idleTimeoutS}) is cut first ({@link StreamReader#cutStalledRead}), so that the
     * silence is judged even when the port's read timeout was undone.
     *
     * @param timeoutNanos longest wait, ns, &gt;= 0: how soon the caller notices that the
     *                     reader stopped
     * @return whether a row is waiting
     */
    public boolean awaitRows(long timeoutNanos) {
        StreamReader running = reader;
        if (running != null) {
            running.cutStalledRead(System.nanoTime(), stalledReadNanos);
        }
        SampleRing r = sink.ring();
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
        SampleRing r = sink.ring();
        return r == null ? 0 : r.wakeups();
    }

    /**
     * How long the port has been gone while the stream waits for it to come back, s; NaN while
     * it is connected. After {@link #close} (or a fault) it goes on counting from the last
     * disconnect that the port did not come back from.
     */
    public double downS() {
        return port.downS();
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
        state.stop();
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        String stuck = ReaderStop.stop(t, stopWaitNanos, port::closeLink);
        if (stuck != null) {
            state.fail(new SerialPortException(SerialPortException.Kind.IO, name + ": " + stuck));
        }
    }

    /** For tests: how long {@link #close()} waits for the reader, ms. */
    void stopWaitMillis(long millis) {
        stopWaitNanos = millis * 1_000_000;
    }
}
