package org.soleus.core.filter;

/**
 * Bridging gaps (runs of NaN, the toolkit's mark for a missing sample) before filtering, since a
 * recursive filter carries a NaN into every later output ({@link BiquadCascade}, {@link ZeroPhase}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Gaps {
    private Gaps() {
    }

    /**
     * Fills every run of at most {@code maxGapSamples} NaN between two finite samples by linear
     * interpolation, in place: {@code x[i] = x[a] + (x[b] − x[a]) (i − a) / (b − a)} for the last
     * sample {@code a} before the run and the first {@code b} after it. Longer runs, runs at either
     * end of the range and runs next to an infinite value stay NaN. Only NaN counts as missing.
     *
     * @param x             modified in place
     * @param maxGapSamples longest run filled, ≥ 0 (0 fills nothing)
     * @return the number of samples filled
     * @throws IllegalArgumentException if the range falls outside {@code x} or {@code maxGapSamples}
     *                                  is negative
     */
    public static int interpolateLinear(double[] x, int off, int len, int maxGapSamples) {
        ArrayRanges.check("x", x, off, len);
        if (maxGapSamples < 0) {
            throw new IllegalArgumentException("maxGapSamples must be >= 0, got " + maxGapSamples);
        }
        int filled = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            if (!Double.isNaN(x[i])) {
                i++;
                continue;
            }
            int runStart = i;
            while (i < end && Double.isNaN(x[i])) {
                i++;
            }
            int before = runStart - 1;
            int runLength = i - runStart;
            if (before >= off && i < end && runLength <= maxGapSamples
                    && Double.isFinite(x[before]) && Double.isFinite(x[i])) {
                double left = x[before];
                double span = i - before;
                double rise = x[i] - left;
                for (int k = runStart; k < i; k++) {
                    x[k] = left + rise * ((k - before) / span);
                }
                filled += runLength;
            }
        }
        return filled;
    }

    /** {@link #interpolateLinear(double[], int, int, int)} over the whole array. */
    public static int interpolateLinear(double[] x, int maxGapSamples) {
        return interpolateLinear(x, 0, x == null ? 0 : x.length, maxGapSamples);
    }
}
