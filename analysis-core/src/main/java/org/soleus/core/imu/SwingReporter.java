package org.soleus.core.imu;

import java.util.Objects;
import org.soleus.core.events.GaitEventType;

/**
 * Reports the toe off and heel strike of each swing a sagittal event detector accepts, in that
 * order, unless muted (the silent first pass over a replayed calibration window).
 * Allocates nothing. Not thread-safe.
 */
final class SwingReporter {
    private final GyroEventListener listener;
    private boolean muted;

    SwingReporter(GyroEventListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Mutes ({@code true}) or restores the reporting. */
    void muted(boolean mute) {
        muted = mute;
    }

    /** An accepted swing, its events as positions in samples. */
    void swing(double toeOffPosition, double heelStrikePosition) {
        if (!muted) {
            listener.onGyroEvent(GaitEventType.TOE_OFF, toeOffPosition);
            listener.onGyroEvent(GaitEventType.HEEL_STRIKE, heelStrikePosition);
        }
    }
}
