package org.soleus.core.joint;

/** Receives knee flexion angles from a {@link StreamingKneeFlexion}, one per sample, in sample order. */
@FunctionalInterface
public interface KneeFlexionListener {

    /**
     * @param sample     position of the sample since the stream began (0 for the first)
     * @param flexionDeg knee flexion, degrees; NaN in the calibration period, where a sample is
     *                   missing, and throughout when the joint axes could not be found
     */
    void onFlexion(long sample, double flexionDeg);
}
