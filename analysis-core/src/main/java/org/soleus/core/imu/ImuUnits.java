package org.soleus.core.imu;

import java.util.Arrays;
import java.util.Locale;
import org.soleus.core.recording.Gravity;

/**
 * Unit conversion of IMU channels to deg/s (angular rate) and m/s² (acceleration): from the
 * unit token of a channel name where it names a known unit, else by plausibility of the values.
 *
 * <p>Plausibility rests on what a walking body can do. A foot or shank gyroscope in walking
 * peaks at 150–800 deg/s, that is 2.6–14 rad/s. The gyroscope's own peak is taken as the
 * magnitude about the per-axis median (so a constant bias does not count) that only the largest
 * 0.5 % of samples, and at most 200 of them, exceed: a short walk in a long recording still
 * shows, a few glitches do not. A peak of {@value #RADIANS_BELOW} or more is in deg/s (a rad/s
 * sensor would be turning at over 1400 deg/s). A peak below {@value #RESTING_BELOW} is a sensor
 * at rest or barely moving, and is read as deg/s: in rad/s it would be too slow for a step
 * anyway, while reading resting noise of a few deg/s as rad/s would turn it into swings of
 * hundreds of deg/s. In between, rad/s. A recording that only stands and fidgets at
 * {@value #RESTING_BELOW}–{@value #RADIANS_BELOW} deg/s, or only shuffles at under
 * {@value #RESTING_BELOW} rad/s, is read wrongly; name the unit in the channel to be sure.
 *
 * <p>At rest an accelerometer reads gravity,
 * 9.81 m/s² or 1 g, and the median magnitude over a recording stays near it: a median between
 * 0.5 and 2 means g, between 5 and 20 means m/s². Stateless and thread-safe.
 */
public final class ImuUnits {
    /** Degrees per radian. */
    public static final double DEGREES_PER_RADIAN = 180.0 / Math.PI;
    /** Below this peak (and from {@link #RESTING_BELOW} on) an angular rate of unknown unit is taken to be in rad/s. */
    public static final double RADIANS_BELOW = 25.0;
    /** Below this peak an angular rate of unknown unit is a sensor at rest, read as deg/s. */
    public static final double RESTING_BELOW = 3.0;
    private static final double PEAK_SHARE = 0.005;
    private static final int PEAK_SAMPLES = 200;

    private ImuUnits() {
    }

    /**
     * Factor from a named angular-rate unit to deg/s: {@code dps}, {@code degs}, {@code degps} → 1;
     * {@code mdps} → 0.001; {@code rads}, {@code radps}, {@code rps} → 180/π.
     *
     * @return the factor, or NaN when the unit is not one of these
     */
    public static double angularRateToDps(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "dps", "degs", "degps", "degpers" -> 1.0;
            case "mdps" -> 0.001;
            case "rads", "radps", "rps", "radpers" -> DEGREES_PER_RADIAN;
            default -> Double.NaN;
        };
    }

    /**
     * Factor from a named acceleration unit to m/s²: {@code mps2}, {@code ms2} → 1; {@code g} →
     * 9.80665; {@code mg} → 0.00980665.
     *
     * @return the factor, or NaN when the unit is not one of these
     */
    public static double accelerationToMps2(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "mps2", "ms2" -> 1.0;
            case "g" -> Gravity.STANDARD_MPS2;
            case "mg" -> Gravity.STANDARD_MPS2 / 1000.0;
            default -> Double.NaN;
        };
    }

    /**
     * The factor to deg/s judged from the values: 180/π when the rate's peak (see the class
     * notes) lies within [{@value #RESTING_BELOW}, {@value #RADIANS_BELOW}), else 1.
     *
     * @return the factor, or NaN when no sample is finite
     */
    public static double plausibleAngularRateToDps(float[] x, float[] y, float[] z) {
        double p = peakAboutMedian(x, y, z);
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        return p >= RESTING_BELOW && p < RADIANS_BELOW ? DEGREES_PER_RADIAN : 1.0;
    }

    /**
     * The magnitude about the per-axis median exceeded by only the largest 0.5 % of samples, at
     * most 200 of them, over samples where all three axes are finite; NaN if none are.
     */
    static double peakAboutMedian(float[] x, float[] y, float[] z) {
        double[][] axes = {finite(x, x, y, z), finite(y, x, y, z), finite(z, x, y, z)};
        int n = axes[0].length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] m = new double[n];
        for (double[] axis : axes) {
            double[] sorted = axis.clone();
            Arrays.sort(sorted);
            double median = sorted[(n - 1) / 2];
            for (int i = 0; i < n; i++) {
                m[i] += (axis[i] - median) * (axis[i] - median);
            }
        }
        Arrays.sort(m);
        int above = Math.max(0, Math.min((int) Math.round(PEAK_SHARE * n), PEAK_SAMPLES));
        return Math.sqrt(m[n - 1 - Math.min(above, n - 1)]);
    }

    /** The values of {@code v} at the samples where all three axes are finite. */
    private static double[] finite(float[] v, float[] x, float[] y, float[] z) {
        requireSameLength(x, y, z);
        double[] out = new double[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (Float.isFinite(x[i]) && Float.isFinite(y[i]) && Float.isFinite(z[i])) {
                out[n++] = v[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void requireSameLength(float[] x, float[] y, float[] z) {
        if (x.length != y.length || x.length != z.length) {
            throw new IllegalArgumentException("axes have " + x.length + ", " + y.length + " and " + z.length
                    + " samples; give three axes of one sensor");
        }
    }

    /**
     * The factor to m/s² judged from the values: 9.80665 when the median magnitude is within
     * [0.5, 2], 1 when it is within [5, 20].
     *
     * @return the factor, or NaN when neither holds or no sample is finite
     */
    public static double plausibleAccelerationToMps2(float[] x, float[] y, float[] z) {
        double median = magnitudeQuantile(x, y, z, 0.5);
        if (median >= 0.5 && median <= 2.0) {
            return Gravity.STANDARD_MPS2;
        }
        if (median >= 5.0 && median <= 20.0) {
            return 1.0;
        }
        return Double.NaN;
    }

    /** Quantile of the vector magnitude over samples where all three axes are finite; NaN if none are. */
    static double magnitudeQuantile(float[] x, float[] y, float[] z, double q) {
        requireSameLength(x, y, z);
        double[] m = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double v = Math.sqrt((double) x[i] * x[i] + (double) y[i] * y[i] + (double) z[i] * z[i]);
            if (!Double.isNaN(v)) {
                m[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(m, 0, n);
        return m[(int) Math.round(q * (n - 1))];
    }
}
