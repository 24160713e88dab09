package org.soleus.core.analysis;

/**
 * One foot's recent force as the gap bridge passes it on ({@link org.soleus.core.filter.GapBridge}:
 * short gaps interpolated, longer ones NaN), a ring of a power of two of samples addressed by the
 * sample's index in the stream, with the count of missing samples before each, so that the
 * missing samples of any span held are counted at once. No allocation per sample. Not
 * thread-safe.
 */
final class LiveForceHistory {
    private final double[] force;
    private final long[] missingBefore;
    private final int mask;
    private long emitted;
    private long missingTotal;

    /** @param capacity the samples held, a power of two */
    LiveForceHistory(int capacity) {
        this.force = new double[capacity];
        this.missingBefore = new long[capacity];
        this.mask = capacity - 1;
    }

    /** The samples held at most. */
    int capacity() {
        return force.length;
    }

    /** Number of samples added: the index the next sample gets. */
    long emitted() {
        return emitted;
    }

    /** Holds the next sample, NaN where missing. */
    void add(double value) {
        int slot = (int) (emitted & mask);
        force[slot] = value;
        missingBefore[slot] = missingTotal;
        if (Double.isNaN(value)) {
            missingTotal++;
        }
        emitted++;
    }

    /** Copies the samples {@code [from, from + len)}, which must still be held, to the start of {@code out}. */
    void copy(long from, int len, double[] out) {
        for (int i = 0; i < len; i++) {
            out[i] = force[(int) ((from + i) & mask)];
        }
    }

    /** Missing samples in {@code [from, to)}. */
    long missing(long from, long to) {
        return prefix(to) - prefix(from);
    }

    private long prefix(long i) {
        return i >= emitted ? missingTotal : missingBefore[(int) (i & mask)];
    }

    /** Whether the {@code context} samples from {@code to} have arrived, or a missing one ends them. */
    boolean contextComplete(long to, int context) {
        if (emitted >= to + context) {
            return true;
        }
        return missing(to, emitted) > 0;
    }
}
