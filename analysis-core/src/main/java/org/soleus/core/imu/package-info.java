/**
 * Inertial sensors: unit conversion, locating an IMU's channels in a recording or a stream, and gait events
 * (toe off, heel strike) from a foot-worn or a shank-worn gyroscope in any mounting, as
 * streaming detectors with batch drivers.
 */
package org.soleus.core.imu;
