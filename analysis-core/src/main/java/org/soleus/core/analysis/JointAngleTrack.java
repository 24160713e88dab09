package org.soleus.core.analysis;

import java.util.Optional;
import org.soleus.core.imu.GyroRange;
import org.soleus.core.imu.ImuColumns;
import org.soleus.core.joint.HingeJoint;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.joint.StreamingJointAngle;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * One joint's angle on a live stream: a {@link StreamingJointAngle} fed from the leg's two IMU
 * column sets (units from the channel names, {@link ImuColumns}; gyroscope samples beyond
 * {@link GyroRange} held, as a file's are), and a ring of its recent angles by sample index; a
 * knee's angles are also counted by a {@link KneeBeyondStraight} as they come. No allocation per
 * sample. Not thread-safe.
 */
final class JointAngleTrack {
    private final ImuColumns proximal;
    private final ImuColumns distal;
    private final StreamingJointAngle stream;
    /** The proximal sensor's x, y and z axes, then the distal's. */
    private final GyroRange[] gyroRanges = {new GyroRange(), new GyroRange(), new GyroRange(), new GyroRange(),
        new GyroRange(), new GyroRange()};
    private final double[] history;
    private final int mask;
    /** The knee's angles beyond straight, or null for another joint. */
    private final KneeBeyondStraight beyondStraight;
    private long reported;

    private JointAngleTrack(ImuColumns proximal, ImuColumns distal, HingeJoint joint, JointAngleSettings settings,
                            int capacity) {
        this.proximal = proximal;
        this.distal = distal;
        this.history = new double[capacity];
        this.mask = capacity - 1;
        this.beyondStraight = joint == HingeJoint.KNEE ? new KneeBeyondStraight() : null;
        this.stream = new StreamingJointAngle(joint, settings, (i, deg) -> {
            history[(int) (i & mask)] = deg;
            reported = i + 1;
            if (beyondStraight != null) {
                beyondStraight.accept(deg);
            }
        });
    }

    /**
     * The joint's track on {@code side}, or empty when the stream lacks either segment's IMU
     * or does not name its units.
     *
     * @param capacity angles kept, a power of two
     */
    static Optional<JointAngleTrack> of(HingeJoint joint, RecordingHeader h, Side side, JointAngleSettings settings,
                                        int capacity) {
        Optional<ImuColumns> p = ImuColumns.find(h.channels(), side, joint.proximal());
        Optional<ImuColumns> d = ImuColumns.find(h.channels(), side, joint.distal());
        return p.isPresent() && d.isPresent()
                ? Optional.of(new JointAngleTrack(p.get(), d.get(), joint, settings, capacity)) : Optional.empty();
    }

    /** Whether the stream has both of the joint's IMUs with named units on {@code side}. */
    static boolean available(HingeJoint joint, RecordingHeader h, Side side) {
        return ImuColumns.find(h.channels(), side, joint.proximal()).isPresent()
                && ImuColumns.find(h.channels(), side, joint.distal()).isPresent();
    }

    /** Takes one row of the stream. */
    void accept(float[] row) {
        ImuColumns p = proximal;
        ImuColumns d = distal;
        double g = p.gyroToDps();
        double a = p.accToMps2();
        double h = d.gyroToDps();
        double b = d.accToMps2();
        GyroRange[] r = gyroRanges;
        stream.accept(r[0].accept(row[p.gyrX()] * g), r[1].accept(row[p.gyrY()] * g), r[2].accept(row[p.gyrZ()] * g),
                row[p.accX()] * a, row[p.accY()] * a, row[p.accZ()] * a,
                r[3].accept(row[d.gyrX()] * h), r[4].accept(row[d.gyrY()] * h), r[5].accept(row[d.gyrZ()] * h),
                row[d.accX()] * b, row[d.accY()] * b, row[d.accZ()] * b);
    }

    /** Samples whose angle has been reported (angles come late during the joint's warm-up). */
    long reported() {
        return reported;
    }

    /** The angle of sample {@code i}, degrees, once reported. */
    double angle(long i) {
        return history[(int) (i & mask)];
    }

    /** Why the joint's axes were not found (its angles are then NaN), or empty. */
    Optional<String> failure() {
        return stream.failure();
    }

    /** The knee's angles reported so far, counted beyond straight; null for another joint. */
    KneeBeyondStraight beyondStraight() {
        return beyondStraight;
    }

    /** The stream has ended: reports what the warm-up still holds. */
    void end() {
        stream.end();
    }
}
