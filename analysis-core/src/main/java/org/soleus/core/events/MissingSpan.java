package org.soleus.core.events;

import java.util.Objects;
import org.soleus.core.recording.Side;

/**
 * A span of time in which one foot's sensor gave no data.
 *
 * @param side  the foot
 * @param fromS first missing instant, s
 * @param toS   last missing instant, s (≥ {@code fromS})
 */
public record MissingSpan(Side side, double fromS, double toS) {
    public MissingSpan {
        Objects.requireNonNull(side, "side");
        if (!(fromS <= toS)) {
            throw new IllegalArgumentException("a missing span needs fromS <= toS, got " + fromS + " and " + toS);
        }
    }
}
