package org.soleus.core.imu;

import java.util.Objects;

/**
 * Streaming initial- and terminal-contact detector on the 3-axis gyroscope of a shank-worn IMU
 * in any mounting: it learns the knee's flexion axis and its sign from the data
 * ({@link ShankAxisFinder}) and then detects events on the sagittal rate
 * ({@link ShankSagittalEventDetector}, after Salarian et al. 2004).
 *
 * <p>Until the axis is known the detector keeps the last
 * {@link ShankEventSettings#calibrationWindowS()} of samples and looks for the axis every half
 * second; once found, it replays the kept samples twice (first silently, so that the typical
 * swing peak and stride time of the window are known before the first swing is judged, then
 * reporting), so the first strides of a walk are not lost, and from then on projects each sample
 * as it comes. The axis and the bias (the window's mean rate) are learned once: a strap does
 * not turn on the shank, and a remaining offset moves no peak or minimum. Events are reported
 * with their position in samples since construction; those found in the replay arrive late, in
 * one burst; after that each arrives at most {@link ShankEventSettings#searchWindowStrides()} of
 * a stride after its mid-swing peak.
 *
 * <p>Angular rates are in deg/s ({@link ImuUnits} converts). A NaN in any axis is a gap: before
 * calibration it empties the window, after it the event detector starts over. No allocation per
 * sample. Not thread-safe.
 */
public final class ShankGyroEventDetector {
    private static final double EVALUATION_INTERVAL_S = 0.5;

    private final ShankSagittalEventDetector events;
    private final ShankAxisFinder finder;
    private final double[] windowX;
    private final double[] windowY;
    private final double[] windowZ;
    private final double[] unwrappedX;
    private final double[] unwrappedY;
    private final double[] unwrappedZ;
    private final int mask;
    private final int windowLength;
    private final int evaluationInterval;

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

    /**
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds, windows and the calibration window
     * @param listener     receives the events
     */
    public ShankGyroEventDetector(double sampleRateHz, ShankEventSettings settings, GyroEventListener listener) {
        this.events = new ShankSagittalEventDetector(sampleRateHz, settings, listener);
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
        this.finder = new ShankAxisFinder(windowLength, settings.minSwingPeakDps());
        this.evaluationInterval = Math.max(1, (int) Math.round(EVALUATION_INTERVAL_S * sampleRateHz));
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
            events.accept(missing ? Double.NaN
                    : (xDps - biasX) * axisX + (yDps - biasY) * axisY + (zDps - biasZ) * axisZ);
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
        biasX = finder.biasX();
        biasY = finder.biasY();
        biasZ = finder.biasZ();
        for (int pass = 0; pass < 2; pass++) {
            events.muted(pass == 0);
            events.reset(first);
            for (int k = 0; k < size; k++) {
                events.accept((unwrappedX[k] - biasX) * axisX + (unwrappedY[k] - biasY) * axisY
                        + (unwrappedZ[k] - biasZ) * axisZ);
            }
        }
    }
}
