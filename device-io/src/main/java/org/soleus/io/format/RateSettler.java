package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Settles the rate of a text file from the rows {@link RowStreamer} holds back ({@link HeldRows}),
 * as its class comment tells: the rate given, stated or the time column's, held to the time
 * column. One per read.
 */
final class RateSettler {
    /**
     * A time column whose rows lie this far apart or farther (1 Hz or slower) does not time a
     * gait recording (a stride lasts about a second): without a rate stated or given that agrees
     * with it, it is an error rather than the rate, since it is nearly always a time in
     * milliseconds.
     */
    static final double MIN_PLAUSIBLE_STEP_S = 1.0;

    /**
     * The rate settled.
     *
     * @param hz         the rate used, Hz
     * @param step       the time column's step the rate is held to, or null (no time column, one
     *                   row only, or a time column not checked against a rate stated or given)
     * @param columnStep the time column's step over the held rows, or null (no time column, one
     *                   row only, or a time column not checked that does not rise)
     */
    record Rate(double hz, TimeColumnStep step, TimeColumnStep columnStep) {
    }

    private final Path file;
    private final HeldRows held;
    private final int timeColumn;
    private final boolean hasTime;
    private final ReadOptions options;
    private final boolean timeIgnored;
    private final RateMessages messages;

    /**
     * @param file        the file, for messages
     * @param held        the held rows, at least one
     * @param timeColumn  the 1-based time column, or 0 for none
     * @param hasTime     whether that column is the time in seconds (not a sample index)
     * @param options     the user's options
     * @param timeIgnored whether the time column is not checked ({@link ReadOptions#timeColumnIgnored})
     */
    RateSettler(Path file, HeldRows held, int timeColumn, boolean hasTime, ReadOptions options, boolean timeIgnored) {
        this.file = file;
        this.held = held;
        this.timeColumn = timeColumn;
        this.hasTime = hasTime;
        this.options = options;
        this.timeIgnored = timeIgnored;
        this.messages = new RateMessages(file);
    }

    /**
     * The rate: given, stated or the time column's ({@link #rateHz}), held to the time column
     * ({@link #holdToTimeColumn}); {@code warnings} receives what the time column says against
     * it ({@link HeldTimeChecks#frequentGaps}, {@link RateMessages#rateOffTime}).
     *
     * @param stated       the rate the file states in its header, and where
     * @param noRateAdvice what the error says when no rate is known, e.g. how to pass one
     * @throws DataFormatException when the time column gives no rate, or contradicts the rate
     */
    Rate settle(StatedRate stated, String noRateAdvice, List<String> warnings) throws IOException {
        double statedRateHz = stated.hz();
        int n = held.count;
        TimeColumnStep columnStep = columnStep();
        boolean rateStated = !Double.isNaN(statedRateHz) || !Double.isNaN(options.sampleRateHz());
        if (timeIgnored && n >= 2 && columnStep == null && !rateStated) {
            throw new DataFormatException(file, held.lines[0], timeColumn, "the time column does not rise over the first "
                    + n + " rows, so it gives no rate for --ignore-time: " + noRateAdvice);
        }
        // A time column that is not checked is not held to a rate stated or given either.
        TimeColumnStep step = timeIgnored && rateStated ? null : columnStep;
        double rateHz = rateHz(step, statedRateHz, noRateAdvice);
        if (hasTime && n >= 2 && !timeIgnored) {
            HeldTimeChecks checks = new HeldTimeChecks(file, held, timeColumn);
            checks.requireFineEnough(rateHz);
            checks.frequentGaps(rateHz).ifPresent(warnings::add);
        }
        holdToTimeColumn(step, rateHz, stated, warnings);
        return new Rate(rateHz, step, columnStep);
    }

    /**
     * The time column's step over the held rows ({@link TimeColumnStep#of}), or its typical step
     * where it is not checked ({@link TimeColumnStep#typical}); null without a time column or with
     * one row only.
     */
    private TimeColumnStep columnStep() throws DataFormatException {
        int n = held.count;
        return !hasTime || n < 2 ? null
                : timeIgnored ? TimeColumnStep.typical(held.times, n)
                : TimeColumnStep.of(file, held.times, held.lines, n, timeColumn);
    }

    /**
     * The rate used: the one given, else the one the file states, else the time column's
     * ({@code step}'s).
     *
     * @throws DataFormatException when neither is given nor stated and the time column steps too
     *                             slowly ({@link RateMessages#timesTooSlow}) or fast
     *                             ({@link RateMessages#timesTooFast}) for a rate
     * @throws UnknownSampleRateException when none of them gives a rate
     */
    private double rateHz(TimeColumnStep step, double statedRateHz, String noRateAdvice) throws IOException {
        double stepS = stepSeconds(step);
        boolean given = !Double.isNaN(options.sampleRateHz());
        if (stepS >= MIN_PLAUSIBLE_STEP_S && Double.isNaN(statedRateHz) && !given) {
            throw messages.timesTooSlow(step, held.lines[1], timeColumn);
        }
        double fileRateHz = fileRateHz(statedRateHz, stepS);
        if (Double.isNaN(statedRateHz) && !given && !Double.isNaN(stepS) && !ReadOptions.isSampleRate(fileRateHz)) {
            throw messages.timesTooFast(step, held.lines[1], timeColumn);
        }
        double rateHz = given ? options.sampleRateHz() : fileRateHz;
        if (Double.isNaN(rateHz)) {
            throw new UnknownSampleRateException(file, "the file states no sample rate"
                    + (hasTime ? " and has only one row to derive it from" : ""), noRateAdvice);
        }
        return rateHz;
    }

    /** A time step's seconds, or NaN for none. */
    private static double stepSeconds(TimeColumnStep step) {
        return step == null ? Double.NaN : step.seconds();
    }

    /** The rate of the file: the one it states, else its time column's (of step {@code stepS}), else NaN. */
    private static double fileRateHz(double statedRateHz, double stepS) {
        return Double.isNaN(statedRateHz) && !Double.isNaN(stepS) ? TimeColumnStep.snappedRateHz(stepS) : statedRateHz;
    }

    /**
     * Holds the rate used to the time column's {@code step}: more than
     * {@link TimeSteps#STEP_TOLERANCE} off is an error ({@link #contradiction}); more than
     * {@link RowStreamer#RATE_WARNING_TOLERANCE} a warning in {@code warnings}
     * ({@link RateMessages#rateOffTime}), after the one for a given rate that overrides the
     * file's ({@link ReaderSupport#rateOverride}, at the stated rate's value, or else at the
     * time column's second row), where that is not the same news.
     */
    private void holdToTimeColumn(TimeColumnStep step, double rateHz, StatedRate stated, List<String> warnings)
            throws DataFormatException {
        double statedRateHz = stated.hz();
        double stepS = stepSeconds(step);
        double optionRateHz = options.sampleRateHz();
        boolean given = !Double.isNaN(optionRateHz);
        double offTime = Double.isNaN(stepS) ? 0 : stepS * rateHz - 1;
        if (Math.abs(offTime) > TimeSteps.STEP_TOLERANCE) {
            throw contradiction(step, rateHz, given);
        }
        boolean offTimeColumn = Math.abs(offTime) > RowStreamer.RATE_WARNING_TOLERANCE;
        double fileRateHz = fileRateHz(statedRateHz, stepS);
        // Without a stated rate the file's rate is the time column's, which the warning below names.
        if (given && !Double.isNaN(fileRateHz) && Math.abs(optionRateHz - fileRateHz) > 1e-9 * fileRateHz
                && !(offTimeColumn && Double.isNaN(statedRateHz))) {
            boolean fromTimeColumn = Double.isNaN(statedRateHz);
            String where = fromTimeColumn ? DataFormatException.location(file, held.lines[1], timeColumn) + ": "
                    : stated.where();
            warnings.add(ReaderSupport.rateOverride(where, options.sampleRateGivenBy(), optionRateHz, fileRateHz,
                    fromTimeColumn ? "the time column's" : "the file's"));
        }
        if (offTimeColumn) {
            warnings.add(messages.rateOffTime(rateHz, given ? options : null, step, held.lines[1], timeColumn));
        }
    }

    /**
     * The error for a rate that the time column's {@code step} contradicts: times too slow to be
     * seconds ({@link RateMessages#timesTooSlow}), times stamped as the rows arrived
     * ({@link HeldTimeChecks#jitterAroundRate}), or another rate
     * ({@link RateMessages#rateContradictsTime}).
     */
    private DataFormatException contradiction(TimeColumnStep step, double rateHz, boolean given) {
        if (step.seconds() >= MIN_PLAUSIBLE_STEP_S) {
            return messages.timesTooSlow(step, held.lines[1], timeColumn);
        }
        Optional<DataFormatException> jitter = new HeldTimeChecks(file, held, timeColumn).jitterAroundRate(rateHz);
        return jitter.isPresent() ? jitter.get()
                : messages.rateContradictsTime(rateHz, given ? options : null, step, held.lines[1], timeColumn);
    }
}
