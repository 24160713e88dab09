package org.soleus.core.imu;

/**
 * The axis about which a foot or shank IMU's gyroscope saw the segment pitch, as the gait-event
 * detectors found it ({@link SagittalAxisFinder}, {@link ShankAxisFinder}): a unit vector in the
 * sensor's own frame, oriented so that mid-swing rotation is positive, and when it was found.
 * It tells how the sensor was worn, and shows a foot whose axis came out wrong.
 *
 * @param sensor   the IMU, as {@code left.foot}
 * @param x        x component of the unit axis in the sensor frame
 * @param y        y component
 * @param z        z component
 * @param foundAtS time of the sample after which it was found, s (the detectors search a window
 *                 of the walk before they judge its first step)
 */
public record SagittalAxis(String sensor, double x, double y, double z, double foundAtS) {
}
