package org.soleus.core.analysis;

/**
 * Plantar-flexion load, knee angle and soleus-dominant loading of one stride (heel strike to the
 * next heel strike of the same foot). A figure that could not be measured is NaN: moments need
 * the insole force in newtons and the heel-to-toe centre of pressure, per-kg and body-weight
 * figures a body mass, knee figures thigh and shank IMUs, soleus figures all three.
 *
 * @param peakMomentNmPerKg        largest ankle plantar-flexor moment per kg body mass, N·m/kg
 * @param peakMomentTimeS          time of that peak, s
 * @param peakAchillesBw           largest Achilles tendon force, body weights
 * @param impulseNms               plantar-flexion impulse (time integral of the positive moment), N·m·s
 * @param timeAboveThresholdS      time with the moment at or above the plantar-flexion threshold, s
 * @param kneeAtPeakMomentDeg      knee flexion at the peak moment, degrees
 * @param maxStanceKneeFlexionDeg  largest knee flexion in stance (heel strike to toe off), degrees
 * @param soleusDominantS          time in soleus-dominant loading (knee bent and moment above
 *                                 threshold, {@link org.soleus.core.soleus.SoleusSettings}), s
 * @param soleusDominantImpulseNms plantar-flexion impulse accumulated while soleus-dominant, N·m·s
 * @param soleusShare              modelled soleus share of the stride's plantar-flexion impulse
 *                                 ({@link org.soleus.core.soleus.SoleusShareModel}; a model, not a
 *                                 measurement)
 */
public record StrideLegLoad(double peakMomentNmPerKg, double peakMomentTimeS, double peakAchillesBw,
                            double impulseNms, double timeAboveThresholdS, double kneeAtPeakMomentDeg,
                            double maxStanceKneeFlexionDeg, double soleusDominantS, double soleusDominantImpulseNms,
                            double soleusShare) {
}
