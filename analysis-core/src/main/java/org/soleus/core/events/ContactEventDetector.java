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
 *   <li><b>Contact state</b> by a threshold with hysteresis (Blades et al., "Comparison of
 *       methods for detecting gait events from insole pressure", Sensors 23:2736, 2023, the
 *       dual-threshold method), where both thresholds are fractions of the foot's own amplitude:
 *       the baseline is the lowest value of the last unloaded phase and the peak the highest
 *       value of the last loaded phase, so baseline drift and gain differences between sensors
 *       are followed cycle by cycle. Minimum contact and swing durations act both ways: a
 *       crossing comes no sooner than that after the previous one, and an unloading shorter
 *       than the shortest swing (a mid-stance dip close to the baseline) or a loading shorter
 *       than the shortest contact (a bump in swing) is withdrawn before it is reported.</li>
 *   <li><b>Refinement</b> to where the signal leaves (heel strike) or rejoins (toe off) its
 *       unloaded baseline: the event is the knee of the edge, the sample farthest below the
 *       chord joining the baseline minimum to a point on the edge (the "kneedle" criterion of
 *       Satopää et al., ICDCS Workshops 2011). The criterion is invariant to the signal's
 *       offset and scale, so it needs no threshold in signal units. Both edges are anchored on
 *       the contact threshold, the level at which a contact is known to hold. At heel strike
 *       the chord runs from the minimum before the rise to the contact threshold crossing, the
 *       first sample known to be loaded, rather than to the steepest rise: on an ordinary
 *       single rise both give its start (not a slow pre-contact rise), but where loading comes
 *       in two stages, the heel first and then, after a shoulder, the steeper loading of the
 *       forefoot, the steepest rise belongs to the second stage and a chord ending there makes
 *       the shoulder the knee, one stage late; the crossing lies on the first stage whenever
 *       that stage reaches the contact threshold; and where the window before the crossing starts
 *       within the rise, the minimum is searched within the window before the rise's last sample
 *       below the release threshold, so that a slow heel stage below the contact threshold is not
 *       cut short (unless the signal crept up through the band below the release threshold for
 *       longer than the window: load dragged on, no contact yet). At toe off the chord runs,
 *       mirrored, from the last sample above the contact threshold (within the refinement window before the release
 *       crossing; the window's first sample when the signal stayed between the thresholds all
 *       through it) to the minimum after it (on over the samples at the bottom of the converter's
 *       range where the recording gives that range, a floor that cuts the fall off, so that the
 *       corner where the fall reaches it is the knee): the event is where the fall rejoins the baseline,
 *       not a later crossing of a drifting swing baseline, and where the fall ends in a tail
 *       (the forefoot unloading last) the end of that tail rather than of the sharp part of the
 *       fall. So either event lies within the refinement window of its crossing. The toe off's
 *       window follows the foot's tempo ({@link StrideTempo}: the refinement window times the
 *       median of its last three strides over a healthy adult's, up to twice that), so that it
 *       spans the same share of the stride for slower walkers: a slow walker's unloading tail
 *       lasts longer, and a window fixed in seconds cuts it short and puts the toe off early.
 *       The heel strike's rise, an impact, and the warm-up keep the window as set. Under
 *       {@link EventTiming#LOAD_LEVELS} the events are instead where the signal crosses two
 *       levels, {@value #LEVEL_HEEL_STRIKE_FRACTION} of the last contact's height on the rise
 *       and {@value #LEVEL_TOE_OFF_FRACTION} of the contact's own on the fall, searched as far as
 *       the knees are: the timing of Moticon's step markers.</li>
 * </ol>
 *
 * <p>Robustness to glitches: the contact state follows the 3-sample running median, and the
 * highest value of a phase, from which the peak is taken, and the lowest, from which the
 * baseline is taken, are those of the median too. So a single sample far above its neighbours
 * (a transmission error) neither starts a contact nor raises the peak, and with it the contact
 * threshold, above every later step, and a single sample far below neither ends a contact nor
 * lowers the release threshold below every later swing. Two such samples in a row pass the
 * 3-sample median, so a contact may raise the learned peak at most {@value #MAX_PEAK_GROWTH}-fold
 * (a real rise is followed within a step or two), and the warm-up and the relearning after
 * lost lock take their levels from the 5-sample median. A crossing of the median is placed at
 * the middle of its three samples, which on a clean edge is where the signal itself crosses.
 * The refinement works on the centred 3-sample median as well, which on a rising or falling
 * edge is the signal itself, so that a single sample off its neighbours is not taken for an
 * edge's minimum or knee (Tukey's running median, "Exploratory Data Analysis", 1977). Nor do
 * several such samples in a row: a value more than half the release margin
 * ({@code offFraction / 2} of the amplitude)
 * below the baseline is taken for the unloaded level only once the signal has held it for half
 * the shortest swing (a lasting fall of the sensor's unloaded level, which is then followed); a
 * shorter dip counts as that limit, so that the release threshold stays above the swing. Loaded
 * and unloaded phases last many samples and pass the median almost unchanged. Against upward
 * glitches the median does not remove (glitches of several samples, a gain change), the
 * detector recovers lost lock: when it
 * has stayed unloaded for {@value #LOCK_LOSS_S} s (the longest stride accepted by default, so
 * no walking foot stays unloaded that long) and the last {@value #LOCK_LOSS_S} s, scaled to
 * their own range, show at least {@value #LOCK_LOSS_CYCLES} load cycles (rises above the
 * contact threshold after falls below the release threshold, as the detector itself would see
 * them) and the warm-up's sign of steps (range above {@value #MIN_RANGE_TO_MEAN_CHANGE} times
 * the mean sample-to-sample change), baseline and peak are learned anew from that span, as the
 * warm-up learns them. A foot unloaded for long at rest (seated, lifted) shows no such cycles
 * and keeps its amplitude. The same check runs when the foot has stayed loaded for that long,
 * against a lasting rise of the sensor's unloaded level above the release threshold (an insole
 * preloaded by a shoe laced tighter), which would otherwise keep it loaded for good; there the
 * cycles must also span at least {@value #MIN_LOADED_RELOCK_RANGE} of the learned amplitude, so
 * that the sway of a foot standing still is not taken for steps. The strides lost to a glitch
 * are then those within that span.
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
 * contact, a swing that lasts from the shortest swing to the lock-loss span, and the next
 * contact, with the fall into the swing and the rise out of it (to half the last contact's
 * height) each within the refinement window (the rise within the slowest tempo's window where
 * the swing held the sensor's unloaded level, as a foot in the air does and a sway does not).
 * So neither a dip within a stance (too short a swing) nor the sway of a foot standing still,
 * shifting its weight (too long a swing, or too slow an edge), ends it; and a warm-up that has not ended within the lock-loss span learns its
 * levels anew from that span, so that one landing far above the steps does not hold it up. At its end its samples are
 * run through detection with what it learned, so that the contacts within it are reported
 * too, as late as the warm-up lasted; data that end (or break off at a gap) during the swing of
 * such a step end it as well, and data that end ({@link #flush}) before the warm-up has ended
 * are followed once more from their start, on the levels learned from all of them, so that a
 * clip of a stride or two gives its events. Of a warm-up longer than half the detector's history (which holds
 * more than four times {@value #LOCK_LOSS_S} s, so that the half holds a first contact and a
 * swing of that span each), only the last half is run through.
 *
 * <p>No allocation per sample. Not thread-safe.
 */
public final class ContactEventDetector {
    private static final int PENDING_CAPACITY = 8;
    /**
     * The warm-up ends only once the signal's range exceeds this many times its mean absolute
     * sample-to-sample change, so that a warm-up without any step (sensor noise only) does not
     * set the thresholds: Gaussian noise spans about 5 standard deviations over a warm-up but
     * changes by about 1.1 per sample, a stepping signal spans about 30 times its mean change.
     * The mean change is that of the span the levels were learned from
     * ({@link #relearnWarmUpLevels}): one glitch sample far above the steps would otherwise hold
     * the warm-up up by some 20 samples for each step's height it stands above them (a glitch a
     * thousand steps high: about 20 000 samples, over a minute at 300 Hz), where the levels,
     * taken from the running median, pass over it.
     */
    private static final double MIN_RANGE_TO_MEAN_CHANGE = 8.0;
    /**
     * The share of the last contact's height above the baseline that the warm-up's step must rise
     * to from the release threshold within the refinement window (the last contact's, not the
     * range's, so that one landing far above the steps, a jump to start a recording, does not
     * set it). A heel strike's rise gets there within about 0.05 s;
     * a sway of the load at f Hz, sinusoidal, takes 0.12 / f s from the release threshold to
     * half its range, so that weight shifting slower than about 0.8 Hz (standing still) is not
     * taken for steps; its passage through the narrower band between the two thresholds
     * (0.06 / f s) would let anything faster than 0.4 Hz pass.
     */
    private static final double WARM_UP_STEP_FRACTION = 0.5;
    /**
     * How far above its lowest value, as a share of the release margin, the median of a warm-up
     * swing may lie for the swing to hold the sensor's unloaded level, so that the rise out of
     * it may take the refinement window of the slowest tempo followed rather than the window as
     * set: a slow walker's loading takes longer than a healthy adult's (0.16–0.20 s to half the
     * contact's height in a slow Moticon walk), as long as a sway's. A foot in the air leaves its
     * insole at the unloaded level for most of the swing (the median 0 above the lowest sample
     * in that walk), whereas the trough of a load swaying while standing passes through the band
     * below the release threshold with the sensor's noise (the median 0.6 to 1.6 of the margin
     * above the lowest sample in weight shifts of ±30 to ±60 N at 0.2–0.5 Hz with 5 N of noise).
     */
    private static final double FLAT_SWING_SHARE = 0.25;
    /**
     * How many times its height above the baseline a contact's peak may raise the learned peak at
     * once: a glitch of two samples, which the 3-sample median lets through, then cannot lift the
     * contact threshold above the steps that follow, while a real rise of the load (a gain
     * change, a harder step) is followed within a step or two.
     */
    private static final double MAX_PEAK_GROWTH = 2.0;
    /** Time unloaded without a contact crossing after which lock is checked for loss, s. */
    private static final double LOCK_LOSS_S = 3.0;
    /** Load cycles within the last {@link #LOCK_LOSS_S} that show lock was lost. */
    private static final int LOCK_LOSS_CYCLES = 2;
    /**
     * Share of the learned amplitude that the load cycles of a foot loaded for the lock-loss
     * span must reach to show lost lock, rather than the sway of a foot standing still.
     */
    private static final double MIN_LOADED_RELOCK_RANGE = 0.5;
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

    private final ContactEventListener listener;
    /** The refinement window at the reference tempo ({@link StrideTempo}). */
    private final int baseRefineSamples;
    /** The refinement window at the foot's tempo: {@link #baseRefineSamples} scaled by {@link #tempo}. */
    private int refineSamples;
    private final StrideTempo tempo;
    private final int minContactSamples;
    private final int minSwingSamples;
    private final int heelStrikeLookAhead;
    private final int warmUpSamples;
    private final int lockLossSamples;
    /** Samples a level must last to be taken as a new unloaded level: half the shortest swing. */
    private final int holdSamples;
    private final double onFraction;
    private final double offFraction;
    private final EventTiming timing;
    /** The lowest value the signal's converter writes, or NaN when not known. */
    private final double rangeMinimum;

    private final double[] history;
    private final int mask;
    /** {@link #smoothed} of a span of the history, from {@link #smoothFrom}, for the refinement. */
    private final double[] smooth;
    private long smoothFrom;

    private final long[] pendingCrossing = new long[PENDING_CAPACITY];
    private final boolean[] pendingIsHeelStrike = new boolean[PENDING_CAPACITY];
    private int pendingHead;
    private int pendingSize;

    private long count;
    private long sinceReset;
    private boolean loaded;
    private double baseline;
    private double peak;
    private double segmentMin;
    private double segmentMax;
    private long lastCrossing;
    private long previousCrossing;
    private long lastEvent;
    private boolean warmingUp;
    private boolean warmUpSawLoad;
    /** Where the warm-up's signal fell below the release threshold after a contact; -1 while it has not. */
    private long warmUpLowFrom;
    /** The warm-up's last sample above the contact threshold. */
    private long warmUpLastHigh;
    /** The warm-up's last sample below the release threshold. */
    private long warmUpLastLow;
    /** The highest value of the warm-up's last contact, which the next contact's rise is measured against. */
    private double warmUpContactPeak;
    /** Samples of the warm-up since its levels were last learned anew ({@link #relearnWarmUpLevels}). */
    private long warmUpSinceLevels;
    /** Scratch for {@link #median5}. */
    private final double[] five = new double[5];
    private double previousValue;
    private double sumAbsChange;
    /** The warm-up samples that {@link #sumAbsChange} is of: since the reset, or the last relearning of its levels. */
    private long changeSamples;
    private long lockCheckFrom;

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
        this.rangeMinimum = rangeMinimum;
        Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.baseRefineSamples = refineSamples(sampleRateHz, settings);
        this.minContactSamples = samples(settings.minContactS(), sampleRateHz);
        this.minSwingSamples = samples(settings.minSwingS(), sampleRateHz);
        this.heelStrikeLookAhead = minContactSamples;
        this.warmUpSamples = Math.max(1, (int) Math.round(settings.warmUpS() * sampleRateHz));
        this.onFraction = settings.onFraction();
        this.offFraction = settings.offFraction();
        this.timing = Objects.requireNonNull(timing, "timing");
        this.lockLossSamples = lockLossSamples(sampleRateHz);
        this.holdSamples = Math.max(3, minSwingSamples / 2);
        this.tempo = new StrideTempo(sampleRateHz, lockLossSamples);
        int capacity = historyCapacity(sampleRateHz, settings);
        this.history = new double[capacity];
        this.mask = capacity - 1;
        this.smooth = new double[capacity];
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
        return Integer.highestOneBit(Math.max(4 * lockLossSamples(sampleRateHz),
                4 * Math.max(widestRefineSamples(refineSamples(sampleRateHz, settings)), longestPhase) + 8)) << 1;
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
        int refine = widestRefineSamples(refineSamples(sampleRateHz, settings));
        int lookAhead = Math.max(samples(settings.minContactS(), sampleRateHz),
                Math.max(refine, samples(settings.minSwingS(), sampleRateHz)));
        // An event lies at most the refinement window before its crossing, which is found one
        // sample after it (the median's centre); the event is reported once the look-ahead of its
        // kind has passed, and after the events queued before it, whose crossings came earlier:
        // by its crossing plus the longest look-ahead, sampleCount() then counting that sample too.
        return refine + 1 + lookAhead;
    }

    /** The span of {@link #LOCK_LOSS_S} in samples, at least 4. */
    private static int lockLossSamples(double sampleRateHz) {
        return Math.max(4, (int) Math.round(LOCK_LOSS_S * sampleRateHz));
    }

    private static int refineSamples(double sampleRateHz, ContactDetectorSettings settings) {
        return Math.max(2, samples(settings.refineWindowS(), sampleRateHz));
    }

    /** The refinement window at the slowest tempo followed, and at least a heel strike's reach. */
    private static int widestRefineSamples(int baseRefineSamples) {
        return Math.max((int) Math.ceil(baseRefineSamples * StrideTempo.MAX_SCALE), heelStrikeReach(baseRefineSamples));
    }

    /**
     * How far before its crossing a heel strike may lie: two refinement windows, where a rise in
     * two stages moves the search a window back ({@link #refineHeelStrike}, {@link #levelHeelStrike}).
     */
    private static int heelStrikeReach(int baseRefineSamples) {
        return 2 * baseRefineSamples;
    }

    /** The refinement window at the tempo of the heel strikes reported so far. */
    private void followTempo() {
        refineSamples = Math.max(2, (int) Math.round(baseRefineSamples * tempo.scale()));
    }

    private static int samples(double durationS, double sampleRateHz) {
        return (int) Math.round(durationS * sampleRateHz);
    }

    /** Forgets the signal seen so far; the next samples are a new warm-up. Sample indices go on counting. */
    public void reset() {
        tempo.reset();
        followTempo();
        sinceReset = 0;
        warmingUp = true;
        warmUpSawLoad = false;
        warmUpLowFrom = -1;
        warmUpLastHigh = Long.MIN_VALUE / 2;
        warmUpLastLow = Long.MIN_VALUE / 2;
        warmUpSinceLevels = 0;
        loaded = false;
        baseline = Double.POSITIVE_INFINITY;
        peak = Double.NEGATIVE_INFINITY;
        pendingSize = 0;
        sumAbsChange = 0;
        changeSamples = 0;
        previousValue = Double.NaN;
        lastCrossing = Long.MIN_VALUE / 2;
        previousCrossing = Long.MIN_VALUE / 2;
        lastEvent = Long.MIN_VALUE / 2;
        lockCheckFrom = Long.MIN_VALUE / 2;
    }

    /**
     * The earliest sample index at which an event not yet reported may still be placed by the
     * warm-up's detection of its own samples, or {@link Long#MAX_VALUE} when no warm-up is
     * running. Events of other sources later than this must wait for this detector before
     * they are merged with its events in time order.
     */
    public long warmUpFloor() {
        return warmingUp ? Math.max(count - sinceReset, count - history.length / 2) : Long.MAX_VALUE;
    }

    /**
     * The earliest sample index at which an event not yet reported, outside a warm-up
     * ({@link #warmUpFloor()}), may still be placed: events of other sources before it can be
     * merged with the detector's in time order. A crossing still to come lies at the last sample
     * or later and its event at most the widest refinement window before it; a crossing waiting
     * for its look-ahead gives its event at most its window before it: the heel strike's twice as
     * set (a rise in two stages, {@link #refineHeelStrike}), the toe off's at the current tempo,
     * or the widest when a heel strike waiting before it may change the tempo first. So it lies
     * at most {@link #maxReportDelaySamples} before
     * {@link #sampleCount()}, and at ordinary tempo about half that.
     */
    public long reportFloor() {
        int widest = widestRefineSamples(baseRefineSamples);
        long floor = count - 1 - widest;
        boolean heelStrikeBefore = false;
        for (int k = 0; k < pendingSize; k++) {
            int slot = (pendingHead + k) & (PENDING_CAPACITY - 1);
            boolean heelStrike = pendingIsHeelStrike[slot];
            int window = heelStrike ? heelStrikeReach(baseRefineSamples) : heelStrikeBefore ? widest : refineSamples;
            floor = Math.min(floor, pendingCrossing[slot] - window);
            heelStrikeBefore |= heelStrike;
        }
        return floor;
    }

    /** Number of samples accepted since construction. */
    public long sampleCount() {
        return count;
    }

    /**
     * Takes the next sample.
     *
     * @param value the signal; NaN or an infinite value is a missing sample (a gap)
     */
    public void accept(double value) {
        if (!Double.isFinite(value)) {
            gap();
            count++;
            return;
        }
        long i = count++;
        history[(int) (i & mask)] = value;
        sinceReset++;
        if (warmingUp) {
            warmUp(value);
            if (!warmingUp) {
                replayWarmUp(i);
            }
            return;
        }
        if (sinceReset == 1) {
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
        double robust = median3(i);
        long centre = i - 1;
        if (!loaded) {
            segmentMin = Math.min(segmentMin, unloadedLevel(i, robust));
            double amplitude = peak - Math.min(baseline, segmentMin);
            if (robust > Math.min(baseline, segmentMin) + onFraction * amplitude) {
                if (centre - lastCrossing >= minSwingSamples) {
                    loaded = true;
                    previousCrossing = lastCrossing;
                    lastCrossing = centre;
                    baseline = segmentMin;
                    segmentMax = robust;
                    enqueue(centre, true);
                } else if (cancelPendingTail(false)) {
                    // An unloading shorter than the shortest swing: a dip within stance.
                    loaded = true;
                    lastCrossing = previousCrossing;
                    segmentMax = Math.max(segmentMax, robust);
                }
            } else if (i - Math.max(lastCrossing, lockCheckFrom) >= lockLossSamples) {
                lockCheckFrom = i;
                reacquire(i, 0);
            }
        } else {
            segmentMax = Math.max(segmentMax, robust);
            double contactMax = Math.min(segmentMax, baseline + MAX_PEAK_GROWTH * (peak - baseline));
            double amplitude = Math.max(peak, contactMax) - baseline;
            if (robust < baseline + offFraction * amplitude) {
                if (centre - lastCrossing >= minContactSamples) {
                    loaded = false;
                    previousCrossing = lastCrossing;
                    lastCrossing = centre;
                    peak = contactMax;
                    segmentMin = unloadedLevel(i, robust);
                    enqueue(centre, false);
                } else if (cancelPendingTail(true)) {
                    // A loading shorter than the shortest contact: a bump within swing.
                    loaded = false;
                    lastCrossing = previousCrossing;
                    segmentMin = Math.min(baseline, unloadedLevel(i, robust));
                }
            } else if (i - Math.max(lastCrossing, lockCheckFrom) >= lockLossSamples) {
                lockCheckFrom = i;
                reacquire(i, MIN_LOADED_RELOCK_RANGE * (peak - baseline));
            }
        }
        refineDue(i);
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
        double lowest = baseline - DIP_SHARE_OF_RELEASE_MARGIN * offFraction * (peak - baseline);
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
        if (from < count - sinceReset) {
            return Double.NaN;
        }
        double max = at(i);
        for (long k = from; k < i; k++) {
            max = Math.max(max, at(k));
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
        if (warmingUp && !endWarmUpInSwing()) {
            if (sinceReset >= warmUpSamples) {
                endShortWarmUp();
            }
            if (warmingUp) {
                reset();
                return;
            }
        }
        long last = count - 1;
        while (pendingSize > 0) {
            refineHead(last);
        }
        tempo.breakOff();
        sinceReset = 0;
    }

    /** The first sample after a gap: contact state from it, no crossing before it. */
    private void resume(long i, double value) {
        loaded = value > baseline + 0.5 * (onFraction + offFraction) * (peak - baseline);
        segmentMin = value;
        segmentMax = value;
        lastCrossing = Long.MIN_VALUE / 2;
        previousCrossing = Long.MIN_VALUE / 2;
        lockCheckFrom = i;
    }

    /**
     * Unloaded or loaded for the lock-loss span: when that span, scaled to its own range, shows
     * load cycles and steps, and its range is at least {@code minRange}, the baseline and peak
     * are learned from it.
     */
    private void reacquire(long now, double minRange) {
        long from = Math.max(now - lockLossSamples + 1, count - sinceReset + 2);
        if (now - from < 4) {
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double changes = 0;
        for (long k = from; k <= now; k++) {
            double m = median5(k);
            low = Math.min(low, m);
            high = Math.max(high, m);
            changes += Math.abs(at(k) - at(k - 1));
        }
        double range = high - low;
        if (!(range > 0) || range < minRange || range <= MIN_RANGE_TO_MEAN_CHANGE * changes / (now - from + 1)) {
            return;
        }
        double on = low + onFraction * range;
        double off = low + offFraction * range;
        int cycles = 0;
        boolean up = at(from) > on;
        for (long k = from; k <= now; k++) {
            double v = at(k);
            if (!up && v > on) {
                up = true;
                cycles++;
            } else if (up && v < off) {
                up = false;
            }
        }
        if (cycles >= LOCK_LOSS_CYCLES) {
            baseline = low;
            peak = high;
            segmentMin = Math.min(segmentMin, low);
        }
    }

    /**
     * Median of the samples {@code i - 4 .. i} (of those since the last gap; the 3-sample median
     * at its start): the level the warm-up, and the relearning after lost lock, take baseline and
     * peak from, so that a glitch of two samples, which the 3-sample median lets through, does
     * not set them.
     */
    private double median5(long i) {
        if (i - 4 < count - sinceReset) {
            return median3(i);
        }
        for (int k = 0; k < 5; k++) {
            double v = at(i - k);
            int j = k;
            while (j > 0 && five[j - 1] > v) {
                five[j] = five[j - 1];
                j--;
            }
            five[j] = v;
        }
        return five[2];
    }

    /** Median of the samples {@code i - 2 .. i} (of those since the last gap). */
    private double median3(long i) {
        double c = at(i);
        if (i - 2 < count - sinceReset) {
            return c;
        }
        return Median3.of(at(i - 2), at(i - 1), c);
    }

    /**
     * Learns baseline and peak until the warm-up span has passed, the signal has shown steps and
     * it has completed a step on the levels learned: a contact (a rise above the contact
     * threshold), a swing (a fall below the release threshold that lasts from the shortest swing
     * to the lock-loss span) and the next contact's rise to {@value #WARM_UP_STEP_FRACTION} of the
     * last contact's height above the baseline, the fall and the rise each within the refinement
     * window (the fall from the contact threshold: a foot may unload slowly; the rise within the
     * window of the slowest tempo followed where the swing held the unloaded level,
     * {@link #swingHoldsFloor}). So the peak is that
     * of a whole stance, not of the part of a rise seen so far, and the baseline that of a swing:
     * a dip within a stance (too short) or the sway of a foot standing still, shifting its weight
     * (too long a swing, or too slow an edge), is not taken for one, and learning goes on until
     * the foot steps.
     */
    private void warmUp(double value) {
        long i = count - 1;
        double robust = median3(i);
        double level = median5(i);
        baseline = Math.min(baseline, level);
        peak = Math.max(peak, level);
        if (!Double.isNaN(previousValue)) {
            sumAbsChange += Math.abs(value - previousValue);
        }
        changeSamples++;
        previousValue = value;
        if (++warmUpSinceLevels > lockLossSamples) {
            relearnWarmUpLevels(i);
        }
        if (sinceReset >= warmUpSamples && showsSteps() && completesStep(i, robust)) {
            warmingUp = false;
        }
    }

    /** Whether the warm-up's range stands out of its mean sample-to-sample change ({@link #MIN_RANGE_TO_MEAN_CHANGE}). */
    private boolean showsSteps() {
        double range = peak - baseline;
        return range > 0 && range > MIN_RANGE_TO_MEAN_CHANGE * sumAbsChange / changeSamples;
    }

    /**
     * Follows the warm-up's step through sample {@code i} (its running median {@code robust}) on
     * the levels learned so far: returns whether it completes the step (see {@link #warmUp}).
     */
    private boolean completesStep(long i, double robust) {
        double range = peak - baseline;
        if (robust > baseline + onFraction * range) {
            if (warmUpLowFrom >= 0 && (i - warmUpLastLow <= baseRefineSamples
                    || i - warmUpLastLow <= widestRefineSamples(baseRefineSamples) && swingHoldsFloor())) {
                if (robust <= baseline + WARM_UP_STEP_FRACTION * (warmUpContactPeak - baseline)) {
                    return false;
                }
                if (isSwing(i - warmUpLowFrom)) {
                    return true;
                }
            }
            boolean newContact = !warmUpSawLoad || warmUpLowFrom >= 0;
            double level = median5(i);
            warmUpContactPeak = newContact ? level : Math.max(warmUpContactPeak, level);
            warmUpSawLoad = true;
            warmUpLowFrom = -1;
            warmUpLastHigh = i;
        } else if (robust < baseline + offFraction * range) {
            if (warmUpSawLoad && warmUpLowFrom < 0) {
                if (i - warmUpLastHigh <= baseRefineSamples) {
                    warmUpLowFrom = i;
                } else {
                    warmUpSawLoad = false;
                }
            }
            warmUpLastLow = i;
        }
        return false;
    }

    /**
     * Whether the warm-up's swing, from {@link #warmUpLowFrom} to {@link #warmUpLastLow} (its
     * last lock-loss span at most), holds the sensor's unloaded level: more than half its samples,
     * and so its median, lie within {@value #FLAT_SWING_SHARE} of the release margin above its
     * lowest sample.
     */
    private boolean swingHoldsFloor() {
        long from = Math.max(warmUpLowFrom, warmUpLastLow - lockLossSamples);
        double lowest = Double.POSITIVE_INFINITY;
        for (long k = from; k <= warmUpLastLow; k++) {
            lowest = Math.min(lowest, at(k));
        }
        double level = lowest + FLAT_SWING_SHARE * offFraction * (peak - baseline);
        long atFloor = 0;
        for (long k = from; k <= warmUpLastLow; k++) {
            atFloor += at(k) <= level ? 1 : 0;
        }
        return 2 * atFloor > warmUpLastLow - from + 1;
    }

    /**
     * The data end while the warm-up is still learning, before a step after its first span (a
     * recording of a second or two): its samples are followed again from the start, on the
     * levels learned from all of them, with the same rules; when they hold a step, or end in the
     * swing of one, the warm-up ends and its samples are run through detection.
     */
    private void endShortWarmUp() {
        if (!warmingUp || !showsSteps()) {
            return;
        }
        warmUpSawLoad = false;
        warmUpLowFrom = -1;
        warmUpLastHigh = Long.MIN_VALUE / 2;
        warmUpLastLow = Long.MIN_VALUE / 2;
        for (long k = Math.max(count - sinceReset, count - history.length / 2); k < count; k++) {
            if (completesStep(k, median3(k))) {
                warmingUp = false;
                replayWarmUp(count - 1);
                return;
            }
        }
        endWarmUpInSwing();
    }

    /**
     * A warm-up that has not ended within the lock-loss span of its levels learns them anew from
     * that span (the running median's lowest and highest value), and its mean sample-to-sample
     * change ({@link #showsSteps}) with them: a contact far above the steps that follow (a jump
     * or a stamp to start a recording, a step down) would otherwise keep every later step below
     * half the range for good, as a glitch in the first samples, which no median of them can
     * pass over, would the levels and the mean change. The step under way is judged on the new
     * levels from then on.
     */
    private void relearnWarmUpLevels(long now) {
        long from = Math.max(now - lockLossSamples + 1, count - sinceReset);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (long k = from; k <= now; k++) {
            double m = median5(k);
            low = Math.min(low, m);
            high = Math.max(high, m);
        }
        baseline = low;
        peak = high;
        sumAbsChange = 0;
        for (long k = from + 1; k <= now; k++) {
            sumAbsChange += Math.abs(at(k) - at(k - 1));
        }
        changeSamples = now - from + 1;
        warmUpSinceLevels = 0;
    }

    /**
     * The data end (or break off) while the warm-up waits for the next contact after a swing that
     * has already lasted the shortest swing: the step is taken as complete, the warm-up ends and
     * its samples are run through detection. Returns whether it did.
     */
    private boolean endWarmUpInSwing() {
        if (!warmingUp || warmUpLowFrom < 0 || !isSwing(count - warmUpLowFrom)) {
            return false;
        }
        warmingUp = false;
        replayWarmUp(count - 1);
        return true;
    }

    /** Whether an unloaded phase of {@code samples} lasts as a swing may: the shortest swing to the lock-loss span. */
    private boolean isSwing(long samples) {
        return samples >= minSwingSamples && samples <= lockLossSamples;
    }

    /**
     * Once the warm-up has learned baseline and peak, runs its samples (the last half of the
     * history at most) through detection, so that the contacts within it are reported too,
     * only later: the first sample sets the contact state, as after a gap, by the median of it
     * and the two samples after it, which the replay knows, so that a glitch on that sample is
     * not taken for the level the foot starts at.
     */
    private void replayWarmUp(long now) {
        long from = Math.max(count - sinceReset, now - history.length / 2 + 1);
        resume(from, now - from >= 2 ? Median3.of(at(from), at(from + 1), at(from + 2)) : at(from));
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
        long last = count - 1;
        while (pendingSize > 0) {
            refineHead(last);
        }
    }

    /**
     * Withdraws the newest pending event if it is of the given kind and is the last crossing,
     * i.e. not yet refined and reported.
     *
     * @return whether it was withdrawn
     */
    private boolean cancelPendingTail(boolean heelStrike) {
        if (pendingSize == 0) {
            return false;
        }
        int tail = (pendingHead + pendingSize - 1) & (PENDING_CAPACITY - 1);
        if (pendingIsHeelStrike[tail] != heelStrike || pendingCrossing[tail] != lastCrossing) {
            return false;
        }
        pendingSize--;
        return true;
    }

    private void enqueue(long crossing, boolean heelStrike) {
        if (pendingSize == PENDING_CAPACITY) {
            refineHead(count - 1);
        }
        int slot = (pendingHead + pendingSize) & (PENDING_CAPACITY - 1);
        pendingCrossing[slot] = crossing;
        pendingIsHeelStrike[slot] = heelStrike;
        pendingSize++;
    }

    private void refineDue(long now) {
        while (pendingSize > 0) {
            long crossing = pendingCrossing[pendingHead];
            int lookAhead = pendingIsHeelStrike[pendingHead] ? heelStrikeLookAhead
                    : Math.max(refineSamples, minSwingSamples);
            if (now < crossing + lookAhead) {
                return;
            }
            refineHead(now);
        }
    }

    private void refineHead(long now) {
        long crossing = pendingCrossing[pendingHead];
        boolean heelStrike = pendingIsHeelStrike[pendingHead];
        pendingHead = (pendingHead + 1) & (PENDING_CAPACITY - 1);
        pendingSize--;
        long oldest = Math.max(count - history.length + 1, count - sinceReset);
        long floor = Math.max(oldest, lastEvent + 1);
        long event;
        if (timing == EventTiming.LOAD_LEVELS) {
            event = heelStrike ? levelHeelStrike(crossing, floor) : levelToeOff(crossing, floor, now);
        } else {
            event = heelStrike ? refineHeelStrike(crossing, floor) : refineToeOff(crossing, floor, now);
        }
        event = Math.max(event, floor);
        lastEvent = event;
        if (heelStrike) {
            tempo.heelStrike(event);
            followTempo();
        }
        listener.onContactEvent(heelStrike ? GaitEventType.HEEL_STRIKE : GaitEventType.TOE_OFF, event);
    }

    /**
     * Knee between the baseline minimum before the rise and the contact threshold crossing. The
     * minimum is searched within the refinement window before the crossing or, where that window
     * starts within the rise (its lowest sample its first alone) and the rise passed the release
     * threshold within it, within the refinement window before the last sample below the
     * release threshold (the last sample known unloaded), as {@link #refineToeOff} searches the
     * window after the release crossing. So a slow walker's loading in two stages, the heel
     * rising fast to a shoulder and the forefoot loading after it, whose rise from the baseline
     * to the contact threshold outlasts the window, gets its heel strike where the heel's rise
     * leaves the baseline, not at the shoulder: a knee at or after the last unloaded sample, at
     * the top of the band below the release threshold or above it, is the shoulder of a loading
     * in stages, the heel already down, and the heel strike is then the knee of the rise up to
     * the first sample above that band. Not so where load creeps on through that earlier window
     * ({@link #creepsOn}): a rise through the band below the release threshold slower than the
     * window, begun before it, is no contact yet (a foot dragged at the end of its swing), and
     * the heel strike is the steep rise after it, in the window before the crossing.
     */
    private long refineHeelStrike(long crossing, long floor) {
        long from = Math.min(Math.max(crossing - baseRefineSamples, floor), crossing);
        long firstHeld = firstHeld();
        long lastUnloaded = lastBelowRelease(crossing, from, firstHeld);
        long earlier = Math.max(lastUnloaded - baseRefineSamples, floor);
        long before = Math.max(earlier - baseRefineSamples, floor);
        smoothSpan(Math.min(before, from), crossing);
        if (lastUnloaded >= from && earlier < from && startsWithinRise(from, crossing)
                && !creepsOn(before, earlier, lastUnloaded)) {
            long minimum = argMin(earlier, crossing);
            long knee = kneeBelowChord(minimum, crossing);
            return knee >= lastUnloaded && minimum < lastUnloaded ? kneeBelowChord(minimum, lastUnloaded + 1)
                    : knee;
        }
        long minimum = argMin(from, crossing);
        return kneeBelowChord(minimum, crossing);
    }

    /**
     * Whether {@link #smoothSpan}'s span from {@code from} to {@code to} starts within a rise:
     * every later sample lies above its first.
     */
    private boolean startsWithinRise(long from, long to) {
        double first = spanValue(from);
        for (long i = from + 1; i <= to; i++) {
            if (!(spanValue(i) > first)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last sample before {@code crossing}, from {@code from} on, whose running median lies
     * below the release threshold, or {@code from - 1} when there is none.
     */
    private long lastBelowRelease(long crossing, long from, long firstHeld) {
        double releaseLevel = baseline + offFraction * (peak - baseline);
        for (long i = crossing - 1; i >= from; i--) {
            if (smoothed(i, firstHeld) < releaseLevel) {
                return i;
            }
        }
        return from - 1;
    }

    /**
     * Knee between the last sample above the contact threshold before the release crossing (the
     * last sample known loaded on the level that starts a contact), searched within the
     * refinement window, and the baseline minimum after it: the mirror of {@link #refineHeelStrike}.
     * Where the minimum lies at the bottom of the converter's range ({@link #rangeMinimum}), the
     * chord runs on over the samples there, within the window.
     */
    private long refineToeOff(long crossing, long floor, long now) {
        long to = Math.min(crossing + refineSamples, now);
        double contactLevel = baseline + onFraction * (peak - baseline);
        long windowStart = crossing - refineSamples;
        long lastLoaded = windowStart >= floor ? windowStart : crossing;
        long firstHeld = firstHeld();
        for (long i = crossing - 1; i >= Math.max(floor, windowStart); i--) {
            if (smoothed(i, firstHeld) > contactLevel) {
                lastLoaded = i;
                break;
            }
        }
        smoothSpan(lastLoaded, to);
        long minimum = argMin(lastLoaded, to);
        // on over the samples at the bottom of the converter's range (none when it is not known)
        long chordEnd = minimum;
        while (chordEnd < to && spanValue(chordEnd + 1) <= rangeMinimum) {
            chordEnd++;
        }
        return kneeBelowChord(lastLoaded, chordEnd);
    }

    /**
     * {@link EventTiming#LOAD_LEVELS}' heel strike: the first sample of the run at or above
     * {@link #LEVEL_HEEL_STRIKE_FRACTION} of the last contact's height that ends in the crossing,
     * within the heel strike's reach before it ({@link #heelStrikeReach}: a slow rise, a heel
     * stage, may pass that level more than a window before the contact threshold, as the knee
     * timing allows for). The height is the last contact's peak above the lowest sample of that
     * reach, the swing's level just before the rise, so that a swing level that creeps up is
     * followed; that lowest sample lies below the level, so the run always ends within the reach.
     * On a swing whose noise reaches that level, the run starts at the last sample below it.
     */
    private long levelHeelStrike(long crossing, long floor) {
        long from = Math.min(Math.max(crossing - heelStrikeReach(baseRefineSamples), floor), crossing);
        smoothSpan(from, crossing);
        double unloaded = spanValue(argMin(from, crossing));
        double level = unloaded + LEVEL_HEEL_STRIKE_FRACTION * (peak - unloaded);
        long event = crossing;
        while (event > from && spanValue(event - 1) >= level) {
            event--;
        }
        return event;
    }

    /**
     * {@link EventTiming#LOAD_LEVELS}' toe off: the first sample from the release crossing on
     * below {@link #LEVEL_TOE_OFF_FRACTION} of the contact's height above the unloaded level
     * learned before it, within the refinement window after the crossing; the crossing itself when
     * that level lies above the release threshold ({@code offFraction} set below it). Not the
     * lowest sample after the fall, as for the heel strike before the rise: a load that lingers
     * above the level through the window would pass for the unloaded level there. Where the fall
     * stays above the level through the window, it has no crossing of it to find, and the toe
     * off is the knee of the fall ({@link #refineToeOff}).
     */
    private long levelToeOff(long crossing, long floor, long now) {
        long to = Math.min(crossing + refineSamples, now);
        long from = Math.max(crossing, floor);
        double level = baseline + LEVEL_TOE_OFF_FRACTION * (peak - baseline);
        if (from < to) {
            smoothSpan(from, to);
            for (long i = from; i <= to; i++) {
                if (spanValue(i) < level) {
                    return i;
                }
            }
        }
        return refineToeOff(crossing, floor, now);
    }

    private long argMin(long from, long to) {
        long best = from;
        double bestValue = spanValue(from);
        for (long i = from + 1; i <= to; i++) {
            double v = spanValue(i);
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }

    /**
     * Whether load creeps on through {@code from .. to} of {@link #smoothSpan}'s signal, the
     * span before the last unloaded sample: it rises all through it, each third lying wholly
     * above the third before it, as a rise slower than the span does (the noise of an unloaded
     * level mixes them), and had left the unloaded level before it, its first third above the
     * lowest of the samples from {@code before} (a heel stage as slow as the span starts at
     * that level).
     */
    private boolean creepsOn(long before, long from, long to) {
        long third = (to - from + 1) / 3;
        if (third < 1 || before >= from) {
            return false;
        }
        double unloaded = Double.POSITIVE_INFINITY;
        for (long i = before; i < from; i++) {
            unloaded = Math.min(unloaded, spanValue(i));
        }
        double below = unloaded;
        for (long start = from; start + third <= from + 3 * third; start += third) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (long i = start; i < start + third; i++) {
                lowest = Math.min(lowest, spanValue(i));
                highest = Math.max(highest, spanValue(i));
            }
            if (!(lowest > below)) {
                return false;
            }
            below = highest;
        }
        return true;
    }

    private long kneeBelowChord(long from, long to) {
        if (to - from < 2) {
            return to;
        }
        double start = spanValue(from);
        double slope = (spanValue(to) - start) / (to - from);
        long best = to;
        double bestDepth = Double.NEGATIVE_INFINITY;
        for (long i = from; i <= to; i++) {
            double depth = start + slope * (i - from) - spanValue(i);
            if (depth > bestDepth) {
                bestDepth = depth;
                best = i;
            }
        }
        return best;
    }

    /**
     * Median of the samples {@code i - 1 .. i + 1}, or sample {@code i} itself at the ends of
     * what is held since the last gap (from {@code firstHeld}, {@link #firstHeld}): on a rising or
     * falling edge the sample itself, but a single sample far off its neighbours (a transmission
     * error) is not taken for the edge's minimum or knee.
     */
    private double smoothed(long i, long firstHeld) {
        double b = at(i);
        if (i - 1 < firstHeld || i + 1 >= count) {
            return b;
        }
        double a = at(i - 1);
        double c = at(i + 1);
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** The oldest sample held since the last gap. */
    private long firstHeld() {
        return Math.max(count - history.length, count - sinceReset);
    }

    /**
     * Fills {@link #smooth} with {@link #smoothed} of the samples {@code from .. to}, for
     * {@link #spanValue}: the refinement reads each of them more than once.
     */
    private void smoothSpan(long from, long to) {
        long firstHeld = firstHeld();
        smoothFrom = from;
        for (long i = from; i <= to; i++) {
            smooth[(int) (i - from)] = smoothed(i, firstHeld);
        }
    }

    /** {@link #smoothed} of sample {@code i} of the span {@link #smoothSpan} filled last. */
    private double spanValue(long i) {
        return smooth[(int) (i - smoothFrom)];
    }

    private double at(long i) {
        return history[(int) (i & mask)];
    }
}
