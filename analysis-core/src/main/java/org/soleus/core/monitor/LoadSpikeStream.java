package org.soleus.core.monitor;

import java.util.Objects;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.load.StrideLoadSpikes;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Side;

/**
 * Streaming load-spike flags ({@link LoadSpikeRule}): feed the strides of both feet one at a time,
 * each foot's in time order, as the live analysis reports them; each comes back with its verdict.
 * Each foot keeps the last {@code windowStrides} values of each figure in a ring buffer and in
 * order ({@link StrideLoadSpikes}), so a stride costs an insertion, a
 * removal and a merge to the middle for the median and MAD of each figure, of at most
 * {@code windowStrides} values, and allocates nothing but its {@link LoadSpikeVerdict} (none for
 * a stride that is not scored). {@link LoadSpikes} drives one over a whole recording's strides. Not thread-safe.
 */
public final class LoadSpikeStream {
    private final LoadSpikeRule rule;
    private final StrideLoadSpikes peakForce;
    private final StrideLoadSpikes loadingRate;

    /** A stream with {@link LoadSpikeRule#DEFAULT}. */
    public LoadSpikeStream() {
        this(LoadSpikeRule.DEFAULT);
    }

    public LoadSpikeStream(LoadSpikeRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
        peakForce = new StrideLoadSpikes(rule.windowStrides(), rule.minHistoryStrides(), rule.minMadShareOfMedian());
        loadingRate = new StrideLoadSpikes(rule.windowStrides(), rule.minHistoryStrides(), rule.minMadShareOfMedian());
    }

    /** The rule applied. */
    public LoadSpikeRule rule() {
        return rule;
    }

    /**
     * The verdict of the foot's next stride, which then joins the foot's history (a figure that
     * is NaN does not).
     *
     * @param side              {@link Side#LEFT} or {@link Side#RIGHT}
     * @param peakForceBw       the stride's peak vertical force, body weights (NaN: unknown)
     * @param loadingRateBwPerS its loading rate, body weights per second (NaN: unknown)
     * @throws IllegalArgumentException for {@link Side#NONE}
     */
    public LoadSpikeVerdict accept(Side side, double peakForceBw, double loadingRateBwPerS) {
        double peakZ = peakForce.score(side, peakForceBw);
        double rateZ = loadingRate.score(side, loadingRateBwPerS);
        if (Double.isNaN(peakZ) && Double.isNaN(rateZ)) {
            return LoadSpikeVerdict.NOT_SCORED;
        }
        return new LoadSpikeVerdict(rule.isSpike(peakZ, rateZ), peakZ, rateZ);
    }

    /**
     * The verdict of a stride of the analysis: {@link LoadSpikeVerdict#NOT_SCORED}, without touching the
     * history, for a stride without loading figures (force not in newtons, or a stance not
     * measured: {@link StrideLoading#measured()}).
     */
    public LoadSpikeVerdict accept(StrideResult stride) {
        StrideLoading loading = stride.loading();
        if (loading == null || !loading.measured()) {
            return LoadSpikeVerdict.NOT_SCORED;
        }
        return accept(stride.stride().side(), loading.peakForceBw(), loading.loadingRateBwPerS());
    }
}
