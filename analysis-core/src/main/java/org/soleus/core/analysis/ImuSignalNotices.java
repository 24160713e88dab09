package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.soleus.core.imu.GyroRange;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Notices on a recording's IMU signals, for {@link LegLoadAnalyzer}: gyroscope samples beyond
 * {@link GyroRange}, which the analysis takes as the sample before them; a gyroscope too slow
 * to show a step; units judged from the values. One line each, for
 * standard error and {@code summary.json}. Stateless.
 */
final class ImuSignalNotices {
    /** The percentile of the rate that {@link #gyroTooSlowForSteps} looks at: a swing lasts about 40 % of a stride. */
    private static final double RATE_PERCENTILE_PCT = 98;
    /** Degrees per radian: the factor of a gyroscope read in rad/s. */
    private static final double DPS_PER_RADIAN = 180 / Math.PI;
    /**
     * The share of a rad/s gyroscope's samples beyond {@link GyroRange} from which its unit is in
     * doubt ({@link #gyroOutOfRange}): garbled values are single samples, while deg/s read as
     * rad/s put every fast swing beyond it.
     */
    private static final double MANY_BEYOND_SHARE = 0.01;
    /** Strides of a foot from which {@link #legGyroTooSlowWhileWalking} expects its leg's IMUs to turn. */
    private static final int MIN_WALKING_STRIDES = 5;
    /** The rate a walking leg's segments exceed in every swing, deg/s ({@link #legGyroTooSlowWhileWalking}). */
    private static final double TURNING_DPS = 20;
    /** The least time a walking leg's IMU turns faster than {@link #TURNING_DPS} per stride of its foot, s. */
    private static final double MIN_TURNING_S_PER_STRIDE = 0.05;
    /** The leg IMUs' places. */
    private static final List<String> LEG_PLACES = List.of("foot", "shank", "thigh");
    /** The places of the IMUs the analysis reads: the foot's (by its names) and the leg's. */
    private static final List<String> IMU_PLACES = Stream.concat(ImuChannels.FOOT_PLACES.stream(),
            LEG_PLACES.stream()).distinct().toList();
    /** The shortest recording in which {@link #gyroTooSlowForSteps} expects steps, s: a few strides at any walking tempo. */
    private static final double MIN_WALK_S = 5;

    private ImuSignalNotices() {
    }

    /**
     * The IMUs whose units the channel names do not give, so that they were judged from the
     * values ({@link ImuChannels#judgedUnits()}): every figure from them rests on that judgement.
     */
    static Optional<String> unitsJudged(Recording recording) {
        Map<String, List<String>> sensorsByNote = new LinkedHashMap<>();
        for (ImuChannels imu : imus(recording)) {
            for (String note : imu.judgedUnits()) {
                sensorsByNote.computeIfAbsent(note, n -> new ArrayList<>()).add(imu.sensor());
            }
        }
        if (sensorsByNote.isEmpty()) {
            return Optional.empty();
        }
        List<String> judged = new ArrayList<>();
        sensorsByNote.forEach((note, sensors) -> judged.add(note + " (" + String.join(", ", sensors) + ")"));
        return Optional.of("IMU units not named in the channel names, judged from the values: " + String.join("; ", judged)
                + "; name them (_dps or _rps, _mps2 or _g: docs/recording-format.md) to be sure");
    }

    /**
     * The leg IMUs (on the foot, insole, shoe, shank or thigh) with a gyroscope or accelerometer
     * of one or two of its three axes ({@code <sensor>_x}, {@code _y}, {@code _z}): the analysis
     * uses a sensor only with all three (its axes are found from the data), so such a sensor is
     * not used, as if it were not there.
     */
    static Optional<String> incompleteAxes(Recording recording) {
        Map<String, List<String>> axesBySensor = new LinkedHashMap<>();
        for (ChannelName name : recording.channelNames()) {
            String q = name.quantity();
            boolean axis = (q.startsWith("gyr_") || q.startsWith("acc_")) && q.length() == 5 && "xyz".indexOf(q.charAt(4)) >= 0;
            if (axis && name.side() != Side.NONE && IMU_PLACES.contains(name.place())) {
                axesBySensor.computeIfAbsent(name.side().label() + "." + name.place() + "." + q.substring(0, 3),
                        k -> new ArrayList<>()).add(q);
            }
        }
        List<String> incomplete = new ArrayList<>();
        axesBySensor.forEach((sensor, axes) -> {
            List<String> distinct = axes.stream().distinct().sorted().toList();
            if (distinct.size() < 3) {
                incomplete.add(sensor + " (" + String.join(", ", distinct) + " only)");
            }
        });
        return incomplete.isEmpty() ? Optional.empty() : Optional.of("IMU sensors without all three axes, not used: "
                + String.join(", ", incomplete) + "; a gyroscope or accelerometer is used only with its x, y and z");
    }

    /** The recording's IMUs with three gyroscope axes, but those whose rate has a unit that cannot be told. */
    private static List<ImuChannels> imus(Recording recording) {
        Set<Sensor> sensors = new LinkedHashSet<>();
        for (ChannelName name : recording.channelNames()) {
            if (name.quantity().startsWith("gyr_")) {
                sensors.add(new Sensor(name.side(), name.place()));
            }
        }
        List<ImuChannels> imus = new ArrayList<>();
        for (Sensor sensor : sensors) {
            try {
                ImuChannels.find(recording, sensor.side(), sensor.place()).ifPresent(imus::add);
            } catch (IllegalArgumentException e) {
                // a rate of unknown unit: the analysis that reads the sensor says so
            }
        }
        return imus;
    }

    /**
     * The sensors whose gyroscope has samples beyond {@link GyroRange#MAX_DPS} (in deg/s by the
     * unit {@link ImuChannels} reads them in), with how many; where a gyroscope in rad/s has more
     * than {@link #MANY_BEYOND_SHARE} of its samples beyond, a hint that its rate is in deg/s.
     */
    static Optional<String> gyroOutOfRange(Recording recording) {
        List<String> counts = new ArrayList<>();
        boolean radiansMostlyBeyond = false;
        for (ImuChannels imu : imus(recording)) {
            int beyond = imu.gyroSamplesOutOfRange();
            if (beyond > 0) {
                counts.add(imu.sensor() + " " + beyond);
                radiansMostlyBeyond |= namedInRadians(imu) && beyond > MANY_BEYOND_SHARE * 3 * recording.length();
            }
        }
        return counts.isEmpty() ? Optional.empty() : Optional.of("gyroscope samples beyond ±"
                + (int) GyroRange.MAX_DPS + " deg/s, a rate no body segment reaches (" + String.join(", ", counts)
                + "): each taken as the sample before it" + (radiansMostlyBeyond ? "; so many in a rate named in rad/s"
                + " suggest deg/s: if so, name it _dps (read as rad/s, it is 57 times too fast)" : ""));
    }

    /**
     * The foot gyroscopes (else shank gyroscopes) of feet without an insole that gave no event in
     * a recording of at least {@value #MIN_WALK_S} s, whose rate stays below the least mid-swing
     * peak a step needs ({@link ImuSettings#defaults()}; a walking foot's or shank's swing turns at
     * several hundred deg/s) in {@value #RATE_PERCENTILE_PCT} % of the samples, about each axis's
     * median: such a sensor shows no step. It was not worn while walking (a recording of exercises
     * only), or, where it is named in deg/s, its rate may be in rad/s, which reads 57 times too slow.
     */
    static Optional<String> gyroTooSlowForSteps(Recording recording, GaitAnalysis gait) {
        if (recording.durationS() < MIN_WALK_S) {
            return Optional.empty();
        }
        ImuSettings settings = ImuSettings.defaults();
        List<String> sensors = new ArrayList<>();
        List<String> ratesDps = new ArrayList<>();
        Set<String> neededDps = new LinkedHashSet<>();
        boolean namedInDegrees = false;
        Set<Side> insoles = new LinkedHashSet<>();
        InsoleChannels.forceChannels(recording.channelNames()).forEach(name -> insoles.add(name.side()));
        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            if (insoles.contains(side) || gait.events().stream().anyMatch(e -> e.side() == side)) {
                continue;
            }
            Optional<ImuChannels> imu;
            double minPeakDps;
            try {
                imu = ImuChannels.foot(recording, side);
                minPeakDps = settings.events().minSwingPeakDps();
                if (imu.isEmpty()) {
                    imu = ImuChannels.find(recording, side, ImuChannels.SHANK_PLACE);
                    minPeakDps = settings.shankEvents().minSwingPeakDps();
                }
            } catch (IllegalArgumentException e) {
                continue; // a rate of unknown unit: the analysis that reads the sensor says so
            }
            if (imu.isPresent()) {
                double rateDps = rateAboutMedian(imu.get().gyroDps());
                if (rateDps < minPeakDps) {
                    sensors.add(imu.get().sensor());
                    ratesDps.add(String.format(Locale.ROOT, "%.3g", rateDps));
                    neededDps.add(String.format(Locale.ROOT, "%.0f", minPeakDps));
                    namedInDegrees |= imu.get().gyro().get(0).name().unit().equals("dps");
                }
            }
        }
        if (sensors.isEmpty()) {
            return Optional.empty();
        }
        boolean one = sensors.size() == 1;
        return Optional.of("no steps in the gyroscope of " + String.join(" or ", sensors) + ": " + (one ? "its" : "their")
                + " rate stays below " + String.join(" and ", ratesDps) + " deg/s in " + (int) RATE_PERCENTILE_PCT
                + " % of the samples, where a swing needs " + String.join(" and ", neededDps) + " deg/s (a walking foot or"
                + " shank turns at several hundred in swing): no walking in " + (one ? "it" : "them") + "?"
                + (namedInDegrees ? " If the rate is in rad/s, name it _rads (read as deg/s, it is 57 times too slow)" : ""));
    }

    /**
     * The leg IMUs (foot, shank, thigh) whose gyroscope hardly turns while the insole of their
     * foot walks {@value #MIN_WALKING_STRIDES} strides or more: they turn faster than
     * {@value #TURNING_DPS} deg/s about the mean for less than {@value #MIN_TURNING_S_PER_STRIDE} s
     * a stride of that foot, where a walking leg's segments turn at 100 deg/s and more in every
     * swing (some 0.4 s of a stride). Counted per stride, so that standing between the walks does
     * not count against a sensor. Such a sensor was not on the leg, or its rate, named in
     * deg/s, is in rad/s (57 times too slow), and the figures from it (knee, ankle, calf raises)
     * are wrong. One pass over the samples, no sort.
     */
    static Optional<String> legGyroTooSlowWhileWalking(Recording recording, GaitAnalysis gait) {
        List<String> slow = new ArrayList<>();
        boolean namedInDegrees = false;
        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            long strides = gait.strides().stream().filter(r -> r.stride().side() == side).count();
            if (strides < MIN_WALKING_STRIDES) {
                continue;
            }
            for (String place : LEG_PLACES) {
                Optional<ImuChannels> imu;
                try {
                    imu = ImuChannels.find(recording, side, place);
                } catch (IllegalArgumentException e) {
                    continue; // a rate of unknown unit: the analysis that reads the sensor says so
                }
                if (imu.isPresent() && turningSamples(imu.get()) / recording.sampleRateHz()
                        < MIN_TURNING_S_PER_STRIDE * strides) {
                    slow.add(imu.get().sensor());
                    namedInDegrees |= imu.get().gyro().get(0).name().unit().equals("dps");
                }
            }
        }
        if (slow.isEmpty()) {
            return Optional.empty();
        }
        boolean one = slow.size() == 1;
        return Optional.of("the gyroscope" + (one ? " of " : "s of ") + String.join(", ", slow) + " hardly turn"
                + (one ? "s" : "") + " while the foot walks (faster than " + (int) TURNING_DPS + " deg/s for under "
                + MIN_TURNING_S_PER_STRIDE + " s a stride; a walking leg turns at 100 deg/s and more in every swing):"
                + " not on the leg?" + (namedInDegrees ? " If the rate is in rad/s, name it _rads (read as deg/s,"
                + " it is 57 times too slow)." : "") + " The knee, ankle and calf-raise figures from "
                + (one ? "it" : "them") + " are wrong");
    }

    /**
     * The samples whose rate about the mean is above {@link #TURNING_DPS}; none without a finite
     * sample. Read off the channels' floats, without copies of a recording that may last a day.
     */
    private static int turningSamples(ImuChannels imu) {
        float[] x = imu.gyro().get(0).samples();
        float[] y = imu.gyro().get(1).samples();
        float[] z = imu.gyro().get(2).samples();
        double sx = 0;
        double sy = 0;
        double sz = 0;
        int finite = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Float.isNaN(x[i] + y[i] + z[i])) {
                sx += x[i];
                sy += y[i];
                sz += z[i];
                finite++;
            }
        }
        if (finite == 0) {
            return 0;
        }
        double mx = sx / finite;
        double my = sy / finite;
        double mz = sz / finite;
        // compared in the channels' own unit
        double limit = TURNING_DPS / imu.gyroToDps();
        int turning = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            double dz = z[i] - mz;
            turning += dx * dx + dy * dy + dz * dz > limit * limit ? 1 : 0;
        }
        return turning;
    }

    /** Whether the IMU's gyroscope is named in a unit of radians per second (not judged by plausibility). */
    private static boolean namedInRadians(ImuChannels imu) {
        return Math.abs(imu.gyroToDps() - DPS_PER_RADIAN) < 1e-6 && !imu.gyro().get(0).name().unit().equals("au");
    }

    /** The {@value #RATE_PERCENTILE_PCT}th percentile of the rate's magnitude about each axis's median, deg/s; NaN without a finite sample. */
    private static double rateAboutMedian(double[][] dps) {
        double[] medians = new double[3];
        for (int a = 0; a < 3; a++) {
            double[] finite = Arrays.stream(dps[a]).filter(Double::isFinite).sorted().toArray();
            medians[a] = finite.length == 0 ? Double.NaN : finite[finite.length / 2];
        }
        double[] magnitudes = new double[dps[0].length];
        int n = 0;
        for (int i = 0; i < magnitudes.length; i++) {
            double x = dps[0][i] - medians[0];
            double y = dps[1][i] - medians[1];
            double z = dps[2][i] - medians[2];
            double m = Math.sqrt(x * x + y * y + z * z);
            if (Double.isFinite(m)) {
                magnitudes[n++] = m;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(magnitudes, 0, n);
        return magnitudes[(int) (RATE_PERCENTILE_PCT / 100 * (n - 1))];
    }

    /** A sensor: the side and place its channels share. */
    private record Sensor(Side side, String place) {
    }
}
