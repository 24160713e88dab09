package org.soleus.io.calibration;

import java.util.Locale;
import java.util.Objects;
import org.soleus.core.recording.ChannelName;

/**
 * One cell's calibration from ADC counts {@code c} to newtons:
 * {@code F = a·(c − c0)^b} ({@code b = 1} for the linear model), {@code F = 0} at and below
 * the zero offset {@code c0}. Counts above the fit range are converted by the same formula (an
 * extrapolation, which {@link CalibratingSink} counts).
 *
 * @param channel          the raw channel, {@code <side>.<place>.<quantity>_counts}
 * @param model            linear or power law
 * @param coefficient      {@code a}, N per count^b, &gt; 0
 * @param exponent         {@code b}, &gt; 0; exactly 1 for the linear model
 * @param zeroOffsetCounts {@code c0}, the reading without load, within the fit range
 * @param fitMinCounts     smallest reading the fit saw
 * @param fitMaxCounts     largest reading the fit saw, &ge; {@code fitMinCounts}; its force at most
 *                         {@link #MAX_FORCE_N}
 * @param points           number of readings fitted, &ge; 2
 * @param rmsResidualN     root mean square of the fit's residuals over those readings, N
 */
public record CellCalibration(ChannelName channel, CalibrationModel model, double coefficient, double exponent,
                              double zeroOffsetCounts, double fitMinCounts, double fitMaxCounts, int points,
                              double rmsResidualN) {
    /** The unit token of a raw channel. */
    public static final String COUNTS = "counts";
    /**
     * The most force a calibration may give at its largest reading fitted, N: two tonnes, far
     * beyond what a foot puts on an insole or one of its cells (a few body weights), and within
     * reach of a slip in a coefficient (a = 1e300, b = 14.9 for 1.49), whose forces would not
     * even fit in the recording's numbers.
     */
    public static final double MAX_FORCE_N = 20_000;

    public CellCalibration {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(model, "model");
        if (!channel.unit().equals(COUNTS)) {
            throw new IllegalArgumentException("calibrated channel " + channel + " must be in counts (<name>_counts)");
        }
        if (!(coefficient > 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException(channel + ": coefficient a must be a finite number > 0, got " + coefficient);
        }
        if (!(exponent > 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException(channel + ": exponent b must be a finite number > 0, got " + exponent);
        }
        if (model == CalibrationModel.LINEAR && exponent != 1) {
            throw new IllegalArgumentException(channel + ": a linear calibration has exponent 1, got " + exponent);
        }
        if (!Double.isFinite(zeroOffsetCounts) || !Double.isFinite(fitMinCounts) || !Double.isFinite(fitMaxCounts)
                || fitMinCounts > fitMaxCounts) {
            throw new IllegalArgumentException(channel + ": zero offset and fit range must be finite with min <= max, got "
                    + zeroOffsetCounts + " and [" + fitMinCounts + ", " + fitMaxCounts + "]");
        }
        if (zeroOffsetCounts < fitMinCounts || zeroOffsetCounts > fitMaxCounts) {
            throw new IllegalArgumentException(channel + ": the zero offset " + zeroOffsetCounts + " must lie within the fit"
                    + " range [" + fitMinCounts + ", " + fitMaxCounts + "], whose readings it is one of");
        }
        double topN = coefficient * Math.pow(fitMaxCounts - zeroOffsetCounts, exponent);
        if (!(topN <= MAX_FORCE_N)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: a = %s and b = %s make %.3g N of the"
                    + " largest reading fitted, more than the %.0f N no foot puts on an insole: a typing slip in a or b?",
                    channel, coefficient, exponent, topN, MAX_FORCE_N));
        }
        if (points < 2) {
            throw new IllegalArgumentException(channel + ": a fit needs at least 2 points, got " + points);
        }
        if (!(rmsResidualN >= 0) || Double.isInfinite(rmsResidualN)) {
            throw new IllegalArgumentException(channel + ": RMS residual must be a finite number of N >= 0, got "
                    + rmsResidualN);
        }
    }

    /** The channel of the converted values: the same name in {@code n} (newtons). */
    public ChannelName calibratedChannel() {
        return ChannelName.of(channel.side(), channel.place(), channel.quantity(), "n");
    }

    /**
     * The force for a reading. No allocation; thread-safe.
     *
     * @param counts the raw reading, NaN when missing
     * @return newtons: NaN for NaN, 0 at or below the zero offset
     */
    public double forceN(double counts) {
        double x = counts - zeroOffsetCounts;
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 0;
        }
        return model == CalibrationModel.LINEAR ? coefficient * x : coefficient * Math.pow(x, exponent);
    }
}
