package org.soleus.core.analysis;

import org.soleus.core.events.ContactEventDetector;
import org.soleus.core.events.GaitEvent;

/**
 * Merges the feet's queued events in time order (ties: left first, as the batch sort does),
 * releasing an event once neither foot's detector can still report an earlier one
 * ({@link ContactEventDetector#reportFloor()}, at most
 * {@link ContactEventDetector#maxReportDelaySamples} after the fact), or, while a detector is in
 * its warm-up (whose contacts it reports at its end), once the warm-up has ended or moved past it
 * ({@link ContactEventDetector#warmUpFloor()}), so that double support is computed from the same
 * contacts as in the batch analysis. No allocation. Not thread-safe.
 */
final class LiveEventMerge {
    private final LiveFoot[] feet;

    LiveEventMerge(LiveFoot[] feet) {
        this.feet = feet;
    }

    /**
     * The next event in time order, taken from its foot's queue, or null when none is queued or
     * (unless {@code all}, at the end of the stream) a detector may still report an earlier one.
     */
    GaitEvent next(boolean all) {
        LiveFoot next = null;
        GaitEvent first = null;
        for (LiveFoot f : feet) {
            GaitEvent head = f.events.peekFirst();
            if (head != null && (first == null || head.timeS() < first.timeS())) {
                first = head;
                next = f;
            }
        }
        if (first == null || !all && mayComeEarlier(first)) {
            return null;
        }
        return next.events.pollFirst();
    }

    /** Whether a detector may still report an event before {@code event} or at its sample. */
    private boolean mayComeEarlier(GaitEvent event) {
        for (LiveFoot f : feet) {
            if (f.mayStillReportBy(event.sampleIndex())) {
                return true;
            }
        }
        return false;
    }
}
