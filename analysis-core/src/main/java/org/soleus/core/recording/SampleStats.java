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

    /** The statistics of {@code samples[from .. to)}. */
    static SampleStats of(float[] samples, int from, int to) {
        int missing = 0;
        int finite = 0;
        int negative = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = samples[i];
            if (v != v) {
                missing++;
            } else if (v > Float.NEGATIVE_INFINITY && v < Float.POSITIVE_INFINITY) {
                finite++;
                negative += v < 0 ? 1 : 0;
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
        }
        return new SampleStats(missing, finite, negative, min, max);
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
