package org.soleus.core.recording;

/**
 * Counts of a channel's samples and the range of its finite ones, taken in one pass.
 *
 * @param missing  samples that are NaN
 * @param finite   samples that are finite (neither NaN nor infinite)
 * @param negative finite samples below zero
 * @param min      the smallest finite sample, or +∞ when there is none
 * @param max      the largest finite sample, or −∞ when there is none
 */
public record SampleStats(int missing, int finite, int negative, float min, float max) {
    /** The statistics of no samples. */
    static final SampleStats NONE = new SampleStats(0, 0, 0, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);

    /** The statistics of {@code samples}. */
    public static SampleStats of(float[] samples) {
        return of(samples, 0, samples.length);
    }

    /**
     * The statistics of {@code samples[from .. to)}. One test a sample puts NaN and the
     * infinities on the rare path ({@code |v| <= Float.MAX_VALUE} holds for exactly the finite
     * samples): a third less time per sample than testing for NaN first, in the join of a
     * parallel read where every channel's samples pass through here.
     */
    static SampleStats of(float[] samples, int from, int to) {
        int missing = 0;
        int notFinite = 0;
        int negative = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = samples[i];
            if (Math.abs(v) <= Float.MAX_VALUE) {
                negative += v < 0 ? 1 : 0;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            } else {
                notFinite++;
                missing += v != v ? 1 : 0;
            }
        }
        return new SampleStats(missing, Math.max(0, to - from) - notFinite, negative, min, max);
    }

    /**
     * The statistics of these samples followed by {@code later}'s: the same as {@link #of} over
     * both (of two zeros of different sign, the earlier stays the minimum or maximum, as there).
     */
    SampleStats then(SampleStats later) {
        return new SampleStats(missing + later.missing, finite + later.finite, negative + later.negative,
                later.min < min ? later.min : min, later.max > max ? later.max : max);
    }
}
