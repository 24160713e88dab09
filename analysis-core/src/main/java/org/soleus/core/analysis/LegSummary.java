package org.soleus.core.analysis;

import org.soleus.core.recording.Side;

/**
 * Per-leg plantar-flexion and soleus figures of a session; NaN where not measurable. Means are
 * over the valid strides, totals over the whole recording (walking, calf raises and standing
 * alike), since load accumulates in all of them.
 *
 * @param side                       the leg
 * @param insoleLengthM              insole length used for the lever arm, m
 * @param heelToAnkleM               heel-to-ankle distance used, m
 * @param meanPeakPfMomentNmKg       mean of the strides' peak plantar-flexor moments, N·m/kg
 *                                   (named as {@code strides.csv}'s column, which it averages)
 * @param meanPeakAchillesForceBw    mean of the strides' peak Achilles tendon forces, body weights
 * @param meanMaxStanceKneeFlexionDeg mean of the strides' largest knee flexion in stance, degrees
 * @param pfImpulseNms               plantar-flexion impulse over the recording, N·m·s
 * @param soleusDominantS            time in soleus-dominant loading over the recording, s
 * @param soleusDominantImpulseNms   plantar-flexion impulse while soleus-dominant, N·m·s
 * @param soleusShare                modelled soleus share of the plantar-flexion impulse (a model,
 *                                   {@link org.soleus.core.soleus.SoleusShareModel})
 * @param calfRaises                 calf-raise repetitions found; null where the foot could not be
 *                                   searched (its insole gives no force in newtons with a centre of
 *                                   pressure), so that none searched does not read as none found
 */
public record LegSummary(Side side, double insoleLengthM, double heelToAnkleM, double meanPeakPfMomentNmKg,
                         double meanPeakAchillesForceBw, double meanMaxStanceKneeFlexionDeg, double pfImpulseNms,
                         double soleusDominantS, double soleusDominantImpulseNms, double soleusShare, Integer calfRaises) {
}
