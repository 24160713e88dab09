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
        double range = medians(src, srcOff, dst, dstOff, n);
        keepWithin(src, srcOff, dst, dstOff, n, shareOfRange * range);
    }

    /**
     * As {@link #replaceOutliers}, with the largest deviation from the median given in the
     * signal's unit ({@code maxDeviation}) rather than as a share of the span's range: for a
     * signal whose scale is known beforehand (a position on an insole of known length), so that
     * a span in which it hardly moves does not make its small real steps outliers.
     */
    public static void replaceOutliersBeyond(double[] src, int srcOff, double[] dst, int dstOff, int n,
                                             double maxDeviation) {
        if (n <= 0) {
            return;
        }
        medians(src, srcOff, dst, dstOff, n);
        keepWithin(src, srcOff, dst, dstOff, n, maxDeviation);
    }

    /**
     * Writes the centred 3-sample medians of {@code src[srcOff .. srcOff + n)} ({@code n >= 1})
     * to {@code dst}, the first and last samples copied, and returns their range (largest minus
     * smallest; NaN medians do not count).
     *
     * <p>A span without NaN is filtered on the samples' bits mapped to longs that order as the
     * doubles do ({@link #sortable}; −0 below +0, as {@link Math#min} orders them), so that each
     * minimum and maximum is one branch-free integer instruction: twice as fast as
     * {@link Math#min} and {@link Math#max} on doubles, whose NaN handling takes several, with
     * the same medians bit for bit. A span with a NaN is filtered again by {@link #of}.
     */
    private static double medians(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        double first = src[srcOff];
        double second = src[srcOff + Math.min(1, n - 1)];
        double last = src[srcOff + n - 1];
        dst[dstOff] = first;
        dst[dstOff + n - 1] = last;
        boolean nan = first != first || second != second || last != last;
        long before = sortable(first);
        long at = sortable(second);
        long low = Math.min(before, sortable(last));
        long high = Math.max(before, sortable(last));
        for (int i = 1; i < n - 1; i++) {
            double next = src[srcOff + i + 1];
            nan |= next != next;
            long after = sortable(next);
            long median = Math.max(Math.min(before, at), Math.min(Math.max(before, at), after));
            dst[dstOff + i] = fromSortable(median);
            low = Math.min(low, median);
            high = Math.max(high, median);
            before = at;
            at = after;
        }
        return nan ? mediansWithNaN(src, srcOff, dst, dstOff, n) : fromSortable(high) - fromSortable(low);
    }

    /** {@link #medians} for a span with NaN: NaN wherever a window holds one. */
    private static double mediansWithNaN(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double m = i == 0 || i == n - 1 ? src[srcOff + i]
                    : of(src[srcOff + i - 1], src[srcOff + i], src[srcOff + i + 1]);
            dst[dstOff + i] = m;
            low = m < low ? m : low;
            high = m > high ? m : high;
        }
        return high - low;
    }

    /**
     * The bits of a double that is not NaN, as a long that orders as the doubles do: a negative
     * double's bits order in reverse, so all but the sign bit are flipped. Its own inverse.
     */
    private static long sortable(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static double fromSortable(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
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
