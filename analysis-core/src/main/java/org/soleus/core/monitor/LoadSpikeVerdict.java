package org.soleus.core.monitor;

/**
 * One stride's load-spike verdict ({@link LoadSpikeRule}).
 *
 * @param spike        whether the stride is a load spike
 * @param peakForceZ   modified z-score of its peak vertical force against the foot's recent
 *                     strides, or NaN where not scored
 * @param loadingRateZ the same of its loading rate, or NaN where not scored
 */
public record LoadSpikeVerdict(boolean spike, double peakForceZ, double loadingRateZ) {
    /** A stride that was not scored: no loading figures, or too few earlier strides of the foot. */
    public static final LoadSpikeVerdict NOT_SCORED = new LoadSpikeVerdict(false, Double.NaN, Double.NaN);
}
