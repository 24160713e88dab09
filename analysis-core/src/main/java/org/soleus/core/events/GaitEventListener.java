package org.soleus.core.events;

/** Receives gait events as a streaming stage decides them. */
@FunctionalInterface
public interface GaitEventListener {

    /** @param event the event */
    void onGaitEvent(GaitEvent event);
}
