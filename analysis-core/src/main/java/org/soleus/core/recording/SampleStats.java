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

    /** The statistics of {@code samples}. */
    public static SampleStats of(float[] samples) {
        int missing = 0;
        int finite = 0;
        int negative = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : samples) {
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
}
