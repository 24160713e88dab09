package org.soleus.io.calibration;

import java.util.Locale;
import java.util.Optional;

/** What the person calibrating is told of a cell's fit: the law, and whether its residual means anything. */
public final class FitReport {

    /** Share of the largest reading's force above which the RMS residual is a poor fit. */
    static final double POOR_FIT_SHARE = 0.05;

    private FitReport() {
    }

    /**
     * One line: the channel, the law with its coefficients, the RMS residual over the readings
     * and the fit range, e.g. {@code left.insole.cell01_counts: linear F = 0.0500000 * (c - 30.0) N,
     * RMS residual 0.12 N over 4 points, fit range 30.0 to 812.4 counts}.
     */
    public static String describe(CellCalibration c) {
        String law = c.model() == CalibrationModel.LINEAR
                ? String.format(Locale.ROOT, "F = %.6g * (c %s) N", c.coefficient(), offset(c.zeroOffsetCounts()))
                : String.format(Locale.ROOT, "F = %.6g * (c %s)^%.4f N", c.coefficient(), offset(c.zeroOffsetCounts()),
                c.exponent());
        return String.format(Locale.ROOT, "%s: %s %s, RMS residual %.2f N over %d points, fit range %.1f to %.1f counts",
                c.channel(), c.model().id(), law, c.rmsResidualN(), c.points(), c.fitMinCounts(), c.fitMaxCounts());
    }

    /**
     * A warning when the fit has no reading to spare: a law with as many parameters as readings
     * passes through them all, so its residual is zero whatever the sensor does between the
     * loads. Empty when there are more readings than parameters.
     */
    public static Optional<String> exactFitWarning(CellCalibration c) {
        if (c.points() > c.model().parameters()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: %d readings for the %d parameters of the %s law: it passes"
                + " through them exactly, so its residual says nothing of its accuracy; measure at more loads",
                c.channel(), c.points(), c.model().parameters(), c.model().id()));
    }

    /**
     * A warning when the law misses the readings by more than a force-sensitive resistor's own
     * error: an RMS residual above {@value #POOR_FIT_SHARE} of the force at the largest reading
     * (FSR makers state repeatability and linearity errors of a few per cent of full scale,
     * e.g. ±2.5 % and ±3 % for the Tekscan FlexiForce A201). Empty for a closer fit.
     */
    public static Optional<String> poorFitWarning(CellCalibration c) {
        double largestN = c.forceN(c.fitMaxCounts());
        if (!(largestN > 0) || c.rmsResidualN() <= POOR_FIT_SHARE * largestN) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s: the %s law misses the readings by %.2f N RMS, %.1f %% of the"
                + " %.1f N at the largest reading, more than the few per cent a force-sensitive resistor errs by: check"
                + " the readings (a load off the cell's centre, one read before it settled) or measure again",
                c.channel(), c.model().id(), c.rmsResidualN(), 100 * c.rmsResidualN() / largestN, largestN));
    }

    /** {@code - 30.0} for a zero offset of 30 counts, {@code + 100.0} for one of −100. */
    private static String offset(double zeroOffsetCounts) {
        return String.format(Locale.ROOT, "%s %.1f", zeroOffsetCounts < 0 ? "+" : "-", Math.abs(zeroOffsetCounts));
    }
}
