package org.soleus.io.stream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded single-producer single-consumer queue of sample rows stored in primitive arrays:
 * per row a sequence number, a device time, a receive time, flags and {@code width} float
 * values. The capacity is a power of two and slots are found by masking a rising {@code long}
 * position, as in Agrona's {@code OneToOneRingBuffer} and the LMAX Disruptor.
 *
 * <p>The producer copies a row in with {@link #offer}; when the ring is full the row is dropped
 * and counted as an overrun (a live stream must not block its reader). The consumer takes rows
 * with {@link #poll}, which hands each to a handler through one reused {@link SampleRow} view and
 * returns how many it took; when there were none, the consumer can {@link #await} the next row
 * instead of polling on a timer.
 *
 * <p>Waiting: a consumer that finds the ring empty announces itself in a volatile field and parks;
 * the producer, after publishing a row, reads that field and unparks the consumer it finds there,
 * once per wait (it takes the consumer out of the field). While the consumer is busy the field is
 * empty and a publish costs one volatile read more, never an unpark. Both sides store before they
 * load (the producer its position, the consumer itself), each store with full volatile
 * semantics, so that at least one side sees the other and no wake-up is lost (the check before
 * parking that the blocking queues of {@code java.util.concurrent} make).
 *
 * <p>Thread-safety: exactly one thread may offer and exactly one (possibly other) thread may
 * poll and await. The producer publishes a row by a volatile store of its position after writing
 * it, the consumer frees slots by a release-store; nothing allocates after construction.
 */
public final class SampleRing {
    final int width;
    final long[] sequences;
    final long[] deviceTimes;
    final long[] receivedNanos;
    final int[] flags;
    final float[] values;

    private final int capacity;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong wakeups = new AtomicLong();
    private final AtomicReference<Thread> waitingConsumer = new AtomicReference<>();
    private final SampleRow view;
    private long cachedHead;

    /**
     * @param capacity rows the ring holds; a power of two, at least 2
     * @param width    values per row, at least 1
     */
    public SampleRing(int capacity, int width) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, got " + capacity);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        if ((long) capacity * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity " + capacity + " × width " + width + " values do not fit one array");
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.width = width;
        this.sequences = new long[capacity];
        this.deviceTimes = new long[capacity];
        this.receivedNanos = new long[capacity];
        this.flags = new int[capacity];
        this.values = new float[capacity * width];
        this.view = new SampleRow(this);
    }

    /** The smallest power of two that is at least {@code rows} (and at least 2). */
    public static int capacityFor(int rows) {
        if (rows <= 2) {
            return 2;
        }
        if (rows > 1 << 30) {
            throw new IllegalArgumentException("at most 2^30 rows, got " + rows);
        }
        return Integer.highestOneBit(rows - 1) << 1;
    }

    /** Rows waiting to be polled (a snapshot). */
    public int size() {
        return (int) (tail.get() - head.get());
    }

    /** Rows dropped because the ring was full. */
    public long overruns() {
        return overruns.get();
    }

    /** Times a publish woke a waiting consumer. */
    public long wakeups() {
        return wakeups.get();
    }

    /** Whether the consumer is waiting in {@link #await} for a row (a snapshot). */
    public boolean consumerWaiting() {
        return waitingConsumer.get() != null;
    }

    /**
     * Copies a row in (producer thread only) and wakes the consumer if it waits for one.
     *
     * @param values {@link #width} values, copied
     * @return false when the ring was full: the row is dropped and counted as an overrun
     */
    public boolean offer(long sequence, long deviceTimeUs, long receivedNanosTime, int rowFlags, float[] values) {
        if (values.length != width) {
            throw new IllegalArgumentException("row has " + values.length + " values, the ring holds rows of " + width);
        }
        long position = tail.getPlain();
        if (position - cachedHead >= capacity) {
            cachedHead = head.getAcquire();
            if (position - cachedHead >= capacity) {
                overruns.setRelease(overruns.getPlain() + 1);
                return false;
            }
        }
        int slot = (int) (position & mask);
        sequences[slot] = sequence;
        deviceTimes[slot] = deviceTimeUs;
        receivedNanos[slot] = receivedNanosTime;
        flags[slot] = rowFlags;
        System.arraycopy(values, 0, this.values, slot * width, width);
        tail.set(position + 1);
        Thread waiting = waitingConsumer.get();
        if (waiting != null && waitingConsumer.compareAndSet(waiting, null)) {
            wakeups.setRelease(wakeups.getPlain() + 1);
            LockSupport.unpark(waiting);
        }
        return true;
    }

    /**
     * Waits until a row is waiting to be polled (consumer thread only): returns at once when one
     * is, else parks until the producer publishes one, the timeout passes or the thread is
     * interrupted. Uses no processor time while it waits and allocates nothing.
     *
     * @param timeoutNanos longest wait, ns, &gt;= 0
     * @return whether a row is waiting
     */
    public boolean await(long timeoutNanos) {
        if (timeoutNanos < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ns, got " + timeoutNanos);
        }
        long position = head.getPlain();
        if (tail.getAcquire() != position) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        Thread self = Thread.currentThread();
        while (true) {
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0 || self.isInterrupted()) {
                return tail.getAcquire() != position;
            }
            waitingConsumer.set(self);
            if (tail.get() != position) {
                waitingConsumer.set(null);
                return true;
            }
            LockSupport.parkNanos(this, leftNanos);
            waitingConsumer.set(null);
            if (tail.getAcquire() != position) {
                return true;
            }
        }
    }

    /**
     * Hands up to {@code limit} waiting rows to {@code handler}, oldest first (consumer thread
     * only). Each slot is freed after its handler call returns.
     *
     * @return the number of rows handed on, 0 when none was waiting
     */
    public int poll(RowHandler handler, int limit) {
        long position = head.getPlain();
        long available = tail.getAcquire() - position;
        int n = (int) Math.min(available, limit);
        for (int i = 0; i < n; i++) {
            view.moveTo((int) ((position + i) & mask));
            handler.onRow(view);
            head.setRelease(position + i + 1);
        }
        return n;
    }
}
