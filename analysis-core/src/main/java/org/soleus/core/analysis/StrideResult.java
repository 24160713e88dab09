package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;

/**
 * A valid stride with its loading.
 *
 * @param stride  timing of the stride
 * @param loading vertical loading of its stance, or null when the force is not in newtons
 * @param leg     plantar-flexion load, knee angle and soleus-dominant loading of the stride
 *                ({@link LegLoadAnalyzer}), or null when they were not computed
 */
public record StrideResult(Stride stride, StrideLoading loading, StrideLegLoad leg) {
    public StrideResult {
        Objects.requireNonNull(stride, "stride");
    }

    /** A stride with its vertical loading only. */
    public StrideResult(Stride stride, StrideLoading loading) {
        this(stride, loading, null);
    }

    /** This stride with its leg figures. */
    public StrideResult withLeg(StrideLegLoad newLeg) {
        return new StrideResult(stride, loading, newLeg);
    }
}
