package org.soleus.io.stream;

/**
 * A view of one row of a {@link SampleRing}, reused for every row a {@link SampleRing#poll}
 * hands on: valid only during {@link RowHandler#onRow}. Not thread-safe.
 */
public final class SampleRow {
    /** Flag: the connection was lost and restored (or first made) before this row. */
    public static final int AFTER_RECONNECT = 1;
    /** Flag: the device restarted before this row (its clock and frame count began anew). */
    public static final int AFTER_RESTART = 2;

    private final SampleRing ring;
    private int slot;

    SampleRow(SampleRing ring) {
        this.ring = ring;
    }

    void moveTo(int newSlot) {
        slot = newSlot;
    }

    /** Frame number from the decoder; a step of more than one means frames were lost. */
    public long sequence() {
        return ring.sequences[slot];
    }

    /** The device clock, µs, or {@link org.soleus.io.codec.FrameSink#NO_TIME}. */
    public long deviceTimeUs() {
        return ring.deviceTimes[slot];
    }

    /** When the frame was decoded ({@link System#nanoTime()}), as the producer stamped it. */
    public long receivedNanos() {
        return ring.receivedNanos[slot];
    }

    /** Flags such as {@link #AFTER_RECONNECT}. */
    public int flags() {
        return ring.flags[slot];
    }

    /** Whether {@code flag} is set. */
    public boolean has(int flag) {
        return (ring.flags[slot] & flag) != 0;
    }

    /** Number of values. */
    public int width() {
        return ring.width;
    }

    /** Value {@code c}, NaN when missing. */
    public float value(int c) {
        if (c < 0 || c >= ring.width) {
            throw new IndexOutOfBoundsException("channel " + c + " of " + ring.width);
        }
        return ring.values[slot * ring.width + c];
    }

    /** Copies the values into {@code dst} from {@code off}. */
    public void copyValues(float[] dst, int off) {
        System.arraycopy(ring.values, slot * ring.width, dst, off, ring.width);
    }
}
