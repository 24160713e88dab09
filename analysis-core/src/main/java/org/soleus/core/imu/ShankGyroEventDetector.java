package org.soleus.core.imu;

/**
 * Streaming initial- and terminal-contact detector on the 3-axis gyroscope of a shank-worn IMU
 * in any mounting: it learns the knee's flexion axis and its sign from the data
 * ({@link ShankAxisFinder}) and then detects events on the sagittal rate
 * ({@link ShankSagittalEventDetector}, after Salarian et al. 2004).
 *
 * <p>Until the axis is known the detector keeps the last
 * {@link ShankEventSettings#calibrationWindowS()} of finite samples and looks for the axis every
 * half second of them; once found, it replays the kept samples twice (first silently, so that the typical
 * swing peak and stride time of the window are known before the first swing is judged, then
 * reporting), so the first strides of a walk are not lost, and from then on projects each sample
 * as it comes. The axis and the bias (the window's mean rate) are learned once: a strap does
 * not turn on the shank, and a remaining offset moves no peak or minimum. Events are reported
 * with their position in samples since construction; those found in the replay arrive late, in
 * one burst; after that each arrives at most {@link ShankEventSettings#searchWindowStrides()} of
 * a stride after its mid-swing peak.
 *
 * <p>Angular rates are in deg/s ({@link ImuUnits} converts). A NaN in any axis is a gap: the
 * event detector starts over after it. Before calibration the axis is first looked for in the
 * samples kept before the gap; where they are too few to show it, they stay in the window with
 * those after the gap, the gap takes no place in it, and the replay passes the gap on; so a gap
 * early in a walk, as one later, costs only the stride it falls in. No allocation per sample.
 * Not thread-safe.
 */
public final class ShankGyroEventDetector implements GyroEventStream {
    private final SagittalProjector projector;

    /**
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds, windows and the calibration window
     * @param listener     receives the events
     */
    public ShankGyroEventDetector(double sampleRateHz, ShankEventSettings settings, GyroEventListener listener) {
        ShankSagittalEventDetector events = new ShankSagittalEventDetector(sampleRateHz, settings, listener);
        int windowLength = SagittalProjector.windowLength(sampleRateHz, settings.calibrationWindowS());
        ShankAxisFinder finder = new ShankAxisFinder(windowLength, settings.minSwingPeakDps());
        this.projector = new SagittalProjector(sampleRateHz, windowLength, finder, () -> 0, events);
    }

    /**
     * Takes the next sample.
     *
     * @param xDps angular rate about the sensor's x axis, deg/s
     * @param yDps about y, deg/s
     * @param zDps about z, deg/s
     */
    @Override
    public void accept(double xDps, double yDps, double zDps) {
        projector.accept(xDps, yDps, zDps);
    }

    /** End of the data: looks for the axis in what is kept if it was not found yet, and replays it. */
    @Override
    public void flush() {
        projector.flush();
    }

    @Override
    public boolean calibrated() {
        return projector.calibrated();
    }

    @Override
    public double axisX() {
        return projector.axisX();
    }

    @Override
    public double axisY() {
        return projector.axisY();
    }

    @Override
    public double axisZ() {
        return projector.axisZ();
    }

    @Override
    public long axisFoundAtSample() {
        return projector.calibratedAtSample();
    }

}
