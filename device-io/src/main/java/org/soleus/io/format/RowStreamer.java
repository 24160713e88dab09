package org.soleus.io.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * with the step of its first {@value #LOOKAHEAD_ROWS} rows as {@link #timeColumnStep} takes it
 * (the median, or the mean where times are coarsely rounded), snapped to the nearest 0.001 Hz
 * when within 1 ppm. The rows needed for that are held back and streamed afterwards. A time
 * column whose rows lie a second or more apart gives no rate but an error at its second row
 * ({@link #MIN_PLAUSIBLE_STEP_S}): nearly always times in milliseconds; so does such a column
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
    /** How many typical steps a step of a time column that is not checked must span to be a gap ({@link #typicalStep}). */
    private static final double GAP_STEPS = 2.5;
    /** The sample rates of common gait sensors, Hz, which {@link #typicalStep} snaps to. */
    private static final double[] COMMON_RATES_HZ = {10, 20, 25, 30, 40, 50, 60, 64, 100, 120, 128, 200, 204.8, 250, 256,
        300, 400, 500, 512, 1000, 1024, 2000};
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
    /**
     * The most by which the rounding of a short file's first and last times may move its mean
     * step off the rate ({@link #requireFineEnoughTimes}); beyond it the step is another rate.
     */
    private static final double MAX_ROUNDING_SHARE = 0.05;
    static final double MAX_GAP_S = GapLimit.MAX_FILLED_S;
    /** Above this share of gaps among the held steps, {@link #frequentGaps} warns. */
    static final double MAX_GAP_SHARE = 0.1;
    private static final int MIN_GAPS_TOLD = 5;
    /** How far from a whole number a count of time resolutions may be, for rounding in the text. */
    private static final double WHOLE_TOLERANCE = 0.01;
    /**
     * How far from a whole number of time resolutions a period may be and still be read: closer,
     * the rounded steps are whole periods drifting slowly (a rate a little off the time column's,
     * which {@link #RATE_WARNING_TOLERANCE} tells); farther, they jump between one and two.
     */
    private static final double COARSE_TOLERANCE = 0.05;
    /**
     * A time column whose rows lie this far apart or farther (1 Hz or slower) does not time a
     * gait recording (a stride lasts about a second): without a rate stated or given that agrees
     * with it, it is an error rather than the rate, since it is nearly always a time in
     * milliseconds.
     */
    static final double MIN_PLAUSIBLE_STEP_S = 1.0;
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
     * ({@link #holdFirstRows}) while the rate is settled ({@link #settleRate}); then the header
     * is made ({@link #startS}) and the rows streamed ({@link #streamRows}).
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
        HeldRows held = holdFirstRows(warnings);
        boolean timeIgnored = clock == Clock.TIME_S && options.timeColumnIgnored();
        Rate rate = settleRate(held, statedRateHz, options, noRateAdvice, timeIgnored, warnings);
        if (timeIgnored) {
            warnings.add(timeIgnoredWarning(held, rate, options, statedStartS));
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
     * The first rows of the file, up to {@value #LOOKAHEAD_ROWS}, held back while the rate is
     * settled and streamed after it.
     */
    private static final class HeldRows {
        /** Each row's samples, {@code width} values. */
        final float[][] values;
        /** Each row's time ({@link DelimitedRowParser#time}), where a column is the time or sample index. */
        final double[] times;
        /** Each row's line. */
        final long[] lines;
        /** How many rows are held. */
        int count;
        /**
         * What the last read of the parser returned: {@link DelimitedRowParser#ROW} when more rows
         * may follow the held ones, else {@link DelimitedRowParser#END} or {@link DelimitedRowParser#CUT}.
         */
        int status = DelimitedRowParser.ROW;

        HeldRows(int width) {
            values = new float[LOOKAHEAD_ROWS][width];
            times = new double[LOOKAHEAD_ROWS];
            lines = new long[LOOKAHEAD_ROWS];
        }

        /** Reads rows from {@code rows} until {@value #LOOKAHEAD_ROWS} are held or the text ends. */
        void fill(DelimitedRowParser rows) throws IOException {
            while (count < LOOKAHEAD_ROWS && (status = rows.next(values[count])) == DelimitedRowParser.ROW) {
                times[count] = rows.time();
                lines[count] = rows.lastLine();
                count++;
            }
        }
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

    /**
     * The rate settled.
     *
     * @param hz         the rate used, Hz
     * @param step       the time column's step the rate is held to, or null (no time column, one
     *                   row only, or a time column not checked against a rate stated or given)
     * @param columnStep the time column's step over the held rows, or null (no time column, one
     *                   row only, or a time column not checked that does not rise)
     */
    private record Rate(double hz, TimeStep step, TimeStep columnStep) {
    }

    /**
     * The rate: given, stated or the time column's ({@link #rateHz}), held to the time column
     * ({@link #holdToTimeColumn}); {@code warnings} receives what the time column says against
     * it ({@link #frequentGaps}, {@link #rateOffTime}).
     *
     * @throws DataFormatException when the time column gives no rate, or contradicts the rate
     */
    private Rate settleRate(HeldRows held, double statedRateHz, ReadOptions options, String noRateAdvice,
                            boolean timeIgnored, List<String> warnings) throws IOException {
        int n = held.count;
        int timeColumn = rows.timeColumn();
        boolean hasTime = clock == Clock.TIME_S;
        TimeStep columnStep = !hasTime || n < 2 ? null
                : timeIgnored ? typicalStep(held.times, n) : timeColumnStep(held.times, held.lines, n, timeColumn);
        boolean rateStated = !Double.isNaN(statedRateHz) || !Double.isNaN(options.sampleRateHz());
        if (timeIgnored && n >= 2 && columnStep == null && !rateStated) {
            throw new DataFormatException(file, held.lines[0], timeColumn, "the time column does not rise over the first "
                    + n + " rows, so it gives no rate for --ignore-time: " + noRateAdvice);
        }
        // A time column that is not checked is not held to a rate stated or given either.
        TimeStep step = timeIgnored && rateStated ? null : columnStep;
        double rateHz = rateHz(held, step, statedRateHz, options, noRateAdvice);
        if (hasTime && n >= 2 && !timeIgnored) {
            requireFineEnoughTimes(held.times, held.lines, n, timeColumn, rateHz);
            frequentGaps(held.times, held.lines, n, timeColumn, rateHz).ifPresent(warnings::add);
        }
        holdToTimeColumn(held, step, rateHz, statedRateHz, options, warnings);
        return new Rate(rateHz, step, columnStep);
    }

    /**
     * The rate used: the one given, else the one the file states, else the time column's
     * ({@code step}'s).
     *
     * @throws DataFormatException when neither is given nor stated and the time column steps too
     *                             slowly ({@link #timesTooSlow}) or fast ({@link #timesTooFast})
     *                             for a rate
     * @throws UnknownSampleRateException when none of them gives a rate
     */
    private double rateHz(HeldRows held, TimeStep step, double statedRateHz, ReadOptions options, String noRateAdvice)
            throws IOException {
        double stepS = stepSeconds(step);
        boolean given = !Double.isNaN(options.sampleRateHz());
        if (stepS >= MIN_PLAUSIBLE_STEP_S && Double.isNaN(statedRateHz) && !given) {
            throw timesTooSlow(step, held.lines[1], rows.timeColumn());
        }
        double fileRateHz = fileRateHz(statedRateHz, stepS);
        if (Double.isNaN(statedRateHz) && !given && !Double.isNaN(stepS) && !ReadOptions.isSampleRate(fileRateHz)) {
            throw timesTooFast(step, held.lines[1], rows.timeColumn());
        }
        double rateHz = given ? options.sampleRateHz() : fileRateHz;
        if (Double.isNaN(rateHz)) {
            throw new UnknownSampleRateException(file, "the file states no sample rate"
                    + (clock == Clock.TIME_S ? " and has only one row to derive it from" : ""), noRateAdvice);
        }
        return rateHz;
    }

    /** A time step's seconds, or NaN for none. */
    private static double stepSeconds(TimeStep step) {
        return step == null ? Double.NaN : step.seconds();
    }

    /** The rate of the file: the one it states, else its time column's (of step {@code stepS}), else NaN. */
    private static double fileRateHz(double statedRateHz, double stepS) {
        return Double.isNaN(statedRateHz) && !Double.isNaN(stepS) ? snappedRateHz(stepS) : statedRateHz;
    }

    /**
     * Holds the rate used to the time column's {@code step}: more than
     * {@link TimeSteps#STEP_TOLERANCE} off is an error; more than {@link #RATE_WARNING_TOLERANCE}
     * a warning in {@code warnings} ({@link #rateOffTime}), after the one for a given rate that
     * overrides the file's ({@link ReaderSupport#rateOverride}), where that is not the same news.
     */
    private void holdToTimeColumn(HeldRows held, TimeStep step, double rateHz, double statedRateHz,
                                  ReadOptions options, List<String> warnings) throws DataFormatException {
        int timeColumn = rows.timeColumn();
        double stepS = stepSeconds(step);
        double optionRateHz = options.sampleRateHz();
        boolean given = !Double.isNaN(optionRateHz);
        double offTime = Double.isNaN(stepS) ? 0 : stepS * rateHz - 1;
        if (Math.abs(offTime) > TimeSteps.STEP_TOLERANCE) {
            if (stepS >= MIN_PLAUSIBLE_STEP_S) {
                throw timesTooSlow(step, held.lines[1], timeColumn);
            }
            Optional<DataFormatException> jitter = jitterAroundRate(rateHz, held.times, held.count, held.lines[1],
                    timeColumn);
            throw jitter.isPresent() ? jitter.get()
                    : rateContradictsTime(rateHz, given ? options : null, step, held.lines[1], timeColumn);
        }
        boolean offTimeColumn = Math.abs(offTime) > RATE_WARNING_TOLERANCE;
        double fileRateHz = fileRateHz(statedRateHz, stepS);
        // Without a stated rate the file's rate is the time column's, which the warning below names.
        if (given && !Double.isNaN(fileRateHz) && Math.abs(optionRateHz - fileRateHz) > 1e-9 * fileRateHz
                && !(offTimeColumn && Double.isNaN(statedRateHz))) {
            warnings.add(ReaderSupport.rateOverride(file + ": ", options.sampleRateGivenBy(), optionRateHz, fileRateHz,
                    Double.isNaN(statedRateHz) ? "the time column's" : "the file's"));
        }
        if (offTimeColumn) {
            warnings.add(rateOffTime(rateHz, given ? options : null, step, held.lines[1], timeColumn));
        }
    }

    /**
     * The warning that the time column is not checked ({@code --ignore-time}): at which rate the
     * rows are taken, from when, and that gaps are not found.
     */
    private String timeIgnoredWarning(HeldRows held, Rate rate, ReadOptions options, double statedStartS) {
        TimeStep step = rate.step();
        TimeStep columnStep = rate.columnStep();
        double rateHz = rate.hz();
        boolean given = !Double.isNaN(options.sampleRateHz());
        boolean offColumn = columnStep != null && Math.abs(columnStep.seconds() * rateHz - 1) > RATE_WARNING_TOLERANCE;
        return file + ":" + held.lines[0] + ":" + rows.timeColumn() + ": the time column is not checked"
                + " (--ignore-time): the rows are taken as evenly spaced at " + (step != null
                        ? timeRateText(step.seconds()) + " Hz (" + step.taken() + "; --rate gives the device's own)"
                        : rateHz + " Hz, " + (given ? "given by " + options.sampleRateGivenBy() : "the rate the file states")
                                + (offColumn ? " (the time column gives " + timeRateText(columnStep.seconds())
                                + " Hz, " + columnStep.taken() + ")" : "")) + ", from "
                + (Double.isNaN(statedStartS) ? "the first row's time" : "start_time_s") + ", and gaps between them"
                + " are not found";
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

    /**
     * Refuses a time column written with too few digits for the rate: times whose mean step
     * agrees with the rate (within {@link #RATE_WARNING_TOLERANCE}, or the rounding of the first
     * and last times over the rows between them where that is more: rounding cancels out over
     * the held rows but for theirs) but which are rounded to a resolution of half the sample period or more, the
     * period being no whole multiple of it (90 Hz to the hundredth of a second: steps
     * of 0.01 and 0.02 s for a period of 0.0111 s). Each step is then off by up to a whole resolution, so that rounding cannot
     * be told from gaps, and the rows would be misplaced. (300 Hz to the millisecond, whose steps
     * are off by at most a third of a period, and 100 Hz to the hundredth, which rounds nothing,
     * are read.) The resolution is the smallest step of the held rows when every held time is a
     * whole number of it from the first.
     */
    private void requireFineEnoughTimes(double[] times, long[] lines, int n, int column, double rateHz)
            throws DataFormatException {
        double resolution = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            double step = times[i] - times[i - 1];
            if (step > 0) {
                resolution = Math.min(resolution, step);
            }
        }
        if (!(resolution < Double.POSITIVE_INFINITY)) {
            return;
        }
        resolution = Math.rint(resolution * 1e9) / 1e9;
        for (int i = 1; i < n; i++) {
            double units = (times[i] - times[0]) / resolution;
            if (Math.abs(units - Math.rint(units)) > WHOLE_TOLERANCE) {
                return;
            }
        }
        double periodS = 1 / rateHz;
        double meanStepS = (times[n - 1] - times[0]) / (n - 1);
        // the first and last times are rounded too, by up to a resolution together: over a few
        // rows that moves the mean step by more than the tolerance (but a step 5 % off or more is
        // another rate, which the rate check tells)
        double allowed = Math.min(MAX_ROUNDING_SHARE, Math.max(RATE_WARNING_TOLERANCE,
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
     * A warning when more than {@value #MAX_GAP_SHARE} of the held rows' steps are gaps (two
     * periods or more): real gaps are rare, and steps that alternate between one and two periods
     * are rather times rounded with too few digits for the rate (70 Hz to the hundredth of a
     * second reads as 100 Hz with every third row missing).
     */
    private Optional<String> frequentGaps(double[] times, long[] lines, int n, int column, double rateHz) {
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
     * The error for a time column whose rows lie {@link #MIN_PLAUSIBLE_STEP_S} or more apart
     * without a rate that says so: nearly always times in milliseconds.
     */
    private DataFormatException timesTooSlow(TimeStep step, long line, int column) {
        return new DataFormatException(file, line, column, "the time column steps by " + TimeSteps.seconds(step.seconds())
                + " s per row (" + step.taken() + "), too slow to time gait events; expected seconds: are the times"
                + " in milliseconds?");
    }

    /**
     * The error for a time column whose step gives a rate above those taken
     * ({@link ReadOptions#isSampleRate}) without a rate stated or given: times in another unit
     * than seconds, or not times.
     */
    private DataFormatException timesTooFast(TimeStep step, long line, int column) {
        return new DataFormatException(file, line, column, "the time column steps by "
                + new BigDecimal(step.seconds()).round(new MathContext(6)).doubleValue() + " s per row (" + step.taken()
                + "), a rate of " + timeRateText(step.seconds()) + " Hz: expected " + ReadOptions.SAMPLE_RATES
                + " (are the times in seconds?)");
    }

    /**
     * The error for a time column whose typical step contradicts the rate while its rows, over
     * the held span, keep the rate's pace (the slope of time over row number within
     * {@link #RATE_WARNING_TOLERANCE} of the period): times stamped as the rows arrived, which
     * jitter, rather than another rate; empty otherwise.
     */
    private Optional<DataFormatException> jitterAroundRate(double rateHz, double[] times, int n, long line, int column) {
        // the pace: the least-squares slope of time over row number, which the jitter of the first
        // and last rows hardly moves
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
        if (Math.abs(covariance / variance * rateHz - 1) > RATE_WARNING_TOLERANCE) {
            return Optional.empty();
        }
        double least = Double.POSITIVE_INFINITY;
        double most = 0;
        for (int i = 1; i < n; i++) {
            least = Math.min(least, times[i] - times[i - 1]);
            most = Math.max(most, times[i] - times[i - 1]);
        }
        return Optional.of(new DataFormatException(file, line, column, "the time column's steps vary from "
                + TimeSteps.seconds(least) + " to " + TimeSteps.seconds(most) + " s around the period of "
                + TimeSteps.seconds(1 / rateHz) + " s (" + rateHz + " Hz), which its first " + n + " rows keep on average: times"
                + " stamped as the rows arrived? Pass --ignore-time to take the rows as evenly spaced at the rate"));
    }

    /**
     * The error for a rate that contradicts the time column's step.
     *
     * @param given the options that gave the rate, or null when the file states it
     * @param line  the line of the first step
     */
    private DataFormatException rateContradictsTime(double rateHz, ReadOptions given, TimeStep step, long line,
                                                    int column) {
        String rate = rateHz + " Hz (period " + TimeSteps.seconds(1 / rateHz) + " s)";
        String steps = "the time column, which steps by " + TimeSteps.seconds(step.seconds()) + " s from this row on ("
                + step.taken() + ")";
        String timeRate = passRate(timeRateText(step.seconds()), given);
        return new DataFormatException(file, line, column, given != null
                ? "the sample rate given by " + given.sampleRateGivenBy() + ", " + rate + ", contradicts " + steps
                        + ": " + timeRate + ", the time column's rate, or --ignore-time if the time column is wrong"
                : "the sample rate the file states, " + rate + ", contradicts " + steps
                        + ": if the time column is right and the stated rate wrong, " + timeRate
                        + "; if the time column is wrong, --ignore-time");
    }

    /**
     * The warning for a rate within the time column's tolerance but more than
     * {@link #RATE_WARNING_TOLERANCE} off its rate, at the line of the first step, e.g.
     * {@code walk.csv:5:1: the sample rate the file states, 120.0 Hz, is 20.0 % above the 100.0 Hz
     * of the time column (steps of 0.01 s, the median of the first 255 steps): the samples are
     * timed at 120.0 Hz, so every time and duration found is 0.833 times the time
     * column's; if the time column is right, pass --rate 100.0}.
     *
     * @param given the options that gave the rate, or null when the file states it
     */
    private String rateOffTime(double rateHz, ReadOptions given, TimeStep step, long line, int column) {
        double off = step.seconds() * rateHz - 1;
        String timeRate = timeRateText(step.seconds());
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
     * The step of a time column.
     *
     * @param seconds the step, s
     * @param taken   how it was taken, for a message: "the median of the first 255 steps"
     */
    private record TimeStep(double seconds, String taken) {
    }

    /**
     * The time column's step over the held rows: the median step, or, where times are rounded
     * so coarsely that it misses the period, the mean of the steps within half a step of the
     * median; fails at the first step that is not positive.
     *
     * <p>The median is the step of a typical row: the period the file was written with (0.01 s)
     * whatever its time column's clock drift or last-digit rounding (gaitpdb's times step by
     * 0.0099 s every 143rd row). But times written with few digits step unevenly (300 Hz to the
     * millisecond: 0.003, 0.003, 0.004 s…), and the median is then one of the rounded steps (0.003
     * s, i.e. 333 Hz, 11 % off). The mean of consecutive steps is the time elapsed over them
     * divided by their number, so the rounding of each time cancels but for the first and last:
     * over 255 steps, to about 0.1 % there. The mean is taken over the steps within half a median
     * step of the median, so that a gap among the first rows (at least two periods, 1.5 median
     * steps even where rounding has shortened the median) does not bias it; the window is wider
     * than the ±25 % a single row may deviate, because a rounded step may exceed the median by
     * more than that (0.004 s is 1.33 steps of 0.003 s) while being one period. The mean replaces
     * the median only where the two differ by more than {@link #RATE_WARNING_TOLERANCE}: a smaller
     * difference is drift or rounding not worth a warning, and the median gives the rate the
     * file was written at (gaitpdb's 100 Hz, where the mean says 100.008 Hz).
     */
    private TimeStep timeColumnStep(double[] times, long[] lines, int n, int column) throws DataFormatException {
        double[] steps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = times[i] - times[i - 1];
            if (!(steps[i - 1] > 0)) {
                throw new DataFormatException(file, lines[i], column, TimeSteps.notIncreasing(times[i], times[i - 1],
                        lines[i] - lines[i - 1]));
            }
        }
        if (steps.length == 1) {
            return new TimeStep(steps[0], "the first step");
        }
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
        double sum = 0;
        int count = 0;
        // half a step, and the error of a difference of two decimal times in binary (60 Hz to
        // 0.01 s steps by 0.01 and 0.02 s: 0.01 s is exactly half a median step, give or take 1e-17 s)
        double window = 0.5 * median * (1 + 1e-9);
        for (double step : steps) {
            if (Math.abs(step - median) <= window) {
                sum += step;
                count++;
            }
        }
        double mean = sum / count;
        return Math.abs(mean - median) <= RATE_WARNING_TOLERANCE * median
                ? new TimeStep(median, "the median of the first " + steps.length + " steps")
                : new TimeStep(mean, "the mean of the first " + steps.length + " steps, gaps left out");
    }

    /**
     * The typical step of the held times for a time column that is not checked
     * ({@link ReadOptions#timeColumnIgnored}): the least-squares slope of time over row number at
     * the rows where the time changes, pooled over the pieces between gaps, snapped to a common
     * device rate
     * ({@link #COMMON_RATES_HZ}) within {@link #RATE_WARNING_TOLERANCE}. Jitter and bursts of equal
     * times (rows stamped per radio packet, of any length) average out in the slope; a gap is a
     * step more than {@value #GAP_STEPS} times the median of the steps that are not zero (the
     * period, or a burst's), so that it does not count as time between rows. Null when the times
     * do not rise.
     */
    private static TimeStep typicalStep(double[] times, int n) {
        double[] rising = new double[n - 1];
        int count = 0;
        for (int i = 1; i < n; i++) {
            if (times[i] > times[i - 1]) {
                rising[count++] = times[i] - times[i - 1];
            }
        }
        if (count == 0) {
            return null;
        }
        double[] sorted = Arrays.copyOf(rising, count);
        Arrays.sort(sorted);
        double gapS = GAP_STEPS * sorted[count / 2];
        // The rows where the time changes: the first of a burst of equal times is stamped when
        // the burst arrives, its last row's sample having been taken then.
        int[] rows = new int[n];
        int changes = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || times[i] != times[i - 1]) {
                rows[changes++] = i;
            }
        }
        double covariance = 0;
        double variance = 0;
        int from = 0;
        for (int c = 1; c <= changes; c++) {
            if (c == changes || times[rows[c]] - times[rows[c - 1]] > gapS) {
                double meanRow = 0;
                double meanTime = 0;
                for (int k = from; k < c; k++) {
                    meanRow += (double) rows[k] / (c - from);
                    meanTime += times[rows[k]] / (c - from);
                }
                for (int k = from; k < c; k++) {
                    covariance += (rows[k] - meanRow) * (times[rows[k]] - meanTime);
                    variance += (rows[k] - meanRow) * (rows[k] - meanRow);
                }
                from = c;
            }
        }
        double stepS = covariance / variance;
        if (!(stepS > 0)) {
            return null;
        }
        for (double rateHz : COMMON_RATES_HZ) {
            if (Math.abs(stepS * rateHz - 1) <= RATE_WARNING_TOLERANCE) {
                return new TimeStep(1 / rateHz, "the mean step of the first " + n + " rows, gaps left out, within "
                        + RATE_WARNING_TOLERANCE * 100 + " % of a common rate");
            }
        }
        return new TimeStep(stepS, "the mean step of the first " + n + " rows, gaps left out");
    }

    /** The rate of a time step for a message or a suggested {@code --rate}: snapped, to 6 digits. */
    private static String timeRateText(double stepS) {
        return Double.toString(new BigDecimal(snappedRateHz(stepS)).round(new MathContext(6)).doubleValue());
    }

    /** {@code 1 / stepS}, snapped to 0.001 Hz when within 1 ppm. */
    private static double snappedRateHz(double stepS) {
        double rate = 1 / stepS;
        double snapped = Math.rint(rate * 1000) / 1000;
        return snapped > 0 && Math.abs(snapped - rate) <= 1e-6 * rate ? snapped : rate;
    }
}
