package org.soleus.core.joint;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.soleus.core.filter.RowGapBridge;
import org.soleus.core.orientation.ImuSamples;

/**
 * The angle of a {@link HingeJoint} (knee flexion from thigh and shank IMUs, ankle plantar flexion
 * from shank and foot IMUs) on a sample stream, joint axes included: the one joint-angle
 * algorithm, which {@link HingeJoint#anglesDeg(ImuSamples, ImuSamples, JointAngleSettings)}
 * drives over a recording's arrays and a live analysis drives sample by sample, so both give the
 * same angles. The angle itself is that of a {@link JointAngleEstimator} with the axes found.
 *
 * <p><b>Warm-up.</b> The joint axes ({@link JointAxisEstimator}) need the standing calibration
 * period and then movement. The first samples are therefore kept, in buffers allocated at
 * construction: the calibration period ({@link JointAngleSettings#calibrationS()}), then samples
 * until {@link JointAngleSettings#axisMotionS()} of them move, a sample moving when either
 * segment's angular rate, less its mean over the calibration period, exceeds
 * {@value #MOVING_DPS} deg/s (walking, knee bends, sitting down, calf raises; not quiet standing
 * or sensor noise), or until {@link JointAngleSettings#maxAxisWindowS()} after calibration have
 * been kept, or until the stream ends. The axes are then estimated from the kept samples, which
 * are replayed through a {@link JointAngleEstimator}; from then on each sample's angle is
 * reported as it comes. The angles of the kept samples thus arrive late, in one burst, at most
 * {@link #maxDelaySamples} samples (62 s with the defaults; in walking about 12 s) after their
 * sample.
 *
 * <p>When the axes cannot be found in the kept samples (the stream ends within the calibration
 * period, the calibration period has no complete sample, or no segment turns in the window) every
 * angle is NaN, and {@link #failure()} says why. Axes from the window rather than from a whole
 * recording cost little: on synthetic legs (see {@link JointAngleEstimator}) the RMSE of knee
 * flexion is the same to 0.01° in sagittal walking, knee bends and sitting down, and 1.79° rather
 * than 1.68° in walking with hip adduction and rotation.
 *
 * <p>Inputs are deg/s and m/s² as for {@link JointAngleEstimator#update}; each signal's runs of
 * up to {@value #MAX_BRIDGED_GAP_S} s of missing samples are first bridged by linear
 * interpolation ({@link RowGapBridge}), so an angle comes that much later than its sample. No
 * allocation per sample after the axes are found (the estimation itself allocates, once). Not
 * thread-safe.
 */
public final class StreamingJointAngle {
    /** Angular rate above which a segment counts as moving, deg/s. */
    public static final double MOVING_DPS = 20.0;
    private static final double MOVING_DPS2 = MOVING_DPS * MOVING_DPS;
    private static final int SIGNALS = 12;
    /**
     * The longest run of missing samples of a signal that is bridged by linear interpolation
     * before the orientation filters take it, s: a few packets a wireless link lost. Left missing,
     * a gap keeps the filter's state, so the rotation made meanwhile is lost for good (five
     * missing shank samples in a swing shifted every later knee angle of that leg by up to 18°);
     * held at the last rate instead, a gap where the rate turns (just after toe off) costs as much.
     * The angles come that many samples later.
     */
    public static final double MAX_BRIDGED_GAP_S = 0.1;

    private final HingeJoint joint;
    private final JointAngleSettings settings;
    private final JointAngleListener listener;
    private final int calibrationSamples;
    private final int motionSamples;
    private final double[][] kept;
    private final double[] biasSums = new double[6];
    private final double[] incoming = new double[SIGNALS];
    private final RowGapBridge bridge;
    private final int[] biasCounts = new int[2];

    private int keptCount;
    private int moving;
    private long count;
    private JointAngleEstimator estimator;
    private String failure;
    private boolean ended;

    /**
     * @param joint    the joint, which decides the segments and the sign of the angle
     * @param settings sampling rate, calibration period, axis window and orientation filter gains
     * @param listener receives each sample's angle, in sample order
     */
    public StreamingJointAngle(HingeJoint joint, JointAngleSettings settings, JointAngleListener listener) {
        this.joint = Objects.requireNonNull(joint, "joint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.calibrationSamples = settings.calibrationSamples();
        this.motionSamples = settings.axisMotionSamples();
        this.kept = new double[SIGNALS][settings.maxWarmUpSamples()];
        this.bridge = new RowGapBridge(SIGNALS, bridgedGapSamples(settings), this::bridged);
    }

    /** The longest gap bridged at the settings' rate ({@link #MAX_BRIDGED_GAP_S}), samples. */
    private static int bridgedGapSamples(JointAngleSettings settings) {
        return (int) Math.round(MAX_BRIDGED_GAP_S * settings.sampleRateHz());
    }

    /**
     * The latest an angle may come after its sample, samples: the warm-up
     * ({@link JointAngleSettings#maxWarmUpSamples()}) and the gap bridging before it.
     */
    public static int maxDelaySamples(JointAngleSettings settings) {
        return settings.maxWarmUpSamples() + bridgedGapSamples(settings);
    }

    /**
     * Takes one sample of both IMUs, the proximal segment's first (thigh for the knee, shank for
     * the ankle; angular rates in deg/s, specific forces in m/s²); reports its angle now once the
     * axes are known, else keeps it.
     *
     * @throws IllegalStateException after {@link #end()}
     */
    public void accept(double proximalGxDps, double proximalGyDps, double proximalGzDps,
                       double proximalAx, double proximalAy, double proximalAz,
                       double distalGxDps, double distalGyDps, double distalGzDps,
                       double distalAx, double distalAy, double distalAz) {
        if (ended) {
            throw new IllegalStateException("accept() after end()");
        }
        double[] r = incoming;
        r[0] = proximalGxDps;
        r[1] = proximalGyDps;
        r[2] = proximalGzDps;
        r[3] = proximalAx;
        r[4] = proximalAy;
        r[5] = proximalAz;
        r[6] = distalGxDps;
        r[7] = distalGyDps;
        r[8] = distalGzDps;
        r[9] = distalAx;
        r[10] = distalAy;
        r[11] = distalAz;
        bridge.accept(r);
    }

    /**
     * A sample with its short gaps bridged ({@link #bridge}), in sample order: the proximal
     * IMU's rates and specific forces in {@code r[0 .. 6)}, the distal's in {@code r[6 .. 12)}.
     */
    private void bridged(double[] r) {
        long sample = count++;
        if (estimator != null) {
            listener.onAngle(sample, estimator.update(r[0], r[1], r[2], r[3], r[4], r[5],
                    r[6], r[7], r[8], r[9], r[10], r[11]));
            return;
        }
        if (failure != null) {
            listener.onAngle(sample, Double.NaN);
            return;
        }
        int i = keptCount++;
        for (int s = 0; s < SIGNALS; s++) {
            kept[s][i] = r[s];
        }
        if (i < calibrationSamples) {
            addToBias(0, r[0], r[1], r[2]);
            addToBias(1, r[6], r[7], r[8]);
        } else if (moves(0, r[0], r[1], r[2]) || moves(1, r[6], r[7], r[8])) {
            moving++;
        }
        if (moving >= motionSamples || keptCount == kept[0].length) {
            findAxesAndReplay();
        }
    }

    /**
     * End of the stream: finds the axes in what is kept, if they are not known yet, and reports
     * the kept samples' angles. Idempotent.
     */
    public void end() {
        if (!ended) {
            bridge.finish();
        }
        if (!ended && estimator == null && failure == null) {
            findAxesAndReplay();
        }
        ended = true;
    }

    /** Samples taken so far; all of them have their angle reported once {@link #warmedUp()}. */
    public long samples() {
        return count;
    }

    /** Whether the warm-up is over: the axes are known or could not be found, and angles come as samples do. */
    public boolean warmedUp() {
        return estimator != null || failure != null;
    }

    /** The joint axes, once found. */
    public Optional<JointAxes> axes() {
        return estimator == null ? Optional.empty() : Optional.of(estimator.axes());
    }

    /** Why the joint axes could not be found (every angle then NaN), if so. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void addToBias(int sensor, double x, double y, double z) {
        if (!Double.isNaN(x + y + z)) {
            biasSums[3 * sensor] += x;
            biasSums[3 * sensor + 1] += y;
            biasSums[3 * sensor + 2] += z;
            biasCounts[sensor]++;
        }
    }

    /** Whether the bias-free rate exceeds {@link #MOVING_DPS}; false without a bias or with a NaN. */
    private boolean moves(int sensor, double x, double y, double z) {
        int n = biasCounts[sensor];
        double dx = x - biasSums[3 * sensor] / n;
        double dy = y - biasSums[3 * sensor + 1] / n;
        double dz = z - biasSums[3 * sensor + 2] / n;
        return dx * dx + dy * dy + dz * dz > MOVING_DPS2;
    }

    private void findAxesAndReplay() {
        int n = keptCount;
        ImuSamples proximal = samples(0, n);
        ImuSamples distal = samples(6, n);
        try {
            estimator = new JointAngleEstimator(settings, JointAxisEstimator.estimate(joint, proximal, distal, settings));
        } catch (IllegalArgumentException e) {
            failure = n < kept[0].length ? e.getMessage() : e.getMessage() + " (the joint axes are found in the first "
                    + settings.maxAxisWindowS() + " s after the calibration period, or its first "
                    + settings.axisMotionS() + " s of movement)";
        }
        double[][] k = kept;
        for (int i = 0; i < n; i++) {
            double angleDeg = estimator == null ? Double.NaN : estimator.update(k[0][i], k[1][i], k[2][i],
                    k[3][i], k[4][i], k[5][i], k[6][i], k[7][i], k[8][i], k[9][i], k[10][i], k[11][i]);
            listener.onAngle(i, angleDeg);
        }
    }

    /** The kept signals from {@code first} on as one IMU's samples (shared when the buffer is full). */
    private ImuSamples samples(int first, int n) {
        double[][] s = new double[6][];
        for (int a = 0; a < 6; a++) {
            s[a] = n == kept[first + a].length ? kept[first + a] : Arrays.copyOf(kept[first + a], n);
        }
        return new ImuSamples(s[0], s[1], s[2], s[3], s[4], s[5]);
    }
}
