package org.soleus.io.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer single-consumer queue of sample rows stored in primitive arrays:
 * per row a sequence number, a device time, a receive time, flags and {@code width} float
 * values. The capacity is a power of two and slots are found by masking a rising {@code long}
 * position, as in Agrona's {@code OneToOneRingBuffer} and the LMAX Disruptor.
 *
 * <p>The producer copies a row in with {@link #offer}; when the ring is full the row is dropped
 * and counted as an overrun (a live stream must not block its reader). The consumer takes rows
 * with {@link #poll}, which hands each to a handler through one reused {@link SampleRow} view and
 * returns how many it took, so a loop can idle when there were none.
 *
 * <p>Thread-safety: exactly one thread may offer and exactly one (possibly other) thread may
 * poll. The producer publishes a row by a release-store of its position after writing it, the
 * consumer frees slots the same way; nothing allocates after construction.
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

    /** Rows the ring holds. */
    public int capacity() {
        return capacity;
    }

    /** Values per row. */
    public int width() {
        return width;
    }

    /** Rows waiting to be polled (a snapshot). */
    public int size() {
        return (int) (tail.get() - head.get());
    }

    /** Rows dropped because the ring was full. */
    public long overruns() {
        return overruns.get();
    }

    /** Rows offered successfully since construction. */
    public long published() {
        return tail.get();
    }

    /**
     * Copies a row in (producer thread only).
     *
     * @param values {@link #width()} values, copied
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
        tail.setRelease(position + 1);
        return true;
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
