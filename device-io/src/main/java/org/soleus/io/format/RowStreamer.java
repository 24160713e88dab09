package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * The part every text reader shares: settles the sample rate, checks the time column and
 * streams the rows into a sink.
 *
 * <p>Rate: an explicit {@link ReadOptions#sampleRateHz()} wins (with a warning when the file
 * says otherwise); else the rate the file states; else {@code 1 / median time step} of the first
 * {@value #LOOKAHEAD_ROWS} rows, snapped to the nearest 0.001 Hz when within 1 ppm. The rows
 * needed for that are held back and streamed afterwards.
 *
 * <p>A time column must agree with the rate used: the median of its first
 * {@code LOOKAHEAD_ROWS − 1} steps must be one sample period within ±25 %
 * ({@link TimeSteps#STEP_TOLERANCE}), else the read fails at the line of the first step, saying
 * which rate contradicts which step and what to pass instead. The median is the statistic the
 * rate is derived with when the file states none, so a stated or given rate is held to the rate
 * the time column itself gives; it is robust to gaps among those steps (a stated 200 Hz against
 * a time column of 100 Hz would otherwise read as a gap at every row), and a file whose steps are
 * mostly gaps from the start cannot be timed either way. An index column (a sample count, not
 * a time) says nothing about the rate and is not held to it.
 *
 * <p>Time column, row by row ({@link TimeSteps}), with the period of the rate used (an explicit
 * rate, when given): each step must be positive and within ±25 % of a whole number {@code k}
 * of sample periods. A step of {@code k > 1} periods is a gap of {@code k − 1} missing rows:
 * they are filled with NaN rows and a warning names the line; gaps longer than
 * {@value #MAX_GAP_S} s are an error. Anything else (a step back, a repeated time, a step of 1.5
 * periods) is an error naming the line. An index column is checked alike, its steps a whole
 * number of rows exactly.
 *
 * <p>When the sink is a {@link RecordingAssembly} that allows it and enough of a file is left
 * after the held rows, the rest is parsed in parts on several threads
 * ({@link ParallelRowReader}), with the same samples, warnings and errors as when read
 * here row by row.
 */
final class RowStreamer {
    static final int LOOKAHEAD_ROWS = 256;
    static final double MAX_GAP_S = 60;
    /** Rows between two reports of how far a file read row by row has got ({@link ReadProgress}). */
    static final int PROGRESS_ROWS = 1 << 16;

    /** What the column of {@link DelimitedRowParser#TIME} holds. */
    private enum Clock {
        /** No such column. */
        NONE,
        /** The time of each row in seconds. */
        TIME_S,
        /** The index of each row's sample, rising by 1 per sample. */
        SAMPLE_INDEX
    }

    private final Path file;
    private final DelimitedRowParser rows;
    private final Clock clock;
    private final int width;

    /**
     * @param file    the file, for messages
     * @param rows    the row parser, positioned at the first data row
     * @param width   number of values per row
     * @param hasTime whether a column is the time column, in seconds
     */
    RowStreamer(Path file, DelimitedRowParser rows, int width, boolean hasTime) {
        this(file, rows, width, hasTime ? Clock.TIME_S : Clock.NONE);
    }

    private RowStreamer(Path file, DelimitedRowParser rows, int width, Clock clock) {
        this.file = file;
        this.rows = rows;
        this.width = width;
        this.clock = clock;
    }

    /**
     * A streamer of rows whose {@link DelimitedRowParser#TIME} column holds each sample's index
     * (0, 1, 2, …) rather than its time: checked like a time column (a skipped range is a gap
     * filled with NaN), but it gives neither the rate nor the start time.
     */
    static RowStreamer withSampleIndex(Path file, DelimitedRowParser rows, int width) {
        return new RowStreamer(file, rows, width, Clock.SAMPLE_INDEX);
    }

    /**
     * Streams all rows into {@code sink}: start, rows, end.
     *
     * @param source         the source name for the header
     * @param channels       channel names in row order
     * @param metadata       metadata for the header
     * @param statedRateHz   the rate the file states in its header, or NaN
     * @param statedStartS   the time of the first sample the file states, or NaN (then the first
     *                       time value, or 0 without a time column)
     * @param options        the user's options (only the rate is used here)
     * @param noRateAdvice   what the error says when no rate is known, e.g. how to pass one
     * @param warnings       warnings so far; completed here and handed to {@link SampleSink#end}
     */
    void stream(String source, List<ChannelName> channels, RecordingMetadata metadata, double statedRateHz,
                double statedStartS, ReadOptions options, String noRateAdvice, SampleSink sink,
                List<String> warnings) throws IOException {
        float[][] held = new float[LOOKAHEAD_ROWS][width];
        double[] heldTimes = new double[LOOKAHEAD_ROWS];
        long[] heldLines = new long[LOOKAHEAD_ROWS];
        int n = 0;
        int status = DelimitedRowParser.ROW;
        while (n < LOOKAHEAD_ROWS && (status = rows.next(held[n])) == DelimitedRowParser.ROW) {
            heldTimes[n] = rows.time();
            heldLines[n] = rows.lastLine();
            n++;
        }
        if (status == DelimitedRowParser.CUT) {
            warnings.add(cutWarning(rows.cutLine()));
        }
        if (n == 0) {
            throw new DataFormatException(file, rows.lastLine() + 1, 0, "no samples: the file ends before its first data row");
        }
        boolean hasTime = clock == Clock.TIME_S;
        int timeColumn = rows.timeColumn();
        double stepS = hasTime && n >= 2 ? medianStepS(heldTimes, heldLines, n, timeColumn) : Double.NaN;
        double fileRateHz = Double.isNaN(statedRateHz) && !Double.isNaN(stepS) ? snappedRateHz(stepS) : statedRateHz;
        double rateHz = fileRateHz;
        double optionRateHz = options.sampleRateHz();
        if (!Double.isNaN(optionRateHz)) {
            rateHz = optionRateHz;
        }
        if (Double.isNaN(rateHz)) {
            throw new DataFormatException(file, 0, 0, "the file states no sample rate"
                    + (hasTime ? " and has only one row to derive it from" : "") + ": " + noRateAdvice);
        }
        if (!Double.isNaN(stepS) && Math.abs(stepS * rateHz - 1) > TimeSteps.STEP_TOLERANCE) {
            throw rateContradictsTime(rateHz, !Double.isNaN(optionRateHz), stepS, n - 1, heldLines[1], timeColumn);
        }
        if (!Double.isNaN(optionRateHz) && !Double.isNaN(fileRateHz)
                && Math.abs(optionRateHz - fileRateHz) > 1e-9 * fileRateHz) {
            warnings.add(ReaderSupport.rateOverride(file + ": ", optionRateHz, fileRateHz, "the file's"));
        }
        TimeSteps steps = switch (clock) {
            case TIME_S -> TimeSteps.ofTime(file, timeColumn, 1 / rateHz);
            case SAMPLE_INDEX -> TimeSteps.ofSampleIndex(file, timeColumn, 1 / rateHz);
            case NONE -> null;
        };
        double startS = !Double.isNaN(statedStartS) ? statedStartS : hasTime ? heldTimes[0] : 0;
        if (!Double.isNaN(statedStartS) && hasTime && Math.abs(statedStartS - heldTimes[0]) > 0.5 / rateHz) {
            warnings.add(file + ":" + heldLines[0] + ":" + timeColumn + ": the first time is " + heldTimes[0]
                    + " s but start_time_s is " + statedStartS + " s; the samples are timed from start_time_s");
        }
        RecordingHeader header = new RecordingHeader(source, rateHz, startS, channels, metadata);
        float[] missing = new float[width];
        Arrays.fill(missing, Float.NaN);
        TextSource text = rows.source();
        RecordingAssembly parts = status == DelimitedRowParser.ROW && sink instanceof RecordingAssembly assembly
                && text.readsFile() && assembly.parallelism().splits(Files.size(file) - text.offset()) ? assembly : null;
        // The parts start before the sink does, so that they are parsed while it sets up (a
        // recording builder allocates and clears its columns).
        try (ParallelRowReader parallel = parts == null ? null
                : ParallelRowReader.start(file, rows, steps, parts, header, width, missing)) {
            sink.start(header);
            for (int i = 0; i < n; i++) {
                if (steps != null) {
                    steps.next(heldTimes[i], heldLines[i], sink, missing);
                }
                sink.accept(held[i]);
            }
            long cutLine = 0;
            if (parallel != null) {
                cutLine = parallel.finish();
            } else if (status == DelimitedRowParser.ROW && pump(rows, held[0], steps, sink, missing,
                    sink instanceof RecordingAssembly assembly && text.readsFile() ? assembly::readUpTo : null)
                    == DelimitedRowParser.CUT) {
                cutLine = rows.cutLine();
            }
            if (steps != null) {
                steps.addGapWarnings(warnings);
            }
            if (cutLine != 0) {
                warnings.add(cutWarning(cutLine));
            }
            if (steps != null) {
                steps.addGapSummary(warnings);
            }
        }
        rows.addLenientWarnings(warnings);
        sink.end(warnings);
    }

    /**
     * Streams the rows of {@code rows} into {@code sink} until the text ends, checking the time
     * of each with {@code steps} (null without a time column).
     *
     * @param row      a reused row of the sink's width
     * @param progress told every {@value #PROGRESS_ROWS} rows how far the file has been read,
     *                 or null
     * @return {@link DelimitedRowParser#END} or {@link DelimitedRowParser#CUT}
     */
    static int pump(DelimitedRowParser rows, float[] row, TimeSteps steps, SampleSink sink, float[] missing,
                    ReadProgress progress) throws IOException {
        int status;
        int untilReport = PROGRESS_ROWS;
        while ((status = rows.next(row)) == DelimitedRowParser.ROW) {
            if (steps != null) {
                steps.next(rows.time(), rows.lastLine(), sink, missing);
            }
            sink.accept(row);
            if (--untilReport == 0) {
                untilReport = PROGRESS_ROWS;
                if (progress != null) {
                    progress.readUpTo(rows.source().offset());
                }
            }
        }
        return status;
    }

    private String cutWarning(long line) {
        return file + ":" + line + ": the last line was cut short (the recording was interrupted); left out";
    }

    /**
     * The error for a rate that contradicts the time column's median step.
     *
     * @param given whether the rate was given explicitly (else the file states it)
     * @param count the number of steps the median was taken over
     * @param line  the line of the first step
     */
    private DataFormatException rateContradictsTime(double rateHz, boolean given, double stepS, int count, long line,
                                                    int column) {
        String rate = rateHz + " Hz (period " + TimeSteps.seconds(1 / rateHz) + " s)";
        String steps = "the time column, which steps by " + TimeSteps.seconds(stepS) + " s from this row on (the "
                + (count == 1 ? "first step" : "median of the first " + count + " steps") + ")";
        String timeRate = "--rate " + snappedRateHz(stepS);
        return new DataFormatException(file, line, column, given
                ? "the sample rate given explicitly, " + rate + ", contradicts " + steps
                        + ": leave out --rate to use the file's rate, or pass " + timeRate
                : "the sample rate the file states, " + rate + ", contradicts " + steps
                        + ": if the time column is right and the stated rate wrong, pass " + timeRate);
    }

    /** The median time step of the held rows; fails at the first step that is not positive. */
    private double medianStepS(double[] times, long[] lines, int n, int column) throws DataFormatException {
        double[] steps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = times[i] - times[i - 1];
            if (!(steps[i - 1] > 0)) {
                throw new DataFormatException(file, lines[i], column, "time " + times[i] + " s does not increase (previous row: "
                        + times[i - 1] + " s); expected rows in time order");
            }
        }
        Arrays.sort(steps);
        int m = steps.length / 2;
        return steps.length % 2 == 1 ? steps[m] : 0.5 * (steps[m - 1] + steps[m]);
    }

    /** {@code 1 / stepS}, snapped to 0.001 Hz when within 1 ppm. */
    private static double snappedRateHz(double stepS) {
        double rate = 1 / stepS;
        double snapped = Math.rint(rate * 1000) / 1000;
        return snapped > 0 && Math.abs(snapped - rate) <= 1e-6 * rate ? snapped : rate;
    }
}
