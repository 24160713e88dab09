package org.soleus.core.joint;

import java.util.Random;
import org.soleus.core.orientation.ImuSamples;

/**
 * Thigh and shank IMU signals of a two-segment leg moving in the sagittal plane, with the exact
 * knee flexion beside them. World frame: x forward, y to the left, z up. The thigh points from the
 * hip along {@code (sin α, 0, −cos α)} (α: hip flexion), the shank from the knee along
 * {@code (sin(α − θ), 0, −cos(α − θ))} (θ: knee flexion); each segment is rotated about y. Each
 * sensor sits at an offset on its segment with a random mounting rotation; its gyroscope reads the
 * segment's angular velocity in the sensor frame plus a constant bias and white noise, its
 * accelerometer reads {@code Rᵀ (p̈ + g ẑ)} of its own position p plus white noise, with p̈ from the
 * motion by central differences. Every motion starts with quiet standing.
 */
final class SyntheticLeg {
    enum Motion {
        /** 1 Hz strides, knee 0–65°, thigh −15…25°, hip moving forward at 1.2 m/s and bobbing 2.5 cm. */
        WALKING,
        /** Knee bends to 90° and back in 5 s (calf-raise tempo), ankle fixed, thigh and shank leaning. */
        KNEE_BENDS
    }

    static final double SAMPLE_RATE_HZ = 100.0;
    static final double STANDING_S = 3.0;
    private static final double G = 9.80665;
    private static final double THIGH_M = 0.45;
    private static final double SHANK_M = 0.43;
    private static final double[] THIGH_SENSOR = {0.07, 0.05, -0.22};
    private static final double[] SHANK_SENSOR = {0.05, 0.04, -0.18};

    final ImuSamples thigh;
    final ImuSamples shank;
    final double[] flexionDeg;
    /** Unit flexion axis (world +y) in the thigh and shank sensor frames. */
    final double[] thighAxis;
    final double[] shankAxis;
    private final Motion motion;

    SyntheticLeg(Motion motion, long seed, double durationS, double gyroNoiseDps, double accNoiseMps2,
                 double maxBiasDps) {
        this.motion = motion;
        Random random = new Random(seed);
        double[] thighMount = randomQuaternion(random);
        double[] shankMount = randomQuaternion(random);
        double[] thighBias = {uniform(random, maxBiasDps), uniform(random, maxBiasDps), uniform(random, maxBiasDps)};
        double[] shankBias = {uniform(random, maxBiasDps), uniform(random, maxBiasDps), uniform(random, maxBiasDps)};
        thighAxis = rotateInverse(thighMount, new double[] {0, 1, 0});
        shankAxis = rotateInverse(shankMount, new double[] {0, 1, 0});
        int n = (int) Math.round(durationS * SAMPLE_RATE_HZ);
        double[][] t = new double[6][n];
        double[][] s = new double[6][n];
        flexionDeg = new double[n];
        for (int i = 0; i < n; i++) {
            double time = i / SAMPLE_RATE_HZ;
            flexionDeg[i] = Math.toDegrees(kneeRad(time));
            sensor(time, true, thighMount, thighBias, gyroNoiseDps, accNoiseMps2, random, t, i);
            sensor(time, false, shankMount, shankBias, gyroNoiseDps, accNoiseMps2, random, s, i);
        }
        thigh = new ImuSamples(t[0], t[1], t[2], t[3], t[4], t[5]);
        shank = new ImuSamples(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    private void sensor(double time, boolean isThigh, double[] mount, double[] bias, double gyroNoiseDps,
                        double accNoiseMps2, Random random, double[][] out, int i) {
        double h = 1e-4;
        double pitch = segmentPitch(time, isThigh);
        double rateRadPerS = (segmentPitch(time + h, isThigh) - segmentPitch(time - h, isThigh)) / (2 * h);
        double[] q = multiply(new double[] {Math.cos(pitch / 2), 0, Math.sin(pitch / 2), 0}, mount);
        double[] gyro = rotateInverse(q, new double[] {0, Math.toDegrees(rateRadPerS), 0});
        double step = 1e-3;
        double[] before = position(time - step, isThigh);
        double[] at = position(time, isThigh);
        double[] after = position(time + step, isThigh);
        double[] specific = new double[3];
        for (int a = 0; a < 3; a++) {
            specific[a] = (before[a] - 2 * at[a] + after[a]) / (step * step);
        }
        specific[2] += G;
        double[] acc = rotateInverse(q, specific);
        for (int a = 0; a < 3; a++) {
            out[a][i] = gyro[a] + bias[a] + gyroNoiseDps * random.nextGaussian();
            out[3 + a][i] = acc[a] + accNoiseMps2 * random.nextGaussian();
        }
    }

    /** Rotation of a segment about world y, rad: −α for the thigh, −(α − θ) for the shank. */
    private double segmentPitch(double time, boolean isThigh) {
        return isThigh ? -hipRad(time) : -(hipRad(time) - kneeRad(time));
    }

    private double[] position(double time, boolean isThigh) {
        double alpha = hipRad(time);
        double beta = alpha - kneeRad(time);
        double[] thighDir = {Math.sin(alpha), 0, -Math.cos(alpha)};
        double[] shankDir = {Math.sin(beta), 0, -Math.cos(beta)};
        double[] hip;
        if (motion == Motion.WALKING) {
            hip = new double[] {1.2 * travelS(time), 0, 0.9 + 0.025 * envelope(time) * Math.cos(4 * Math.PI * phase(time))};
        } else {
            hip = new double[] {-SHANK_M * shankDir[0] - THIGH_M * thighDir[0], 0,
                -SHANK_M * shankDir[2] - THIGH_M * thighDir[2]};
        }
        double pitch = segmentPitch(time, isThigh);
        double[] offset = isThigh ? THIGH_SENSOR : SHANK_SENSOR;
        // Rot_y(pitch) applied to the sensor offset in the segment frame
        double ox = Math.cos(pitch) * offset[0] + Math.sin(pitch) * offset[2];
        double oz = -Math.sin(pitch) * offset[0] + Math.cos(pitch) * offset[2];
        double[] origin = isThigh ? hip : new double[] {hip[0] + THIGH_M * thighDir[0], 0, hip[2] + THIGH_M * thighDir[2]};
        return new double[] {origin[0] + ox, offset[1], origin[2] + oz};
    }

    private double kneeRad(double time) {
        if (motion == Motion.WALKING) {
            double phase = phase(time);
            return envelope(time) * Math.toRadians(15 * vonMises(phase, 0.12, 30) + 63 * vonMises(phase, 0.72, 12));
        }
        if (time < STANDING_S) {
            return 0;
        }
        return Math.toRadians(90) * 0.5 * (1 - Math.cos(2 * Math.PI * (time - STANDING_S) / 5.0));
    }

    private double hipRad(double time) {
        if (motion == Motion.WALKING) {
            return envelope(time) * Math.toRadians(20 * Math.cos(2 * Math.PI * phase(time)) + 5);
        }
        return 0.55 * kneeRad(time);
    }

    private static double phase(double time) {
        return Math.max(0, time - STANDING_S);
    }

    /** 0 while standing, rising smoothly to 1 over 2 s. */
    private static double envelope(double time) {
        double u = Math.min(1, Math.max(0, (time - STANDING_S) / 2.0));
        return u * u * (3 - 2 * u);
    }

    /** Distance-equivalent time: the integral of {@link #envelope}, s. */
    private static double travelS(double time) {
        double u = Math.min(1, Math.max(0, (time - STANDING_S) / 2.0));
        return 2.0 * (u * u * u - 0.5 * u * u * u * u) + Math.max(0, time - STANDING_S - 2.0);
    }

    private static double vonMises(double phase, double centre, double kappa) {
        return Math.exp(kappa * (Math.cos(2 * Math.PI * (phase - centre)) - 1));
    }

    private static double uniform(Random random, double max) {
        return (2 * random.nextDouble() - 1) * max;
    }

    static double[] randomQuaternion(Random random) {
        double[] q = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        for (int i = 0; i < 4; i++) {
            q[i] /= n;
        }
        return q;
    }

    static double[] multiply(double[] a, double[] b) {
        return new double[] {
            a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
            a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
            a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
            a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    /** {@code q* v q}: a world vector in the frame that {@code q} rotates into the world. */
    static double[] rotateInverse(double[] q, double[] v) {
        double[] conj = {q[0], -q[1], -q[2], -q[3]};
        double[] r = multiply(multiply(conj, new double[] {0, v[0], v[1], v[2]}), q);
        return new double[] {r[1], r[2], r[3]};
    }
}
