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
 * @param meanForceBw             both feet's vertical force averaged over their valid strides, in
 *                                body weights: per foot, its stance impulses over its stride
 *                                times, and the two feet added. Over whole strides of steady
 *                                walking or running the body does not accelerate up or down on
 *                                average, so the ground carries its weight: about 1 (Newton's
 *                                second law; Winter, "Biomechanics and Motor Control of Human
 *                                Movement", 4th ed. 2009). Far from 1, the body mass or the
 *                                insoles' force scale is off by that factor. NaN without both
 *                                feet's loading figures
 */
public record SessionSummary(double durationS, double cadenceStepsPerMin, double strideTimeAsymmetryPct,
                             double stanceTimeAsymmetryPct, double peakForceAsymmetryPct, double meanForceBw) {
}
