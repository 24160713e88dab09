/**
 * Joint angles from the IMUs on the two segments a hinge joint connects ({@link org.soleus.core.joint.HingeJoint}):
 * knee flexion from a thigh and a shank IMU, ankle plantar flexion from a shank and a foot IMU.
 * The angle comes from the two segments' orientations ({@link org.soleus.core.orientation.MahonyFilter}
 * each), zeroed in a standing calibration period, read as the rotation about the joint's flexion
 * axis, which {@link org.soleus.core.joint.JointAxisEstimator} finds in each sensor's frame so
 * that any mounting works ({@link org.soleus.core.joint.JointAngleEstimator}), from the first
 * movement after calibration, on files and live streams alike
 * ({@link org.soleus.core.joint.StreamingJointAngle}).
 */
package org.soleus.core.joint;
