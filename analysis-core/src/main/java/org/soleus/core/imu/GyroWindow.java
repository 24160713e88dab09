package org.soleus.core.imu;

/**
 * The last finite samples of a 3-axis gyroscope stream with their sample indices, kept in a
 * power-of-two ring, and copied out in time order for an axis search. Missing samples take no
 * place: across a gap the window holds the samples before it and those after it, and the
 * indices say where the gap was. Allocates nothing after construction. Not thread-safe.
 */
final class GyroWindow {
    private final double[] ringX;
    private final double[] ringY;
    private final double[] ringZ;
    private final long[] ringIndex;
    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final long[] index;
    private final int mask;
    private long added;
    private int size;

    /** @param length samples kept, at least 2 */
    GyroWindow(int length) {
        int capacity = Integer.highestOneBit(length - 1) << 1;
        this.mask = capacity - 1;
        this.ringX = new double[capacity];
        this.ringY = new double[capacity];
        this.ringZ = new double[capacity];
        this.ringIndex = new long[capacity];
        this.x = new double[length];
        this.y = new double[length];
        this.z = new double[length];
        this.index = new long[length];
    }

    /** Keeps sample {@code sampleIndex}, later than the last kept; the oldest goes once the window is full. */
    void add(long sampleIndex, double xDps, double yDps, double zDps) {
        int slot = (int) (added++ & mask);
        ringX[slot] = xDps;
        ringY[slot] = yDps;
        ringZ[slot] = zDps;
        ringIndex[slot] = sampleIndex;
        size = Math.min(size + 1, x.length);
    }

    /** Samples kept. */
    int size() {
        return size;
    }

    /**
     * Copies the kept samples in time order into {@link #x()}, {@link #y()} and {@link #z()}
     * from 0, and their sample indices into {@link #index()}.
     */
    void unwrap() {
        long first = added - size;
        for (int k = 0; k < size; k++) {
            int slot = (int) ((first + k) & mask);
            x[k] = ringX[slot];
            y[k] = ringY[slot];
            z[k] = ringZ[slot];
            index[k] = ringIndex[slot];
        }
    }

    /** X axis of the samples copied by {@link #unwrap}. */
    double[] x() {
        return x;
    }

    /** Y axis of the copied samples. */
    double[] y() {
        return y;
    }

    /** Z axis of the copied samples. */
    double[] z() {
        return z;
    }

    /** Sample indices of the copied samples, rising; a step of more than 1 is a gap. */
    long[] index() {
        return index;
    }
}
