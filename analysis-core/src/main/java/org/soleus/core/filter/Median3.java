package org.soleus.core.filter;

/**
 * The 3-sample running median (Tukey, "Exploratory Data Analysis", 1977): removes a single
 * sample far off its neighbours (a transmission error) and leaves edges and plateaus as they
 * are. It also cuts every one-sample peak down to its higher neighbour, which at low sample
 * rates is a real peak's top (a walking force peak sampled at 25 Hz loses about 8 %):
 * {@link #replaceOutliers} replaces only the samples that stand far off the median. Stateless
 * and thread-safe.
 */
public final class Median3 {
    private Median3() {
    }

    /** The median of three values (NaN when any is NaN). */
    public static double of(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Copies {@code src[srcOff .. srcOff + n)} to {@code dst[dstOff ..)}, replacing each sample
     * that lies more than {@code shareOfRange} of the span's median-filtered range off its
     * centred 3-sample median by that median: Hampel's outlier identifier (Hampel, J Am Stat
     * Assoc 69:383–393, 1974) on the 3-sample window, with the span's range as the scale, so
     * that a transmission error goes and a sharp but real peak stays ({@code shareOfRange} 0 gives
     * the plain centred median, the first and last samples copied). A sample next to a missing
     * one (NaN) is kept. {@code src} and {@code dst} must not overlap.
     */
    public static void replaceOutliers(double[] src, int srcOff, double[] dst, int dstOff, int n,
                                       double shareOfRange) {
        if (n <= 0) {
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double m = i == 0 || i == n - 1 ? src[srcOff + i]
                    : of(src[srcOff + i - 1], src[srcOff + i], src[srcOff + i + 1]);
            dst[dstOff + i] = m;
            low = m < low ? m : low;
            high = m > high ? m : high;
        }
        keepWithin(src, srcOff, dst, dstOff, n, shareOfRange * (high - low));
    }

    /**
     * As {@link #replaceOutliers}, with the largest deviation from the median given in the
     * signal's unit ({@code maxDeviation}) rather than as a share of the span's range: for a
     * signal whose scale is known beforehand (a position on an insole of known length), so that
     * a span in which it hardly moves does not make its small real steps outliers.
     */
    public static void replaceOutliersBeyond(double[] src, int srcOff, double[] dst, int dstOff, int n,
                                             double maxDeviation) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = i == 0 || i == n - 1 ? src[srcOff + i]
                    : of(src[srcOff + i - 1], src[srcOff + i], src[srcOff + i + 1]);
        }
        keepWithin(src, srcOff, dst, dstOff, n, maxDeviation);
    }

    /** Puts back each sample of {@code src} that lies within {@code maxDeviation} of its median in {@code dst}. */
    private static void keepWithin(double[] src, int srcOff, double[] dst, int dstOff, int n, double maxDeviation) {
        for (int i = 0; i < n; i++) {
            double x = src[srcOff + i];
            double median = dst[dstOff + i];
            dst[dstOff + i] = Math.abs(x - median) > maxDeviation ? median : x;
        }
    }
}
