package org.soleus.core.joint;

import java.util.Optional;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * A hinge joint whose angle {@link StreamingJointAngle} measures from IMUs on the segment above
 * it (proximal) and below it (distal): the angle is the distal segment's rotation relative to the
 * proximal one about the joint's flexion axis since the standing calibration pose. The joints
 * differ in their segments and in how {@link JointAxisEstimator} tells the sign of the axis, for
 * the movement alone does not say which way is which.
 */
public enum HingeJoint {
    /**
     * Knee flexion, positive when the shank turns back relative to the thigh: the axis sign is the
     * one under which the angle is large and hardly negative, since a knee flexes from straight
     * and hardly hyperextends.
     */
    KNEE("thigh", "shank"),
    /**
     * Ankle plantar flexion (toes down, heel up), positive when the foot turns toes down relative
     * to the shank, negative in dorsiflexion. The ankle goes both ways in walking, so the sign
     * comes from the foot alone: its pitch relative to the ground since standing (about the same
     * axis) reaches further toes down than toes up, since a foot on the ground cannot pitch toes
     * up, while heel rise, push-off and landing on the forefoot pitch it toes down (synthetic
     * walking: toes down 65° at toe-off, toes up 15° at heel strike). Activities in which the foot
     * stays flat (squats, sitting down) leave the sign open.
     */
    ANKLE("shank", "foot");

    private final String proximal;
    private final String distal;

    HingeJoint(String proximal, String distal) {
        this.proximal = proximal;
        this.distal = distal;
    }

    /** The segment above the joint, as in channel names ({@code thigh}, {@code shank}). */
    public String proximal() {
        return proximal;
    }

    /** The segment below the joint, as in channel names ({@code shank}, {@code foot}). */
    public String distal() {
        return distal;
    }

    /**
     * The joint angle over a whole recording: {@link StreamingJointAngle} driven over its arrays,
     * so the angles are those a live analysis of the same samples reports (joint axes from the
     * first movement after calibration).
     *
     * @param proximal the proximal segment's IMU (deg/s, m/s²), starting with the standing calibration period
     * @param distal   the distal segment's IMU over the same samples
     * @return the angle in degrees per sample, NaN during the calibration period and where a sample is missing
     * @throws IllegalArgumentException when the IMUs differ in length, or the joint axes cannot be
     *                                  found (see {@link StreamingJointAngle}, {@link JointAxisEstimator#estimate})
     */
    public double[] anglesDeg(ImuSamples proximal, ImuSamples distal, JointAngleSettings settings) {
        int n = proximal.length();
        if (distal.length() != n) {
            throw new IllegalArgumentException(this.proximal + " IMU has " + n + " samples, " + this.distal
                    + " IMU " + distal.length() + "; give both over the same samples");
        }
        double[] anglesDeg = new double[n];
        StreamingJointAngle stream = new StreamingJointAngle(this, settings, (i, deg) -> anglesDeg[(int) i] = deg);
        double[] pgx = proximal.gyrXDps();
        double[] pgy = proximal.gyrYDps();
        double[] pgz = proximal.gyrZDps();
        double[] pax = proximal.accXMps2();
        double[] pay = proximal.accYMps2();
        double[] paz = proximal.accZMps2();
        double[] dgx = distal.gyrXDps();
        double[] dgy = distal.gyrYDps();
        double[] dgz = distal.gyrZDps();
        double[] dax = distal.accXMps2();
        double[] day = distal.accYMps2();
        double[] daz = distal.accZMps2();
        for (int i = 0; i < n; i++) {
            stream.accept(pgx[i], pgy[i], pgz[i], pax[i], pay[i], paz[i], dgx[i], dgy[i], dgz[i], dax[i], day[i], daz[i]);
        }
        stream.end();
        if (stream.failure().isPresent()) {
            throw new IllegalArgumentException(stream.failure().get());
        }
        return anglesDeg;
    }

    /** Whether {@code side} of the recording has the gyroscopes of both segments this joint needs. */
    public boolean hasImus(Recording recording, Side side) {
        return ImuChannels.find(recording, side, proximal).isPresent()
                && ImuChannels.find(recording, side, distal).isPresent();
    }

    /**
     * The joint angle of one side of a recording from its IMUs named
     * {@code <side>.<proximal>.gyr_x_<unit>} … {@code <side>.<proximal>.acc_z_<unit>} and
     * {@code <side>.<distal>.…}, brought to deg/s and m/s² by {@link ImuChannels} (unit from the
     * name, else by plausibility).
     *
     * @return the angle in degrees per sample as in {@link #anglesDeg(ImuSamples, ImuSamples,
     *         JointAngleSettings)}, or empty when the side lacks either segment's gyroscope
     * @throws IllegalArgumentException when the settings' sampling rate is not the recording's, an
     *                                  IMU has no accelerometer of known unit, or see
     *                                  {@link JointAxisEstimator#estimate}
     */
    public Optional<double[]> anglesDeg(Recording recording, Side side, JointAngleSettings settings) {
        if (settings.sampleRateHz() != recording.sampleRateHz()) {
            throw new IllegalArgumentException("settings are for " + settings.sampleRateHz() + " Hz but "
                    + recording.source() + " is sampled at " + recording.sampleRateHz()
                    + " Hz; make the settings with JointAngleSettings.defaults(recording.sampleRateHz())");
        }
        Optional<ImuChannels> upper = ImuChannels.find(recording, side, proximal);
        Optional<ImuChannels> lower = ImuChannels.find(recording, side, distal);
        if (upper.isEmpty() || lower.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(anglesDeg(ImuSamples.of(upper.get()), ImuSamples.of(lower.get()), settings));
    }
}
