package org.soleus.core.synthetic;

import java.util.Objects;
import org.soleus.core.recording.Side;

/**
 * A planted load spike: one stride of one foot whose vertical force (and so its plantar-flexor
 * moment) is scaled.
 *
 * @param side        the foot
 * @param strideIndex which stride, counting that foot's heel strikes from 0 across all walks of the session
 * @param factor      force scale, e.g. 1.5
 */
public record LoadSpike(Side side, int strideIndex, double factor) {
    public LoadSpike {
        Objects.requireNonNull(side, "side");
        if (side == Side.NONE) {
            throw new IllegalArgumentException("a load spike belongs to the left or right foot");
        }
        if (strideIndex < 0) {
            throw new IllegalArgumentException("stride index must be >= 0, got " + strideIndex);
        }
        if (!(factor > 0 && factor <= 5)) {
            throw new IllegalArgumentException("spike factor must be within 0–5, got " + factor);
        }
    }
}
