package org.soleus.core.imu;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.recording.Side;

/**
 * The batch driver behind {@link GyroGaitEvents} and {@link ShankGyroEvents}: runs a streaming
 * {@link GyroEventStream} over arrays, so files and live streams share one algorithm.
 */
final class GyroBatch {
    private GyroBatch() {
    }

    /**
     * Events of the detector that {@code detector} builds around a listener, over three axes of
     * one sensor (NaN marks missing samples), in time order, source {@link EventSource#IMU}; and
     * the sagittal axis it found, if it found one.
     *
     * @param sensor the IMU, for {@link SagittalAxis#sensor()}
     */
    static ImuEvents run(double[] xDps, double[] yDps, double[] zDps, double sampleRateHz, double startTimeS,
                         Side side, String sensor, Function<GyroEventListener, GyroEventStream> detector) {
        if (xDps.length != yDps.length || xDps.length != zDps.length) {
            throw new IllegalArgumentException("axes have " + xDps.length + ", " + yDps.length + " and "
                    + zDps.length + " samples; give three axes of one sensor");
        }
        List<GaitEvent> events = new ArrayList<>();
        GyroEventStream stream = detector.apply(
                (type, position) -> events.add(new GaitEvent(side, type, startTimeS + position / sampleRateHz,
                        Math.round(position), EventSource.IMU)));
        for (int i = 0; i < xDps.length; i++) {
            stream.accept(xDps[i], yDps[i], zDps[i]);
        }
        stream.flush();
        SagittalAxis axis = !stream.calibrated() ? null : new SagittalAxis(sensor, stream.axisX(), stream.axisY(),
                stream.axisZ(), startTimeS + (stream.axisFoundAtSample() - 1) / sampleRateHz);
        return new ImuEvents(events, axis);
    }
}
