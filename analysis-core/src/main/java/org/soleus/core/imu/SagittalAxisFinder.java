package org.soleus.core.imu;


import org.soleus.core.recording.SampleRates;
/**
 * Finds, in a span of 3-axis gyroscope data from a walking foot, the sagittal axis (about
 * which the foot pitches) and its sign, whatever the sensor's mounting and axis convention.
 *
 * <ol>
 *   <li><b>Zero.</b> While the foot is flat it does not turn. The flat phases are where the
 *       rate stays within a tenth of the span's 98th-percentile magnitude of its per-axis median
 *       for at least 50 ms (a walking foot is flat for a third of each stride and otherwise
 *       turns both ways, so the median lies in the flat phases whatever the bias); the mean rate
 *       there is the gyroscope's bias, which is subtracted before the next steps.</li>
 *   <li><b>Axis.</b> Walking rotates the foot mostly about its medio-lateral axis, so that axis
 *       is the principal axis of the angular-rate vectors: the dominant eigenvector of
 *       {@code Σ ω ωᵀ} over the moving samples (those with {@code |ω|} above a fifth of the
 *       span's 98th-percentile rate), found by power iteration. It must carry at least half of
 *       the rotational energy.</li>
 *   <li><b>Sign.</b> Between two flat-foot phases (the rate magnitude below a tenth of that
 *       percentile for at least 50 ms), the foot pitch, integrated from the sagittal rate,
 *       goes further toe-down at push-off (about 60–70° from flat in healthy walking) than it
 *       comes toe-up at heel strike (about 20–30°). The sign is the one under which the pitch
 *       of most such strides dips deeper than it rises; the integral over a stride under a
 *       second is hardly touched by what bias remains. A burst whose pitch range is less than
 *       the percentile's rate turns in 50 ms is sensor noise at rest, not a stride, and has no
 *       vote. The resulting orientation makes the
 *       mid-swing rotation positive, the convention of gaitmap's {@code gyr_ml} that
 *       {@link SagittalEventDetector} expects.</li>
 * </ol>
 * The answer is given once at least three more strides vote for one sign than for the other.
 * Only the rate magnitude's 98th percentile (about the median) must exceed an absolute level (a swing's minimum
 * peak in deg/s); everything else is relative to it, so a wrong unit scale would not change
 * the axis or sign.
 *
 * <p>The procedure is this toolkit's own, put together from the standard facts above (zero-rate
 * detection in flat-foot phases, the principal axis of the rate vectors, the asymmetry of foot
 * pitch in walking); it is validated on the gaitmap recordings and on synthetic walks with random
 * mountings, not taken from a publication.
 *
 * <p>Holds its scratch memory; {@link #find} does not allocate. Not thread-safe.
 */
public final class SagittalAxisFinder implements SagittalAxisSearch {
    private static final double QUIET_FRACTION = 0.1;
    private static final double MAX_STRIDE_BURST_S = 3.0;
    /**
     * How long the span's peak rate (its 98th-percentile magnitude) must have turned the foot for a
     * burst to vote, s: a stride's burst turns it through its swing (0.2 s and longer at that
     * rate's order), while the bursts of sensor noise between two flat phases of a foot at rest
     * turn it by a fraction of a degree. Relative to the peak rate, as everything else here.
     */
    private static final double MIN_BURST_TURN_AT_PEAK_S = 0.05;
    private static final int MIN_VOTE_MARGIN = 3;

    private final double sampleRateHz;
    /** The shortest flat run, samples ({@link AxisStatistics#MIN_STILL_S}). */
    private final int minQuietSamples;
    private final double minPeakDps;
    private final double[] magnitude;
    private final double[] scratch;
    private final double[] axis = new double[3];
    private double axisX;
    private double axisY;
    private double axisZ;
    private double biasX;
    private double biasY;
    private double biasZ;
    private double quietDps;
    private int votesFor;
    private int votesAgainst;

    /**
     * @param sampleRateHz sample rate, Hz
     * @param capacity     the longest span {@link #find} will be given, samples
     * @param minPeakDps   the 98th percentile of the rate magnitude must exceed this, deg/s
     *                     (below it the span shows no walking)
     */
    public SagittalAxisFinder(double sampleRateHz, int capacity, double minPeakDps) {
        SampleRates.require(sampleRateHz);
        AxisStatistics.checkFinder(capacity, minPeakDps);
        this.sampleRateHz = sampleRateHz;
        this.minQuietSamples = Math.max(1, (int) Math.round(AxisStatistics.MIN_STILL_S * sampleRateHz));
        this.minPeakDps = minPeakDps;
        this.magnitude = new double[capacity];
        this.scratch = new double[capacity];
    }

    /**
     * Looks for the axis and sign in {@code len} finite samples from {@code off}.
     *
     * @return whether both were found; then {@link #axisX()} … give the unit axis
     * @throws IllegalArgumentException when {@code len} exceeds the capacity
     */
    @Override
    public boolean find(double[] gx, double[] gy, double[] gz, int off, int len) {
        AxisStatistics.checkSpan(len, magnitude.length);
        biasX = 0;
        biasY = 0;
        biasZ = 0;
        quietDps = 0;
        votesFor = 0;
        votesAgainst = 0;
        if (len < 3) {
            return false;
        }
        double zeroX = median(gx, off, len);
        double zeroY = median(gy, off, len);
        double zeroZ = median(gz, off, len);
        for (int k = 0; k < len; k++) {
            double x = gx[off + k] - zeroX;
            double y = gy[off + k] - zeroY;
            double z = gz[off + k] - zeroZ;
            magnitude[k] = Math.sqrt(x * x + y * y + z * z);
        }
        System.arraycopy(magnitude, 0, scratch, 0, len);
        double amplitude = AxisStatistics.select(scratch, len,
                (int) (AxisStatistics.AMPLITUDE_PERCENTILE * (len - 1)));
        if (!(amplitude > minPeakDps)) {
            return false;
        }
        quietDps = QUIET_FRACTION * amplitude;
        bias(gx, gy, gz, off, len, zeroX, zeroY, zeroZ);
        if (!principalAxis(gx, gy, gz, off, len, AxisStatistics.MOVING_FRACTION * amplitude)) {
            return false;
        }
        vote(gx, gy, gz, off, len, amplitude);
        int margin = votesFor - votesAgainst;
        if (Math.abs(margin) < MIN_VOTE_MARGIN) {
            return false;
        }
        if (margin < 0) {
            axisX = -axisX;
            axisY = -axisY;
            axisZ = -axisZ;
        }
        return true;
    }

    /**
     * Mean rate over the samples of flat-foot phases (quiet runs of at least 50 ms around the
     * per-axis median, which a walking foot's flat phases dominate); the median without any.
     */
    private void bias(double[] gx, double[] gy, double[] gz, int off, int len, double zeroX, double zeroY,
                      double zeroZ) {
        int minQuiet = minQuietSamples;
        double sx = 0;
        double sy = 0;
        double sz = 0;
        int n = 0;
        int run = 0;
        for (int k = 0; k <= len; k++) {
            if (k < len && magnitude[k] < quietDps) {
                run++;
                continue;
            }
            if (run >= minQuiet) {
                for (int q = k - run; q < k; q++) {
                    sx += gx[off + q];
                    sy += gy[off + q];
                    sz += gz[off + q];
                }
                n += run;
            }
            run = 0;
        }
        biasX = n == 0 ? zeroX : sx / n;
        biasY = n == 0 ? zeroY : sy / n;
        biasZ = n == 0 ? zeroZ : sz / n;
    }

    private double median(double[] v, int off, int len) {
        System.arraycopy(v, off, scratch, 0, len);
        return AxisStatistics.select(scratch, len, (len - 1) / 2);
    }

    private boolean principalAxis(double[] gx, double[] gy, double[] gz, int off, int len, double movingDps) {
        double sagittalShare = AxisStatistics.principalAxis(gx, gy, gz, off, len, biasX, biasY, biasZ, magnitude,
                movingDps, axis);
        if (sagittalShare == 0) {
            return false;
        }
        axisX = axis[0];
        axisY = axis[1];
        axisZ = axis[2];
        return sagittalShare >= AxisStatistics.MIN_SAGITTAL_SHARE;
    }

    /**
     * One vote per stride between two flat-foot phases: does the pitch dip deeper than it rises?
     * A burst whose pitch range is less than the span's peak rate {@code amplitudeDps} turns in
     * {@value #MIN_BURST_TURN_AT_PEAK_S} s is no stride (noise at rest) and does not vote.
     */
    private void vote(double[] gx, double[] gy, double[] gz, int off, int len, double amplitudeDps) {
        int minQuiet = minQuietSamples;
        double minTurnDeg = MIN_BURST_TURN_AT_PEAK_S * amplitudeDps;
        int maxBurst = (int) Math.round(MAX_STRIDE_BURST_S * sampleRateHz);
        int quietRun = 0;
        int burstStart = -1;
        double pitch = 0;
        double lowest = 0;
        double highest = 0;
        for (int k = 0; k < len; k++) {
            if (magnitude[k] < quietDps) {
                quietRun++;
                if (quietRun == minQuiet) {
                    int burstEnd = k - minQuiet + 1;
                    if (burstStart >= 0 && burstEnd - burstStart <= maxBurst && highest - lowest >= minTurnDeg) {
                        double dip = -lowest;
                        if (dip > highest) {
                            votesFor++;
                        } else if (highest > dip) {
                            votesAgainst++;
                        }
                    }
                    burstStart = -1;
                }
                continue;
            }
            if (quietRun >= minQuiet) {
                burstStart = k;
                pitch = 0;
                lowest = 0;
                highest = 0;
            }
            quietRun = 0;
            if (burstStart >= 0) {
                pitch += ((gx[off + k] - biasX) * axisX + (gy[off + k] - biasY) * axisY
                        + (gz[off + k] - biasZ) * axisZ) / sampleRateHz;
                lowest = Math.min(lowest, pitch);
                highest = Math.max(highest, pitch);
            }
        }
    }

    /**
     * X component of the unit sagittal axis, oriented so that mid-swing rotation is positive;
     * valid, as the other components and the bias are, only after {@link #find} returned true.
     */
    @Override
    public double axisX() {
        return axisX;
    }

    /** Y component of the axis. */
    @Override
    public double axisY() {
        return axisY;
    }

    /** Z component of the axis. */
    @Override
    public double axisZ() {
        return axisZ;
    }

    /** X component of the gyroscope bias found in flat-foot phases, deg/s. */
    @Override
    public double biasX() {
        return biasX;
    }

    /** Y component of the bias, deg/s. */
    @Override
    public double biasY() {
        return biasY;
    }

    /** Z component of the bias, deg/s. */
    @Override
    public double biasZ() {
        return biasZ;
    }

    /** The rate magnitude below which the foot counted as flat in the last search, deg/s. */
    public double quietDps() {
        return quietDps;
    }
}
