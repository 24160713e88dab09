package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import org.soleus.core.recording.SampleSink;

/**
 * The rule of {@link RowStreamer} for a column that counts the rows, row by row: the time in
 * seconds ({@link #ofTime}) or a sample index ({@link #ofSampleIndex}). Each step must be
 * positive and a whole number {@code k} of sample periods: within ±{@value #STEP_TOLERANCE}
 * of a period for a time (clocks jitter), plus {@code k} times the
 * {@linkplain RowStreamer#RATE_WARNING_TOLERANCE share} by which the time column's clock may
 * run off the rate used without notice (so that the time column's drift over a long gap does not
 * make it irregular: gaitpdb's times run 70 ppm fast, 0.28 of a period over a 40 s gap, and a
 * gap of 50 periods or more is whole at any fraction); exactly for an index. The gap's
 * {@code k} is the nearest whole number, which keeps the samples after it within half a period
 * of their times. A step of {@code k > 1}
 * periods is a gap whose {@code k − 1} missing rows are filled with NaN rows, up to
 * {@value RowStreamer#MAX_GAP_S} s. The first {@value #MAX_GAP_WARNINGS} gaps are logged for
 * the warnings; later ones are only counted.
 *
 * <p>A file read in parts has one instance per part, with the part's own line numbers, and
 * one for the whole file that checks the step into each part and {@link #absorb absorbs} the
 * parts in file order. Not thread-safe.
 */
final class TimeSteps {
    static final int MAX_GAP_WARNINGS = 20;
    /** How far a time step may be from a whole number of periods, in periods. */
    static final double STEP_TOLERANCE = 0.25;

    private final Path file;
    private final int column;
    private final boolean index;
    /** The sample period in the column's unit: seconds for a time, 1 for an index. */
    private final double period;
    /** {@code 1 / period}: steps are counted in periods by a multiplication. */
    private final double periodsPerUnit;
    private final double tolerance;
    /** How far a step of {@code k} periods may be off {@code k} beyond {@link #tolerance}, per period. */
    private final double drift;
    /** The sample period in seconds, for the longest gap that is filled. */
    private final double samplePeriodS;
    private boolean started;
    private double firstValue;
    private long firstLine;
    private double previous;
    /** The line of {@link #previous}, numbered as the lines given to {@link #next}. */
    private long previousLine;
    private long gaps;
    private long filledRows;
    private int logged;
    private final long[] gapLines = new long[MAX_GAP_WARNINGS];
    private final double[] gapFrom = new double[MAX_GAP_WARNINGS];
    private final double[] gapTo = new double[MAX_GAP_WARNINGS];
    private final long[] gapFills = new long[MAX_GAP_WARNINGS];

    private TimeSteps(Path file, int column, boolean index, double period, double samplePeriodS) {
        this.file = file;
        this.column = column;
        this.index = index;
        this.period = period;
        this.periodsPerUnit = 1 / period;
        this.tolerance = index ? 0 : STEP_TOLERANCE;
        this.drift = index ? 0 : RowStreamer.RATE_WARNING_TOLERANCE;
        this.samplePeriodS = samplePeriodS;
    }

    /**
     * The rule for a time column in seconds.
     *
     * @param file    the file, for messages
     * @param column  the time column, 1-based, for messages
     * @param periodS the sample period in seconds
     */
    static TimeSteps ofTime(Path file, int column, double periodS) {
        return new TimeSteps(file, column, false, periodS, periodS);
    }

    /**
     * The rule for a column of sample indices (0, 1, 2, …): each row's index must be one more
     * than the previous row's, or more across a gap.
     *
     * @param file          the file, for messages
     * @param column        the index column, 1-based, for messages
     * @param samplePeriodS the sample period in seconds, for the longest gap that is filled
     */
    static TimeSteps ofSampleIndex(Path file, int column, double samplePeriodS) {
        return new TimeSteps(file, column, true, 1, samplePeriodS);
    }

    /** A new instance for a part of the same file. */
    TimeSteps forPart() {
        return new TimeSteps(file, column, index, period, samplePeriodS);
    }

    /**
     * Takes the time (or index) of the next row: checks the step from the previous row and,
     * for a gap, passes the missing rows to {@code sink} (before the caller passes the row
     * itself).
     *
     * @param value   the row's time or index
     * @param line    the row's line, for messages
     * @param sink    receives the NaN rows of a gap
     * @param missing a row of NaN
     * @throws DataFormatException for a step back, an irregular step or a gap too long to fill
     */
    void next(double value, long line, SampleSink sink, float[] missing) throws DataFormatException {
        if (!started) {
            started = true;
            firstValue = value;
            firstLine = line;
            previous = value;
            previousLine = line;
            return;
        }
        double step = value - previous;
        if (!(step > 0)) {
            throw new DataFormatException(file, line, column, index
                    ? "row index " + indexText(value) + " does not increase (previous row: " + indexText(previous)
                            + "); expected one more than the previous row's, or more across a gap"
                    : notIncreasing(value, previous, line - previousLine));
        }
        double periods = step * periodsPerUnit;
        double k = Math.rint(periods);
        if (k < 1 || Math.abs(periods - k) > tolerance + k * drift) {
            throw new DataFormatException(file, line, column, index
                    ? "row index steps by " + indexText(step) + " (from " + indexText(previous) + " to "
                            + indexText(value) + "); expected a whole number of rows (1, or more across a gap)"
                    : "irregular time step of " + seconds(step) + " s (from " + previous + " to " + value
                            + " s); expected " + seconds(period) + " s or a whole multiple of it (a gap)"
                            + (roundingExplains(previous, value, period)
                                    ? "; are the times written with too few digits for the rate?"
                                    : "; if the rows are evenly sampled and only their times jitter (stamped on"
                                            + " arrival), --ignore-time takes them at the rate"));
        }
        if (k > 1) {
            long fill = (long) k - 1;
            if (fill * samplePeriodS > RowStreamer.MAX_GAP_S) {
                throw new DataFormatException(file, line, column, (index
                        ? "row index jumps by " + indexText(step) + " (from " + indexText(previous) + " to "
                                + indexText(value) + ")"
                        : "time jumps by " + seconds(step) + " s (from " + previous + " to " + value + " s)")
                        + "; gaps longer than " + RowStreamer.MAX_GAP_S + " s are not filled: split the file there");
            }
            for (long i = 0; i < fill; i++) {
                sink.accept(missing);
            }
            gap(line, previous, value, fill);
        }
        previous = value;
        previousLine = line;
    }

    /**
     * Whether rounding can explain an irregular step between two times: both are whole multiples
     * of a power of ten of at least the {@link #STEP_TOLERANCE} of a period, which the period is
     * no whole multiple of (90 Hz written to the hundredth of a second), so that rounding alone
     * moves a step by that much. Times of 100 Hz to the hundredth step exactly.
     */
    private static boolean roundingExplains(double previousS, double timeS, double periodS) {
        for (double resolution = 1; resolution >= STEP_TOLERANCE * periodS; resolution /= 10) {
            if (isMultiple(previousS, resolution) && isMultiple(timeS, resolution)) {
                return !isMultiple(periodS, resolution);
            }
        }
        return false;
    }

    private static boolean isMultiple(double value, double resolution) {
        double units = value / resolution;
        return Math.abs(units - Math.rint(units)) < 1e-6;
    }

    /**
     * A difference of two time stamps for a message, rounded to the nanosecond, so that
     * 0.0145 s reads as such and not as the 0.014499999999999957 the subtraction gives.
     */
    static String seconds(double s) {
        return Double.toString(Math.rint(s * 1e9) / 1e9);
    }

    /** An index for a message: a whole number without {@code .0}. */
    private static String indexText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 0x1p53 ? Long.toString((long) v) : Double.toString(v);
    }

    private void gap(long line, double from, double to, long fill) {
        if (logged < MAX_GAP_WARNINGS) {
            gapLines[logged] = line;
            gapFrom[logged] = from;
            gapTo[logged] = to;
            gapFills[logged] = fill;
            logged++;
        }
        gaps++;
        filledRows += fill;
    }

    /** Whether a row has been taken. */
    boolean started() {
        return started;
    }

    /** The time (or index) of the first row taken. */
    double firstValue() {
        return firstValue;
    }

    /** The line of the first row taken. */
    long firstLine() {
        return firstLine;
    }

    /**
     * Continues with a later part's rows, whose first step the caller has already checked with
     * {@link #next}: adds the part's gaps and continues from its last time.
     *
     * @param part       the part's instance, done with its rows
     * @param lineOffset the number of lines before the part's first line
     */
    void absorb(TimeSteps part, long lineOffset) {
        if (!part.started) {
            return;
        }
        for (int i = 0; i < part.logged; i++) {
            if (logged < MAX_GAP_WARNINGS) {
                gapLines[logged] = part.gapLines[i] + lineOffset;
                gapFrom[logged] = part.gapFrom[i];
                gapTo[logged] = part.gapTo[i];
                gapFills[logged] = part.gapFills[i];
                logged++;
            }
        }
        gaps += part.gaps;
        filledRows += part.filledRows;
        previous = part.previous;
        previousLine = part.previousLine + lineOffset;
    }

    /** Adds one warning per logged gap, in file order. */
    void addGapWarnings(List<String> warnings) {
        for (int i = 0; i < logged; i++) {
            long fill = gapFills[i];
            warnings.add(file + ":" + gapLines[i] + ": " + (index
                    ? "row index jumps from " + indexText(gapFrom[i]) + " to " + indexText(gapTo[i])
                    : "time jumps from " + gapFrom[i] + " to " + gapTo[i] + " s")
                    + "; " + fill + " missing sample" + (fill == 1 ? "" : "s") + " filled with NaN");
        }
    }

    /** Adds the count of the gaps beyond those logged, if any. */
    void addGapSummary(List<String> warnings) {
        if (gaps > MAX_GAP_WARNINGS) {
            warnings.add(file + ": " + (gaps - MAX_GAP_WARNINGS) + " more " + (index ? "gaps in the row index" : "time gaps")
                    + " filled with missing samples; " + filledRows + " samples filled in all");
        }
    }

    /**
     * What is wrong with a time that is not after the previous row's: out of order, or the same
     * time twice, as times written with too few digits for the rate give (2000 Hz to the
     * millisecond).
     *
     * @param linesBack how many lines up the previous row is: its line, told relative to the
     *                  row's, stays right when a part of a file read in parts is moved down
     */
    static String notIncreasing(double timeS, double previousS, long linesBack) {
        return timeS == previousS
                ? "time " + timeS + " s repeats the previous row's; expected each row later than the one before"
                        + " (times written with too few digits for the sample rate? For rows stamped on arrival in"
                        + " bursts, --ignore-time takes them at the rate)"
                : "time " + timeS + " s does not increase (previous row, " + (linesBack == 1 ? "the line before"
                        : linesBack + " lines up") + ": " + previousS + " s); expected rows in time order, so one of"
                        + " the two times is out of place";
    }
}
