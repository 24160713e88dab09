package org.soleus.core.imu;

import org.soleus.core.events.GaitEventType;

/** Receives the gait events of a gyroscope-based detector as they are found. */
@FunctionalInterface
public interface GyroEventListener {

    /**
     * @param type           heel strike (initial contact) or toe off (terminal contact)
     * @param samplePosition position of the event in samples since the detector's construction,
     *                       interpolated between samples (e.g. 657.4)
     */
    void onGyroEvent(GaitEventType type, double samplePosition);
}
