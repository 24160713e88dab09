package org.soleus.core.filter;

/**
 * The 3-sample running median (Tukey, "Exploratory Data Analysis", 1977): removes a single
 * sample far off its neighbours (a transmission error) and leaves edges and plateaus as they
 * are. Stateless and thread-safe.
 */
public final class Median3 {
    private Median3() {
    }

    /** The median of three values (NaN when any is NaN). */
    public static double of(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Writes the centred 3-sample median of {@code src[srcOff .. srcOff + n)} to
     * {@code dst[dstOff .. dstOff + n)}; the first and last samples, which have one neighbour,
     * are copied. {@code src} and {@code dst} must not overlap.
     */
    public static void centred(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        if (n <= 0) {
            return;
        }
        dst[dstOff] = src[srcOff];
        for (int i = 1; i < n - 1; i++) {
            dst[dstOff + i] = of(src[srcOff + i - 1], src[srcOff + i], src[srcOff + i + 1]);
        }
        dst[dstOff + n - 1] = src[srcOff + n - 1];
    }
}
