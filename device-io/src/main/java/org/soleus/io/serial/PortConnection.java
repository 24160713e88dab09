package org.soleus.io.serial;

import static org.soleus.io.serial.Durations.nanos;
import static org.soleus.io.serial.Durations.plain;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The port of a {@link SerialStream}: its open link, reopened when it went away (a bad cable, a
 * device unplugged) with exponential backoff until it is back or the reconnect timeout has
 * passed; whether it is connected, since when it has been away, and how often it came back. The
 * listener hears of each disconnect and reconnect.
 *
 * <p>Opened, read and reopened on the reader thread (after {@link #open()} by the owner); the
 * accessors and {@link #closeLink()} from any thread.
 */
final class PortConnection {
    private final LinkOpener opener;
    private final String name;
    private final SerialStream.Settings settings;
    private final SerialStream.Listener listener;
    /** Whether the stream still runs: reopening stops when it does not. */
    private final ReaderState state;
    private final AtomicInteger reconnects = new AtomicInteger();

    private volatile boolean connected;
    /** When the port went away ({@link System#nanoTime}), or -1 while it is connected. */
    private volatile long lostAtNanos = -1;
    /** The open link; written by the reader thread (reconnects), read by {@link #closeLink()} when the reader does not stop. */
    private volatile ByteLink link;

    PortConnection(LinkOpener opener, String name, SerialStream.Settings settings, SerialStream.Listener listener,
                   ReaderState state) {
        this.opener = opener;
        this.name = name;
        this.settings = settings;
        this.listener = listener;
        this.state = state;
    }

    /** Opens the port. */
    void open() throws SerialPortException {
        link = opener.open();
        connected = true;
    }

    /** Reads into {@code buffer}: the bytes read, 0 when none came in time, -1 when the port went away. */
    int read(byte[] buffer) {
        return link.read(buffer, 0, buffer.length);
    }

    boolean isConnected() {
        return connected;
    }

    /** How often the port came back. */
    int reconnects() {
        return reconnects.get();
    }

    /** How long the port has been away while it is, s; NaN while it is connected. */
    double downS() {
        long lostAt = lostAtNanos;
        return lostAt < 0 ? Double.NaN : (System.nanoTime() - lostAt) / 1e9;
    }

    /** Closes the link from another thread, which makes a pending read return. */
    void closeLink() {
        ByteLink l = link;
        if (l != null) {
            l.close();
        }
    }

    /** The reader stopped: the port is closed. */
    void closed() {
        connected = false;
        if (link != null) {
            link.close();
        }
    }

    /**
     * The port went away: closes it and reopens it, waiting {@code backoffMinS} doubling to
     * {@code backoffMaxS} between attempts.
     *
     * @return how long the port was away, s; NaN when the stream stopped meanwhile (closed by
     *         the user: not a disconnect, or interrupted)
     * @throws SerialPortException when the port was not back within {@code reconnectTimeoutS}
     */
    double reopen() throws SerialPortException {
        connected = false;
        link.close();
        link = null;
        if (!state.isRunning()) {
            // closed by close() (the user stopped the run): not a disconnect
            return Double.NaN;
        }
        long lostAt = System.nanoTime();
        lostAtNanos = lostAt;
        listener.onDisconnected(name);
        double backoffS = settings.backoffMinS();
        SerialPortException last = null;
        while (state.isRunning()) {
            if (!backOff(backoffS)) {
                return Double.NaN;
            }
            try {
                return reopened(opener.open(), lostAt);
            } catch (SerialPortException e) {
                last = e;
            }
            if (System.nanoTime() - lostAt > nanos(settings.reconnectTimeoutS())) {
                throw new SerialPortException(SerialPortException.Kind.DISCONNECTED, name + ": the port went away and was"
                        + " not back within " + plain(settings.reconnectTimeoutS()) + " s"
                        + (last == null ? "" : " (" + last.getMessage() + ")"));
            }
            backoffS = Math.min(settings.backoffMaxS(), 2 * backoffS);
        }
        return Double.NaN;
    }

    /** Waits {@code backoffS} before the next attempt; false when interrupted, or the stream stopped meanwhile. */
    private boolean backOff(double backoffS) {
        try {
            Thread.sleep((long) (backoffS * 1000));
        } catch (InterruptedException e) {
            return false;
        }
        return state.isRunning();
    }

    /** The port that went away at {@code lostAt} is back as {@code reopened}; returns how long it was away, s. */
    private double reopened(ByteLink reopened, long lostAt) {
        link = reopened;
        connected = true;
        lostAtNanos = -1;
        reconnects.incrementAndGet();
        double downS = (System.nanoTime() - lostAt) / 1e9;
        listener.onReconnected(name, downS);
        return downS;
    }
}
