package org.soleus.core.analysis;

/**
 * Whole-session gait figures; NaN where not measurable.
 *
 * @param durationS               recording duration, s
 * @param cadenceStepsPerMin      steps per minute over the valid strides of both feet
 *                                (two steps per stride)
 * @param strideTimeAsymmetryPct  |left − right| / mean of the two mean stride times, %
 * @param stanceTimeAsymmetryPct  the same for mean stance time, %
 * @param peakForceAsymmetryPct   the same for mean peak force, %
 */
public record SessionSummary(double durationS, double cadenceStepsPerMin, double strideTimeAsymmetryPct,
                             double stanceTimeAsymmetryPct, double peakForceAsymmetryPct) {
}
