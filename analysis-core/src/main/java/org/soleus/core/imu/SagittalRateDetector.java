package org.soleus.core.imu;

/**
 * A streaming gait-event detector on a sagittal angular rate ({@link SagittalEventDetector} for
 * the foot, {@link ShankSagittalEventDetector} for the shank), as {@link SagittalProjector} drives
 * it: the calibration window is replayed once muted and once reporting.
 */
interface SagittalRateDetector {

    /** Takes the next sample (deg/s, mid-swing positive; NaN for a missing one). */
    void accept(double rateDps);

    /** Forgets the signal seen so far (not the running references); the next sample gets this index. */
    void reset(long nextSampleIndex);

    /** Mutes ({@code true}) or restores the reporting of events. */
    void muted(boolean mute);
}
