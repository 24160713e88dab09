package org.soleus.core.events;

import org.soleus.core.filter.Median3;

/**
 * The samples a {@link ContactEventDetector} keeps, a ring of a power of two of them addressed by
 * the sample's index since construction, and the running medians it reads them through (Tukey's
 * running median, "Exploratory Data Analysis", 1977): the 3-sample median that the contact state
 * follows, the 5-sample median that the levels are learned from, and the centred 3-sample median
 * that the refinement reads edges on. On a rising or falling edge a running median is the signal
 * itself, but a single sample far off its neighbours (a transmission error) is not taken for a
 * level, an edge's minimum or its knee. A median reaches back only over the samples held since the
 * last gap or reset ({@link #resumedAt}), and is the sample itself where fewer are held.
 *
 * <p>No allocation per sample. Not thread-safe.
 */
final class SampleHistory {
    private final double[] samples;
    private final int mask;
    /** {@link #smoothed} of a span of the history, from {@link #smoothFrom}, for the refinement. */
    private final double[] smooth;
    private long smoothFrom;
    /** Scratch for {@link #median5}. */
    private final double[] five = new double[5];
    private long count;
    private long sinceReset;

    /** @param capacity the samples held, a power of two */
    SampleHistory(int capacity) {
        this.samples = new double[capacity];
        this.mask = capacity - 1;
        this.smooth = new double[capacity];
    }

    /** The samples held at most. */
    int capacity() {
        return samples.length;
    }

    /** Number of samples accepted, missing ones included: the index the next sample gets. */
    long count() {
        return count;
    }

    /** Number of samples held since the last gap or {@link #startOver}. */
    long sinceReset() {
        return sinceReset;
    }

    /** The index of the first sample since the last gap or {@link #startOver}. */
    long resumedAt() {
        return count - sinceReset;
    }

    /**
     * The oldest sample of the last half of the history held since the last gap or
     * {@link #startOver}: where a warm-up that has run that long is run through detection from.
     */
    long lastHalfFrom() {
        return Math.max(count - sinceReset, count - samples.length / 2);
    }

    /** Holds the next sample; returns its index. */
    long add(double value) {
        long i = count++;
        samples[(int) (i & mask)] = value;
        sinceReset++;
        return i;
    }

    /** Counts a missing sample, which is not held. */
    void skip() {
        count++;
    }

    /** Breaks the history off: no median reaches back before the next sample. */
    void startOver() {
        sinceReset = 0;
    }

    /** Sample {@code i}, one of the last {@link #capacity} accepted. */
    double at(long i) {
        return samples[(int) (i & mask)];
    }

    /**
     * Median of the samples {@code i - 4 .. i} (of those since the last gap; the 3-sample median
     * at its start): the level the warm-up, and the relearning after lost lock, take baseline and
     * peak from, so that a glitch of two samples, which the 3-sample median lets through, does
     * not set them.
     */
    double median5(long i) {
        if (i - 4 < count - sinceReset) {
            return median3(i);
        }
        for (int k = 0; k < 5; k++) {
            double v = at(i - k);
            int j = k;
            while (j > 0 && five[j - 1] > v) {
                five[j] = five[j - 1];
                j--;
            }
            five[j] = v;
        }
        return five[2];
    }

    /** Median of the samples {@code i - 2 .. i} (of those since the last gap). */
    double median3(long i) {
        double c = at(i);
        if (i - 2 < count - sinceReset) {
            return c;
        }
        return Median3.of(at(i - 2), at(i - 1), c);
    }

    /**
     * Median of the samples {@code i - 1 .. i + 1}, or sample {@code i} itself at the ends of
     * what is held since the last gap (from {@code firstHeld}, {@link #firstHeld}): on a rising or
     * falling edge the sample itself, but a single sample far off its neighbours (a transmission
     * error) is not taken for the edge's minimum or knee.
     */
    double smoothed(long i, long firstHeld) {
        double b = at(i);
        if (i - 1 < firstHeld || i + 1 >= count) {
            return b;
        }
        double a = at(i - 1);
        double c = at(i + 1);
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** The oldest sample held since the last gap. */
    long firstHeld() {
        return Math.max(count - samples.length, count - sinceReset);
    }

    /**
     * Fills {@link #smooth} with {@link #smoothed} of the samples {@code from .. to}, for
     * {@link #spanValue}: the refinement reads each of them more than once.
     */
    void smoothSpan(long from, long to) {
        long firstHeld = firstHeld();
        smoothFrom = from;
        for (long i = from; i <= to; i++) {
            smooth[(int) (i - from)] = smoothed(i, firstHeld);
        }
    }

    /** {@link #smoothed} of sample {@code i} of the span {@link #smoothSpan} filled last. */
    double spanValue(long i) {
        return smooth[(int) (i - smoothFrom)];
    }
}
