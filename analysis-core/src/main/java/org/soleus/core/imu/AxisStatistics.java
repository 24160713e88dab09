package org.soleus.core.imu;

/**
 * Shared arithmetic of the sagittal-axis searches ({@link SagittalAxisFinder},
 * {@link ShankAxisFinder}): argument checks, order statistics and the principal axis of the
 * angular-rate vectors. Allocates nothing. Stateless.
 */
final class AxisStatistics {
    private static final int POWER_ITERATIONS = 64;
    /** The percentile of the rate magnitude that sets a span's scale. */
    static final double AMPLITUDE_PERCENTILE = 0.98;
    /** Samples turning faster than this share of that scale count as moving, for the principal axis. */
    static final double MOVING_FRACTION = 0.2;
    /** The least share of the rotational energy that the sagittal axis must carry. */
    static final double MIN_SAGITTAL_SHARE = 0.5;
    /** The shortest run of a still (flat) segment, s: one that does not turn, whose mean rate is the bias. */
    static final double MIN_STILL_S = 0.05;

    private AxisStatistics() {
    }

    /** Checks a finder's construction: {@code capacity} samples, a floor of {@code minPeakDps}. */
    static void checkFinder(int capacity, double minPeakDps) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 sample, got " + capacity);
        }
        if (!(minPeakDps > 0)) {
            throw new IllegalArgumentException("minimum peak rate must be > 0 deg/s, got " + minPeakDps);
        }
    }

    /** Checks that a span of {@code len} samples fits a finder's {@code capacity}. */
    static void checkSpan(int len, int capacity) {
        if (len > capacity) {
            throw new IllegalArgumentException("span of " + len + " samples exceeds the capacity of "
                    + capacity + "; construct the finder with a larger capacity");
        }
    }

    /**
     * The principal axis of the angular-rate vectors less the bias {@code (bx, by, bz)}, over
     * the samples {@code k} of {@code len} from {@code off} whose {@code level[k]} reaches
     * {@code minLevel} (the moving ones): the dominant eigenvector of {@code Σ ω ωᵀ}
     * ({@link #dominantAxis}), as a unit vector in {@code out[0..2]}.
     *
     * @return its share of the rotational energy of those samples, 0 when there is none
     */
    static double principalAxis(double[] gx, double[] gy, double[] gz, int off, int len, double bx, double by,
                                double bz, double[] level, double minLevel, double[] out) {
        // the upper triangle of the scatter matrix, row by row
        double xx = 0, xy = 0, xz = 0;
        double yy = 0, yz = 0;
        double zz = 0;
        for (int k = 0; k < len; k++) {
            if (level[k] >= minLevel) {
                double x = gx[off + k] - bx;
                double y = gy[off + k] - by;
                double z = gz[off + k] - bz;
                xx += x * x;
                xy += x * y;
                xz += x * z;
                yy += y * y;
                yz += y * z;
                zz += z * z;
            }
        }
        return dominantAxis(xx, xy, xz, yy, yz, zz, out);
    }

    /**
     * The dominant eigenvector of the symmetric matrix {@code [[xx, xy, xz], [xy, yy, yz], [xz, yz, zz]]}
     * (power iteration from the axis with the largest diagonal entry), as a unit vector in
     * {@code out[0..2]}.
     *
     * @return its share of the trace (the largest eigenvalue over the sum of all three), 0 when
     *         the trace is not positive (then {@code out} is untouched)
     */
    static double dominantAxis(double xx, double xy, double xz, double yy, double yz, double zz, double[] out) {
        double trace = xx + yy + zz;
        if (!(trace > 0)) {
            return 0;
        }
        double vx = xx >= yy && xx >= zz ? 1 : 0;
        double vy = vx == 0 && yy >= zz ? 1 : 0;
        double vz = vx == 0 && vy == 0 ? 1 : 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double nx = xx * vx + xy * vy + xz * vz;
            double ny = xy * vx + yy * vy + yz * vz;
            double nz = xz * vx + yz * vy + zz * vz;
            double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
            vx = nx / norm;
            vy = ny / norm;
            vz = nz / norm;
        }
        double rayleigh = vx * (xx * vx + xy * vy + xz * vz) + vy * (xy * vx + yy * vy + yz * vz)
                + vz * (xz * vx + yz * vy + zz * vz);
        out[0] = vx;
        out[1] = vy;
        out[2] = vz;
        return rayleigh / trace;
    }

    /** The k-th smallest of {@code a[0..n)} (Hoare's selection; reorders {@code a}). */
    static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[k];
    }
}
