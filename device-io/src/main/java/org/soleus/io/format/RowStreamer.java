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
import org.soleus.io.stream.GapLimit;

/**
 * The part every text reader shares: settles the sample rate, checks the time column and
 * streams the rows into a sink.
 *
 * <p>Rate: an explicit {@link ReadOptions#sampleRateHz()} wins (with a warning when the file
 * says otherwise); else the rate the file states; else the time column's rate, {@code 1 / step}
 * with the step of its first {@value #LOOKAHEAD_ROWS} rows as {@link TimeColumnStep#of} takes it
 * (the median, or the mean where times are coarsely rounded), snapped to the nearest 0.001 Hz
 * when within 1 ppm. The rows needed for that are held back and streamed afterwards. A time
 * column whose rows lie a second or more apart gives no rate but an error at its second row
 * ({@link RateSettler#MIN_PLAUSIBLE_STEP_S}): nearly always times in milliseconds; so does such a column
 * that contradicts a stated or given rate (rather than advice to pass its rate). A time column
 * whose rate is above those taken ({@link ReadOptions#isSampleRate}: rows less than a
 * microsecond apart) gives an error at its second row too, without a rate stated or given.
 *
 * <p>A time column must agree with the rate used: its step must be one sample period within
 * ±25 % ({@link TimeSteps#STEP_TOLERANCE}), else the read fails at the line of the first step,
 * saying which rate contradicts which step and what to pass instead. A rate within that but more
 * than 0.5 % ({@link #RATE_WARNING_TOLERANCE}) off the time column's is used, with a
 * one-line warning naming both rates and by how much every time and duration found is scaled.
 * The step is the statistic the rate is derived with when the file states none, so a stated or
 * given rate is held to the rate the time column itself gives; it is robust to gaps among those
 * steps (a stated 200 Hz against a time column of 100 Hz would otherwise read as a gap at every
 * row), and a file whose steps are mostly gaps from the start cannot be timed either way. An
 * index column (a sample count, not a time) says nothing about the rate and is not held to it.
 *
 * <p>Time column, row by row ({@link TimeSteps}), with the period of the rate used (an explicit
 * rate, when given): each step must be positive and within ±25 % of a whole number {@code k}
 * of sample periods, and {@code k} times 0.5 % more for the drift of the time column's clock over
 * a gap. A step of {@code k > 1} periods is a gap of {@code k − 1} missing rows:
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
    /**
     * How far, as a fraction, the rate used may be from the time column's before a warning says
     * so. Real clocks are far closer than that to their nominal rate (crystal oscillators within
     * 20–100 ppm, 0.01 %), and the time column's rate from {@value #LOOKAHEAD_ROWS} rows is right
     * to about 0.2 % even with times rounded to half a period; a difference it lets pass moves a
     * 1 s stride by at most 5 ms, a sample at 200 Hz. Beyond it, the rate used is a
     * different rate, not the same clock: a stated 120 Hz over times 0.01 s apart, or a
     * {@code --rate} that does not fit the file, scales every time and duration found.
     */
    static final double RATE_WARNING_TOLERANCE = 0.005;
    static final double MAX_GAP_S = GapLimit.MAX_FILLED_S;
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
     * Streams all rows into {@code sink}: start, rows, end. The first rows are held back
     * ({@link #holdFirstRows}) while the rate is settled ({@link RateSettler}); then the header
     * is made ({@link #startS}) and the rows streamed ({@link #streamRows}).
     *
     * @param source         the source name for the header
     * @param channels       channel names in row order
     * @param metadata       metadata for the header
     * @param statedRate     the rate the file states in its header, and where
     * @param statedStartS   the time of the first sample the file states, or NaN (then the first
     *                       time value, or 0 without a time column)
     * @param options        the user's options (only the rate is used here)
     * @param noRateAdvice   what the error says when no rate is known, e.g. how to pass one
     * @param warnings       warnings so far; completed here and handed to {@link SampleSink#end}
     */
    void stream(String source, List<ChannelName> channels, RecordingMetadata metadata, StatedRate statedRate,
                double statedStartS, ReadOptions options, String noRateAdvice, SampleSink sink,
                List<String> warnings) throws IOException {
        HeldRows held = holdFirstRows(warnings);
        boolean timeIgnored = clock == Clock.TIME_S && options.timeColumnIgnored();
        int timeColumn = rows.timeColumn();
        RateSettler.Rate rate = new RateSettler(file, held, timeColumn, clock == Clock.TIME_S, options, timeIgnored)
                .settle(statedRate, noRateAdvice, warnings);
        if (timeIgnored) {
            warnings.add(new RateMessages(file).timeIgnored(rate, options, statedStartS, held.lines[0], timeColumn));
        } else if (options.timeColumnIgnored() && clock != Clock.TIME_S) {
            warnings.add(file + ": has no time column: --ignore-time changes nothing");
        }
        TimeSteps steps = timeSteps(timeIgnored, rate.hz());
        double startS = startS(held, statedStartS, timeIgnored, rate.hz(), warnings);
        streamRows(held, new RecordingHeader(source, rate.hz(), startS, channels, metadata), steps, sink, warnings);
        rows.addLenientWarnings(warnings);
        sink.end(warnings);
    }

    /**
     * Reads the first rows, with a warning in {@code warnings} when the file ends in a row cut
     * short among them.
     *
     * @throws DataFormatException when the file holds no whole row
     */
    private HeldRows holdFirstRows(List<String> warnings) throws IOException {
        HeldRows held = new HeldRows(width);
        held.fill(rows);
        if (held.count == 0 && held.status == DelimitedRowParser.CUT) {
            throw new DataFormatException(file, rows.cutLine(), 0, "no samples: the only data row was cut short (the"
                    + " recording was interrupted)");
        }
        if (held.status == DelimitedRowParser.CUT) {
            warnings.add(cutWarning(rows.cutLine()));
        }
        if (held.count == 0) {
            throw new DataFormatException(file, rows.lastLine() + 1, 0, "no samples: the file ends before its first data row");
        }
        return held;
    }

    /** What checks the time of each row at {@code rateHz}: the time column or sample index, or null for none. */
    private TimeSteps timeSteps(boolean timeIgnored, double rateHz) {
        return switch (clock) {
            case TIME_S -> timeIgnored ? null : TimeSteps.ofTime(file, rows.timeColumn(), 1 / rateHz);
            case SAMPLE_INDEX -> TimeSteps.ofSampleIndex(file, rows.timeColumn(), 1 / rateHz);
            case NONE -> null;
        };
    }

    /**
     * The time of the first sample: the one stated, else the first row's, else 0; with a warning
     * in {@code warnings} when a stated one is more than half a period off a checked time column's.
     */
    private double startS(HeldRows held, double statedStartS, boolean timeIgnored, double rateHz,
                          List<String> warnings) {
        boolean hasTime = clock == Clock.TIME_S;
        double startS = !Double.isNaN(statedStartS) ? statedStartS : hasTime ? held.times[0] : 0;
        if (!Double.isNaN(statedStartS) && hasTime && !timeIgnored && Math.abs(statedStartS - held.times[0]) > 0.5 / rateHz) {
            warnings.add(file + ":" + held.lines[0] + ":" + rows.timeColumn() + ": the first time is " + held.times[0]
                    + " s but start_time_s is " + statedStartS + " s; the samples are timed from start_time_s");
        }
        return startS;
    }

    /**
     * Starts {@code sink} with {@code header} and streams the held rows and the rest into it, the
     * time of each checked with {@code steps} (null for none); {@code warnings} receives the
     * gaps found and a last row cut short.
     */
    private void streamRows(HeldRows held, RecordingHeader header, TimeSteps steps, SampleSink sink,
                            List<String> warnings) throws IOException {
        float[] missing = new float[width];
        Arrays.fill(missing, Float.NaN);
        RecordingAssembly parts = partsOf(held, sink);
        // The parts start before the sink does, so that they are parsed while it sets up (a
        // recording builder allocates and clears its columns).
        try (ParallelRowReader parallel = parts == null ? null
                : ParallelRowReader.start(file, rows, steps, parts, header, width, missing)) {
            sink.start(header);
            for (int i = 0; i < held.count; i++) {
                if (steps != null) {
                    steps.next(held.times[i], held.lines[i], sink, missing);
                }
                sink.accept(held.values[i]);
            }
            long cutLine = parallel != null ? parallel.finish() : pumpRest(held, steps, sink, missing);
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
    }

    /**
     * The sink to read the rest of the file into in parts ({@link ParallelRowReader}): {@code sink}
     * when it is a {@link RecordingAssembly} that splits what is left after the held rows, else null.
     */
    private RecordingAssembly partsOf(HeldRows held, SampleSink sink) throws IOException {
        TextSource text = rows.source();
        return held.status == DelimitedRowParser.ROW && sink instanceof RecordingAssembly assembly
                && text.readsFile() && assembly.splits(Files.size(file) - text.offset()) ? assembly : null;
    }

    /**
     * Streams the rows after the held ones into {@code sink} here, row by row ({@link #pump}).
     *
     * @return the line of a last row cut short, or 0
     */
    private long pumpRest(HeldRows held, TimeSteps steps, SampleSink sink, float[] missing) throws IOException {
        if (held.status != DelimitedRowParser.ROW) {
            return 0;
        }
        ReadProgress progress = sink instanceof RecordingAssembly assembly && rows.source().readsFile()
                ? assembly::readUpTo : null;
        return pump(rows, held.values[0], steps, sink, missing, progress) == DelimitedRowParser.CUT ? rows.cutLine() : 0;
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
}
