package org.soleus.core.imu;

import java.util.List;
import java.util.Optional;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;

/**
 * Where the six signals of one IMU sit in the rows of a sample stream, with the factors that
 * bring them to deg/s and m/s²: the streaming counterpart of {@link ImuChannels}, which has the
 * whole recording and may judge an unnamed unit by the plausibility of the values. A stream
 * announces only names, so here both units must be named ({@link ImuUnits#angularRateToDps},
 * {@link ImuUnits#accelerationToMps2}), one unit for the three axes of a sensor; where
 * {@link ImuChannels} takes a named unit, it takes the same factor.
 *
 * @param gyrX      row index of the x angular rate
 * @param gyrY      row index of the y angular rate
 * @param gyrZ      row index of the z angular rate
 * @param accX      row index of the x acceleration
 * @param accY      row index of the y acceleration
 * @param accZ      row index of the z acceleration
 * @param gyroToDps factor to deg/s
 * @param accToMps2 factor to m/s²
 */
public record ImuColumns(int gyrX, int gyrY, int gyrZ, int accX, int accY, int accZ, double gyroToDps,
                         double accToMps2) {

    public ImuColumns {
        if (gyrX < 0 || gyrY < 0 || gyrZ < 0 || accX < 0 || accY < 0 || accZ < 0) {
            throw new IllegalArgumentException("row indices must be >= 0, got gyroscope " + gyrX + ", " + gyrY + ", "
                    + gyrZ + " and accelerometer " + accX + ", " + accY + ", " + accZ);
        }
        if (!(gyroToDps > 0) || Double.isInfinite(gyroToDps) || !(accToMps2 > 0) || Double.isInfinite(accToMps2)) {
            throw new IllegalArgumentException("unit factors must be finite and > 0, got " + gyroToDps + " to deg/s and "
                    + accToMps2 + " to m/s²");
        }
    }

    /**
     * The IMU {@code <side>.<place>.gyr_x_<unit>} … {@code <side>.<place>.acc_z_<unit>} in a
     * stream's channels, when all six are there and both units are named and known.
     */
    public static Optional<ImuColumns> find(List<ChannelName> channels, Side side, String place) {
        int[] gyro = axes(channels, side, place, "gyr");
        int[] acc = axes(channels, side, place, "acc");
        if (gyro == null || acc == null) {
            return Optional.empty();
        }
        double gyroToDps = ImuUnits.angularRateToDps(unit(channels, gyro));
        double accToMps2 = ImuUnits.accelerationToMps2(unit(channels, acc));
        if (Double.isNaN(gyroToDps) || Double.isNaN(accToMps2)) {
            return Optional.empty();
        }
        return Optional.of(new ImuColumns(gyro[0], gyro[1], gyro[2], acc[0], acc[1], acc[2], gyroToDps, accToMps2));
    }

    /** First x, y and z channel of a sensor, as {@link ImuChannels} picks them, or null. */
    private static int[] axes(List<ChannelName> channels, Side side, String place, String sensor) {
        int[] found = {-1, -1, -1};
        for (int i = 0; i < channels.size(); i++) {
            ChannelName c = channels.get(i);
            if (c.side() != side || !c.place().equals(place)) {
                continue;
            }
            for (int a = 0; a < 3; a++) {
                if (c.quantity().equals(sensor + "_" + "xyz".charAt(a)) && found[a] < 0) {
                    found[a] = i;
                }
            }
        }
        return found[0] < 0 || found[1] < 0 || found[2] < 0 ? null : found;
    }

    /** The three axes' common unit, or "" when they differ. */
    private static String unit(List<ChannelName> channels, int[] axes) {
        String unit = channels.get(axes[0]).unit();
        return channels.get(axes[1]).unit().equals(unit) && channels.get(axes[2]).unit().equals(unit) ? unit : "";
    }
}
