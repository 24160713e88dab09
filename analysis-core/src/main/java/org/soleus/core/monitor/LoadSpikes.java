package org.soleus.core.monitor;

import java.util.List;
import org.soleus.core.analysis.StrideResult;

/**
 * Batch load-spike flags ({@link LoadSpikeRule}) over a recording's strides: a
 * {@link LoadSpikeStream} driven over them in time order, so that a file gets the verdicts a live
 * stream gives. Stateless and thread-safe.
 */
public final class LoadSpikes {
    private LoadSpikes() {
    }

    /**
     * Whether each stride of an analysis ({@code GaitAnalysis.strides()}, in time order) is a load
     * spike under {@link LoadSpikeRule#DEFAULT}; a stride without loading figures is not.
     */
    public static boolean[] flags(List<StrideResult> strides) {
        return flags(strides, LoadSpikeRule.DEFAULT);
    }

    /** {@link #flags(List)} under {@code rule}. */
    public static boolean[] flags(List<StrideResult> strides, LoadSpikeRule rule) {
        LoadSpikeStream stream = new LoadSpikeStream(rule);
        boolean[] out = new boolean[strides.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = stream.accept(strides.get(i)).spike();
        }
        return out;
    }
}
