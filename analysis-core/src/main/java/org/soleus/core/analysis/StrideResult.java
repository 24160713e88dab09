package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;

/**
 * A valid stride with its loading.
 *
 * @param stride  timing of the stride
 * @param loading vertical loading of its stance, or null when the force is not in newtons
 */
public record StrideResult(Stride stride, StrideLoading loading) {
    public StrideResult {
        Objects.requireNonNull(stride, "stride");
    }
}
