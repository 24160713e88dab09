/**
 * Inertial sensors: unit conversion, locating an IMU's channels in a recording or a stream, and gait events
 * (toe off, heel strike) from a foot-worn or a shank-worn gyroscope in any mounting, as
 * streaming detectors ({@link org.soleus.core.imu.GyroEventStream}) with batch drivers. Both
 * 3-axis detectors learn the sagittal axis from the data and replay their calibration window
 * through one shared front end; they differ in the axis search and in the events read from the
 * sagittal rate.
 */
package org.soleus.core.imu;
