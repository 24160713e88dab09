package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import org.soleus.core.recording.SampleSink;

/**
 * The time-column rule of {@link RowStreamer}, row by row: each step must be positive and
 * within ±25 % of a whole number {@code k} of sample periods; a step of {@code k > 1} periods
 * is a gap whose {@code k − 1} missing rows are filled with NaN rows, up to
 * {@value RowStreamer#MAX_GAP_S} s. The first {@value #MAX_GAP_WARNINGS} gaps are logged
 * for the warnings; later ones are only counted.
 *
 * <p>A file read in parts has one instance per part, with the part's own line numbers, and
 * one for the whole file that checks the step into each part and {@link #absorb absorbs} the
 * parts in file order. Not thread-safe.
 */
final class TimeSteps {
    static final int MAX_GAP_WARNINGS = 20;
    private static final double STEP_TOLERANCE = 0.25;

    private final Path file;
    private final double periodS;
    /** {@code 1 / periodS}: steps are counted in periods by a multiplication. */
    private final double periodsPerS;
    private boolean started;
    private double firstTimeS;
    private long firstLine;
    private double previousTimeS;
    private long gaps;
    private long filledRows;
    private int logged;
    private final long[] gapLines = new long[MAX_GAP_WARNINGS];
    private final double[] gapFromS = new double[MAX_GAP_WARNINGS];
    private final double[] gapToS = new double[MAX_GAP_WARNINGS];
    private final long[] gapFills = new long[MAX_GAP_WARNINGS];

    /**
     * @param file    the file, for messages
     * @param periodS the file's own sample period, or NaN to check only that time increases
     */
    TimeSteps(Path file, double periodS) {
        this.file = file;
        this.periodS = periodS;
        this.periodsPerS = 1 / periodS;
    }

    /** A new instance for a part of the same file. */
    TimeSteps forPart() {
        return new TimeSteps(file, periodS);
    }

    /**
     * Takes the time of the next row: checks the step from the previous row and, for a gap,
     * passes the missing rows to {@code sink} (before the caller passes the row itself).
     *
     * @param timeS   the row's time
     * @param line    the row's line, for messages
     * @param sink    receives the NaN rows of a gap
     * @param missing a row of NaN
     * @throws DataFormatException for a step back, an irregular step or a gap too long to fill
     */
    void next(double timeS, long line, SampleSink sink, float[] missing) throws DataFormatException {
        if (!started) {
            started = true;
            firstTimeS = timeS;
            firstLine = line;
            previousTimeS = timeS;
            return;
        }
        double dt = timeS - previousTimeS;
        if (!(dt > 0)) {
            throw new DataFormatException(file, line, 1, "time " + timeS + " s does not increase (previous row: "
                    + previousTimeS + " s); expected rows in time order");
        }
        if (!Double.isNaN(periodS)) {
            double periods = dt * periodsPerS;
            double k = Math.rint(periods);
            if (k < 1 || Math.abs(periods - k) > STEP_TOLERANCE) {
                throw new DataFormatException(file, line, 1, "irregular time step of " + seconds(dt) + " s (from " + previousTimeS
                        + " to " + timeS + " s); expected " + periodS + " s or a whole multiple of it (a gap)");
            }
            if (k > 1) {
                long fill = (long) k - 1;
                if (fill * periodS > RowStreamer.MAX_GAP_S) {
                    throw new DataFormatException(file, line, 1, "time jumps by " + seconds(dt) + " s (from " + previousTimeS
                            + " to " + timeS + " s); gaps longer than " + RowStreamer.MAX_GAP_S
                            + " s are not filled: split the file there");
                }
                for (long i = 0; i < fill; i++) {
                    sink.accept(missing);
                }
                gap(line, previousTimeS, timeS, fill);
            }
        }
        previousTimeS = timeS;
    }

    /**
     * A difference of two time stamps for a message, rounded to the nanosecond, so that
     * 0.0145 s reads as such and not as the 0.014499999999999957 the subtraction gives.
     */
    private static String seconds(double s) {
        return Double.toString(Math.rint(s * 1e9) / 1e9);
    }

    private void gap(long line, double fromS, double toS, long fill) {
        if (logged < MAX_GAP_WARNINGS) {
            gapLines[logged] = line;
            gapFromS[logged] = fromS;
            gapToS[logged] = toS;
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

    /** The time of the first row taken. */
    double firstTimeS() {
        return firstTimeS;
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
                gapFromS[logged] = part.gapFromS[i];
                gapToS[logged] = part.gapToS[i];
                gapFills[logged] = part.gapFills[i];
                logged++;
            }
        }
        gaps += part.gaps;
        filledRows += part.filledRows;
        previousTimeS = part.previousTimeS;
    }

    /** Adds one warning per logged gap, in file order. */
    void addGapWarnings(List<String> warnings) {
        for (int i = 0; i < logged; i++) {
            long fill = gapFills[i];
            warnings.add(file + ":" + gapLines[i] + ": time jumps from " + gapFromS[i] + " to " + gapToS[i] + " s; "
                    + fill + " missing sample" + (fill == 1 ? "" : "s") + " filled with NaN");
        }
    }

    /** Adds the count of the gaps beyond those logged, if any. */
    void addGapSummary(List<String> warnings) {
        if (gaps > MAX_GAP_WARNINGS) {
            warnings.add(file + ": " + (gaps - MAX_GAP_WARNINGS) + " more time gaps filled with missing samples; "
                    + filledRows + " samples filled in all");
        }
    }
}
