package org.soleus.core.imu;

/**
 * Streaming gait-event detector on the 3-axis gyroscope of an IMU in any mounting, on the foot
 * ({@link #foot}) or on the shank ({@link #shank}): it learns the sagittal axis and its sign from
 * the data and then detects the events on the sagittal rate.
 *
 * <ul>
 *   <li><b>Foot:</b> toe offs and heel strikes; the axis from {@link SagittalAxisFinder}, the
 *       events from {@link SagittalEventDetector}. The gyroscope's bias is taken from the
 *       flat-foot phases, where the foot does not turn: first from those in the calibration
 *       window, then followed through each later one, so an offset of tens of deg/s
 *       (uncalibrated MEMS gyroscopes) does not turn stance into swing.</li>
 *   <li><b>Shank:</b> terminal and initial contacts; the knee's flexion axis from
 *       {@link ShankAxisFinder}, the events from {@link ShankSagittalEventDetector} (after
 *       Salarian et al. 2004). The bias is the window's mean rate, learned once: a remaining
 *       offset moves no peak or minimum. After the replay each event arrives at most
 *       {@link ShankEventSettings#searchWindowStrides()} of a stride after its mid-swing peak.</li>
 * </ul>
 *
 * <p>Until the axis is known the detector keeps the last calibration window of finite samples
 * ({@link GyroEventSettings#calibrationWindowS()}, {@link ShankEventSettings#calibrationWindowS()})
 * and looks for the axis every half second of them; once found, it replays the kept samples
 * twice, first silently, so that the typical swing peak (and on the shank the stride time) of the
 * window is known before the first swing is judged, then reporting, so the first strides of a
 * walk are not lost; from then on it projects each sample as it comes ({@link SagittalProjector}).
 * The axis is learned once: a sensor strapped to a segment does not turn on it. Events are
 * reported with their position in samples since construction; those found in the replay arrive
 * late, in one burst.
 *
 * <p>Angular rates are in deg/s ({@link ImuUnits} converts). A NaN in any axis is a gap: the
 * event detector starts over after it. Before calibration the axis is first looked for in the
 * samples kept before the gap; where they are too few to show it, they stay in the window with
 * those after the gap, the gap takes no place in it, and the replay passes the gap on; so a gap
 * early in a walk, as one later, costs only the stride it falls in. No allocation per sample.
 * Not thread-safe.
 */
public final class GyroEventDetector implements GyroEventStream {
    private final SagittalProjector projector;

    private GyroEventDetector(SagittalProjector projector) {
        this.projector = projector;
    }

    /**
     * The detector of toe offs and heel strikes on a foot-worn IMU.
     *
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds and the calibration window
     * @param listener     receives the events
     */
    public static GyroEventDetector foot(double sampleRateHz, GyroEventSettings settings, GyroEventListener listener) {
        SagittalEventDetector events = new SagittalEventDetector(sampleRateHz, settings, listener);
        int windowLength = SagittalProjector.windowLength(sampleRateHz, settings.calibrationWindowS());
        SagittalAxisFinder finder = new SagittalAxisFinder(sampleRateHz, windowLength, settings.minSwingPeakDps());
        return new GyroEventDetector(new SagittalProjector(sampleRateHz, windowLength, finder, finder::quietDps, events));
    }

    /**
     * The detector of terminal contacts (toe offs) and initial contacts (heel strikes) on a
     * shank-worn IMU.
     *
     * @param sampleRateHz sample rate, Hz
     * @param settings     thresholds, windows and the calibration window
     * @param listener     receives the events
     */
    public static GyroEventDetector shank(double sampleRateHz, ShankEventSettings settings, GyroEventListener listener) {
        ShankSagittalEventDetector events = new ShankSagittalEventDetector(sampleRateHz, settings, listener);
        int windowLength = SagittalProjector.windowLength(sampleRateHz, settings.calibrationWindowS());
        ShankAxisFinder finder = new ShankAxisFinder(windowLength, settings.minSwingPeakDps());
        return new GyroEventDetector(new SagittalProjector(sampleRateHz, windowLength, finder, () -> 0, events));
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
