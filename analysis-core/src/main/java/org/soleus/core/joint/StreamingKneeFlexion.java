package org.soleus.core.joint;

import java.util.Objects;
import java.util.Optional;

/**
 * Knee flexion from a thigh and a shank IMU on a sample stream, joint axes included: a
 * {@link StreamingJointAngle} for {@link HingeJoint#KNEE}, whose javadoc describes the warm-up
 * and the failure cases. Not thread-safe.
 */
public final class StreamingKneeFlexion {
    /** Angular rate above which a segment counts as moving, deg/s. */
    public static final double MOVING_DPS = StreamingJointAngle.MOVING_DPS;

    private final StreamingJointAngle angle;

    /**
     * @param settings sampling rate, calibration period, axis window and orientation filter gains
     * @param listener receives each sample's angle, in sample order
     */
    public StreamingKneeFlexion(KneeFlexionSettings settings, KneeFlexionListener listener) {
        Objects.requireNonNull(listener, "listener");
        this.angle = new StreamingJointAngle(HingeJoint.KNEE, settings, listener::onFlexion);
    }

    /**
     * Takes one sample of both IMUs (angular rates in deg/s, specific forces in m/s²); reports
     * its angle now once the axes are known, else keeps it.
     *
     * @throws IllegalStateException after {@link #end()}
     */
    public void accept(double thighGxDps, double thighGyDps, double thighGzDps,
                       double thighAx, double thighAy, double thighAz,
                       double shankGxDps, double shankGyDps, double shankGzDps,
                       double shankAx, double shankAy, double shankAz) {
        angle.accept(thighGxDps, thighGyDps, thighGzDps, thighAx, thighAy, thighAz,
                shankGxDps, shankGyDps, shankGzDps, shankAx, shankAy, shankAz);
    }

    /** End of the stream; see {@link StreamingJointAngle#end()}. Idempotent. */
    public void end() {
        angle.end();
    }

    /** Samples taken so far; all of them have their angle reported once {@link #warmedUp()}. */
    public long samples() {
        return angle.samples();
    }

    /** Whether the warm-up is over: the axes are known or could not be found, and angles come as samples do. */
    public boolean warmedUp() {
        return angle.warmedUp();
    }

    /** The joint axes, once found. */
    public Optional<JointAxes> axes() {
        return angle.axes();
    }

    /** Why the joint axes could not be found (every angle then NaN), if so. */
    public Optional<String> failure() {
        return angle.failure();
    }

    /** The settings this runs with. */
    public KneeFlexionSettings settings() {
        return angle.settings();
    }
}
