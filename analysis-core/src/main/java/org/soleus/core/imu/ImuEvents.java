package org.soleus.core.imu;

import java.util.List;
import org.soleus.core.events.GaitEvent;

/**
 * What a gyroscope's gait-event detector found on one IMU over a whole recording.
 *
 * @param events heel strikes and toe offs, in time order
 * @param axis   the sagittal axis it found, or null when it found none (no steps it could judge)
 */
public record ImuEvents(List<GaitEvent> events, SagittalAxis axis) {
    public ImuEvents {
        events = List.copyOf(events);
    }
}
