package org.soleus.core.imu;

/**
 * The sample count and recent samples of a sagittal event detector ({@link SagittalEventDetector},
 * {@link ShankSagittalEventDetector}): each sample's index, the last ones in a power-of-two
 * ring, and the index where the current stretch without missing data began. Allocates nothing
 * after construction. Not thread-safe.
 */
final class RateHistory {
    private final double[] ring;
    private final int mask;
    private long next;
    private long firstValid;

    /** @param reach how far back {@link #at} must reach, samples (at least this many are kept) */
    RateHistory(int reach) {
        int capacity = Integer.highestOneBit(reach) << 1;
        this.ring = new double[capacity];
        this.mask = capacity - 1;
    }

    /** Starts over: the next sample gets index {@code nextSampleIndex}, after a gap. */
    void restart(long nextSampleIndex) {
        if (nextSampleIndex < 0) {
            throw new IllegalArgumentException("sample index must be >= 0, got " + nextSampleIndex);
        }
        next = nextSampleIndex;
        gap();
    }

    /** Missing data: the stretch of valid samples begins again with the next one. */
    void gap() {
        firstValid = next;
    }

    /** Counts the next sample and keeps it; its index, or -1 when it is NaN (then a gap). */
    long add(double rateDps) {
        long i = next++;
        if (Double.isNaN(rateDps)) {
            gap();
            return -1;
        }
        ring[(int) (i & mask)] = rateDps;
        return i;
    }

    /** Sample {@code i}, one of the last {@link #length()} counted. */
    double at(long i) {
        return ring[(int) (i & mask)];
    }

    /** Samples kept. */
    int length() {
        return ring.length;
    }

    /** Index of the first sample after the last gap or restart. */
    long firstValid() {
        return firstValid;
    }
}
