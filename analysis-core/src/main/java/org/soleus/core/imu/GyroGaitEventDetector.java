package org.soleus.core.imu;

/**
 * Streaming toe-off and heel-strike detector on the 3-axis gyroscope of a foot-worn IMU in any
 * mounting: it learns the sagittal axis and its sign from the data ({@link SagittalAxisFinder})
 * and then detects events on the sagittal rate ({@link SagittalEventDetector}).
 *
 * <p>Until the axis is known the detector keeps the last
 * {@link GyroEventSettings#calibrationWindowS()} of finite samples and looks for the axis every
 * half second of them; once found, it replays the kept samples, so the first strides of a walk
 * are not lost, (first silently, so that the typical swing peak of the window is known before
 * the first swing is judged, then reporting), and from then on projects each sample as it
 * comes. The axis is learned once: a sensor strapped to a foot does not turn on it. Events are reported with their position in samples
 * since construction; those found in the replay arrive late, in one burst.
 *
 * <p>The gyroscope's bias is taken from the flat-foot phases, where the foot does not turn:
 * first from those in the calibration window, then followed through each later one, so an
 * offset of tens of deg/s (uncalibrated MEMS gyroscopes) does not turn stance into swing.
 *
 * <p>Angular rates are in deg/s ({@link ImuUnits} converts). A NaN in any axis is a gap: the
 * event detector starts over after it. Before calibration the axis is first looked for in the
 * samples kept before the gap; where they are too few to show it, they stay in the window with
 * those after the gap, the gap takes no place in it, and the replay passes the gap on; so a gap
 * early in a walk, as one later, costs only the stride it falls in. No allocation per sample.
 * Not thread-safe.
 */
public final class GyroGaitEventDetector implements GyroEventStream {
    private final SagittalProjector projector;

    /**
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds and the calibration window
     * @param listener     receives the events
     */
    public GyroGaitEventDetector(double sampleRateHz, GyroEventSettings settings, GyroEventListener listener) {
        SagittalEventDetector events = new SagittalEventDetector(sampleRateHz, settings, listener);
        int windowLength = SagittalProjector.windowLength(sampleRateHz, settings.calibrationWindowS());
        SagittalAxisFinder finder = new SagittalAxisFinder(sampleRateHz, windowLength, settings.minSwingPeakDps());
        this.projector = new SagittalProjector(sampleRateHz, windowLength, finder, finder::quietDps, events);
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
