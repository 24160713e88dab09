package org.soleus.core.imu;

import java.util.List;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.recording.Side;

/**
 * Batch driver of {@link GyroEventDetector#shank}: runs the streaming detector over arrays, so
 * files and live streams share one algorithm.
 */
public final class ShankGyroEvents {
    private ShankGyroEvents() {
    }

    /**
     * Detects terminal contacts (toe offs) and initial contacts (heel strikes) in one shank's
     * 3-axis gyroscope signal.
     *
     * @param xDps         angular rate about the sensor's x axis, deg/s; NaN marks missing samples
     * @param yDps         about y
     * @param zDps         about z
     * @param sampleRateHz sample rate, Hz
     * @param startTimeS   time of sample 0, s
     * @param side         the leg
     * @param settings     detector settings
     * @return events in time order, source {@link EventSource#IMU}
     */
    public static List<GaitEvent> detect(double[] xDps, double[] yDps, double[] zDps, double sampleRateHz,
                                         double startTimeS, Side side, ShankEventSettings settings) {
        return run(xDps, yDps, zDps, sampleRateHz, startTimeS, side, side.label() + ".shank", settings).events();
    }

    /**
     * As {@link #detect(double[], double[], double[], double, double, Side, ShankEventSettings)}, with the
     * sagittal axis the detector found on {@code sensor} (as {@code left.shank}).
     */
    public static ImuEvents run(double[] xDps, double[] yDps, double[] zDps, double sampleRateHz, double startTimeS,
                                Side side, String sensor, ShankEventSettings settings) {
        return GyroBatch.run(xDps, yDps, zDps, sampleRateHz, startTimeS, side, sensor,
                listener -> GyroEventDetector.shank(sampleRateHz, settings, listener));
    }
}
