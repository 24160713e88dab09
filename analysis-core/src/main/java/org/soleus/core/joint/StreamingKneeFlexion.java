package org.soleus.core.joint;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.soleus.core.orientation.ImuSamples;

/**
 * Knee flexion from a thigh and a shank IMU on a sample stream, joint axes included: the one
 * knee-angle algorithm, which {@link KneeFlexionEstimator#flexionDeg(ImuSamples, ImuSamples,
 * KneeFlexionSettings)} drives over a recording's arrays and a live analysis drives sample by
 * sample, so both give the same angles.
 *
 * <p><b>Warm-up.</b> The joint axes ({@link JointAxisEstimator}) need the standing calibration
 * period and then movement. The first samples are therefore kept, in buffers allocated at
 * construction: the calibration period ({@link KneeFlexionSettings#calibrationS()}), then samples
 * until {@link KneeFlexionSettings#axisMotionS()} of them move, a sample moving when either
 * segment's angular rate, less its mean over the calibration period, exceeds
 * {@value #MOVING_DPS} deg/s (walking, knee bends, sitting down; not quiet standing or sensor
 * noise), or until {@link KneeFlexionSettings#maxAxisWindowS()} after calibration have been kept,
 * or until the stream ends. The axes are then estimated from the kept samples, which are replayed
 * through a {@link KneeFlexionEstimator}; from then on each sample's angle is reported as it
 * comes. The angles of the kept samples thus arrive late, in one burst, at most
 * {@link KneeFlexionSettings#maxWarmUpSamples()} samples (62 s with the defaults; in walking
 * about 12 s) after their sample.
 *
 * <p>When the axes cannot be found in the kept samples (the stream ends within the calibration
 * period, the calibration period has no complete sample, or no segment turns in the window) every
 * angle is NaN, and {@link #failure()} says why. Axes from the window rather than from a whole
 * recording cost little: on synthetic legs (see {@link KneeFlexionEstimator}) the RMSE of flexion
 * is the same to 0.01° in sagittal walking, knee bends and sitting down, and 1.79° rather than
 * 1.68° in walking with hip adduction and rotation.
 *
 * <p>Inputs are deg/s and m/s² as for {@link KneeFlexionEstimator#update}. No allocation per
 * sample after the axes are found (the estimation itself allocates, once). Not thread-safe.
 */
public final class StreamingKneeFlexion {
    /** Angular rate above which a segment counts as moving, deg/s. */
    public static final double MOVING_DPS = 20.0;
    private static final double MOVING_DPS2 = MOVING_DPS * MOVING_DPS;
    private static final int SIGNALS = 12;

    private final KneeFlexionSettings settings;
    private final KneeFlexionListener listener;
    private final int calibrationSamples;
    private final int motionSamples;
    private final double[][] kept;
    private final double[] biasSums = new double[6];
    private final int[] biasCounts = new int[2];

    private int keptCount;
    private int moving;
    private long count;
    private KneeFlexionEstimator estimator;
    private String failure;
    private boolean ended;

    /**
     * @param settings sampling rate, calibration period, axis window and orientation filter gains
     * @param listener receives each sample's angle, in sample order
     */
    public StreamingKneeFlexion(KneeFlexionSettings settings, KneeFlexionListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.calibrationSamples = settings.calibrationSamples();
        this.motionSamples = settings.axisMotionSamples();
        this.kept = new double[SIGNALS][settings.maxWarmUpSamples()];
    }

    /**
     * Takes one sample of both IMUs (angular rates in deg/s, specific forces in m/s²); reports
     * its angle now once the axes are known, else keeps it.
     *
     * @throws IllegalStateException after {@link #end()}
     */
    public void accept(double thighGxDps, double thighGyDps, double thighGzDps,
                       double thighAx, double thighAy, double thighAz,
                       double shankGxDps, double shankGyDps, double shankGzDps,
                       double shankAx, double shankAy, double shankAz) {
        if (ended) {
            throw new IllegalStateException("accept() after end()");
        }
        long sample = count++;
        if (estimator != null) {
            listener.onFlexion(sample, estimator.update(thighGxDps, thighGyDps, thighGzDps, thighAx, thighAy, thighAz,
                    shankGxDps, shankGyDps, shankGzDps, shankAx, shankAy, shankAz));
            return;
        }
        if (failure != null) {
            listener.onFlexion(sample, Double.NaN);
            return;
        }
        int i = keptCount++;
        double[][] k = kept;
        k[0][i] = thighGxDps;
        k[1][i] = thighGyDps;
        k[2][i] = thighGzDps;
        k[3][i] = thighAx;
        k[4][i] = thighAy;
        k[5][i] = thighAz;
        k[6][i] = shankGxDps;
        k[7][i] = shankGyDps;
        k[8][i] = shankGzDps;
        k[9][i] = shankAx;
        k[10][i] = shankAy;
        k[11][i] = shankAz;
        if (i < calibrationSamples) {
            addToBias(0, thighGxDps, thighGyDps, thighGzDps);
            addToBias(1, shankGxDps, shankGyDps, shankGzDps);
        } else if (moves(0, thighGxDps, thighGyDps, thighGzDps) || moves(1, shankGxDps, shankGyDps, shankGzDps)) {
            moving++;
        }
        if (moving >= motionSamples || keptCount == k[0].length) {
            findAxesAndReplay();
        }
    }

    /**
     * End of the stream: finds the axes in what is kept, if they are not known yet, and reports
     * the kept samples' angles. Idempotent.
     */
    public void end() {
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

    /** The settings this runs with. */
    public KneeFlexionSettings settings() {
        return settings;
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
        ImuSamples thigh = samples(0, n);
        ImuSamples shank = samples(6, n);
        try {
            estimator = new KneeFlexionEstimator(settings, JointAxisEstimator.estimate(thigh, shank, settings));
        } catch (IllegalArgumentException e) {
            failure = n < kept[0].length ? e.getMessage() : e.getMessage() + " (the joint axes are found in the first "
                    + settings.maxAxisWindowS() + " s after the calibration period, or its first "
                    + settings.axisMotionS() + " s of movement)";
        }
        double[][] k = kept;
        for (int i = 0; i < n; i++) {
            double flexionDeg = estimator == null ? Double.NaN : estimator.update(k[0][i], k[1][i], k[2][i],
                    k[3][i], k[4][i], k[5][i], k[6][i], k[7][i], k[8][i], k[9][i], k[10][i], k[11][i]);
            listener.onFlexion(i, flexionDeg);
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
