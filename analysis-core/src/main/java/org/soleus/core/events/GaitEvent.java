package org.soleus.core.events;

import java.util.Objects;
import org.soleus.core.recording.Side;

/**
 * A heel strike or toe off of one foot.
 *
 * @param side        the foot
 * @param type        heel strike or toe off
 * @param timeS       event time in seconds on the recording's time base (may fall between samples)
 * @param sampleIndex index of the sample nearest the event
 */
public record GaitEvent(Side side, GaitEventType type, double timeS, long sampleIndex) {
    public GaitEvent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (!Double.isFinite(timeS)) {
            throw new IllegalArgumentException("event time must be finite, got " + timeS);
        }
        if (side == Side.NONE) {
            throw new IllegalArgumentException("a gait event belongs to the left or right foot");
        }
    }
}
