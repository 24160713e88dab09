package org.soleus.core.joint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.orientation.MahonyFilter;
import org.soleus.core.recording.Gravity;

/**
 * Finds the flexion axis of a hinge joint (knee, ankle) in the frames of the two IMUs on its segments, so that
 * sensors may be strapped on in any orientation. The idea of identifying a hinge's axis from the
 * two segments' angular rates alone is that of Seel, Raisch &amp; Schauer, "IMU-based joint angle
 * measurement for gait analysis", Sensors 14(4):6891–6909, 2014, doi:10.3390/s140406891, who fit
 * the hinge constraint {@code |ω₁ × j₁| = |ω₂ × j₂|}; this class uses the stronger, signed form of
 * that constraint (the relative angular velocity of a hinge lies along its axis):
 *
 * <ol>
 *   <li>each gyroscope's bias is its mean over the standing calibration period;</li>
 *   <li>the axis is read off the segment that turns more after the calibration period (the
 *       larger {@code Σ |ω|²} of bias-free angular rates): its axis is the principal eigenvector
 *       of that segment's second-moment matrix {@code Σ ω ωᵀ} (power iteration). In walking,
 *       squats and standing calf raises that is the distal segment (the shank turns mostly about
 *       the knee, the foot about the ankle); the thigh's own principal axis would then not do,
 *       since hip rotation and adduction in walking turn it 20° away from the knee axis. Sitting
 *       down for seated calf raises turns the thigh 90° about the hip (parallel to the knee) while
 *       the shank stays nearly upright, so there the thigh gives the axis, and the shank's few,
 *       noisy rotations would not;</li>
 *   <li>the other segment's axis is the same physical direction at calibration. The two sensors'
 *       tilts while standing fix it up to one unknown, the heading ψ between the sensors (each
 *       {@link MahonyFilter} has its own arbitrary heading). Both filters are run over the
 *       recording, and ψ is the heading (on a 5° grid refined to 0.05°) that minimises, over up to
 *       {@value #MAX_FIT_SAMPLES} evenly spaced samples, the part of the relative angular velocity
 *       (world frame) not along the axis as the segments carry it. When both segments turn about
 *       parallel axes (movement in one plane) ψ + π fits as well: the relative angular velocity
 *       is then along the axis either way;</li>
 *   <li>the choice between ψ and ψ + π and the sign of both axes, by {@link HingeJoint}: for the
 *       knee, {@link JointAngleEstimator} is run with each, and the one whose flexion best fits a
 *       knee is kept (score {@code p95 + 2·min(p5, 0)} of the angle, or of its negative for
 *       flipped axes: large, and not below 0, since a knee flexes from straight and hardly
 *       hyperextends). For the ankle, which goes both ways, the heading whose angle spans least
 *       (p95 − p5) is kept (the wrong one adds the segments' rotations, which in swing are large
 *       and alike), and the sign makes the foot's own pitch relative to the ground (an estimator
 *       whose proximal segment is an IMU at rest) reach further positive than negative: the foot
 *       pitches toes down in heel rise, push-off and forefoot landing far more than toes up.</li>
 * </ol>
 *
 * A thigh that does not move (seated knee extension) leaves ψ undetermined, but then it does not
 * change the flexion either. Stateless and thread-safe.
 */
public final class JointAxisEstimator {
    /** The rate above which a segment is taken to turn in the calibration period, deg/s ({@link #requireStill}). */
    static final double MAX_CALIBRATION_RATE_DPS = 30;

    private static final int POWER_ITERATIONS = 200;
    /** At most this many samples enter the heading fit. */
    static final int MAX_FIT_SAMPLES = 5_000;
    private static final int COARSE_STEPS = 72;
    private static final int FINE_STEPS = 100;

    private JointAxisEstimator() {
    }

    /**
     * The knee's flexion axes in the thigh and shank IMU frames: {@link #estimate(HingeJoint,
     * ImuSamples, ImuSamples, JointAngleSettings)} for {@link HingeJoint#KNEE}.
     */
    public static JointAxes estimate(ImuSamples thigh, ImuSamples shank, JointAngleSettings settings) {
        return estimate(HingeJoint.KNEE, thigh, shank, settings);
    }

    /**
     * A hinge joint's flexion axes in the frames of the IMUs on its proximal and distal segments
     * ({@link JointAxes#thighX()} … for the proximal, {@link JointAxes#shankX()} … for the distal).
     *
     * @param joint    the joint, which decides how the axis sign is told
     * @param proximal the proximal segment's IMU (deg/s, m/s²), starting with the standing calibration period
     * @param distal   the distal segment's IMU over the same samples
     * @param settings sampling rate, calibration period and the orientation filters' gains
     * @throws IllegalArgumentException when the IMUs differ in length, the recording ends within
     *                                  the calibration period or has no complete sample in it, or
     *                                  the distal segment does not move after it
     */
    public static JointAxes estimate(HingeJoint joint, ImuSamples proximal, ImuSamples distal,
                                     JointAngleSettings settings) {
        int n = proximal.length();
        if (distal.length() != n) {
            throw new IllegalArgumentException(joint.proximal() + " IMU has " + n + " samples, " + joint.distal()
                    + " IMU " + distal.length() + "; give both over the same samples");
        }
        int calibration = settings.calibrationSamples();
        if (calibration >= n) {
            throw new IllegalArgumentException("the recording has " + n + (n == 1 ? " sample" : " samples")
                    + ", no more than the " + calibration + " of the " + settings.calibrationS()
                    + " s calibration period; record movement "
                    + "after standing still, or shorten the calibration period");
        }
        double[] proximalBias = mean(proximal.gyrXDps(), proximal.gyrYDps(), proximal.gyrZDps(), calibration);
        double[] distalBias = mean(distal.gyrXDps(), distal.gyrYDps(), distal.gyrZDps(), calibration);
        requireStill(proximal, proximalBias, calibration, joint.proximal(), settings.calibrationS());
        requireStill(distal, distalBias, calibration, joint.distal(), settings.calibrationS());
        // The axis is read off the segment that turns more (the shank in walking, the thigh when
        // sitting down with the shank still) and carried into the other segment's frame.
        List<JointAxes> candidates = new ArrayList<>(2);
        if (turning(distal, distalBias, calibration) >= turning(proximal, proximalBias, calibration)) {
            double[] j2 = principalAxis(distal, distalBias, calibration, joint.distal());
            for (double[] j1 : matchingAxes(proximal, distal, proximalBias, distalBias, j2, settings)) {
                candidates.add(new JointAxes(j1[0], j1[1], j1[2], j2[0], j2[1], j2[2]));
            }
        } else {
            double[] j1 = principalAxis(proximal, proximalBias, calibration, joint.proximal());
            for (double[] j2 : matchingAxes(distal, proximal, distalBias, proximalBias, j1, settings)) {
                candidates.add(new JointAxes(j1[0], j1[1], j1[2], j2[0], j2[1], j2[2]));
            }
        }
        double[] angles = new double[n];
        double bestScore = Double.NEGATIVE_INFINITY;
        JointAxes best = null;
        for (JointAxes axes : candidates) {
            new JointAngleEstimator(settings, axes).update(proximal, distal, 0, n, angles);
            double[] tails = tails(angles);
            if (tails == null) {
                continue;
            }
            double p5 = tails[0];
            double p95 = tails[1];
            if (joint == HingeJoint.KNEE) {
                double plus = p95 + 2 * Math.min(p5, 0);
                double minus = -p5 + 2 * Math.min(-p95, 0);
                if (plus > bestScore) {
                    bestScore = plus;
                    best = axes;
                }
                if (minus > bestScore) {
                    bestScore = minus;
                    best = new JointAxes(-axes.thighX(), -axes.thighY(), -axes.thighZ(), -axes.shankX(),
                            -axes.shankY(), -axes.shankZ());
                }
            } else if (-(p95 - p5) > bestScore) {
                bestScore = -(p95 - p5);
                best = axes;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no sample after the calibration period has all twelve IMU signals; "
                    + "the " + joint.name().toLowerCase(Locale.ROOT) + "'s flexion axis cannot be found");
        }
        if (joint == HingeJoint.ANKLE && distalPitchesBackward(distal, best, settings)) {
            best = new JointAxes(-best.thighX(), -best.thighY(), -best.thighZ(),
                    -best.shankX(), -best.shankY(), -best.shankZ());
        }
        return best;
    }

    /**
     * Whether the distal segment's pitch relative to the ground since calibration, about its axis,
     * reaches further negative than positive (5th and 95th percentiles): the angle of a
     * {@link JointAngleEstimator} whose proximal segment is the still ground, an IMU at rest.
     */
    private static boolean distalPitchesBackward(ImuSamples distal, JointAxes axes, JointAngleSettings settings) {
        int n = distal.length();
        double[] zeros = new double[n];
        double[] gravity = new double[n];
        Arrays.fill(gravity, Gravity.STANDARD_MPS2);
        ImuSamples ground = new ImuSamples(zeros, zeros, zeros, zeros, zeros, gravity);
        JointAxes toGround = new JointAxes(1, 0, 0, axes.shankX(), axes.shankY(), axes.shankZ());
        double[] pitchDeg = new double[n];
        new JointAngleEstimator(settings, toGround).update(ground, distal, 0, n, pitchDeg);
        double[] tails = tails(pitchDeg);
        return tails != null && tails[0] + tails[1] < 0;
    }

    /** The 5th and 95th percentiles of the finite values, or null when none is; reorders {@code values}. */
    private static double[] tails(double[] values) {
        int finite = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                values[finite++] = v;
            }
        }
        if (finite == 0) {
            return null;
        }
        Arrays.sort(values, 0, finite);
        return new double[] {values[(int) (0.05 * (finite - 1))], values[(int) (0.95 * (finite - 1))]};
    }

    /**
     * The axis in the {@code target} segment's frame that is the {@code source} segment's axis
     * {@code a} at calibration: {@code R_target,0ᵀ Z(ψ) R_source,0 a} with the tilt-only
     * orientations at calibration and the heading ψ between the two sensors' filter frames fitted
     * so that the relative angular velocity is parallel to the axis; then the same for ψ + π,
     * which fits as well when both segments turn about parallel axes. The fit is symmetric in the
     * two segments, so either may be the source.
     */
    private static double[][] matchingAxes(ImuSamples target, ImuSamples source, double[] targetBias,
                                           double[] sourceBias, double[] a, JointAngleSettings settings) {
        int calibration = settings.calibrationSamples();
        double[] targetUp = mean(target.accXMps2(), target.accYMps2(), target.accZMps2(), calibration);
        double[] sourceUp = mean(source.accXMps2(), source.accYMps2(), source.accZMps2(), calibration);
        MahonyFilter targetFilter = new MahonyFilter(settings.proportionalGain(), 0, settings.feedbackHalfRateDps());
        MahonyFilter sourceFilter = new MahonyFilter(settings.proportionalGain(), 0, settings.feedbackHalfRateDps());
        targetFilter.alignToGravity(targetUp[0], targetUp[1], targetUp[2]);
        sourceFilter.alignToGravity(sourceUp[0], sourceUp[1], sourceUp[2]);
        double[] targetStart = {targetFilter.qw(), targetFilter.qx(), targetFilter.qy(), targetFilter.qz()};
        double[] u = rotate(sourceFilter.qw(), sourceFilter.qx(), sourceFilter.qy(), sourceFilter.qz(), a);

        // world angular velocities of both segments and the target's rotation since calibration,
        // at up to MAX_FIT_SAMPLES evenly spaced samples
        int n = target.length();
        int stride = Math.max(1, (n - calibration) / MAX_FIT_SAMPLES);
        int m = (n - calibration + stride - 1) / stride;
        double[][] fit = new double[10][m];
        int count = 0;
        double dtS = 1.0 / settings.sampleRateHz();
        for (int i = calibration; i < n; i++) {
            double tx = target.gyrXDps()[i] - targetBias[0];
            double ty = target.gyrYDps()[i] - targetBias[1];
            double tz = target.gyrZDps()[i] - targetBias[2];
            double sx = source.gyrXDps()[i] - sourceBias[0];
            double sy = source.gyrYDps()[i] - sourceBias[1];
            double sz = source.gyrZDps()[i] - sourceBias[2];
            targetFilter.update(tx, ty, tz, target.accXMps2()[i], target.accYMps2()[i], target.accZMps2()[i], dtS);
            sourceFilter.update(sx, sy, sz, source.accXMps2()[i], source.accYMps2()[i], source.accZMps2()[i], dtS);
            if ((i - calibration) % stride != 0 || Double.isNaN(tx + ty + tz + sx + sy + sz)) {
                continue;
            }
            double[] wt = rotate(targetFilter.qw(), targetFilter.qx(), targetFilter.qy(), targetFilter.qz(),
                    new double[] {tx, ty, tz});
            double[] ws = rotate(sourceFilter.qw(), sourceFilter.qx(), sourceFilter.qy(), sourceFilter.qz(),
                    new double[] {sx, sy, sz});
            // D = q_target ⊗ conj(q_target,0)
            double aw = targetFilter.qw();
            double ax = targetFilter.qx();
            double ay = targetFilter.qy();
            double az = targetFilter.qz();
            double bw = targetStart[0];
            double bx = -targetStart[1];
            double by = -targetStart[2];
            double bz = -targetStart[3];
            fit[0][count] = wt[0];
            fit[1][count] = wt[1];
            fit[2][count] = wt[2];
            fit[3][count] = ws[0];
            fit[4][count] = ws[1];
            fit[5][count] = ws[2];
            fit[6][count] = aw * bw - ax * bx - ay * by - az * bz;
            fit[7][count] = aw * bx + ax * bw + ay * bz - az * by;
            fit[8][count] = aw * by - ax * bz + ay * bw + az * bx;
            fit[9][count] = aw * bz + ax * by - ay * bx + az * bw;
            count++;
        }
        double best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 0; k < COARSE_STEPS; k++) {
            double heading = 2 * Math.PI * k / COARSE_STEPS;
            double cost = parallelCost(fit, count, u, heading);
            if (cost < bestCost) {
                bestCost = cost;
                best = heading;
            }
        }
        double coarse = best;
        double step = 2 * Math.PI / COARSE_STEPS / FINE_STEPS;
        for (int k = -FINE_STEPS; k <= FINE_STEPS; k++) {
            double heading = coarse + k * step;
            double cost = parallelCost(fit, count, u, heading);
            if (cost < bestCost) {
                bestCost = cost;
                best = heading;
            }
        }
        return new double[][] {
            rotate(targetStart[0], -targetStart[1], -targetStart[2], -targetStart[3], turn(u, best)),
            rotate(targetStart[0], -targetStart[1], -targetStart[2], -targetStart[3], turn(u, best + Math.PI))};
    }

    /**
     * {@code Σ |(Z(ψ) ω_source − ω_target) × D Z(ψ) u|²}: the part of the relative angular velocity
     * (in the target filter's world) that is not along the hinge axis, whose world direction is the
     * source's axis at calibration {@code u} turned by ψ and carried along by the target's rotation D.
     */
    private static double parallelCost(double[][] fit, int count, double[] u, double heading) {
        double c = Math.cos(heading);
        double s = Math.sin(heading);
        double ux = c * u[0] - s * u[1];
        double uy = s * u[0] + c * u[1];
        double uz = u[2];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            double rx = c * fit[3][k] - s * fit[4][k] - fit[0][k];
            double ry = s * fit[3][k] + c * fit[4][k] - fit[1][k];
            double rz = fit[5][k] - fit[2][k];
            double[] axis = rotate(fit[6][k], fit[7][k], fit[8][k], fit[9][k], new double[] {ux, uy, uz});
            double cx = ry * axis[2] - rz * axis[1];
            double cy = rz * axis[0] - rx * axis[2];
            double cz = rx * axis[1] - ry * axis[0];
            sum += cx * cx + cy * cy + cz * cz;
        }
        return sum;
    }

    private static double[] turn(double[] v, double heading) {
        double c = Math.cos(heading);
        double s = Math.sin(heading);
        return new double[] {c * v[0] - s * v[1], s * v[0] + c * v[1], v[2]};
    }

    /** {@code q v q*} for the unit quaternion (w, x, y, z). */
    private static double[] rotate(double w, double x, double y, double z, double[] v) {
        return new double[] {
            (1 - 2 * (y * y + z * z)) * v[0] + 2 * (x * y - w * z) * v[1] + 2 * (x * z + w * y) * v[2],
            2 * (x * y + w * z) * v[0] + (1 - 2 * (x * x + z * z)) * v[1] + 2 * (y * z - w * x) * v[2],
            2 * (x * z - w * y) * v[0] + 2 * (y * z + w * x) * v[1] + (1 - 2 * (x * x + y * y)) * v[2]};
    }

    /**
     * Refuses a calibration period in which the segment turns: its rate about its mean there
     * exceeds {@value #MAX_CALIBRATION_RATE_DPS} deg/s in more than a twentieth of the samples.
     * Standing sway and sensor noise stay well below that, a step (hundreds of deg/s) far above:
     * a recording that starts walking would take a stride's posture and rates for standing
     * still, and every angle after it would be wrong by tens of degrees.
     */
    private static void requireStill(ImuSamples imu, double[] bias, int count, String segment, double calibrationS) {
        double[] rates = new double[count];
        int finite = 0;
        for (int i = 0; i < count; i++) {
            double x = imu.gyrXDps()[i] - bias[0];
            double y = imu.gyrYDps()[i] - bias[1];
            double z = imu.gyrZDps()[i] - bias[2];
            if (!Double.isNaN(x + y + z)) {
                rates[finite++] = Math.sqrt(x * x + y * y + z * z);
            }
        }
        Arrays.sort(rates, 0, finite);
        double p95 = rates[(int) (0.95 * (finite - 1))];
        if (p95 > MAX_CALIBRATION_RATE_DPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s IMU turns at %.0f deg/s and more in the"
                    + " first %s s, the standing calibration period that defines 0° (a twentieth of its samples; still"
                    + " standing stays below %.0f): start the recording standing still for that long", segment, p95,
                    trim(calibrationS), MAX_CALIBRATION_RATE_DPS));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : Double.toString(value);
    }

    private static double[] mean(double[] x, double[] y, double[] z, int count) {
        double[] sum = new double[3];
        int finite = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(x[i] + y[i] + z[i])) {
                sum[0] += x[i];
                sum[1] += y[i];
                sum[2] += z[i];
                finite++;
            }
        }
        if (finite == 0) {
            throw new IllegalArgumentException("no finite sample in the " + count + "-sample calibration period; "
                    + "record standing still at the start");
        }
        for (int a = 0; a < 3; a++) {
            sum[a] /= finite;
        }
        return sum;
    }

    /** Sum of squared bias-free angular rates after the calibration period, (deg/s)²: how much a segment turns. */
    private static double turning(ImuSamples imu, double[] bias, int from) {
        double sum = 0;
        for (int i = from; i < imu.length(); i++) {
            double x = imu.gyrXDps()[i] - bias[0];
            double y = imu.gyrYDps()[i] - bias[1];
            double z = imu.gyrZDps()[i] - bias[2];
            if (!Double.isNaN(x + y + z)) {
                sum += x * x + y * y + z * z;
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
