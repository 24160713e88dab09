package org.soleus.io.live;

import java.io.IOException;
import org.soleus.io.serial.ByteLink;

/**
 * Writes chunks of bytes to a {@link ByteLink} on a thread of its own, so that a producer that
 * keeps its own clock (the simulated device) never waits on a port that takes nothing. A write
 * into a port that nobody reads blocks once the driver's buffer is full (a pair of
 * pseudo-terminals joined by socat holds about 30 kB), and on Linux and macOS jSerialComm
 * cannot bound it: its write timeout works on Windows only, and its non-blocking mode retries
 * until the buffer has room.
 *
 * <p>One chunk is in flight at a time: {@link #offer} copies the bytes for the writer thread, or
 * returns false while the chunk before is still being written, and the producer keeps its
 * bytes or drops them, as a device whose output buffer is full does. {@link #close()} closes
 * the link, which also ends a write that nobody reads.
 *
 * <p>Not thread-safe: one producer thread calls everything; the writer thread is internal.
 */
final class ChunkWriter implements AutoCloseable {
    private static final long CLOSE_WAIT_MILLIS = 1_000;

    private final ByteLink link;
    private final byte[] chunk;
    private final Thread thread;
    private final Object lock = new Object();
    /** Bytes of the chunk in flight, 0 when the writer is idle; guarded by {@link #lock}. */
    private int inFlight;
    /** A write failed: the link is gone; guarded by {@link #lock}. */
    private boolean failed;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    private volatile long bytesWritten;

    /**
     * Starts the writer thread.
     *
     * @param link          the open link, closed by {@link #close()}
     * @param capacityBytes the longest chunk
     */
    ChunkWriter(ByteLink link, int capacityBytes) {
        this.link = link;
        this.chunk = new byte[capacityBytes];
        this.thread = new Thread(this::run, "soleus-writer " + link.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a write failed: the link is gone. */
    boolean failed() {
        synchronized (lock) {
            return failed;
        }
    }

    /** Bytes written by the writes that completed. */
    long bytesWritten() {
        return bytesWritten;
    }

    /**
     * Hands {@code bytes[0, length)} to the writer thread once the chunk before is written,
     * waiting at most {@code waitNanos} for that.
     *
     * @return whether the bytes were handed over; false while the chunk before is still being
     *         written, or when a write failed
     */
    boolean offer(byte[] bytes, int length, long waitNanos) {
        synchronized (lock) {
            if (!awaitIdleLocked(waitNanos) || failed) {
                return false;
            }
            System.arraycopy(bytes, 0, chunk, 0, length);
            inFlight = length;
            lock.notifyAll();
            return true;
        }
    }

    /**
     * Waits at most {@code waitNanos} until the chunk in flight is written (or its write failed).
     *
     * @return whether no chunk is in flight
     */
    boolean awaitIdle(long waitNanos) {
        synchronized (lock) {
            return awaitIdleLocked(waitNanos);
        }
    }

    private boolean awaitIdleLocked(long waitNanos) {
        long deadline = System.nanoTime() + waitNanos;
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void run() {
        while (true) {
            int length;
            synchronized (lock) {
                while (inFlight == 0 && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                length = inFlight;
            }
            boolean ok;
            try {
                link.write(chunk, 0, length);
                bytesWritten += length;
                ok = true;
            } catch (IOException | RuntimeException e) {
                // a link that fails in any way takes no more chunks; the writer says so through failed()
                ok = false;
            }
            synchronized (lock) {
                failed |= !ok;
                inFlight = 0;
                lock.notifyAll();
                if (!ok) {
                    return;
                }
            }
        }
    }

    /**
     * Closes the link (a chunk not yet written is dropped, a write that nobody reads ends) and
     * waits up to a second for the writer thread to end.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        link.close();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
