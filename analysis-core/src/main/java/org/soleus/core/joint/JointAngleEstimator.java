package org.soleus.core.joint;

import java.util.Objects;
import java.util.Optional;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.orientation.MahonyFilter;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * The angle of a {@link HingeJoint} from its proximal and distal segments' IMUs, sample by
 * sample, given its axes, which fix the sign: knee flexion from a thigh and a shank IMU, and
 * equally the ankle's plantar flexion, the shank's IMU in place of the thigh's and the foot's in
 * place of the shank's. The method is written for the knee below.
 *
 * <p>Method:
 * <ol>
 *   <li><b>Standing calibration.</b> The first {@link JointAngleSettings#calibrationS()} seconds
 *       (default 2 s) must be quiet standing with the knee straight. Their mean angular rates are
 *       each gyroscope's bias, subtracted from then on; their mean specific forces set each
 *       sensor's tilt exactly; and the relative orientation of the two sensors at the end of the
 *       period is the pose of 0° flexion. Flexion is NaN during the period.</li>
 *   <li><b>Segment orientations.</b> A {@link MahonyFilter} per sensor integrates the bias-free
 *       gyroscope, its accelerometer feedback pulling the tilt back to gravity, so that what drift
 *       remains does not accumulate about horizontal axes.</li>
 *   <li><b>Common heading.</b> Without magnetometers each filter's heading is arbitrary. The knee
 *       axis is one physical, horizontal direction while standing, so the shank filter is turned
 *       about the vertical until its axis {@link JointAxes#shankX() j₂} points where the thigh's
 *       {@link JointAxes#thighX() j₁} does.</li>
 *   <li><b>Flexion.</b> With {@code q_rel = q_thigh* ⊗ q_shank} and {@code q_rel,0} its value at
 *       calibration, {@code Δ = q_rel,0* ⊗ q_rel} is the shank's rotation relative to the thigh
 *       since standing, in the shank sensor's frame. Flexion is its twist about {@code j₂}:
 *       {@code 2·atan2(Δ_v·j₂, Δ_w)}, in degrees within ±180; for a hinge it is exactly the
 *       rotation angle, and the swing–twist split discards rotations about other axes
 *       (abduction, axial rotation, soft-tissue wobble).</li>
 * </ol>
 * The orientation filter is that of Mahony, Hamel &amp; Pflimlin (IEEE Trans. Automatic Control
 * 53(5), 2008); the use of the joint axes of a hinge to measure its angle from two IMUs follows
 * Seel, Raisch &amp; Schauer (Sensors 14(4), 2014; {@link JointAxisEstimator}), who integrate the
 * difference of the rates about the axes and fuse it with an accelerometer-based angle; this class
 * reads the angle from the two orientations instead (steps 2–4).
 *
 * <p>The axes come from {@link JointAxisEstimator} over the first movement after the calibration
 * period: {@link StreamingJointAngle} keeps the first samples (10 s of movement, at most 60 s
 * after calibration, with the defaults), finds the axes in them and replays them through this
 * estimator, then passes each sample on as it comes. {@link #flexionDeg(ImuSamples, ImuSamples,
 * JointAngleSettings)} drives it over a recording's arrays and a live analysis over its stream,
 * so files and live streams give the same angles. Axes from an earlier session with the same
 * mounting may be given directly instead. Inputs are deg/s and m/s² (see {@link org.soleus.core.imu.ImuUnits}); a sample with
 * any NaN gives NaN, a NaN angular rate leaving that sensor's filter unchanged and a NaN
 * acceleration letting it integrate the gyroscope alone (calibration counts complete samples
 * only). Not thread-safe; {@link #update} does not allocate.
 *
 * <p>Accuracy on synthetic two-segment legs with exact truth (100 Hz, gyroscope noise 0.7 deg/s,
 * constant gyroscope biases up to 4 deg/s per axis, random mountings, eight seeds of 60–75 s each;
 * {@code JointAngleEstimatorTest}; axes as {@link #flexionDeg(ImuSamples, ImuSamples,
 * JointAngleSettings)} finds them): RMSE 1.0° in walking (knee 0–65° at 1 Hz), 1.8° (worst seed
 * 2.4°) in walking with hip adduction ±5° and rotation ±8° (1.7°, worst 2.2°, with axes from the
 * whole minute), 0.3° in knee bends to 90° at calf-raise tempo, 0.2° sitting down for seated calf
 * raises and standing up.
 */
public final class JointAngleEstimator {
    private static final double DEGREES_PER_RADIAN = 180.0 / Math.PI;
    private static final double MIN_HORIZONTAL = 0.1;

    private final JointAxes axes;
    private final double dtS;
    private final int calibrationSamples;
    private final MahonyFilter thigh;
    private final MahonyFilter shank;
    private final double[] calibrationSums = new double[12];
    private int calibrationCount;
    private double zeroW;
    private double zeroX;
    private double zeroY;
    private double zeroZ;
    /** The last {@link #relativeOrientation}. */
    private double relW;
    private double relX;
    private double relY;
    private double relZ;

    /** An estimator at the start of its calibration period. */
    public JointAngleEstimator(JointAngleSettings settings, JointAxes axes) {
        Objects.requireNonNull(settings, "settings");
        this.axes = Objects.requireNonNull(axes, "axes");
        this.dtS = 1.0 / settings.sampleRateHz();
        this.calibrationSamples = settings.calibrationSamples();
        this.thigh = new MahonyFilter(settings.proportionalGain(), settings.integralGain(),
                settings.feedbackHalfRateDps());
        this.shank = new MahonyFilter(settings.proportionalGain(), settings.integralGain(),
                settings.feedbackHalfRateDps());
    }

    /**
     * Knee flexion over a whole recording: {@link HingeJoint#anglesDeg(ImuSamples, ImuSamples, JointAngleSettings)}
     * for the knee, {@link StreamingJointAngle} driven over its arrays,
     * so the angles are those a live analysis of the same samples reports (joint axes from the
     * first movement after calibration).
     *
     * @return flexion in degrees per sample, NaN during the calibration period and where a sample is missing
     * @throws IllegalArgumentException when the IMUs differ in length, or the joint axes cannot be
     *                                  found (see {@link StreamingJointAngle}, {@link JointAxisEstimator#estimate})
     */
    public static double[] flexionDeg(ImuSamples thigh, ImuSamples shank, JointAngleSettings settings) {
        return HingeJoint.KNEE.anglesDeg(thigh, shank, settings);
    }

    /**
     * Knee flexion of one side of a recording from its IMUs named {@code <side>.thigh.gyr_x_<unit>}
     * … {@code <side>.thigh.acc_z_<unit>} and {@code <side>.shank.…}, brought to deg/s and m/s² by
     * {@link org.soleus.core.imu.ImuChannels} (unit from the name, else by plausibility).
     *
     * @return flexion in degrees per sample as in {@link #flexionDeg(ImuSamples, ImuSamples,
     *         JointAngleSettings)}, or empty when the side has no thigh or no shank gyroscope
     * @throws IllegalArgumentException when the settings' sampling rate is not the recording's, an
     *                                  IMU has no accelerometer of known unit, or see
     *                                  {@link JointAxisEstimator#estimate}
     */
    public static Optional<double[]> flexionDeg(Recording recording, Side side, JointAngleSettings settings) {
        return HingeJoint.KNEE.anglesDeg(recording, side, settings);
    }

    /**
     * Batch driver: {@link #update} over samples {@code from} (inclusive) to {@code to} (exclusive),
     * continuing from the current state, writing flexion into the same indices of {@code flexionDeg}.
     *
     * @throws IllegalArgumentException when the range does not fit the samples or the output
     */
    public void update(ImuSamples thigh, ImuSamples shank, int from, int to, double[] flexionDeg) {
        int n = Math.min(thigh.length(), shank.length());
        if (from < 0 || to > n || from > to || flexionDeg.length < to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") does not fit thigh " + thigh.length()
                    + ", shank " + shank.length() + " and output " + flexionDeg.length + " samples");
        }
        double[] tgx = thigh.gyrXDps();
        double[] tgy = thigh.gyrYDps();
        double[] tgz = thigh.gyrZDps();
        double[] tax = thigh.accXMps2();
        double[] tay = thigh.accYMps2();
        double[] taz = thigh.accZMps2();
        double[] sgx = shank.gyrXDps();
        double[] sgy = shank.gyrYDps();
        double[] sgz = shank.gyrZDps();
        double[] sax = shank.accXMps2();
        double[] say = shank.accYMps2();
        double[] saz = shank.accZMps2();
        for (int i = from; i < to; i++) {
            flexionDeg[i] = update(tgx[i], tgy[i], tgz[i], tax[i], tay[i], taz[i],
                    sgx[i], sgy[i], sgz[i], sax[i], say[i], saz[i]);
        }
    }

    /**
     * Takes one sample of both IMUs (angular rates in deg/s, specific forces in m/s²).
     *
     * @return knee flexion, degrees; NaN during calibration or when an input is NaN
     */
    public double update(double thighGxDps, double thighGyDps, double thighGzDps,
                         double thighAx, double thighAy, double thighAz,
                         double shankGxDps, double shankGyDps, double shankGzDps,
                         double shankAx, double shankAy, double shankAz) {
        boolean finite = !Double.isNaN(thighGxDps + thighGyDps + thighGzDps + thighAx + thighAy + thighAz
                + shankGxDps + shankGyDps + shankGzDps + shankAx + shankAy + shankAz);
        if (calibrationCount < calibrationSamples) {
            if (finite) {
                accumulate(thighGxDps, thighGyDps, thighGzDps, thighAx, thighAy, thighAz,
                        shankGxDps, shankGyDps, shankGzDps, shankAx, shankAy, shankAz);
            }
            return Double.NaN;
        }
        double[] c = calibrationSums;
        thigh.update(thighGxDps - c[0], thighGyDps - c[1], thighGzDps - c[2], thighAx, thighAy, thighAz, dtS);
        shank.update(shankGxDps - c[6], shankGyDps - c[7], shankGzDps - c[8], shankAx, shankAy, shankAz, dtS);
        if (!finite) {
            return Double.NaN;
        }
        relativeOrientation();
        double rw = relW;
        double rx = relX;
        double ry = relY;
        double rz = relZ;
        // Δ = conj(q_rel,0) ⊗ q_rel; zero* is stored conjugated
        double dw = zeroW * rw - zeroX * rx - zeroY * ry - zeroZ * rz;
        double dx = zeroW * rx + zeroX * rw + zeroY * rz - zeroZ * ry;
        double dy = zeroW * ry - zeroX * rz + zeroY * rw + zeroZ * rx;
        double dz = zeroW * rz + zeroX * ry - zeroY * rx + zeroZ * rw;
        double twist = dx * axes.shankX() + dy * axes.shankY() + dz * axes.shankZ();
        if (dw < 0) {
            dw = -dw;
            twist = -twist;
        }
        return 2.0 * Math.atan2(twist, dw) * DEGREES_PER_RADIAN;
    }

    /** Whether the calibration period is over and {@link #update} gives angles. */
    public boolean calibrated() {
        return calibrationCount >= calibrationSamples;
    }

    /** The joint axes this estimator reads flexion about. */
    public JointAxes axes() {
        return axes;
    }

    private void accumulate(double tgx, double tgy, double tgz, double tax, double tay, double taz,
                            double sgx, double sgy, double sgz, double sax, double say, double saz) {
        double[] c = calibrationSums;
        c[0] += tgx;
        c[1] += tgy;
        c[2] += tgz;
        c[3] += tax;
        c[4] += tay;
        c[5] += taz;
        c[6] += sgx;
        c[7] += sgy;
        c[8] += sgz;
        c[9] += sax;
        c[10] += say;
        c[11] += saz;
        calibrationCount++;
        if (calibrationCount == calibrationSamples) {
            finishCalibration();
        }
    }

    /** Turns the sums into means (gyroscope biases, gravity), sets the filters, and records the zero pose. */
    private void finishCalibration() {
        double[] c = calibrationSums;
        for (int k = 0; k < c.length; k++) {
            c[k] /= calibrationCount;
        }
        thigh.reset();
        shank.reset();
        thigh.alignToGravity(c[3], c[4], c[5]);
        shank.alignToGravity(c[9], c[10], c[11]);
        double thighHeading = horizontalHeading(thigh, axes.thighX(), axes.thighY(), axes.thighZ());
        double shankHeading = horizontalHeading(shank, axes.shankX(), axes.shankY(), axes.shankZ());
        if (!Double.isNaN(thighHeading) && !Double.isNaN(shankHeading)) {
            shank.rotateHeading(thighHeading - shankHeading);
        }
        relativeOrientation();
        zeroW = relW;
        zeroX = -relX;
        zeroY = -relY;
        zeroZ = -relZ;
    }

    /** The shank's orientation relative to the thigh's, {@code q_rel = conj(q_thigh) ⊗ q_shank}, into {@link #relW} …. */
    private void relativeOrientation() {
        double aw = thigh.qw();
        double ax = -thigh.qx();
        double ay = -thigh.qy();
        double az = -thigh.qz();
        double bw = shank.qw();
        double bx = shank.qx();
        double by = shank.qy();
        double bz = shank.qz();
        relW = aw * bw - ax * bx - ay * by - az * bz;
        relX = aw * bx + ax * bw + ay * bz - az * by;
        relY = aw * by - ax * bz + ay * bw + az * bx;
        relZ = aw * bz + ax * by - ay * bx + az * bw;
    }

    /** Heading (rad) of a sensor-frame vector rotated into the world, or NaN when it is nearly vertical. */
    private static double horizontalHeading(MahonyFilter filter, double x, double y, double z) {
        double w = filter.qw();
        double qx = filter.qx();
        double qy = filter.qy();
        double qz = filter.qz();
        // first two rows of R(q) times (x, y, z)
        double wx = (1 - 2 * (qy * qy + qz * qz)) * x + 2 * (qx * qy - w * qz) * y + 2 * (qx * qz + w * qy) * z;
        double wy = 2 * (qx * qy + w * qz) * x + (1 - 2 * (qx * qx + qz * qz)) * y + 2 * (qy * qz - w * qx) * z;
        if (Math.sqrt(wx * wx + wy * wy) < MIN_HORIZONTAL) {
            return Double.NaN;
        }
        return Math.atan2(wy, wx);
    }
}
