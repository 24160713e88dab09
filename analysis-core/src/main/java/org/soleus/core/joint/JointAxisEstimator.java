package org.soleus.core.joint;

import java.util.Arrays;
import org.soleus.core.orientation.ImuSamples;

/**
 * Finds the flexion axis of a hinge joint in the frames of the two IMUs on its segments, so that
 * sensors may be strapped on in any orientation. The idea that a hinge's axis can be identified
 * from the two segments' angular rates alone is that of Seel, Raisch &amp; Schauer, "IMU-based joint
 * angle measurement for gait analysis", Sensors 14(4):6891–6909, 2014, doi:10.3390/s140406891;
 * where they fit the kinematic constraint {@code |ω₁ × j₁| = |ω₂ × j₂|} by Gauss–Newton, this class
 * uses the simpler fact that in flexion–extension movements (walking, squats, calf raises) both
 * segments turn mostly about that axis:
 *
 * <ol>
 *   <li>each gyroscope's bias is its mean over the standing calibration period;</li>
 *   <li>each axis is the principal eigenvector of that sensor's second-moment matrix
 *       {@code Σ ω ωᵀ} of bias-free angular rates after the calibration period (power iteration);</li>
 *   <li>the signs: with {@code a(t) = ∫ ω_thigh·j₁ dt} and {@code b(t) = ∫ ω_shank·j₂ dt}, the
 *       flexion angle of a hinge is {@code b − a} when both axes point the same way; of the four
 *       sign choices, the one whose {@code b − a} best fits a knee (95th percentile high, 5th
 *       percentile not below 0: the score is {@code p95 + 2·min(p5, 0)}) is kept.</li>
 * </ol>
 *
 * A segment that does not move (the thigh in seated knee extension) leaves its axis ill-defined,
 * but then it does not change the flexion either. Stateless and thread-safe.
 */
public final class JointAxisEstimator {
    private static final int POWER_ITERATIONS = 200;

    private JointAxisEstimator() {
    }

    /**
     * The knee's flexion axes in the thigh and shank IMU frames.
     *
     * @param thigh    the thigh IMU (deg/s; the accelerometer is not used here)
     * @param shank    the shank IMU over the same samples
     * @param settings sampling rate and calibration period
     * @throws IllegalArgumentException when the IMUs differ in length, the recording ends within
     *                                  the calibration period, or the shank does not move after it
     */
    public static JointAxes estimate(ImuSamples thigh, ImuSamples shank, KneeFlexionSettings settings) {
        int n = thigh.length();
        if (shank.length() != n) {
            throw new IllegalArgumentException("thigh IMU has " + n + " samples, shank IMU " + shank.length()
                    + "; give both over the same samples");
        }
        int calibration = settings.calibrationSamples();
        if (calibration >= n) {
            throw new IllegalArgumentException("the recording has " + n + " samples, no more than the "
                    + calibration + " of the " + settings.calibrationS() + " s calibration period; record movement "
                    + "after standing still, or shorten the calibration period");
        }
        double[] thighBias = meanRate(thigh, calibration);
        double[] shankBias = meanRate(shank, calibration);
        double[] j1 = principalAxis(thigh, thighBias, calibration, "thigh");
        double[] j2 = principalAxis(shank, shankBias, calibration, "shank");

        double dtS = 1.0 / settings.sampleRateHz();
        double[] a = new double[n - calibration];
        double[] b = new double[n - calibration];
        double sumA = 0;
        double sumB = 0;
        for (int i = calibration; i < n; i++) {
            double wa = projection(thigh, thighBias, j1, i);
            double wb = projection(shank, shankBias, j2, i);
            sumA += Double.isNaN(wa) ? 0 : wa * dtS;
            sumB += Double.isNaN(wb) ? 0 : wb * dtS;
            a[i - calibration] = sumA;
            b[i - calibration] = sumB;
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        double thighSign = 1;
        double shankSign = 1;
        double[] candidate = new double[a.length];
        for (int s1 = -1; s1 <= 1; s1 += 2) {
            for (int s2 = -1; s2 <= 1; s2 += 2) {
                for (int k = 0; k < a.length; k++) {
                    candidate[k] = s2 * b[k] - s1 * a[k];
                }
                Arrays.sort(candidate);
                double score = candidate[(int) (0.95 * (candidate.length - 1))]
                        + 2 * Math.min(candidate[(int) (0.05 * (candidate.length - 1))], 0);
                if (score > bestScore) {
                    bestScore = score;
                    thighSign = s1;
                    shankSign = s2;
                }
            }
        }
        return new JointAxes(thighSign * j1[0], thighSign * j1[1], thighSign * j1[2],
                shankSign * j2[0], shankSign * j2[1], shankSign * j2[2]);
    }

    private static double[] meanRate(ImuSamples imu, int count) {
        double[] sum = new double[3];
        int finite = 0;
        for (int i = 0; i < count; i++) {
            double x = imu.gyrXDps()[i];
            double y = imu.gyrYDps()[i];
            double z = imu.gyrZDps()[i];
            if (!Double.isNaN(x + y + z)) {
                sum[0] += x;
                sum[1] += y;
                sum[2] += z;
                finite++;
            }
        }
        if (finite > 0) {
            for (int a = 0; a < 3; a++) {
                sum[a] /= finite;
            }
        }
        return sum;
    }

    private static double[] principalAxis(ImuSamples imu, double[] bias, int from, String segment) {
        double[] m = new double[9];
        for (int i = from; i < imu.length(); i++) {
            double x = imu.gyrXDps()[i] - bias[0];
            double y = imu.gyrYDps()[i] - bias[1];
            double z = imu.gyrZDps()[i] - bias[2];
            if (!Double.isNaN(x + y + z)) {
                m[0] += x * x;
                m[1] += x * y;
                m[2] += x * z;
                m[4] += y * y;
                m[5] += y * z;
                m[8] += z * z;
            }
        }
        m[3] = m[1];
        m[6] = m[2];
        m[7] = m[5];
        int column = m[0] >= m[4] && m[0] >= m[8] ? 0 : m[4] >= m[8] ? 1 : 2;
        double[] v = {m[column], m[3 + column], m[6 + column]};
        if (!(normalise(v) > 0)) {
            throw new IllegalArgumentException("the " + segment + " IMU does not turn after the calibration period, "
                    + "so the knee's flexion axis cannot be found; record some knee flexion");
        }
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double x = m[0] * v[0] + m[1] * v[1] + m[2] * v[2];
            double y = m[3] * v[0] + m[4] * v[1] + m[5] * v[2];
            double z = m[6] * v[0] + m[7] * v[1] + m[8] * v[2];
            v[0] = x;
            v[1] = y;
            v[2] = z;
            normalise(v);
        }
        return v;
    }

    private static double projection(ImuSamples imu, double[] bias, double[] axis, int i) {
        return (imu.gyrXDps()[i] - bias[0]) * axis[0] + (imu.gyrYDps()[i] - bias[1]) * axis[1]
                + (imu.gyrZDps()[i] - bias[2]) * axis[2];
    }

    private static double normalise(double[] v) {
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (norm > 0) {
            v[0] /= norm;
            v[1] /= norm;
            v[2] /= norm;
        }
        return norm;
    }
}
