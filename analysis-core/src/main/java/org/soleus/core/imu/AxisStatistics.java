package org.soleus.core.imu;

/**
 * Shared arithmetic of the sagittal-axis searches ({@link SagittalAxisFinder},
 * {@link ShankAxisFinder}): order statistics and the principal axis of a 3 × 3 scatter matrix.
 * Allocates nothing. Stateless.
 */
final class AxisStatistics {
    private static final int POWER_ITERATIONS = 64;

    private AxisStatistics() {
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
