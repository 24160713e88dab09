package org.soleus.core.synthetic;

import java.util.Objects;
import org.soleus.core.recording.Side;

/**
 * How one synthetic IMU sits on its segment: a fixed rotation from the segment frame (the
 * identity mounting described in {@link SyntheticRecording}) to the sensor frame, as intrinsic
 * z-y'-x'' (yaw, pitch, roll) angles. The sensor reports {@code Rᵀ·v} for a segment-frame vector
 * {@code v}, where {@code R = Rz(yaw)·Ry(pitch)·Rx(roll)} holds the sensor axes in segment
 * coordinates. Use it to test that an algorithm does not depend on how a device is strapped on.
 *
 * @param side     the leg
 * @param segment  {@code foot}, {@code shank} or {@code thigh}
 * @param yawDeg   rotation about the segment z axis, degrees
 * @param pitchDeg then about the new y axis, degrees
 * @param rollDeg  then about the new x axis, degrees
 */
public record ImuMounting(Side side, String segment, double yawDeg, double pitchDeg, double rollDeg) {
    public ImuMounting {
        Objects.requireNonNull(side, "side");
        if (side == Side.NONE) {
            throw new IllegalArgumentException("an IMU mounting belongs to the left or right leg");
        }
        if (!("foot".equals(segment) || "shank".equals(segment) || "thigh".equals(segment))) {
            throw new IllegalArgumentException("segment must be foot, shank or thigh, got '" + segment + "'");
        }
        for (double a : new double[] {yawDeg, pitchDeg, rollDeg}) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("mounting angles must be finite, got " + a);
            }
        }
    }

    /** The rotation {@code R} (sensor axes in segment coordinates), row-major 3 × 3, in a new array. */
    double[] matrix() {
        double cy = Math.cos(Math.toRadians(yawDeg));
        double sy = Math.sin(Math.toRadians(yawDeg));
        double cp = Math.cos(Math.toRadians(pitchDeg));
        double sp = Math.sin(Math.toRadians(pitchDeg));
        double cr = Math.cos(Math.toRadians(rollDeg));
        double sr = Math.sin(Math.toRadians(rollDeg));
        return new double[] {
            cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr,
            sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr,
            -sp, cp * sr, cp * cr};
    }
}
