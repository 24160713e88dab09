package org.soleus.core.imu;

/**
 * A streaming gait-event detector on one IMU's 3-axis gyroscope ({@link GyroGaitEventDetector}
 * on the foot, {@link ShankGyroEventDetector} on the shank); events go to the
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
}
