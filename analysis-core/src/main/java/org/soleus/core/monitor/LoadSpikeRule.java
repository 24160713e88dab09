package org.soleus.core.monitor;

import org.soleus.core.load.StrideLoadSpikes;

/**
 * When a stride is a load spike: its peak vertical force (body weights) or its loading rate
 * (body weights per second) has a modified z-score (Iglewicz and Hoaglin 1993,
 * {@code z = 0.6745 (x − median) / MAD}) above {@code thresholdZ} against the median and the
 * median absolute deviation (MAD) of the same foot's previous {@code windowStrides} values of that
 * figure. Only a load above the recent ones is a spike (a light stride is not). The MAD is taken
 * as at least {@code minMadShareOfMedian} of the median, a convention of this toolkit: a foot is
 * not held to be steadier than walking is, taking the stride-to-stride variation of force and
 * loading rate to be of the order of that of stride time (a CV of 2.8 ± 0.8 % in healthy adults,
 * Gaßner et al., J Neurol 267(6):1594–1601, 2020; the force's own was not measured for this), so
 * that on a very steady or quantised signal a difference
 * of a percent is no spike, nor does a MAD of 0 leave a stride unscored; with the defaults a
 * spike is then at least 10 % above the median. A figure is not scored, and so flags nothing,
 * while the foot has fewer than {@code minHistoryStrides} earlier values of it; a figure that
 * could not be measured (NaN) is not scored and does not join the history. Every scored stride
 * joins the history, spikes too: the median and MAD shrug off a few.
 *
 * @param windowStrides     previous strides of the same foot compared with, ≥ 3
 * @param minHistoryStrides earlier strides of the foot needed before a stride is scored, 3 …
 *                          {@code windowStrides}
 * @param thresholdZ        modified z-score above which a figure is a spike, &gt; 0
 * @param minMadShareOfMedian the least MAD, as a share of the median, 0 … 1
 */
public record LoadSpikeRule(int windowStrides, int minHistoryStrides, double thresholdZ, double minMadShareOfMedian) {
    /**
     * The rule of {@code soleus live} and {@code soleus analyze}: the last 20 strides of the foot,
     * scores from the 6th stride on (5 earlier ones), Iglewicz and Hoaglin's threshold of 3.5, a
     * MAD of at least 2 % of the median (a standard deviation of about 3 %).
     */
    public static final LoadSpikeRule DEFAULT = new LoadSpikeRule(20, 5, StrideLoadSpikes.DEFAULT_THRESHOLD, 0.02);

    public LoadSpikeRule {
        if (windowStrides < 3 || minHistoryStrides < 3 || minHistoryStrides > windowStrides) {
            throw new IllegalArgumentException("need 3 <= minHistoryStrides <= windowStrides, got windowStrides "
                    + windowStrides + " and minHistoryStrides " + minHistoryStrides);
        }
        if (!(thresholdZ > 0) || Double.isInfinite(thresholdZ)) {
            throw new IllegalArgumentException("thresholdZ must be a finite number > 0, got " + thresholdZ);
        }
        if (!(minMadShareOfMedian >= 0 && minMadShareOfMedian <= 1)) {
            throw new IllegalArgumentException("minMadShareOfMedian must be in 0 … 1, got " + minMadShareOfMedian);
        }
    }

    /** Whether a stride with these scores is a spike: either above the threshold (NaN is not). */
    public boolean isSpike(double peakForceZ, double loadingRateZ) {
        return peakForceZ > thresholdZ || loadingRateZ > thresholdZ;
    }
}
