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
 * @param source      the sensors the event comes from
 */
public record GaitEvent(Side side, GaitEventType type, double timeS, long sampleIndex, EventSource source) {
    public GaitEvent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(timeS)) {
            throw new IllegalArgumentException("event time must be finite, got " + timeS);
        }
        if (side == Side.NONE) {
            throw new IllegalArgumentException("a gait event belongs to the left or right foot");
        }
    }

    /** An event found in insole force ({@link EventSource#INSOLE}). */
    public GaitEvent(Side side, GaitEventType type, double timeS, long sampleIndex) {
        this(side, type, timeS, sampleIndex, EventSource.INSOLE);
    }
}
