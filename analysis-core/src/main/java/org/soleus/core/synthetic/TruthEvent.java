package org.soleus.core.synthetic;

import java.util.Objects;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Side;

/**
 * A heel strike or toe off as generated.
 *
 * @param side  the foot
 * @param type  heel strike or toe off
 * @param timeS exact time, s
 */
public record TruthEvent(Side side, GaitEventType type, double timeS) {
    public TruthEvent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (!Double.isFinite(timeS)) {
            throw new IllegalArgumentException("event time must be finite, got " + timeS);
        }
    }
}
