package org.soleus.core.imu;

/**
 * The last samples of a 3-axis gyroscope stream, kept in a power-of-two ring indexed by the
 * stream's sample index, and copied out in time order for an axis search. Allocates nothing
 * after construction. Not thread-safe.
 */
final class GyroWindow {
    private final double[] ringX;
    private final double[] ringY;
    private final double[] ringZ;
    private final double[] x;
    private final double[] y;
    private final double[] z;
    private final int mask;
    private int size;

    /** @param length samples kept, at least 2 */
    GyroWindow(int length) {
        int capacity = Integer.highestOneBit(length - 1) << 1;
        this.mask = capacity - 1;
        this.ringX = new double[capacity];
        this.ringY = new double[capacity];
        this.ringZ = new double[capacity];
        this.x = new double[length];
        this.y = new double[length];
        this.z = new double[length];
    }

    /** Keeps sample {@code index}, the one after the last kept (or the first after {@link #clear}). */
    void add(long index, double xDps, double yDps, double zDps) {
        int slot = (int) (index & mask);
        ringX[slot] = xDps;
        ringY[slot] = yDps;
        ringZ[slot] = zDps;
        size = Math.min(size + 1, x.length);
    }

    /** Forgets the kept samples. */
    void clear() {
        size = 0;
    }

    /** Samples kept. */
    int size() {
        return size;
    }

    /**
     * Copies the kept samples, the last of them {@code endIndex - 1}, in time order into
     * {@link #x()}, {@link #y()} and {@link #z()} from 0.
     */
    void unwrap(long endIndex) {
        long first = endIndex - size;
        for (int k = 0; k < size; k++) {
            int slot = (int) ((first + k) & mask);
            x[k] = ringX[slot];
            y[k] = ringY[slot];
            z[k] = ringZ[slot];
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
}
