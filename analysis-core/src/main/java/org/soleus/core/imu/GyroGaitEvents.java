package org.soleus.core.imu;

import java.util.List;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.recording.Side;

/**
 * Batch driver of {@link GyroEventDetector#foot}: runs the streaming detector over arrays, so
 * files and live streams share one algorithm.
 */
public final class GyroGaitEvents {
    private GyroGaitEvents() {
    }

    /**
     * Detects toe offs and heel strikes in one foot's 3-axis gyroscope signal.
     *
     * @param xDps         angular rate about the sensor's x axis, deg/s; NaN marks missing samples
     * @param yDps         about y
     * @param zDps         about z
     * @param sampleRateHz sample rate, Hz
     * @param startTimeS   time of sample 0, s
     * @param side         the foot
     * @param settings     detector settings
     * @return events in time order, source {@link EventSource#IMU}
     */
    public static List<GaitEvent> detect(double[] xDps, double[] yDps, double[] zDps, double sampleRateHz,
                                         double startTimeS, Side side,
                                         GyroEventSettings settings) {
        return run(xDps, yDps, zDps, sampleRateHz, startTimeS, side, side.label() + ".foot", settings).events();
    }

    /**
     * As {@link #detect(double[], double[], double[], double, double, Side, GyroEventSettings)}, with the
     * sagittal axis the detector found on {@code sensor} (as {@code left.foot}).
     */
    public static ImuEvents run(double[] xDps, double[] yDps, double[] zDps, double sampleRateHz, double startTimeS,
                                Side side, String sensor, GyroEventSettings settings) {
        return GyroBatch.run(xDps, yDps, zDps, sampleRateHz, startTimeS, side, sensor,
                listener -> GyroEventDetector.foot(sampleRateHz, settings, listener));
    }
}
