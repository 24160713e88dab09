package org.soleus.core.joint;

import java.util.Random;
import org.soleus.core.orientation.Quaternions;
import org.soleus.core.orientation.ImuSamples;

/**
 * Thigh and shank IMU signals of a two-segment leg with a hinge knee, with the exact knee flexion
 * beside them. World frame: x forward, y to the left, z up. In the sagittal plane the thigh points
 * from the hip along {@code (sin α, 0, −cos α)} (α: hip flexion) and the shank from the knee along
 * {@code (sin(α − θ), 0, −cos(α − θ))} (θ: knee flexion); walking may add hip adduction and
 * rotation. Each sensor sits at an offset on its segment with a random mounting rotation; its
 * gyroscope reads the segment's angular velocity ({@code 2 q̇ ⊗ q*}) in the sensor frame plus a
 * constant bias and white noise, its accelerometer reads {@code Rᵀ (p̈ + g ẑ)} of its own position
 * p plus white noise, with derivatives of the exact motion by central differences. Every motion
 * starts with quiet standing.
 */
final class SyntheticLeg {
    enum Motion {
        /** 1 Hz strides, knee 0–65°, thigh −15…25°, hip moving forward at 1.2 m/s and bobbing 2.5 cm. */
        WALKING,
        /** Knee bends to 90° and back in 5 s (calf-raise tempo), ankle fixed, thigh and shank leaning. */
        KNEE_BENDS,
        /**
         * Cycles of 24 s: sit down in 2 s (thigh to horizontal, knee to 90°), six seated calf raises
         * of 3 s (the heel lifts the knee: thigh up 6°, shank back 4°, knee to 100°), stand up in 2 s,
         * stand for 2 s. The ankle is the fixed point of the model.
         */
        SEATED_CALF_RAISES
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
    private final boolean nonSagittal;

    SyntheticLeg(Motion motion, long seed, double durationS, double gyroNoiseDps, double accNoiseMps2,
                 double maxBiasDps) {
        this(motion, false, seed, durationS, gyroNoiseDps, accNoiseMps2, maxBiasDps);
    }

    /**
     * @param nonSagittal for walking: add hip adduction (±5°) and hip rotation (±8°) at the stride
     *                    frequency, so the thigh, and the knee axis with it, turn out of the
     *                    sagittal plane; the knee stays a hinge
     */
    SyntheticLeg(Motion motion, boolean nonSagittal, long seed, double durationS, double gyroNoiseDps,
                 double accNoiseMps2, double maxBiasDps) {
        this.motion = motion;
        this.nonSagittal = nonSagittal;
        Random random = new Random(seed);
        double[] thighMount = Quaternions.random(random);
        double[] shankMount = Quaternions.random(random);
        double[] thighBias = {uniform(random, maxBiasDps), uniform(random, maxBiasDps), uniform(random, maxBiasDps)};
        double[] shankBias = {uniform(random, maxBiasDps), uniform(random, maxBiasDps), uniform(random, maxBiasDps)};
        thighAxis = Quaternions.rotateInverse(thighMount, new double[] {0, 1, 0});
        shankAxis = Quaternions.rotateInverse(shankMount, new double[] {0, 1, 0});
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
        double h = 1e-5;
        double[] q = Quaternions.multiply(segment(time, isThigh), mount);
        double[] before = segment(time - h, isThigh);
        double[] after = segment(time + h, isThigh);
        double[] now = segment(time, isThigh);
        double[] derivative = new double[4];
        for (int c = 0; c < 4; c++) {
            derivative[c] = (after[c] - before[c]) / (2 * h);
        }
        // ω_world = 2 q̇ ⊗ q*
        double[] omega = Quaternions.multiply(derivative, new double[] {now[0], -now[1], -now[2], -now[3]});
        double[] gyro = Quaternions.rotateInverse(q, new double[] {Math.toDegrees(2 * omega[1]), Math.toDegrees(2 * omega[2]),
            Math.toDegrees(2 * omega[3])});
        double step = 1e-3;
        double[] p0 = position(time - step, isThigh);
        double[] p1 = position(time, isThigh);
        double[] p2 = position(time + step, isThigh);
        double[] specific = new double[3];
        for (int a = 0; a < 3; a++) {
            specific[a] = (p0[a] - 2 * p1[a] + p2[a]) / (step * step);
        }
        specific[2] += G;
        double[] acc = Quaternions.rotateInverse(q, specific);
        for (int a = 0; a < 3; a++) {
            out[a][i] = gyro[a] + bias[a] + gyroNoiseDps * random.nextGaussian();
            out[3 + a][i] = acc[a] + accNoiseMps2 * random.nextGaussian();
        }
    }

    /**
     * Orientation of a segment: the thigh turned by hip rotation ψ about z, adduction φ about x and
     * flexion α about y ({@code q_z(ψ) ⊗ q_x(φ) ⊗ q_y(−α)}); the shank is the thigh turned by the
     * knee flexion θ about the thigh's y axis, the hinge.
     */
    private double[] segment(double time, boolean isThigh) {
        double[] thigh = Quaternions.multiply(Quaternions.multiply(axisAngle(2, hipRotationRad(time)), axisAngle(0, hipAdductionRad(time))),
                axisAngle(1, -hipRad(time)));
        return isThigh ? thigh : Quaternions.multiply(thigh, axisAngle(1, kneeRad(time)));
    }

    private double[] position(double time, boolean isThigh) {
        double[] thigh = segment(time, true);
        double[] shank = segment(time, false);
        double[] thighVector = Quaternions.rotate(thigh, new double[] {0, 0, -THIGH_M});
        double[] shankVector = Quaternions.rotate(shank, new double[] {0, 0, -SHANK_M});
        double[] hip;
        if (motion == Motion.WALKING) {
            hip = new double[] {1.2 * travelS(time), 0, 0.9 + 0.025 * envelope(time) * Math.cos(4 * Math.PI * phase(time))};
        } else {
            hip = new double[] {-shankVector[0] - thighVector[0], -shankVector[1] - thighVector[1],
                -shankVector[2] - thighVector[2]};
        }
        double[] offset = Quaternions.rotate(isThigh ? thigh : shank, isThigh ? THIGH_SENSOR : SHANK_SENSOR);
        double[] origin = isThigh ? hip : new double[] {hip[0] + thighVector[0], hip[1] + thighVector[1],
            hip[2] + thighVector[2]};
        return new double[] {origin[0] + offset[0], origin[1] + offset[1], origin[2] + offset[2]};
    }

    private double hipAdductionRad(double time) {
        return motion == Motion.WALKING && nonSagittal
                ? envelope(time) * Math.toRadians(5 * Math.sin(2 * Math.PI * phase(time) + 0.4)) : 0;
    }

    private double hipRotationRad(double time) {
        return motion == Motion.WALKING && nonSagittal
                ? envelope(time) * Math.toRadians(8 * Math.sin(2 * Math.PI * phase(time) + 1.2)) : 0;
    }

    private double kneeRad(double time) {
        if (motion == Motion.WALKING) {
            double phase = phase(time);
            return envelope(time) * Math.toRadians(15 * vonMises(phase, 0.12, 30) + 63 * vonMises(phase, 0.72, 12));
        }
        if (time < STANDING_S) {
            return 0;
        }
        if (motion == Motion.SEATED_CALF_RAISES) {
            return hipRad(time) - shankSeatedRad(time);
        }
        return Math.toRadians(90) * 0.5 * (1 - Math.cos(2 * Math.PI * (time - STANDING_S) / 5.0));
    }

    private double hipRad(double time) {
        if (motion == Motion.WALKING) {
            return envelope(time) * Math.toRadians(20 * Math.cos(2 * Math.PI * phase(time)) + 5);
        }
        if (motion == Motion.SEATED_CALF_RAISES) {
            return Math.toRadians(90 * seated(time) + 6 * raise(time));
        }
        return 0.55 * kneeRad(time);
    }

    /** Shank inclination α − θ while seated, rad: backwards as the heel rises. */
    private static double shankSeatedRad(double time) {
        return Math.toRadians(-4 * raise(time));
    }

    /** 0 standing, 1 seated, with smooth 2 s transitions. */
    private static double seated(double time) {
        double t = (time - STANDING_S) % 24.0;
        if (time < STANDING_S) {
            return 0;
        }
        double down = Math.min(1, t / 2.0);
        double up = Math.min(1, Math.max(0, (t - 20.0) / 2.0));
        return smooth(down) - smooth(up);
    }

    /** Heel-raise height 0–1 while seated, six 3 s raises. */
    private static double raise(double time) {
        double t = (time - STANDING_S) % 24.0;
        if (time < STANDING_S || t < 2.0 || t > 20.0) {
            return 0;
        }
        return 0.5 * (1 - Math.cos(2 * Math.PI * (t - 2.0) / 3.0));
    }

    private static double smooth(double u) {
        return u * u * (3 - 2 * u);
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

    private static double[] axisAngle(int axis, double angleRad) {
        double[] q = {Math.cos(angleRad / 2), 0, 0, 0};
        q[1 + axis] = Math.sin(angleRad / 2);
        return q;
    }
}
