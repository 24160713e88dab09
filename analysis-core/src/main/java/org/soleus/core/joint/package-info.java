/**
 * Joint angles from the IMUs on the two segments a joint connects. The knee flexion angle comes
 * from the orientations of a thigh and a shank IMU ({@link org.soleus.core.orientation.MahonyFilter}
 * each), zeroed in a standing calibration period, and read as the rotation about the knee's
 * flexion axis, which {@link org.soleus.core.joint.JointAxisEstimator} finds in each sensor's frame
 * so that any mounting works ({@link org.soleus.core.joint.KneeFlexionEstimator}), from the
 * first movement after calibration, on files and live streams alike
 * ({@link org.soleus.core.joint.StreamingKneeFlexion}).
 */
package org.soleus.core.joint;
