package org.soleus.core.orientation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class MahonyFilterTest {
    private static final double G = 9.80665;
    private static final double DT = 0.01;

    @Test
    void staticSensorAtKnownTiltsConvergesToGravity() {
        Random random = new Random(31);
        for (int trial = 0; trial < 20; trial++) {
            double[] q = Quaternions.random(random);
            double[] up = Quaternions.rotateInverse(q, new double[] {0, 0, 1});
            MahonyFilter filter = new MahonyFilter(2.0, 0.0);
            for (int i = 0; i < 1500; i++) {
                filter.update(0, 0, 0, G * up[0], G * up[1], G * up[2], DT);
            }
            double errorDeg = angleDeg(up, filter.upX(), filter.upY(), filter.upZ());
            assertTrue(errorDeg < 1e-3, "seed 31 trial " + trial + ": gravity direction off by " + errorDeg + " deg");
        }
    }

    @Test
    void integralTermLearnsConstantGyroBiasAboutHorizontalAxes() {
        // A level sensor whose gyroscope reads 3 / -4 deg/s about x / y: the tilt stays right
        // (a P-only filter would stand 5 deg off) ...
        MahonyFilter filter = new MahonyFilter(1.0, 0.3);
        for (int i = 0; i < 6000; i++) {
            filter.update(3.0, -4.0, 0.0, 0, 0, G, DT);
        }
        double[] level = {0, 0, 1};
        assertTrue(angleDeg(level, filter.upX(), filter.upY(), filter.upZ()) < 1e-3);
        // ... and the learnt bias cancels the gyroscope's without the accelerometer: 10 s of the
        // biased gyroscope alone (50 deg of drift uncorrected) leave the sensor level
        for (int i = 0; i < 1000; i++) {
            filter.update(3.0, -4.0, 0.0, Double.NaN, Double.NaN, Double.NaN, DT);
        }
        assertEquals(0, angleDeg(level, filter.upX(), filter.upY(), filter.upZ()), 0.01);
    }

    @Test
    void gyroscopeOnlyDriftsWithBiasWhileAccelerometerHoldsTilt() {
        MahonyFilter gyroOnly = new MahonyFilter(0.0, 0.0);
        MahonyFilter fused = new MahonyFilter(1.0, 0.0);
        for (int i = 0; i < 3000; i++) {
            gyroOnly.update(2.0, 0.0, 0.0, 0, 0, G, DT);
            fused.update(2.0, 0.0, 0.0, 0, 0, G, DT);
        }
        assertEquals(60.0, angleDeg(new double[] {0, 0, 1}, gyroOnly.upX(), gyroOnly.upY(), gyroOnly.upZ()), 1e-9);
        // steady-state tilt error of a P-only filter: bias / k_P = 2 deg/s / 1 per s ≈ 2 deg
        assertEquals(2.0, angleDeg(new double[] {0, 0, 1}, fused.upX(), fused.upY(), fused.upZ()), 0.01);
    }

    @Test
    void constantRateRotationsIntegrateExactly() {
        Random random = new Random(32);
        for (int trial = 0; trial < 20; trial++) {
            double[] q0 = Quaternions.random(random);
            double[] rateDps = {random.nextGaussian() * 200, random.nextGaussian() * 200, random.nextGaussian() * 200};
            MahonyFilter filter = new MahonyFilter(0.0, 0.0);
            orient(filter, q0);
            int n = 1000;
            for (int i = 0; i < n; i++) {
                filter.update(rateDps[0], rateDps[1], rateDps[2], 0, 0, 0, DT);
            }
            double[] expected = Quaternions.multiply(q0, exp(rateDps, n * DT));
            assertQuaternion(expected, filter, 1e-9, "seed 32 trial " + trial);
        }
    }

    @Test
    void uniformlyAcceleratedRotationAboutAFixedAxisIntegratesExactly() {
        // rate rising linearly from 0 to 400 deg/s about one axis: the trapezoidal rule is exact
        double[] axis = {0.6, 0, 0.8};
        MahonyFilter filter = new MahonyFilter(0.0, 0.0);
        int n = 100;
        for (int i = 0; i <= n; i++) {
            double rate = 4.0 * i;
            filter.update(rate * axis[0], rate * axis[1], rate * axis[2], 0, 0, 0, DT);
        }
        double angle = Math.toRadians(0.5 * 400 * n * DT);
        double[] expected = {Math.cos(angle / 2), axis[0] * Math.sin(angle / 2), 0, axis[2] * Math.sin(angle / 2)};
        assertQuaternion(expected, filter, 1e-12, "linear ramp");
    }

    @Test
    void feedbackIsHalvedAtTheHalfRate() {
        // A level sensor, still or turning about the vertical at ω_h = 30 deg/s, with the estimate
        // starting 10 deg off: tan(tilt/2) decays as exp(-k_P·weight·t), weight 1 still and 1/2 turning.
        double[] decay = new double[2];
        for (int k = 0; k < 2; k++) {
            MahonyFilter filter = new MahonyFilter(1.0, 0.0, 30.0);
            orient(filter, new double[] {Math.cos(Math.toRadians(5)), Math.sin(Math.toRadians(5)), 0, 0});
            for (int i = 0; i < 100; i++) {
                filter.update(0, 0, 30.0 * k, 0, 0, G, DT);
            }
            double tiltDeg = angleDeg(new double[] {0, 0, 1}, filter.upX(), filter.upY(), filter.upZ());
            decay[k] = Math.log(Math.tan(Math.toRadians(5)) / Math.tan(Math.toRadians(tiltDeg / 2)));
        }
        assertEquals(1.0, decay[0], 0.01);
        assertEquals(0.5, decay[1], 0.01);
    }

    @Test
    void rotationAboutGravityKeepsAccelerometerConsistentAndExact() {
        // Turning about the vertical at 90 deg/s with a tilted mounting: the accelerometer agrees with
        // the truth at every step, so the feedback is zero and the result equals pure integration.
        Random random = new Random(33);
        double[] mount = Quaternions.random(random);
        double[] rateSensor = Quaternions.rotateInverse(mount, new double[] {0, 0, Math.toRadians(90)});
        MahonyFilter filter = new MahonyFilter(2.0, 0.1);
        orient(filter, mount);
        double[] up = Quaternions.rotateInverse(mount, new double[] {0, 0, G});
        for (int i = 0; i < 400; i++) {
            filter.update(Math.toDegrees(rateSensor[0]), Math.toDegrees(rateSensor[1]), Math.toDegrees(rateSensor[2]),
                    up[0], up[1], up[2], DT);
        }
        double[] heading = {Math.cos(Math.toRadians(90 * 4) / 2), 0, 0, Math.sin(Math.toRadians(90 * 4) / 2)};
        assertQuaternion(Quaternions.multiply(heading, mount), filter, 1e-9, "seed 33");
    }

    @Test
    void batchDriverEqualsStreaming() {
        Random random = new Random(34);
        int n = 2000;
        double[][] s = new double[6][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                s[a][i] = 50 * Math.sin(0.01 * i * (a + 1)) + random.nextGaussian();
                s[3 + a][i] = (a == 2 ? G : 0) + random.nextGaussian();
            }
        }
        s[0][700] = Double.NaN;
        s[4][900] = Double.NaN;
        ImuSamples imu = new ImuSamples(s[0], s[1], s[2], s[3], s[4], s[5]);
        double[][] q = new double[4][n];
        MahonyFilter batch = new MahonyFilter(0.5, 0.05);
        batch.filter(imu, 0, 1200, DT, q[0], q[1], q[2], q[3]);
        batch.filter(imu, 1200, n, DT, q[0], q[1], q[2], q[3]);
        MahonyFilter streaming = new MahonyFilter(0.5, 0.05);
        double[][] expected = new double[4][n];
        for (int i = 0; i < n; i++) {
            streaming.update(s[0][i], s[1][i], s[2][i], s[3][i], s[4][i], s[5][i], DT);
            expected[0][i] = streaming.qw();
            expected[1][i] = streaming.qx();
            expected[2][i] = streaming.qy();
            expected[3][i] = streaming.qz();
        }
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(expected[c], q[c], 0.0, "seed 34 component " + c);
        }
        assertEquals(q[0][699], q[0][700], 0.0, "a NaN angular rate leaves the state unchanged");
    }

    @Test
    void alignToGravityGivesExactTilt() {
        Random random = new Random(35);
        for (int trial = 0; trial < 50; trial++) {
            double[] up = Quaternions.rotateInverse(Quaternions.random(random), new double[] {0, 0, 1});
            MahonyFilter filter = new MahonyFilter(1.0, 0.0);
            filter.alignToGravity(3 * up[0], 3 * up[1], 3 * up[2]);
            assertTrue(angleDeg(up, filter.upX(), filter.upY(), filter.upZ()) < 1e-9, "seed 35 trial " + trial);
            filter.rotateHeading(1.234);
            assertTrue(angleDeg(up, filter.upX(), filter.upY(), filter.upZ()) < 1e-9, "seed 35 trial " + trial);
        }
        MahonyFilter upsideDown = new MahonyFilter(1.0, 0.0);
        upsideDown.alignToGravity(0, 0, -G);
        assertEquals(-1.0, upsideDown.upZ(), 1e-12);
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MahonyFilter(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MahonyFilter(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new MahonyFilter(1, 0, 0));
        MahonyFilter filter = new MahonyFilter(1, 0);
        assertThrows(IllegalArgumentException.class, () -> filter.update(0, 0, 0, 0, 0, 1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> filter.alignToGravity(0, 0, 0));
    }

    /**
     * Sets the filter to the unit quaternion {@code q} through the public API: the tilt from the
     * up vector {@code q} implies, then the heading that is left.
     */
    private static void orient(MahonyFilter filter, double[] q) {
        double[] up = Quaternions.rotateInverse(q, new double[] {0, 0, 1});
        filter.alignToGravity(up[0], up[1], up[2]);
        // q ⊗ conj(tilt) turns about the vertical only: (cos ψ/2, 0, 0, sin ψ/2) up to sign
        double[] turn = Quaternions.multiply(q, new double[] {filter.qw(), -filter.qx(), -filter.qy(), -filter.qz()});
        filter.rotateHeading(2 * Math.atan2(turn[3], turn[0]));
        assertQuaternion(q, filter, 1e-12, "orient");
    }

    private static double[] exp(double[] rateDps, double timeS) {
        double wx = Math.toRadians(rateDps[0]);
        double wy = Math.toRadians(rateDps[1]);
        double wz = Math.toRadians(rateDps[2]);
        double w = Math.sqrt(wx * wx + wy * wy + wz * wz);
        double s = Math.sin(0.5 * w * timeS) / w;
        return new double[] {Math.cos(0.5 * w * timeS), wx * s, wy * s, wz * s};
    }

    private static double angleDeg(double[] a, double bx, double by, double bz) {
        double cx = a[1] * bz - a[2] * by;
        double cy = a[2] * bx - a[0] * bz;
        double cz = a[0] * by - a[1] * bx;
        double dot = a[0] * bx + a[1] * by + a[2] * bz;
        return Math.toDegrees(Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot));
    }

    private static void assertQuaternion(double[] expected, MahonyFilter filter, double tolerance, String message) {
        double sign = Math.signum(expected[0] * filter.qw() + expected[1] * filter.qx() + expected[2] * filter.qy()
                + expected[3] * filter.qz());
        assertEquals(expected[0], sign * filter.qw(), tolerance, message);
        assertEquals(expected[1], sign * filter.qx(), tolerance, message);
        assertEquals(expected[2], sign * filter.qy(), tolerance, message);
        assertEquals(expected[3], sign * filter.qz(), tolerance, message);
    }
}
