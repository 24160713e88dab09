package org.soleus.core.events;

import java.util.Objects;
import org.soleus.core.filter.Median3;
import org.soleus.core.recording.SampleRates;

/**
 * Streaming heel-strike and toe-off detector for one foot's insole force (or any signal that
 * rises with load: newtons, ADC counts, footswitch voltage).
 *
 * <p>Two stages, both causal:
 * <ol>
 *   <li><b>Contact state</b> by a threshold with hysteresis (the dual-threshold method compared
 *       by Blades et al., "Evaluation of different pressure-based foot contact event detection
 *       algorithms across different slopes and speeds", Sensors 23(5):2736, 2023,
 *       doi:10.3390/s23052736, on running; walking is validated here against gaitndd and
 *       Moticon), where both thresholds are fractions of the foot's own amplitude
 *       ({@link ContactLevels}): the baseline is the lowest value of the last unloaded phase and
 *       the peak the highest value of the last loaded phase, so baseline drift and gain
 *       differences between sensors are followed cycle by cycle. Minimum contact and swing
 *       durations act both ways: a crossing comes no sooner than that after the previous one,
 *       and an unloading shorter than the shortest swing (a mid-stance dip close to the
 *       baseline) or a loading shorter than the shortest contact (a bump in swing) is withdrawn
 *       before it is reported.</li>
 *   <li><b>Refinement</b> to where the signal leaves (heel strike) or rejoins (toe off) its
 *       unloaded baseline, the knee of the edge (the "kneedle" criterion of Satopää et al.,
 *       ICDCS Workshops 2011), near its crossing: a toe off within the refinement window,
 *       widened with the foot's tempo ({@link StrideTempo}), a heel strike within two windows
 *       before it; or, under
 *       {@link EventTiming#LOAD_LEVELS}, where the signal crosses two levels,
 *       {@value #LEVEL_HEEL_STRIKE_FRACTION} of the last contact's height on the rise and
 *       {@value #LEVEL_TOE_OFF_FRACTION} of the contact's own on the fall: the timing of
 *       Moticon's step markers ({@link EdgeRefiner}).</li>
 * </ol>
 *
 * <p>Robustness to glitches: the contact state follows the 3-sample running median (Tukey,
 * "Exploratory Data Analysis", 1977; {@link SampleHistory}), and the highest value of a phase,
 * from which the peak is taken, and the lowest, from which the baseline is taken, are those of
 * the median too. So a single sample far above its neighbours (a transmission error) neither
 * starts a contact nor raises the peak, and with it the contact threshold, above every later
 * step, and a single sample far below neither ends a contact nor lowers the release threshold
 * below every later swing. Nor do several samples far below in a row: a value more than half the
 * release margin ({@code offFraction / 2} of the amplitude) below the baseline is taken for the
 * unloaded level only once the signal has held it for half the shortest swing (a lasting fall of
 * the sensor's unloaded level, which is then followed); a shorter dip counts as that limit, so
 * that the release threshold stays above the swing. Two samples far above in a row pass the
 * 3-sample median, so a contact may raise the learned peak at most {@value #MAX_PEAK_GROWTH}-fold
 * (a real rise is followed within a step or two), and the warm-up and the relearning after lost
 * lock take their levels from the 5-sample median. A crossing of the median is placed at the
 * middle of its three samples, which on a clean edge is where the signal itself crosses. The
 * refinement works on the centred 3-sample median as well. Loaded and unloaded phases last many
 * samples and pass the median almost unchanged. Against upward glitches the median does not
 * remove (glitches of several samples, a gain change), the detector recovers lost lock: when it
 * has stayed unloaded, or loaded, for {@value LockRecovery#LOCK_LOSS_S} s and that span shows
 * load cycles, baseline and peak are learned anew from it ({@link LockRecovery}).
 *
 * <p>Events are reported through a {@link ContactEventListener} in time order, each at most
 * {@link #maxReportDelaySamples} after it happened (the toe off's widest window, twice
 * {@code refineWindowS}, plus the longest of that window, {@code minContactS} and
 * {@code minSwingS}) (those within the warm-up: once
 * it ends, see below). A missing sample (NaN, and an infinite value, which carries no magnitude)
 * is a gap: the events still waiting are reported, refined on the samples before it, and no
 * event is placed in it or refined across it; after it the detector goes on with the baseline
 * and peak it had learned (the sensor's gain does not change in a gap), its contact state set
 * by the first sample (loaded when above the middle of the two thresholds), so that detection
 * resumes at once. A detector still in its warm-up ends it on the samples before the gap as it
 * would at the end of the data (below), or, when they span less than the warm-up time or show no
 * step, starts the warm-up anew. Callers bridge
 * short gaps by interpolation first. The warm-up after construction or {@link #reset()} reports
 * nothing while it learns the levels, until the signal has made a whole step on them: a
 * contact, a swing and the next contact ({@link WarmUp}). At its end its samples are run through
 * detection with what it learned, so that the contacts within it are reported too, as late as
 * the warm-up lasted; data that end (or break off at a gap) during the swing of such a step end
 * it as well, and data that end ({@link #flush}) before the warm-up has ended are followed once
 * more from their start, on the levels learned from all of them, so that a clip of a stride or
 * two gives its events. Of a warm-up longer than half the detector's history (which holds more
 * than four times {@value LockRecovery#LOCK_LOSS_S} s, so that the half holds a first contact and
 * a swing of that span each), only the last half is run through.
 *
 * <p>No allocation per sample. Not thread-safe.
 */
public final class ContactEventDetector {
    /**
     * How many times its height above the baseline a contact's peak may raise the learned peak at
     * once: a glitch of two samples, which the 3-sample median lets through, then cannot lift the
     * contact threshold above the steps that follow, while a real rise of the load (a gain
     * change, a harder step) is followed within a step or two.
     */
    private static final double MAX_PEAK_GROWTH = 2.0;
    /**
     * How far below the baseline, as a share of the release margin ({@code offFraction} of the
     * amplitude), a dip may go before it must last to count as the unloaded level.
     */
    private static final double DIP_SHARE_OF_RELEASE_MARGIN = 0.5;
    /**
     * Heel strike under {@link EventTiming#LOAD_LEVELS}: where the force rises through this share
     * of the last contact's height above the unloaded level. Estimated, with
     * {@link #LEVEL_TOE_OFF_FRACTION}, from the step markers of the two Moticon exports shipped:
     * of the pairs 0.02–0.07 by 0.09–0.14, the one with the smallest mean absolute error over
     * both (6.5 ms; every pair within 0.02–0.06 and 0.10–0.14 gives at most 11.5 ms on either
     * walk, and 5.0–16.9 ms on a third export of the vendor's, not shipped). At a walking
     * stance's peak of 1.1–1.3 body weights it is about the 0.04 body weights below which
     * Moticon's tools call a foot unloaded.
     */
    public static final double LEVEL_HEEL_STRIKE_FRACTION = 0.03;
    /**
     * Toe off under {@link EventTiming#LOAD_LEVELS}: where the force falls through this share of
     * the contact's own height above the unloaded level ({@link #LEVEL_HEEL_STRIKE_FRACTION}).
     * Below the release threshold ({@code offFraction}) by default, so that the crossing comes
     * after the release's.
     */
    public static final double LEVEL_TOE_OFF_FRACTION = 0.12;

    private final int minContactSamples;
    private final int minSwingSamples;
    /** Samples a level must last to be taken as a new unloaded level: half the shortest swing. */
    private final int holdSamples;

    private final SampleHistory history;
    private final ContactLevels levels;
    private final EdgeRefiner refiner;
    private final WarmUp warmUp;
    private final LockRecovery lock;

    private boolean loaded;
    private double segmentMin;
    private double segmentMax;
    private long lastCrossing;
    private long previousCrossing;

    /**
     * @param sampleRateHz sample rate of the signal, Hz
     * @param settings     thresholds and durations
     * @param listener     receives the events
     */
    public ContactEventDetector(double sampleRateHz, ContactDetectorSettings settings, ContactEventListener listener) {
        this(sampleRateHz, settings, Double.NaN, listener);
    }

    /**
     * A detector for a signal whose converter writes {@code rangeMinimum} for every value at or
     * below it, as an ADC writes its lowest code ({@code RecordingMetadata.rangeMinimum}): a
     * sensor whose unloaded level lies below that reads a floor held flat through its swings,
     * which cuts each fall off before it reaches the unloaded level. The toe off is then the
     * corner where the fall reaches that floor: its chord runs on over the samples at the
     * floor, within the refinement window, rather than ending at the first of them, where the
     * knee would fall within the fall. Where the range is not known (NaN), a floor is taken for
     * what it reads: a signal that settles on its unloaded level (an insole reading exactly 0 N)
     * keeps the knee of its approach.
     *
     * @param sampleRateHz sample rate of the signal, Hz
     * @param settings     thresholds and durations
     * @param rangeMinimum the lowest value the signal's converter writes, or NaN when not known
     * @param listener     receives the events
     */
    public ContactEventDetector(double sampleRateHz, ContactDetectorSettings settings, double rangeMinimum,
                                ContactEventListener listener) {
        this(sampleRateHz, settings, rangeMinimum, EventTiming.UNLOADED_BASELINE, listener);
    }

    /**
     * A detector for a signal whose events follow {@code timing} (a recording's
     * {@link EventTiming#of(org.soleus.core.recording.RecordingMetadata)}), and whose converter
     * writes {@code rangeMinimum} for every value at or below it
     * ({@link #ContactEventDetector(double, ContactDetectorSettings, double, ContactEventListener)}).
     *
     * @param sampleRateHz sample rate of the signal, Hz
     * @param settings     thresholds and durations
     * @param rangeMinimum the lowest value the signal's converter writes, or NaN when not known
     * @param timing       where on the edges the events are placed
     * @param listener     receives the events
     */
    public ContactEventDetector(double sampleRateHz, ContactDetectorSettings settings, double rangeMinimum,
                                EventTiming timing, ContactEventListener listener) {
        SampleRates.require(sampleRateHz);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(timing, "timing");
        int baseRefineSamples = refineSamples(sampleRateHz, settings);
        this.minContactSamples = samples(settings.minContactS(), sampleRateHz);
        this.minSwingSamples = samples(settings.minSwingS(), sampleRateHz);
        int warmUpSamples = Math.max(1, (int) Math.round(settings.warmUpS() * sampleRateHz));
        int lockLossSamples = LockRecovery.lockLossSamples(sampleRateHz);
        this.holdSamples = Math.max(3, minSwingSamples / 2);
        this.history = new SampleHistory(historyCapacity(sampleRateHz, settings));
        this.levels = new ContactLevels(settings.onFraction(), settings.offFraction());
        this.refiner = new EdgeRefiner(history, levels, baseRefineSamples, minContactSamples, minSwingSamples,
                new StrideTempo(sampleRateHz, lockLossSamples), rangeMinimum, timing, listener);
        this.warmUp = new WarmUp(history, levels, warmUpSamples, lockLossSamples, minSwingSamples, baseRefineSamples);
        this.lock = new LockRecovery(history, levels, lockLossSamples);
        reset();
    }

    /**
     * The longest a warm-up holds the events of other sources back, samples: while a detector
     * warms up (as it does for as long as its signal stays flat, such as an insole that carries
     * nothing), {@link #warmUpFloor()} trails {@link #sampleCount()} by up to half its history.
     * With the defaults at 100 Hz, 1024 samples.
     *
     * @throws IllegalArgumentException when the rate is not positive and finite
     */
    public static int maxWarmUpHoldSamples(double sampleRateHz, ContactDetectorSettings settings) {
        SampleRates.require(sampleRateHz);
        Objects.requireNonNull(settings, "settings");
        return historyCapacity(sampleRateHz, settings) / 2;
    }

    /**
     * The samples of history a detector keeps, a power of two. Half the history is replayed after
     * the warm-up: at least a first contact and a swing of the lock-loss span each, the longest
     * step the warm-up waits for.
     */
    private static int historyCapacity(double sampleRateHz, ContactDetectorSettings settings) {
        int longestPhase = Math.max(samples(settings.minContactS(), sampleRateHz), samples(settings.minSwingS(), sampleRateHz));
        return Integer.highestOneBit(Math.max(4 * LockRecovery.lockLossSamples(sampleRateHz),
                4 * Math.max(EdgeRefiner.widestRefineSamples(refineSamples(sampleRateHz, settings)), longestPhase) + 8)) << 1;
    }

    /**
     * The longest an event of a detector at this rate with these settings waits to be reported,
     * samples: every event not yet reported, outside the warm-up ({@link #warmUpFloor()}), lies
     * at a sample index above {@code sampleCount() - maxReportDelaySamples(...)}, so events of
     * other sources up to that index can be merged with the detector's in time order. With the
     * defaults at 100 Hz, 61 samples (the toe off's window at the slowest tempo followed).
     *
     * @throws IllegalArgumentException when the rate is not positive and finite
     */
    public static int maxReportDelaySamples(double sampleRateHz, ContactDetectorSettings settings) {
        SampleRates.require(sampleRateHz);
        Objects.requireNonNull(settings, "settings");
        int refine = EdgeRefiner.widestRefineSamples(refineSamples(sampleRateHz, settings));
        int lookAhead = Math.max(samples(settings.minContactS(), sampleRateHz),
                Math.max(refine, samples(settings.minSwingS(), sampleRateHz)));
        // An event lies at most the refinement window before its crossing, which is found one
        // sample after it (the median's centre); the event is reported once the look-ahead of its
        // kind has passed, and after the events queued before it, whose crossings came earlier:
        // by its crossing plus the longest look-ahead, sampleCount() then counting that sample too.
        return refine + 1 + lookAhead;
    }

    private static int refineSamples(double sampleRateHz, ContactDetectorSettings settings) {
        return Math.max(2, samples(settings.refineWindowS(), sampleRateHz));
    }

    private static int samples(double durationS, double sampleRateHz) {
        return (int) Math.round(durationS * sampleRateHz);
    }

    /** Forgets the signal seen so far; the next samples are a new warm-up. Sample indices go on counting. */
    public void reset() {
        refiner.reset();
        history.startOver();
        warmUp.start();
        loaded = false;
        levels.forget();
        lastCrossing = Long.MIN_VALUE / 2;
        previousCrossing = Long.MIN_VALUE / 2;
        lock.reset();
    }

    /**
     * The earliest sample index at which an event not yet reported may still be placed by the
     * warm-up's detection of its own samples, or {@link Long#MAX_VALUE} when no warm-up is
     * running. Events of other sources later than this must wait for this detector before
     * they are merged with its events in time order.
     */
    public long warmUpFloor() {
        return warmUp.isRunning() ? history.lastHalfFrom() : Long.MAX_VALUE;
    }

    /**
     * The earliest sample index at which an event not yet reported, outside a warm-up
     * ({@link #warmUpFloor()}), may still be placed: events of other sources before it can be
     * merged with the detector's in time order. A crossing still to come lies at the last sample
     * or later and its event at most the widest refinement window before it; a crossing waiting
     * for its look-ahead gives its event at most its window before it: the heel strike's twice as
     * set (a rise in two stages, {@link EdgeRefiner}), the toe off's at the current tempo,
     * or the widest when a heel strike waiting before it may change the tempo first. So it lies
     * at most {@link #maxReportDelaySamples} before
     * {@link #sampleCount()}, and at ordinary tempo about half that.
     */
    public long reportFloor() {
        return refiner.reportFloor(history.count());
    }

    /** Number of samples accepted since construction. */
    public long sampleCount() {
        return history.count();
    }

    /**
     * Takes the next sample.
     *
     * @param value the signal; NaN or an infinite value is a missing sample (a gap)
     */
    public void accept(double value) {
        if (!Double.isFinite(value)) {
            gap();
            history.skip();
            return;
        }
        long i = history.add(value);
        if (warmUp.isRunning()) {
            if (warmUp.accept(i, value)) {
                replayWarmUp();
            }
            return;
        }
        if (history.sinceReset() == 1) {
            resume(i, value);
            return;
        }
        step(i);
    }

    /**
     * Contact state, crossings and refinement for sample {@code i}, once learned; the state
     * follows the running median of {@code i - 2 .. i}, whose crossings are placed at its middle
     * sample.
     */
    private void step(long i) {
        double robust = history.median3(i);
        long centre = i - 1;
        double baseline = levels.baseline;
        double peak = levels.peak;
        if (!loaded) {
            segmentMin = Math.min(segmentMin, unloadedLevel(i, robust));
            double amplitude = peak - Math.min(baseline, segmentMin);
            if (robust > Math.min(baseline, segmentMin) + levels.onFraction * amplitude) {
                if (centre - lastCrossing >= minSwingSamples) {
                    loaded = true;
                    previousCrossing = lastCrossing;
                    lastCrossing = centre;
                    levels.baseline = segmentMin;
                    segmentMax = robust;
                    refiner.enqueue(centre, true);
                } else if (refiner.cancelTail(false, lastCrossing)) {
                    // An unloading shorter than the shortest swing: a dip within stance.
                    loaded = true;
                    lastCrossing = previousCrossing;
                    segmentMax = Math.max(segmentMax, robust);
                }
            } else if (lock.recovers(i, lastCrossing, false)) {
                segmentMin = Math.min(segmentMin, levels.baseline);
            }
        } else {
            segmentMax = Math.max(segmentMax, robust);
            double contactMax = Math.min(segmentMax, baseline + MAX_PEAK_GROWTH * (peak - baseline));
            double amplitude = Math.max(peak, contactMax) - baseline;
            if (robust < baseline + levels.offFraction * amplitude) {
                if (centre - lastCrossing >= minContactSamples) {
                    loaded = false;
                    previousCrossing = lastCrossing;
                    lastCrossing = centre;
                    levels.peak = contactMax;
                    segmentMin = unloadedLevel(i, robust);
                    refiner.enqueue(centre, false);
                } else if (refiner.cancelTail(true, lastCrossing)) {
                    // A loading shorter than the shortest contact: a bump within swing.
                    loaded = false;
                    lastCrossing = previousCrossing;
                    segmentMin = Math.min(baseline, unloadedLevel(i, robust));
                }
            } else if (lock.recovers(i, lastCrossing, true)) {
                segmentMin = Math.min(segmentMin, levels.baseline);
            }
        }
        refiner.refineDue(i);
    }

    /**
     * What sample {@code i} says of the unloaded level: its running median {@code robust},
     * unless that lies more than half the release margin ({@code offFraction × amplitude}) below
     * the baseline. Such a value is taken only once the signal has stayed that low for
     * {@link #holdSamples} ({@link #heldLevel}: a real fall of the sensor's unloaded level); a
     * shorter dip (a dropout, a transmission error) counts as that limit. Taken as it is, the
     * dip would put the release threshold below every later swing.
     */
    private double unloadedLevel(long i, double robust) {
        double baseline = levels.baseline;
        double lowest = baseline - DIP_SHARE_OF_RELEASE_MARGIN * levels.offFraction * (levels.peak - baseline);
        if (robust >= lowest) {
            return robust;
        }
        double held = heldLevel(i);
        return Math.max(robust, held < lowest ? held : lowest);
    }

    /**
     * The maximum of the {@link #holdSamples} samples up to {@code i}: the lowest level the
     * signal has held that long; NaN when fewer have passed since the last gap. Only needed
     * below the limit of {@link #unloadedLevel}, so the scan costs nothing in normal walking.
     */
    private double heldLevel(long i) {
        long from = i - holdSamples + 1;
        if (from < history.resumedAt()) {
            return Double.NaN;
        }
        double max = history.at(i);
        for (long k = from; k < i; k++) {
            max = Math.max(max, history.at(k));
        }
        return max;
    }

    /**
     * A missing sample: reports the pending events on the samples before it and forgets the
     * history. A detector still warming up ends its warm-up on the samples before the gap as at
     * the end of the data ({@link #endWarmUpInSwing}; {@link #endShortWarmUp} once they span the
     * warm-up time, so that a gap within the first steps loses no event before it), and
     * otherwise starts anew.
     */
    private void gap() {
        if (warmUp.isRunning() && !endWarmUpInSwing()) {
            if (warmUp.spansWarmUpTime()) {
                endShortWarmUp();
            }
            if (warmUp.isRunning()) {
                reset();
                return;
            }
        }
        refiner.breakOff(history.count() - 1);
        history.startOver();
    }

    /** The first sample after a gap: contact state from it, no crossing before it. */
    private void resume(long i, double value) {
        double baseline = levels.baseline;
        loaded = value > baseline + 0.5 * (levels.onFraction + levels.offFraction) * (levels.peak - baseline);
        segmentMin = value;
        segmentMax = value;
        lastCrossing = Long.MIN_VALUE / 2;
        previousCrossing = Long.MIN_VALUE / 2;
        lock.resumeAt(i);
    }

    /**
     * The data end, or break off at a gap, while the warm-up waits for the next contact after a
     * swing that has already lasted the shortest swing ({@link WarmUp#endsInSwing}): the warm-up
     * ends and its samples are run through detection. Returns whether it did.
     */
    private boolean endWarmUpInSwing() {
        if (!warmUp.endsInSwing()) {
            return false;
        }
        replayWarmUp();
        return true;
    }

    /**
     * The data end while the warm-up is still learning ({@link WarmUp#endsShort}): when its
     * samples, followed again on the levels learned from all of them, hold a step or end in the
     * swing of one, the warm-up ends and they are run through detection.
     */
    private void endShortWarmUp() {
        if (warmUp.endsShort()) {
            replayWarmUp();
        }
    }

    /**
     * Once the warm-up has learned baseline and peak, runs its samples (the last half of the
     * history at most) through detection, so that the contacts within it are reported too,
     * only later: the first sample sets the contact state, as after a gap, by the median of it
     * and the two samples after it, which the replay knows, so that a glitch on that sample is
     * not taken for the level the foot starts at.
     */
    private void replayWarmUp() {
        long now = history.count() - 1;
        long from = history.lastHalfFrom();
        resume(from, now - from >= 2
                ? Median3.of(history.at(from), history.at(from + 1), history.at(from + 2)) : history.at(from));
        for (long k = from + 1; k <= now; k++) {
            step(k);
        }
    }

    /**
     * Reports the events still waiting for their look-ahead, refined on the samples there are.
     * Call at the end of a recording.
     */
    public void flush() {
        if (!endWarmUpInSwing()) {
            endShortWarmUp();
        }
        refiner.drain(history.count() - 1);
    }
}
