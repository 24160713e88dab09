package org.soleus.core.exercise;

import org.soleus.core.orientation.MahonyFilter;

/**
 * Which way is up in a foot IMU's own frame, sample by sample: a {@link MahonyFilter} on the
 * foot's gyroscope and accelerometer (any mounting), held over a short run of missing samples
 * and realigned to the accelerometer after a longer one. {@link CalfRaiseDetector} reads the
 * heel-rise angle as the tilt of this vector from its flat-foot direction. No allocation per
 * sample. Not thread-safe.
 */
final class FootUpTracker {
    /** Proportional gain of the foot's Mahony filter, 1/s. */
    static final double PROPORTIONAL_GAIN = 1.0;
    /** Integral gain of the foot's Mahony filter, 1/s². */
    static final double INTEGRAL_GAIN = 0.02;
    /** Angular rate at which the filter's accelerometer feedback is halved, deg/s. */
    static final double FEEDBACK_HALF_RATE_DPS = 60.0;
    /** Longest run of missing IMU samples bridged (holding the filter's state), s; after a longer one it realigns. */
    static final double MAX_GAP_S = 0.25;

    private final MahonyFilter filter = new MahonyFilter(PROPORTIONAL_GAIN, INTEGRAL_GAIN, FEEDBACK_HALF_RATE_DPS);
    /** Time of the last sample with a complete IMU reading, s; NaN before the first. */
    private double lastTimeS = Double.NaN;
    private double upX = Double.NaN;
    private double upY = Double.NaN;
    private double upZ = Double.NaN;

    /**
     * Advances the filter over the time since its last complete sample, or aligns it to the
     * accelerometer after a longer gap, and sets the current up vector: the filter's, held over a
     * short gap; NaN without an IMU or after a longer gap.
     *
     * @param timeS sample time, s (rising)
     * @param gx    angular rate about the sensor's x axis, deg/s (NaN when missing)
     * @param gy    about its y axis
     * @param gz    about its z axis
     * @param ax    specific force along x, any unit (only its direction is used)
     * @param ay    along y
     * @param az    along z
     */
    void track(double timeS, double gx, double gy, double gz, double ax, double ay, double az) {
        double norm2 = ax * ax + ay * ay + az * az;
        double gapS = timeS - lastTimeS;
        boolean bridged = gapS > 0 && gapS <= MAX_GAP_S;
        if (Double.isNaN(gx + gy + gz) || !(norm2 > 0) || Double.isInfinite(norm2)) {
            if (!bridged) {
                upX = Double.NaN;
                upY = Double.NaN;
                upZ = Double.NaN;
            }
            return;
        }
        if (bridged) {
            filter.update(gx, gy, gz, ax, ay, az, gapS);
        } else {
            filter.alignToGravity(ax, ay, az);
        }
        lastTimeS = timeS;
        upX = filter.upX();
        upY = filter.upY();
        upZ = filter.upZ();
    }

    /** X component of the unit up vector in the sensor frame, or NaN. */
    double upX() {
        return upX;
    }

    /** Y component of the up vector, or NaN. */
    double upY() {
        return upY;
    }

    /** Z component of the up vector, or NaN. */
    double upZ() {
        return upZ;
    }
}
