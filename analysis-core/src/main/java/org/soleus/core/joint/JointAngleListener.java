package org.soleus.core.joint;

/** Receives joint angles from a {@link StreamingJointAngle}, one per sample, in sample order. */
@FunctionalInterface
public interface JointAngleListener {

    /**
     * @param sample   position of the sample since the stream began (0 for the first)
     * @param angleDeg the joint angle, degrees; NaN in the calibration period, where a sample is
     *                 missing, and throughout when the joint axes could not be found
     */
    void onAngle(long sample, double angleDeg);
}
