package org.soleus.io.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The errors and warnings of a file's rate against its time column ({@link RateSettler}), and
 * the warning that the time column is not checked: which rate contradicts which step, and what
 * to pass instead.
 */
final class RateMessages {
    private final Path file;

    /** @param file the file the messages are about */
    RateMessages(Path file) {
        this.file = file;
    }

    /**
     * The error for a time column whose rows lie {@link RateSettler#MIN_PLAUSIBLE_STEP_S} or more apart
     * without a rate that says so: nearly always times in milliseconds.
     */
    DataFormatException timesTooSlow(TimeColumnStep step, long line, int column) {
        return new DataFormatException(file, line, column, "the time column steps by " + TimeSteps.seconds(step.seconds())
                + " s per row (" + step.taken() + "), too slow to time gait events; expected seconds: are the times"
                + " in milliseconds?");
    }

    /**
     * The error for a time column whose step gives a rate above those taken
     * ({@link ReadOptions#isSampleRate}) without a rate stated or given: times in another unit
     * than seconds, or not times.
     */
    DataFormatException timesTooFast(TimeColumnStep step, long line, int column) {
        return new DataFormatException(file, line, column, "the time column steps by "
                + new BigDecimal(step.seconds()).round(new MathContext(6)).doubleValue() + " s per row (" + step.taken()
                + "), a rate of " + step.rateText() + " Hz: expected " + ReadOptions.SAMPLE_RATES
                + " (are the times in seconds?)");
    }

    /**
     * The error for a rate that contradicts the time column's step.
     *
     * @param given the options that gave the rate, or null when the file states it
     * @param line  the line of the first step
     */
    DataFormatException rateContradictsTime(double rateHz, ReadOptions given, TimeColumnStep step, long line,
                                            int column) {
        String rate = rateHz + " Hz (period " + TimeSteps.seconds(1 / rateHz) + " s)";
        String steps = "the time column, which steps by " + TimeSteps.seconds(step.seconds()) + " s from this row on ("
                + step.taken() + ")";
        String timeRate = passRate(step.rateText(), given);
        return new DataFormatException(file, line, column, given != null
                ? "the sample rate given by " + given.sampleRateGivenBy() + ", " + rate + ", contradicts " + steps
                        + ": " + timeRate + ", the time column's rate, or --ignore-time if the time column is wrong"
                : "the sample rate the file states, " + rate + ", contradicts " + steps
                        + ": if the time column is right and the stated rate wrong, " + timeRate
                        + "; if the time column is wrong, --ignore-time");
    }

    /**
     * The warning for a rate within the time column's tolerance but more than
     * {@link RowStreamer#RATE_WARNING_TOLERANCE} off its rate, at the line of the first step, e.g.
     * {@code walk.csv:5:1: the sample rate the file states, 120.0 Hz, is 20.0 % above the 100.0 Hz
     * of the time column (steps of 0.01 s, the median of the first 255 steps): the samples are
     * timed at 120.0 Hz, so every time and duration found is 0.833 times the time
     * column's; if the time column is right, pass --rate 100.0}.
     *
     * @param given the options that gave the rate, or null when the file states it
     */
    String rateOffTime(double rateHz, ReadOptions given, TimeColumnStep step, long line, int column) {
        double off = step.seconds() * rateHz - 1;
        String timeRate = step.rateText();
        return file + ":" + line + ":" + column + ": the sample rate "
                + (given != null ? "given by " + given.sampleRateGivenBy() : "the file states") + ", " + rateHz
                + " Hz, is " + String.format(Locale.ROOT, "%.1f", 100 * Math.abs(off)) + " % "
                + (off > 0 ? "above" : "below") + " the " + timeRate + " Hz of the time column (steps of "
                + TimeSteps.seconds(step.seconds()) + " s, " + step.taken() + "): the samples are timed at " + rateHz
                + " Hz, so every time and duration found is " + String.format(Locale.ROOT, "%.3f", 1 / (1 + off))
                + " times the time column's; if the time column is right, " + passRate(timeRate, given);
    }

    /**
     * How to give the rate {@code hz}: {@code pass --rate 100.0}, or where a row of a table of
     * subjects gave the rate ({@code given}; null when the file states it), which wins over
     * {@code --rate}, {@code give 100.0 in --subjects subjects.csv:3}.
     */
    private static String passRate(String hz, ReadOptions given) {
        return given != null && given.sampleRateGivenByOther() ? "give " + hz + " in " + given.sampleRateGivenBy()
                : "pass " + ReadOptions.RATE_OPTION + " " + hz;
    }

    /**
     * The warning that the time column is not checked ({@code --ignore-time}): at which rate the
     * rows are taken, from when, and that gaps are not found; at the first row's line.
     */
    String timeIgnored(RateSettler.Rate rate, ReadOptions options, double statedStartS, long line, int column) {
        TimeColumnStep step = rate.step();
        TimeColumnStep columnStep = rate.columnStep();
        double rateHz = rate.hz();
        boolean given = !Double.isNaN(options.sampleRateHz());
        boolean offColumn = columnStep != null
                && Math.abs(columnStep.seconds() * rateHz - 1) > RowStreamer.RATE_WARNING_TOLERANCE;
        return file + ":" + line + ":" + column + ": the time column is not checked"
                + " (--ignore-time): the rows are taken as evenly spaced at " + (step != null
                        ? step.rateText() + " Hz (" + step.taken() + "; --rate gives the device's own)"
                        : rateHz + " Hz, " + (given ? "given by " + options.sampleRateGivenBy() : "the rate the file states")
                                + (offColumn ? " (the time column gives " + columnStep.rateText()
                                + " Hz, " + columnStep.taken() + ")" : "")) + ", from "
                + (Double.isNaN(statedStartS) ? "the first row's time" : "start_time_s") + ", and gaps between them"
                + " are not found";
    }
}
