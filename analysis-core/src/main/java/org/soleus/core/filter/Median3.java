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

    /** {@link #of(double, double, double)} of floats. */
    private static float of(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Copies {@code src[srcOff .. srcOff + n)} to {@code dst[dstOff ..)}, replacing each sample
     * that lies more than {@code shareOfRange} of the span's median-filtered range off its
     * centred 3-sample median by that median: a thresholded running median (Tukey 1977) after
     * Hampel's outlier identifier (Hampel, J Am Stat Assoc 69:383–393, 1974; as a filter: Pearson,
     * IEEE Trans Control Syst Technol 10(1):55–63, 2002), on the 3-sample window and with the span's
     * range as the scale where Hampel's takes the median absolute deviation, so
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
        int end = srcOff + n - 1;
        for (int i = srcOff; i <= end; i++) {
            double m = i == srcOff || i == end ? src[i] : of(src[i - 1], src[i], src[i + 1]);
            low = m < low ? m : low;
            high = m > high ? m : high;
        }
        keepWithin(src, srcOff, dst, dstOff, n, shareOfRange * (high - low));
    }

    /**
     * Copies {@code src[srcOff .. srcOff + n)} to {@code dst}, each sample more than
     * {@code maxDeviation} off its centred 3-sample median replaced by that median; the first and
     * last samples, which have no centred median, as they are. One pass, no buffer: the
     * median is computed where it is needed.
     */
    private static void keepWithin(double[] src, int srcOff, double[] dst, int dstOff, int n, double maxDeviation) {
        dst[dstOff] = src[srcOff];
        dst[dstOff + n - 1] = src[srcOff + n - 1];
        int shift = dstOff - srcOff;
        for (int i = srcOff + 1; i < srcOff + n - 1; i++) {
            double x = src[i];
            double median = of(src[i - 1], x, src[i + 1]);
            dst[i + shift] = Math.abs(x - median) > maxDeviation ? median : x;
        }
    }

    /**
     * The range (highest minus lowest) of the centred 3-sample medians of
     * {@code src[srcOff .. srcOff + n)}, its first and last samples taken as they are and NaN
     * medians left out (−∞ when all are NaN): the scale that
     * {@link #replaceOutliers(double[], int, double[], int, int, double)} multiplies by its share,
     * here of samples stored as floats, taken in double. With
     * {@link #replaceOutliersBeyond(float[], int, float[], int, int, double)} it cleans part of a
     * span by the whole span's range.
     */
    public static double medianRange(float[] src, int srcOff, int n) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int end = srcOff + n - 1;
        for (int i = srcOff; i <= end; i++) {
            double m = i == srcOff || i == end ? src[i] : of(src[i - 1], src[i], src[i + 1]);
            low = m < low ? m : low;
            high = m > high ? m : high;
        }
        return high - low;
    }

    /**
     * As {@link #replaceOutliers}, on samples stored as floats (with the result that their values
     * widened to double give), and with the largest deviation from the median given in the
     * signal's unit ({@code maxDeviation}) rather than as a share of the span's range: for a
     * signal whose scale is known beforehand (a position on an insole of known length), so that
     * a span in which it hardly moves does not make its small real steps outliers; or a share
     * of a larger span's range ({@link #medianRange}).
     */
    public static void replaceOutliersBeyond(float[] src, int srcOff, float[] dst, int dstOff, int n,
                                             double maxDeviation) {
        if (n > 0) {
            keepWithin(src, srcOff, dst, dstOff, n, maxDeviation);
        }
    }

    /**
     * {@link #keepWithin(double[], int, double[], int, int, double)} on floats, the deviation
     * taken in double: a copy for the primitive type, as the JDK's {@code Arrays} keeps one, since
     * a stance's heel force and centre of pressure are cleaned on the track's floats (a copy into
     * doubles and back cost more than the cleaning).
     */
    private static void keepWithin(float[] src, int srcOff, float[] dst, int dstOff, int n, double maxDeviation) {
        dst[dstOff] = src[srcOff];
        dst[dstOff + n - 1] = src[srcOff + n - 1];
        int shift = dstOff - srcOff;
        for (int i = srcOff + 1; i < srcOff + n - 1; i++) {
            float x = src[i];
            float median = of(src[i - 1], x, src[i + 1]);
            dst[i + shift] = Math.abs((double) x - median) > maxDeviation ? median : x;
        }
    }
}
