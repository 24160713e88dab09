package org.soleus.io.format;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the held rows' time column ({@link HeldRows}) says against the rate used, before
 * {@link RowStreamer} streams them: times written with too few digits for it
 * ({@link #requireFineEnough}, {@link #frequentGaps}), or stamped as the rows arrived
 * ({@link #jitterAroundRate}).
 */
final class HeldTimeChecks {
    /**
     * The most by which the rounding of a short file's first and last times may move its mean
     * step off the rate ({@link #requireFineEnough}); beyond it the step is another rate.
     */
    private static final double MAX_ROUNDING_SHARE = 0.05;
    /** Above this share of gaps among the held steps, {@link #frequentGaps} warns. */
    private static final double MAX_GAP_SHARE = 0.1;
    private static final int MIN_GAPS_TOLD = 5;
    /** How far from a whole number a count of time resolutions may be, for rounding in the text. */
    private static final double WHOLE_TOLERANCE = 0.01;
    /**
     * How far from a whole number of time resolutions a period may be and still be read: closer,
     * the rounded steps are whole periods drifting slowly (a rate a little off the time column's,
     * which {@link RowStreamer#RATE_WARNING_TOLERANCE} tells); farther, they jump between one and two.
     */
    private static final double COARSE_TOLERANCE = 0.05;

    private final Path file;
    private final double[] times;
    private final long[] lines;
    private final int n;
    private final int column;

    /**
     * @param file   the file, for messages
     * @param held   the held rows, two or more
     * @param column the time column, 1-based
     */
    HeldTimeChecks(Path file, HeldRows held, int column) {
        this.file = file;
        this.times = held.times;
        this.lines = held.lines;
        this.n = held.count;
        this.column = column;
    }

    /**
     * Refuses a time column written with too few digits for the rate: times whose mean step
     * agrees with the rate (within {@link RowStreamer#RATE_WARNING_TOLERANCE}, or the rounding of the first
     * and last times over the rows between them where that is more: rounding cancels out over
     * the held rows but for theirs) but which are rounded to a resolution of half the sample period or more, the
     * period being no whole multiple of it (90 Hz to the hundredth of a second: steps
     * of 0.01 and 0.02 s for a period of 0.0111 s). Each step is then off by up to a whole resolution, so that rounding cannot
     * be told from gaps, and the rows would be misplaced. (300 Hz to the millisecond, whose steps
     * are off by at most a third of a period, and 100 Hz to the hundredth, which rounds nothing,
     * are read.) The resolution is the smallest step of the held rows when every held time is a
     * whole number of it from the first ({@link #resolution}).
     */
    void requireFineEnough(double rateHz) throws DataFormatException {
        double resolution = resolution();
        if (Double.isNaN(resolution)) {
            return;
        }
        double periodS = 1 / rateHz;
        double meanStepS = (times[n - 1] - times[0]) / (n - 1);
        // the first and last times are rounded too, by up to a resolution together: over a few
        // rows that moves the mean step by more than the tolerance (but a step 5 % off or more is
        // another rate, which the rate check tells)
        double allowed = Math.min(MAX_ROUNDING_SHARE, Math.max(RowStreamer.RATE_WARNING_TOLERANCE,
                resolution / ((n - 1) * periodS)));
        if (Math.abs(meanStepS / periodS - 1) > allowed) {
            return;   // another rate than the time column's, not rounding: told next, as a warning or an error
        }
        double periods = periodS / resolution;
        if (resolution >= 0.5 * periodS && Math.abs(periods - Math.rint(periods)) > COARSE_TOLERANCE) {
            throw new DataFormatException(file, lines[0], column, "times are written to " + TimeSteps.seconds(resolution)
                    + " s, too coarse for " + rateHz + " Hz (a row every " + TimeSteps.seconds(periodS) + " s): write"
                    + " them with more decimals, or leave out the time column and state the rate");
        }
    }

    /**
     * The resolution the held times are written to: their smallest step, to the nanosecond, when
     * every one of them is a whole number of it from the first; else NaN.
     */
    private double resolution() {
        double resolution = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            double step = times[i] - times[i - 1];
            if (step > 0) {
                resolution = Math.min(resolution, step);
            }
        }
        if (!(resolution < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        resolution = Math.rint(resolution * 1e9) / 1e9;
        for (int i = 1; i < n; i++) {
            double units = (times[i] - times[0]) / resolution;
            if (Math.abs(units - Math.rint(units)) > WHOLE_TOLERANCE) {
                return Double.NaN;
            }
        }
        return resolution;
    }

    /**
     * A warning when more than {@value #MAX_GAP_SHARE} of the held rows' steps are gaps (two
     * periods or more): real gaps are rare, and steps that alternate between one and two periods
     * are rather times rounded with too few digits for the rate (70 Hz to the hundredth of a
     * second reads as 100 Hz with every third row missing).
     */
    Optional<String> frequentGaps(double rateHz) {
        int gaps = 0;
        for (int i = 1; i < n; i++) {
            gaps += (times[i] - times[i - 1]) * rateHz >= 1.5 ? 1 : 0;
        }
        if (gaps < MIN_GAPS_TOLD || gaps <= MAX_GAP_SHARE * (n - 1)) {
            return Optional.empty();
        }
        return Optional.of(file + ":" + lines[1] + ":" + column + ": " + gaps + " of the first " + (n - 1) + " time steps"
                + " skip rows at " + rateHz + " Hz: times written with too few digits for the rate? (if so, write them"
                + " with more decimals, or leave out the time column and state the rate)");
    }

    /**
     * The error for a time column whose typical step contradicts the rate while its rows, over
     * the held span, keep the rate's pace (the slope of time over row number within
     * {@link RowStreamer#RATE_WARNING_TOLERANCE} of the period): times stamped as the rows arrived, which
     * jitter, rather than another rate; empty otherwise. At the line of the first step.
     */
    Optional<DataFormatException> jitterAroundRate(double rateHz) {
        if (Math.abs(pace() * rateHz - 1) > RowStreamer.RATE_WARNING_TOLERANCE) {
            return Optional.empty();
        }
        double least = Double.POSITIVE_INFINITY;
        double most = 0;
        for (int i = 1; i < n; i++) {
            least = Math.min(least, times[i] - times[i - 1]);
            most = Math.max(most, times[i] - times[i - 1]);
        }
        return Optional.of(new DataFormatException(file, lines[1], column, "the time column's steps vary from "
                + TimeSteps.seconds(least) + " to " + TimeSteps.seconds(most) + " s around the period of "
                + TimeSteps.seconds(1 / rateHz) + " s (" + rateHz + " Hz), which its first " + n + " rows keep on average: times"
                + " stamped as the rows arrived? Pass --ignore-time to take the rows as evenly spaced at the rate"));
    }

    /**
     * The pace of the held rows: the least-squares slope of time over row number, which the
     * jitter of the first and last rows hardly moves.
     */
    private double pace() {
        double meanRow = (n - 1) / 2.0;
        double meanTime = 0;
        for (int i = 0; i < n; i++) {
            meanTime += times[i] / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanRow) * (times[i] - meanTime);
            variance += (i - meanRow) * (i - meanRow);
        }
        return covariance / variance;
    }
}
