package org.soleus.core.imu;

/**
 * A streaming gait-event detector on one IMU's 3-axis gyroscope ({@link GyroEventDetector#foot}
 * on the foot, {@link GyroEventDetector#shank} on the shank); events go to the
 * {@link GyroEventListener} it was built with.
 */
public interface GyroEventStream {

    /**
     * Takes the next sample.
     *
     * @param xDps angular rate about the sensor's x axis, deg/s; NaN in any axis marks a missing sample
     * @param yDps about y, deg/s
     * @param zDps about z, deg/s
     */
    void accept(double xDps, double yDps, double zDps);

    /** End of the data: reports what the detector still holds back. */
    void flush();

    /** Whether the sagittal axis is known. */
    boolean calibrated();

    /** X component of the sagittal unit axis in the sensor frame (mid-swing positive); 0 until calibrated. */
    double axisX();

    /** Y component of the axis. */
    double axisY();

    /** Z component of the axis. */
    double axisZ();

    /** The index of the first sample after those searched when the axis was found; -1 until then. */
    long axisFoundAtSample();
}
