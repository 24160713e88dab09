package org.soleus.core.joint;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** How far estimated joint angles and axes are from the truth. */
final class AngleErrors {
    private AngleErrors() {
    }

    /**
     * Root-mean-square error of {@code estimate} against {@code truth} over the samples that have
     * an estimate (not NaN), degrees; asserts that more than half of them have one.
     */
    static double rmseDeg(double[] estimate, double[] truth) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (!Double.isNaN(estimate[i])) {
                double e = estimate[i] - truth[i];
                sum += e * e;
                n++;
            }
        }
        assertTrue(n > truth.length / 2, "too few angles: " + n + " of " + truth.length);
        return Math.sqrt(sum / n);
    }

    /** The angle between the unit vectors {@code a} and {@code (bx, by, bz)}, degrees. */
    static double angleDeg(double[] a, double bx, double by, double bz) {
        double dot = a[0] * bx + a[1] * by + a[2] * bz;
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
    }
}
