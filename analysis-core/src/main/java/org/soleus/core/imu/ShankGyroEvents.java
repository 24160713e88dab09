package org.soleus.core.imu;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.filter.Gaps;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Batch driver of {@link ShankGyroEventDetector}: runs the streaming detector over arrays or a
 * recording's shank IMU channels, so files and live streams share one algorithm.
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
        if (xDps.length != yDps.length || xDps.length != zDps.length) {
            throw new IllegalArgumentException("axes have " + xDps.length + ", " + yDps.length + " and "
                    + zDps.length + " samples; give three axes of one sensor");
        }
        List<GaitEvent> events = new ArrayList<>();
        ShankGyroEventDetector detector = new ShankGyroEventDetector(sampleRateHz, settings,
                (type, position) -> events.add(new GaitEvent(side, type, startTimeS + position / sampleRateHz,
                        Math.round(position), EventSource.IMU)));
        for (int i = 0; i < xDps.length; i++) {
            detector.accept(xDps[i], yDps[i], zDps[i]);
        }
        detector.flush();
        return events;
    }

    /**
     * Detects terminal and initial contacts on one shank IMU of a recording.
     *
     * @param maxGapInterpolatedS runs of missing samples up to this long are bridged by linear
     *                            interpolation first, s; longer gaps restart the event detection
     */
    public static List<GaitEvent> detect(Recording recording, ImuChannels imu, ShankEventSettings settings,
                                         double maxGapInterpolatedS) {
        if (!(maxGapInterpolatedS >= 0)) {
            throw new IllegalArgumentException("max interpolated gap must be >= 0 s, got " + maxGapInterpolatedS);
        }
        int maxGap = (int) Math.round(maxGapInterpolatedS * recording.sampleRateHz());
        double[][] g = imu.gyroDps();
        for (double[] axis : g) {
            Gaps.interpolateLinear(axis, maxGap);
        }
        return detect(g[0], g[1], g[2], recording.sampleRateHz(), recording.startTimeS(), imu.side(), settings);
    }
}
