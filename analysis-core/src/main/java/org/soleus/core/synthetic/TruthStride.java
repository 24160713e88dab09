package org.soleus.core.synthetic;

import java.util.Objects;
import org.soleus.core.gait.Stride;

/**
 * A stride of a synthetic walk as generated.
 *
 * @param stride        side, heel strike, toe off, next heel strike (double support NaN)
 * @param index         the foot's heel-strike count across the session, from 0
 * @param terrain       what the walk went over
 * @param loadFactor    force scale of the stride: 1, or a planted spike's factor
 */
public record TruthStride(Stride stride, int index, Terrain terrain, double loadFactor) {
    public TruthStride {
        Objects.requireNonNull(stride, "stride");
        Objects.requireNonNull(terrain, "terrain");
        if (index < 0 || !(loadFactor > 0)) {
            throw new IllegalArgumentException("index must be >= 0 and load factor > 0, got " + index + ", " + loadFactor);
        }
    }

    /** Whether this stride carries a planted load spike. */
    public boolean spike() {
        return loadFactor != 1;
    }
}
