package org.soleus.core.analysis;

import org.soleus.core.recording.Side;

/**
 * Per-foot figures over the valid strides of a session; NaN where not measurable.
 *
 * @param side                  the foot
 * @param strideCount           valid strides
 * @param rejectedCount         candidate strides rejected
 * @param meanStrideS           mean stride time, s
 * @param sdStrideS             standard deviation of stride time, s
 * @param strideCvPct           coefficient of variation of stride time, %
 * @param meanStanceS           mean stance time, s
 * @param meanSwingS            mean swing time, s
 * @param meanStancePct         mean stance share of the stride, %
 * @param meanDoubleSupportS    mean double-support time per stride, s
 * @param meanPeakForceBw       mean peak vertical force, body weights
 * @param meanLoadingRateBwS    mean loading rate (VILR), body weights per second
 * @param meanImpulseNs         mean stance impulse, N·s
 */
public record SideSummary(Side side, int strideCount, int rejectedCount, double meanStrideS, double sdStrideS,
                          double strideCvPct, double meanStanceS, double meanSwingS, double meanStancePct,
                          double meanDoubleSupportS, double meanPeakForceBw, double meanLoadingRateBwS,
                          double meanImpulseNs) {
}
