package org.soleus.core.events;

/** Receives contact events from a {@link ContactEventDetector} as they are found. */
@FunctionalInterface
public interface ContactEventListener {

    /**
     * @param type        heel strike or toe off
     * @param sampleIndex index (since the detector's start or last reset) of the event sample
     */
    void onContactEvent(GaitEventType type, long sampleIndex);
}
