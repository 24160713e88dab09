package org.soleus.core.imu;

/**
 * Finds, in a span of 3-axis gyroscope data from the shank of a walking leg, the sagittal axis
 * (the knee's flexion axis, about which the shank swings) and its sign, whatever the sensor's
 * mounting, axis convention and unit scale.
 *
 * <ol>
 *   <li><b>Zero.</b> The shank never rests in walking, but over whole strides it turns as far
 *       forward as back, so the mean rate over the span is the gyroscope's bias (up to the part
 *       of a stride at either end of the span: a few deg/s over 10 s, which moves no peak or
 *       minimum of the signal).</li>
 *   <li><b>Axis.</b> The principal axis of the angular-rate vectors about that mean: the
 *       dominant eigenvector of {@code Σ ω ωᵀ} over the moving samples (those with {@code |ω|}
 *       above a fifth of the span's 98th-percentile rate). It must carry at least half of the
 *       rotational energy.</li>
 *   <li><b>Sign.</b> The mid-swing rotation is the largest excursion of the sagittal rate
 *       (Salarian et al. 2004: 250–400 deg/s against minima of 100–250 deg/s at the contacts),
 *       so the sign is the one under which the 99.5th percentile exceeds that of the negated
 *       rate by at least a fifth. That orientation makes mid-swing positive, as
 *       {@link ShankSagittalEventDetector} expects.</li>
 * </ol>
 * The answer is given once the oriented rate rises from below zero through half its 99.5th
 * percentile at least three times (three swings). Only the 98th percentile of the rate
 * magnitude must exceed an absolute level ({@link ShankEventSettings#minSwingPeakDps()});
 * everything else is relative to it.
 *
 * <p>Holds its scratch memory; {@link #find} does not allocate. Not thread-safe.
 */
public final class ShankAxisFinder implements SagittalAxisSearch {
    private static final double EXCURSION_PERCENTILE = 0.995;
    private static final double MIN_SIGN_RATIO = 1.2;
    private static final int MIN_SWINGS = 3;

    private final double minPeakDps;
    private final double[] scratch;
    private final double[] axis = new double[3];
    private double axisX;
    private double axisY;
    private double axisZ;
    private double biasX;
    private double biasY;
    private double biasZ;

    /**
     * @param capacity   the longest span {@link #find} will be given, samples
     * @param minPeakDps the 98th percentile of the rate magnitude must exceed this, deg/s
     *                   (below it the span shows no walking)
     */
    public ShankAxisFinder(int capacity, double minPeakDps) {
        AxisStatistics.checkFinder(capacity, minPeakDps);
        this.minPeakDps = minPeakDps;
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
        AxisStatistics.checkSpan(len, scratch.length);
        if (len < 3) {
            return false;
        }
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int k = off; k < off + len; k++) {
            sx += gx[k];
            sy += gy[k];
            sz += gz[k];
        }
        biasX = sx / len;
        biasY = sy / len;
        biasZ = sz / len;
        squaredMagnitudes(gx, gy, gz, off, len);
        double amplitude = Math.sqrt(AxisStatistics.select(scratch, len,
                (int) (AxisStatistics.AMPLITUDE_PERCENTILE * (len - 1))));
        if (!(amplitude > minPeakDps)) {
            return false;
        }
        double moving2 = AxisStatistics.MOVING_FRACTION * amplitude * AxisStatistics.MOVING_FRACTION * amplitude;
        squaredMagnitudes(gx, gy, gz, off, len);
        double sagittalShare = AxisStatistics.principalAxis(gx, gy, gz, off, len, biasX, biasY, biasZ, scratch,
                moving2, axis);
        if (sagittalShare < AxisStatistics.MIN_SAGITTAL_SHARE) {
            return false;
        }
        int rank = (int) (EXCURSION_PERCENTILE * (len - 1));
        project(gx, gy, gz, off, len, 1);
        double up = AxisStatistics.select(scratch, len, rank);
        project(gx, gy, gz, off, len, -1);
        double down = AxisStatistics.select(scratch, len, rank);
        double sign = up >= down ? 1 : -1;
        double swingPeakDps = Math.max(up, down);
        if (swingPeakDps / Math.max(Math.min(up, down), Double.MIN_NORMAL) < MIN_SIGN_RATIO) {
            return false;
        }
        axisX = sign * axis[0];
        axisY = sign * axis[1];
        axisZ = sign * axis[2];
        return countSwings(gx, gy, gz, off, len, 0.5 * swingPeakDps) >= MIN_SWINGS;
    }

    /** {@code |ω - bias|²} of each sample, deg²/s², into {@code scratch}. */
    private void squaredMagnitudes(double[] gx, double[] gy, double[] gz, int off, int len) {
        for (int k = 0; k < len; k++) {
            double x = gx[off + k] - biasX;
            double y = gy[off + k] - biasY;
            double z = gz[off + k] - biasZ;
            scratch[k] = x * x + y * y + z * z;
        }
    }

    private void project(double[] gx, double[] gy, double[] gz, int off, int len, double sign) {
        for (int k = 0; k < len; k++) {
            scratch[k] = sign * ((gx[off + k] - biasX) * axis[0] + (gy[off + k] - biasY) * axis[1]
                    + (gz[off + k] - biasZ) * axis[2]);
        }
    }

    /** Rises of the oriented rate from below zero through {@code levelDps}. */
    private int countSwings(double[] gx, double[] gy, double[] gz, int off, int len, double levelDps) {
        int count = 0;
        boolean armed = false;
        for (int k = off; k < off + len; k++) {
            double v = (gx[k] - biasX) * axisX + (gy[k] - biasY) * axisY + (gz[k] - biasZ) * axisZ;
            if (v < 0) {
                armed = true;
            } else if (armed && v > levelDps) {
                count++;
                armed = false;
            }
        }
        return count;
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

    /** X component of the gyroscope bias (the span's mean rate), deg/s. */
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
}
