/**
 * Orientation of one inertial sensor from its gyroscope and accelerometer: a streaming Mahony
 * complementary filter ({@link org.soleus.core.orientation.MahonyFilter}) that keeps its unit
 * quaternion in primitive fields and updates without allocation, with a batch driver over
 * primitive arrays ({@link org.soleus.core.orientation.ImuSamples}). Without a magnetometer the
 * heading about the vertical is not observed: it follows the gyroscope alone, while the tilt
 * (the direction of gravity in the sensor frame) is held by the accelerometer.
 */
package org.soleus.core.orientation;
