package org.soleus.core.imu;

import java.util.Objects;

/**
 * Streaming toe-off and heel-strike detector on the 3-axis gyroscope of a foot-worn IMU in any
 * mounting: it learns the sagittal axis and its sign from the data ({@link SagittalAxisFinder})
 * and then detects events on the sagittal rate ({@link SagittalEventDetector}).
 *
 * <p>Until the axis is known the detector keeps the last
 * {@link GyroEventSettings#calibrationWindowS()} of samples and looks for the axis every half
 * second; once found, it replays the kept samples, so the first strides of a walk are not lost,
 * (first silently, so that the typical swing peak of the window is known before the first
 * swing is judged, then reporting), and from then on projects each sample as it comes. The
 * axis is learned once: a sensor
 * strapped to a foot does not turn on it. Events are reported with their position in samples
 * since construction; those found in the replay arrive late, in one burst.
 *
 * <p>The gyroscope's bias is taken from the flat-foot phases, where the foot does not turn:
 * first from those in the calibration window, then followed through each later one, so an
 * offset of tens of deg/s (uncalibrated MEMS gyroscopes) does not turn stance into swing.
 *
 * <p>Angular rates are in deg/s ({@link ImuUnits} converts). A NaN in any axis is a gap:
 * before calibration it empties the window, after it the event detector starts over. No
 * allocation per sample. Not thread-safe.
 */
public final class GyroGaitEventDetector {
    private static final double EVALUATION_INTERVAL_S = 0.5;
    private static final double MIN_QUIET_S = 0.05;
    private static final double BIAS_TIME_CONSTANT_S = 2.0;

    private final SagittalEventDetector events;
    private final SagittalAxisFinder finder;
    private final double[] windowX;
    private final double[] windowY;
    private final double[] windowZ;
    private final double[] unwrappedX;
    private final double[] unwrappedY;
    private final double[] unwrappedZ;
    private final int mask;
    private final int windowLength;
    private final int evaluationInterval;
    private final int minQuietSamples;
    private final double biasTimeConstantSamples;

    private long count;
    private int size;
    private int sinceEvaluation;
    private boolean calibrated;
    private double axisX;
    private double axisY;
    private double axisZ;
    private double biasX;
    private double biasY;
    private double biasZ;
    private double quietSquaredDps2;
    private int quietRun;
    private double quietSumX;
    private double quietSumY;
    private double quietSumZ;

    /**
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds and the calibration window
     * @param listener     receives the events
     */
    public GyroGaitEventDetector(double sampleRateHz, GyroEventSettings settings, GyroEventListener listener) {
        this.events = new SagittalEventDetector(sampleRateHz, settings, listener);
        Objects.requireNonNull(settings, "settings");
        this.windowLength = Math.max(4, (int) Math.round(settings.calibrationWindowS() * sampleRateHz));
        int capacity = Integer.highestOneBit(windowLength - 1) << 1;
        this.mask = capacity - 1;
        this.windowX = new double[capacity];
        this.windowY = new double[capacity];
        this.windowZ = new double[capacity];
        this.unwrappedX = new double[windowLength];
        this.unwrappedY = new double[windowLength];
        this.unwrappedZ = new double[windowLength];
        this.finder = new SagittalAxisFinder(sampleRateHz, windowLength, settings.minSwingPeakDps());
        this.evaluationInterval = Math.max(1, (int) Math.round(EVALUATION_INTERVAL_S * sampleRateHz));
        this.minQuietSamples = Math.max(1, (int) Math.round(MIN_QUIET_S * sampleRateHz));
        this.biasTimeConstantSamples = BIAS_TIME_CONSTANT_S * sampleRateHz;
    }

    /**
     * Takes the next sample.
     *
     * @param xDps angular rate about the sensor's x axis, deg/s
     * @param yDps about y, deg/s
     * @param zDps about z, deg/s
     */
    public void accept(double xDps, double yDps, double zDps) {
        long i = count++;
        boolean missing = Double.isNaN(xDps) || Double.isNaN(yDps) || Double.isNaN(zDps);
        if (calibrated) {
            project(xDps, yDps, zDps, missing);
            return;
        }
        if (missing) {
            size = 0;
            sinceEvaluation = 0;
            return;
        }
        int slot = (int) (i & mask);
        windowX[slot] = xDps;
        windowY[slot] = yDps;
        windowZ[slot] = zDps;
        size = Math.min(size + 1, windowLength);
        if (++sinceEvaluation >= evaluationInterval) {
            sinceEvaluation = 0;
            calibrate();
        }
    }

    /** End of the data: looks for the axis in what is kept if it was not found yet, and replays it. */
    public void flush() {
        if (!calibrated && size > 0) {
            calibrate();
        }
    }

    /** Whether the sagittal axis is known. */
    public boolean calibrated() {
        return calibrated;
    }

    /** X component of the gyroscope bias in use, deg/s; 0 until calibrated. */
    public double biasX() {
        return biasX;
    }

    /** Y component of the bias in use, deg/s. */
    public double biasY() {
        return biasY;
    }

    /** Z component of the bias in use, deg/s. */
    public double biasZ() {
        return biasZ;
    }

    /** X component of the sagittal unit axis in the sensor frame (mid-swing positive); 0 until calibrated. */
    public double axisX() {
        return axisX;
    }

    /** Y component of the axis. */
    public double axisY() {
        return axisY;
    }

    /** Z component of the axis. */
    public double axisZ() {
        return axisZ;
    }

    /** Number of samples accepted since construction. */
    public long sampleCount() {
        return count;
    }

    private void calibrate() {
        long first = count - size;
        for (int k = 0; k < size; k++) {
            int slot = (int) ((first + k) & mask);
            unwrappedX[k] = windowX[slot];
            unwrappedY[k] = windowY[slot];
            unwrappedZ[k] = windowZ[slot];
        }
        if (!finder.find(unwrappedX, unwrappedY, unwrappedZ, 0, size)) {
            return;
        }
        calibrated = true;
        axisX = finder.axisX();
        axisY = finder.axisY();
        axisZ = finder.axisZ();
        quietSquaredDps2 = finder.quietDps() * finder.quietDps();
        for (int pass = 0; pass < 2; pass++) {
            events.muted(pass == 0);
            events.reset(first);
            biasX = finder.biasX();
            biasY = finder.biasY();
            biasZ = finder.biasZ();
            quietRun = 0;
            for (int k = 0; k < size; k++) {
                project(unwrappedX[k], unwrappedY[k], unwrappedZ[k], false);
            }
        }
    }

    /**
     * Follows the bias through flat-foot phases (runs of at least 50 ms in which the rate, less
     * the bias, stays below the calibration's quiet level; each run's mean pulls the bias with a
     * 2 s time constant) and passes the sagittal rate on to the event detector.
     */
    private void project(double xDps, double yDps, double zDps, boolean missing) {
        if (missing) {
            quietRun = 0;
            events.accept(Double.NaN);
            return;
        }
        double x = xDps - biasX;
        double y = yDps - biasY;
        double z = zDps - biasZ;
        if (x * x + y * y + z * z < quietSquaredDps2) {
            if (quietRun == 0) {
                quietSumX = 0;
                quietSumY = 0;
                quietSumZ = 0;
            }
            quietRun++;
            quietSumX += xDps;
            quietSumY += yDps;
            quietSumZ += zDps;
        } else {
            if (quietRun >= minQuietSamples) {
                double weight = quietRun / (quietRun + biasTimeConstantSamples);
                biasX += weight * (quietSumX / quietRun - biasX);
                biasY += weight * (quietSumY / quietRun - biasY);
                biasZ += weight * (quietSumZ / quietRun - biasZ);
            }
            quietRun = 0;
        }
        events.accept(x * axisX + y * axisY + z * axisZ);
    }
}
