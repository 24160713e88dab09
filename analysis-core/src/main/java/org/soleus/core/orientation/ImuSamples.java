package org.soleus.core.orientation;

import java.util.Objects;
import org.soleus.core.imu.ImuChannels;

/**
 * The six signals of one IMU over a recording as primitive arrays: angular rate in deg/s and
 * specific force (acceleration minus gravity, as an accelerometer reads it) in m/s², all of one
 * length. Missing samples are NaN. The arrays are shared, not copied; this holder is immutable
 * but the arrays are not, so it is thread-safe only as long as nobody writes into them.
 */
public final class ImuSamples {
    private final double[] gyrXDps;
    private final double[] gyrYDps;
    private final double[] gyrZDps;
    private final double[] accXMps2;
    private final double[] accYMps2;
    private final double[] accZMps2;

    /**
     * @throws IllegalArgumentException when the six arrays do not have one length
     */
    public ImuSamples(double[] gyrXDps, double[] gyrYDps, double[] gyrZDps,
                      double[] accXMps2, double[] accYMps2, double[] accZMps2) {
        this.gyrXDps = Objects.requireNonNull(gyrXDps, "gyrXDps");
        this.gyrYDps = Objects.requireNonNull(gyrYDps, "gyrYDps");
        this.gyrZDps = Objects.requireNonNull(gyrZDps, "gyrZDps");
        this.accXMps2 = Objects.requireNonNull(accXMps2, "accXMps2");
        this.accYMps2 = Objects.requireNonNull(accYMps2, "accYMps2");
        this.accZMps2 = Objects.requireNonNull(accZMps2, "accZMps2");
        int n = gyrXDps.length;
        if (gyrYDps.length != n || gyrZDps.length != n || accXMps2.length != n || accYMps2.length != n
                || accZMps2.length != n) {
            throw new IllegalArgumentException("IMU signals have lengths " + n + ", " + gyrYDps.length + ", "
                    + gyrZDps.length + ", " + accXMps2.length + ", " + accYMps2.length + ", " + accZMps2.length
                    + "; give six signals of one sensor over the same samples");
        }
    }

    /**
     * The signals of an IMU found in a recording, brought to deg/s and m/s² by the factors
     * {@link ImuChannels} decided from the channel names or the plausibility of the values.
     *
     * @throws IllegalArgumentException when the IMU has no accelerometer of known unit
     */
    public static ImuSamples of(ImuChannels channels) {
        double[][] gyro = channels.gyroDps();
        double[][] acc = channels.accelerationMps2();
        return new ImuSamples(gyro[0], gyro[1], gyro[2], acc[0], acc[1], acc[2]);
    }

    /** Number of samples. */
    public int length() {
        return gyrXDps.length;
    }

    /** Angular rate about the sensor's x axis, deg/s. */
    public double[] gyrXDps() {
        return gyrXDps;
    }

    /** Angular rate about the sensor's y axis, deg/s. */
    public double[] gyrYDps() {
        return gyrYDps;
    }

    /** Angular rate about the sensor's z axis, deg/s. */
    public double[] gyrZDps() {
        return gyrZDps;
    }

    /** Specific force along the sensor's x axis, m/s². */
    public double[] accXMps2() {
        return accXMps2;
    }

    /** Specific force along the sensor's y axis, m/s². */
    public double[] accYMps2() {
        return accYMps2;
    }

    /** Specific force along the sensor's z axis, m/s². */
    public double[] accZMps2() {
        return accZMps2;
    }
}
