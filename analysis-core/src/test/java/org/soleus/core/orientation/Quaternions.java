package org.soleus.core.orientation;

import java.util.Random;

/**
 * Quaternion arithmetic for tests, written out plainly as the reference the filters are checked
 * against: unit quaternions {@code (w, x, y, z)} that rotate a sensor frame into the world.
 */
public final class Quaternions {
    private Quaternions() {
    }

    /** A uniformly random unit quaternion. */
    public static double[] random(Random random) {
        double[] q = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        for (int i = 0; i < 4; i++) {
            q[i] /= n;
        }
        return q;
    }

    /** The Hamilton product {@code a ⊗ b}. */
    public static double[] multiply(double[] a, double[] b) {
        return new double[] {
            a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
            a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
            a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
            a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    /** {@code q v q*}: a vector of the frame that {@code q} rotates, in the world. */
    public static double[] rotate(double[] q, double[] v) {
        double[] conj = {q[0], -q[1], -q[2], -q[3]};
        double[] r = multiply(multiply(q, new double[] {0, v[0], v[1], v[2]}), conj);
        return new double[] {r[1], r[2], r[3]};
    }

    /** {@code q* v q}: a world vector in the frame that {@code q} rotates into the world. */
    public static double[] rotateInverse(double[] q, double[] v) {
        double[] conj = {q[0], -q[1], -q[2], -q[3]};
        double[] r = multiply(multiply(conj, new double[] {0, v[0], v[1], v[2]}), q);
        return new double[] {r[1], r[2], r[3]};
    }
}
