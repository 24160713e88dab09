package org.soleus.core.imu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * The gyroscope (and, where present, accelerometer) channels of one IMU in a recording, with
 * the factors that bring them to deg/s and m/s². Channels are named
 * {@code <side>.<place>.gyr_x_<unit>}, {@code …gyr_y_…}, {@code …gyr_z_…} and {@code …acc_x_…} …;
 * the factors come from the unit tokens where {@link ImuUnits} knows them, else from the
 * plausibility of the values, and {@link #unitNote()} says which.
 *
 * @param side        body side
 * @param place       where the IMU sits ({@code foot}, {@code insole}, {@code shank}, …)
 * @param gyro        the x, y and z angular-rate channels
 * @param gyroToDps   factor to deg/s
 * @param acc         the x, y and z acceleration channels, or empty when the IMU has none
 * @param accToMps2   factor to m/s²; NaN when there is no accelerometer or its unit could not be told
 * @param unitNote    how the factors were decided, for messages
 */
public record ImuChannels(Side side, String place, List<Channel> gyro, double gyroToDps, List<Channel> acc,
                          double accToMps2, String unitNote) {

    /** Places that hold a foot-worn IMU, in the order they are looked for. */
    public static final List<String> FOOT_PLACES = List.of("foot", "insole", "shoe");
    /** Place of a shank-worn IMU. */
    public static final String SHANK_PLACE = "shank";

    public ImuChannels {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(place, "place");
        gyro = List.copyOf(gyro);
        acc = List.copyOf(acc);
        Objects.requireNonNull(unitNote, "unitNote");
        if (gyro.size() != 3) {
            throw new IllegalArgumentException("an IMU needs three gyroscope axes, got " + gyro.size());
        }
        if (!acc.isEmpty() && acc.size() != 3) {
            throw new IllegalArgumentException("an accelerometer needs three axes, got " + acc.size());
        }
        if (!(gyroToDps > 0) || Double.isInfinite(gyroToDps)) {
            throw new IllegalArgumentException("angular-rate factor must be > 0, got " + gyroToDps);
        }
    }

    /**
     * The first foot-worn IMU of one side, looked for under {@link #FOOT_PLACES}.
     *
     * @throws IllegalArgumentException when the angular-rate unit is neither named nor plausible
     */
    public static Optional<ImuChannels> foot(Recording recording, Side side) {
        for (String place : FOOT_PLACES) {
            Optional<ImuChannels> imu = find(recording, side, place);
            if (imu.isPresent()) {
                return imu;
            }
        }
        return Optional.empty();
    }

    /**
     * The IMU of one side and place, when the recording has its three gyroscope axes.
     *
     * @throws IllegalArgumentException when the angular-rate unit is neither named nor plausible
     */
    public static Optional<ImuChannels> find(Recording recording, Side side, String place) {
        List<Channel> gyro = axes(recording, side, place, "gyr");
        if (gyro.isEmpty()) {
            return Optional.empty();
        }
        List<Channel> acc = axes(recording, side, place, "acc");
        List<String> notes = new ArrayList<>();
        double gyroToDps = factor(gyro, true, notes);
        if (Double.isNaN(gyroToDps)) {
            throw new IllegalArgumentException("the angular rate of " + side.label() + "." + place + " in "
                    + recording.source() + " has no finite sample, so its unit cannot be told");
        }
        double accToMps2 = acc.isEmpty() ? Double.NaN : factor(acc, false, notes);
        return Optional.of(new ImuChannels(side, place, gyro, gyroToDps, acc, accToMps2, String.join("; ", notes)));
    }

    /**
     * Angular rates in deg/s as three new arrays (x, y, z); NaN stays NaN, and a sample beyond
     * {@link GyroRange} is the one before it ({@link GyroRange#holdOutOfRange}).
     */
    public double[][] gyroDps() {
        double[][] dps = scaled(gyro, gyroToDps);
        for (double[] axis : dps) {
            GyroRange.holdOutOfRange(axis);
        }
        return dps;
    }

    /** The gyroscope samples beyond {@link GyroRange}, over the three axes. */
    public int gyroSamplesOutOfRange() {
        int n = 0;
        for (Channel axis : gyro) {
            for (float v : axis.samples()) {
                n += GyroRange.beyond(v * gyroToDps) ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * The parts of {@link #unitNote()} on units that the channel names do not give, which were
     * judged by the plausibility of the values (or could not be); empty when both are named.
     */
    public List<String> judgedUnits() {
        return Arrays.stream(unitNote.split("; ")).filter(note -> note.contains("' unknown")).toList();
    }

    /** The sensor's name in messages: {@code left.shank}. */
    public String sensor() {
        return side.label() + "." + place;
    }

    /**
     * Accelerations in m/s² as three new arrays (x, y, z); NaN stays NaN.
     *
     * @throws IllegalArgumentException when there is no accelerometer or its unit is unknown
     */
    public double[][] accelerationMps2() {
        if (acc.isEmpty() || Double.isNaN(accToMps2)) {
            throw new IllegalArgumentException("no accelerometer of known unit at " + side.label() + "." + place
                    + " (" + unitNote + ")");
        }
        return scaled(acc, accToMps2);
    }

    private static List<Channel> axes(Recording recording, Side side, String place, String sensor) {
        Channel[] found = new Channel[3];
        for (Channel c : recording.channels(side, place)) {
            String q = c.name().quantity();
            for (int a = 0; a < 3; a++) {
                if (q.equals(sensor + "_" + "xyz".charAt(a)) && found[a] == null) {
                    found[a] = c;
                }
            }
        }
        return found[0] == null || found[1] == null || found[2] == null ? List.of() : List.of(found);
    }

    private static double factor(List<Channel> axes, boolean gyro, List<String> notes) {
        String unit = axes.get(0).name().unit();
        String what = gyro ? "angular rate" : "acceleration";
        boolean sameUnit = axes.stream().allMatch(c -> c.name().unit().equals(unit));
        double named = !sameUnit ? Double.NaN : gyro ? ImuUnits.angularRateToDps(unit) : ImuUnits.accelerationToMps2(unit);
        if (!Double.isNaN(named)) {
            notes.add(what + " unit '" + unit + "'");
            return named;
        }
        float[] x = axes.get(0).samples();
        float[] y = axes.get(1).samples();
        float[] z = axes.get(2).samples();
        double guessed = gyro ? ImuUnits.plausibleAngularRateToDps(x, y, z) : ImuUnits.plausibleAccelerationToMps2(x, y, z);
        String label = gyro ? (guessed == 1.0 ? "deg/s" : "rad/s") : (guessed == 1.0 ? "m/s²" : "g");
        notes.add(Double.isNaN(guessed) ? what + " unit '" + unit + "' unknown and not plausible"
                : what + " unit '" + unit + "' unknown, read as " + label + " by plausibility");
        return guessed;
    }

    private static double[][] scaled(List<Channel> axes, double factor) {
        double[][] out = new double[3][];
        for (int a = 0; a < 3; a++) {
            float[] s = axes.get(a).samples();
            double[] d = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                d[i] = s[i] * factor;
            }
            out[a] = d;
        }
        return out;
    }
}
