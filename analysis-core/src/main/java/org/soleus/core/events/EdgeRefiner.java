package org.soleus.core.events;

/**
 * A {@link ContactEventDetector}'s refinement of its threshold crossings to events, and their
 * report: the crossings wait in a queue for their look-ahead, are refined in turn and reported
 * to the listener in time order.
 *
 * <p>The event is where the signal leaves (heel strike) or rejoins (toe off) its unloaded
 * baseline: the knee of the edge, the sample farthest below the chord joining the baseline
 * minimum to a point on the edge (the "kneedle" criterion of Satopää et al., "Finding a
 * 'Kneedle' in a Haystack: Detecting Knee Points in System Behavior", ICDCS Workshops 2011). The
 * criterion is invariant to the signal's offset and scale, so it needs no threshold in signal
 * units. Both edges are anchored on the contact threshold, the level at which a contact is known
 * to hold. At heel strike the chord runs from the minimum before the rise to the contact
 * threshold crossing, the first sample known to be loaded, rather than to the steepest rise: on
 * an ordinary single rise both give its start (not a slow pre-contact rise), but where loading
 * comes in two stages, the heel first and then, after a shoulder, the steeper loading of the
 * forefoot, the steepest rise belongs to the second stage and a chord ending there makes the
 * shoulder the knee, one stage late; the crossing lies on the first stage whenever that stage
 * reaches the contact threshold; and where the window before the crossing starts within the rise,
 * the minimum is searched within the window before the rise's last sample below the release
 * threshold, so that a slow heel stage below the contact threshold is not cut short (unless the
 * signal crept up through the band below the release threshold for longer than the window: load
 * dragged on, no contact yet). At toe off the chord runs, mirrored, from the last sample above
 * the contact threshold (within the refinement window before the release crossing; the window's
 * first sample when the signal stayed between the thresholds all through it) to the minimum after
 * it (on over the samples at the bottom of the converter's range where the recording gives that
 * range, a floor that cuts the fall off, so that the corner where the fall reaches it is the
 * knee): the event is where the fall rejoins the baseline, not a later crossing of a drifting
 * swing baseline, and where the fall ends in a tail (the forefoot unloading last) the end of that
 * tail rather than of the sharp part of the fall. So a toe off lies within the refinement window
 * of its crossing, and a heel strike within two windows as set before it
 * ({@link #heelStrikeReach}: a rise in two stages moves the search a window back). The toe off's
 * window follows the foot's tempo ({@link StrideTempo}: the refinement window times the median
 * of its last three strides over a healthy adult's, up to twice that), so that it spans the same
 * share of the stride for slower walkers: a slow walker's unloading tail lasts longer, and a
 * window fixed in seconds cuts it short and puts the toe off early. The heel strike's rise, an
 * impact, and the warm-up keep the window as set. Under {@link EventTiming#LOAD_LEVELS} the
 * events are instead where the signal crosses two levels,
 * {@value ContactEventDetector#LEVEL_HEEL_STRIKE_FRACTION} of the last contact's height on the
 * rise and {@value ContactEventDetector#LEVEL_TOE_OFF_FRACTION} of the contact's own on the fall,
 * searched as far as the knees are: the timing of Moticon's step markers.
 *
 * <p>The refinement reads the signal through the centred 3-sample running median
 * ({@link SampleHistory#smoothed}), which on a rising or falling edge is the signal itself, so
 * that a single sample off its neighbours is not taken for an edge's minimum or knee. It places
 * each event after the last one reported and not before the last gap.
 *
 * <p>No allocation per sample or event. Not thread-safe.
 */
final class EdgeRefiner {
    private static final int PENDING_CAPACITY = 8;

    private final SampleHistory history;
    private final ContactLevels levels;
    private final ContactEventListener listener;
    private final EventTiming timing;
    /** The lowest value the signal's converter writes, or NaN when not known. */
    private final double rangeMinimum;
    /** The refinement window at the reference tempo ({@link StrideTempo}). */
    private final int baseRefineSamples;
    /** The refinement window at the foot's tempo: {@link #baseRefineSamples} scaled by {@link #tempo}. */
    private int refineSamples;
    private final StrideTempo tempo;
    private final int heelStrikeLookAhead;
    private final int minSwingSamples;

    private final long[] pendingCrossing = new long[PENDING_CAPACITY];
    private final boolean[] pendingIsHeelStrike = new boolean[PENDING_CAPACITY];
    private int pendingHead;
    private int pendingSize;
    private long lastEvent;

    /**
     * @param baseRefineSamples   the refinement window as set, samples
     * @param heelStrikeLookAhead samples after its crossing that a heel strike waits for: the shortest contact
     * @param minSwingSamples     the shortest swing, samples, which a toe off waits for at least
     * @param tempo               the foot's tempo, which the refiner tells its heel strikes
     * @param rangeMinimum        the lowest value the signal's converter writes, or NaN when not known
     */
    EdgeRefiner(SampleHistory history, ContactLevels levels, int baseRefineSamples, int heelStrikeLookAhead,
                int minSwingSamples, StrideTempo tempo, double rangeMinimum, EventTiming timing,
                ContactEventListener listener) {
        this.history = history;
        this.levels = levels;
        this.baseRefineSamples = baseRefineSamples;
        this.heelStrikeLookAhead = heelStrikeLookAhead;
        this.minSwingSamples = minSwingSamples;
        this.tempo = tempo;
        this.rangeMinimum = rangeMinimum;
        this.timing = timing;
        this.listener = listener;
        reset();
    }

    /** The refinement window at the slowest tempo followed, and at least a heel strike's reach. */
    static int widestRefineSamples(int baseRefineSamples) {
        return Math.max((int) Math.ceil(baseRefineSamples * StrideTempo.MAX_SCALE), heelStrikeReach(baseRefineSamples));
    }

    /**
     * How far before its crossing a heel strike may lie: two refinement windows, where a rise in
     * two stages moves the search a window back ({@link #refineHeelStrike}, {@link #levelHeelStrike}).
     */
    private static int heelStrikeReach(int baseRefineSamples) {
        return 2 * baseRefineSamples;
    }

    /** Forgets the events waiting, the last reported and the tempo. */
    void reset() {
        tempo.reset();
        followTempo();
        pendingSize = 0;
        lastEvent = Long.MIN_VALUE / 2;
    }

    /** The refinement window at the tempo of the heel strikes reported so far. */
    private void followTempo() {
        refineSamples = Math.max(2, (int) Math.round(baseRefineSamples * tempo.scale()));
    }

    /** See {@link ContactEventDetector#reportFloor()}, of a detector that has taken {@code count} samples. */
    long reportFloor(long count) {
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

    /** Queues a crossing (of the contact threshold for a heel strike, of the release threshold for a toe off). */
    void enqueue(long crossing, boolean heelStrike) {
        if (pendingSize == PENDING_CAPACITY) {
            refineHead(history.count() - 1);
        }
        int slot = (pendingHead + pendingSize) & (PENDING_CAPACITY - 1);
        pendingCrossing[slot] = crossing;
        pendingIsHeelStrike[slot] = heelStrike;
        pendingSize++;
    }

    /**
     * Withdraws the newest pending event if it is of the given kind and its crossing is
     * {@code lastCrossing}, i.e. not yet refined and reported.
     *
     * @return whether it was withdrawn
     */
    boolean cancelTail(boolean heelStrike, long lastCrossing) {
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

    /** Refines and reports the events whose look-ahead has passed by sample {@code now}. */
    void refineDue(long now) {
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

    /** Refines and reports every event waiting, on the samples up to {@code last}. */
    void drain(long last) {
        while (pendingSize > 0) {
            refineHead(last);
        }
    }

    /** A gap in the signal after sample {@code last}: the events waiting are reported, and no stride spans it. */
    void breakOff(long last) {
        drain(last);
        tempo.breakOff();
    }

    private void refineHead(long now) {
        long crossing = pendingCrossing[pendingHead];
        boolean heelStrike = pendingIsHeelStrike[pendingHead];
        pendingHead = (pendingHead + 1) & (PENDING_CAPACITY - 1);
        pendingSize--;
        long oldest = Math.max(history.count() - history.capacity() + 1, history.resumedAt());
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
        long firstHeld = history.firstHeld();
        long lastUnloaded = lastBelowRelease(crossing, from, firstHeld);
        long earlier = Math.max(lastUnloaded - baseRefineSamples, floor);
        long before = Math.max(earlier - baseRefineSamples, floor);
        history.smoothSpan(Math.min(before, from), crossing);
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
     * Whether {@link SampleHistory#smoothSpan}'s span from {@code from} to {@code to} starts
     * within a rise: every later sample lies above its first.
     */
    private boolean startsWithinRise(long from, long to) {
        double first = history.spanValue(from);
        for (long i = from + 1; i <= to; i++) {
            if (!(history.spanValue(i) > first)) {
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
        double releaseLevel = levels.releaseThreshold();
        for (long i = crossing - 1; i >= from; i--) {
            if (history.smoothed(i, firstHeld) < releaseLevel) {
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
        double contactLevel = levels.contactThreshold();
        long windowStart = crossing - refineSamples;
        long lastLoaded = windowStart >= floor ? windowStart : crossing;
        long firstHeld = history.firstHeld();
        for (long i = crossing - 1; i >= Math.max(floor, windowStart); i--) {
            if (history.smoothed(i, firstHeld) > contactLevel) {
                lastLoaded = i;
                break;
            }
        }
        history.smoothSpan(lastLoaded, to);
        long minimum = argMin(lastLoaded, to);
        // on over the samples at the bottom of the converter's range (none when it is not known)
        long chordEnd = minimum;
        while (chordEnd < to && history.spanValue(chordEnd + 1) <= rangeMinimum) {
            chordEnd++;
        }
        return kneeBelowChord(lastLoaded, chordEnd);
    }

    /**
     * {@link EventTiming#LOAD_LEVELS}' heel strike: the first sample of the run at or above
     * {@link ContactEventDetector#LEVEL_HEEL_STRIKE_FRACTION} of the last contact's height that
     * ends in the crossing, within the heel strike's reach before it ({@link #heelStrikeReach}: a
     * slow rise, a heel stage, may pass that level more than a window before the contact
     * threshold, as the knee timing allows for). The height is the last contact's peak above the
     * lowest sample of that reach, the swing's level just before the rise, so that a swing level
     * that creeps up is followed; that lowest sample lies below the level, so the run always ends
     * within the reach. On a swing whose noise reaches that level, the run starts at the last
     * sample below it.
     */
    private long levelHeelStrike(long crossing, long floor) {
        long from = Math.min(Math.max(crossing - heelStrikeReach(baseRefineSamples), floor), crossing);
        history.smoothSpan(from, crossing);
        double unloaded = history.spanValue(argMin(from, crossing));
        double level = unloaded + ContactEventDetector.LEVEL_HEEL_STRIKE_FRACTION * (levels.peak - unloaded);
        long event = crossing;
        while (event > from && history.spanValue(event - 1) >= level) {
            event--;
        }
        return event;
    }

    /**
     * {@link EventTiming#LOAD_LEVELS}' toe off: the first sample from the release crossing on
     * below {@link ContactEventDetector#LEVEL_TOE_OFF_FRACTION} of the contact's height above the
     * unloaded level learned before it, within the refinement window after the crossing; the
     * crossing itself when that level lies above the release threshold ({@code offFraction} set
     * below it). Not the lowest sample after the fall, as for the heel strike before the rise: a
     * load that lingers above the level through the window would pass for the unloaded level
     * there. Where the fall stays above the level through the window, it has no crossing of it to
     * find, and the toe off is the knee of the fall ({@link #refineToeOff}).
     */
    private long levelToeOff(long crossing, long floor, long now) {
        long to = Math.min(crossing + refineSamples, now);
        long from = Math.max(crossing, floor);
        double level = levels.baseline + ContactEventDetector.LEVEL_TOE_OFF_FRACTION * (levels.peak - levels.baseline);
        if (from < to) {
            history.smoothSpan(from, to);
            for (long i = from; i <= to; i++) {
                if (history.spanValue(i) < level) {
                    return i;
                }
            }
        }
        return refineToeOff(crossing, floor, now);
    }

    private long argMin(long from, long to) {
        long best = from;
        double bestValue = history.spanValue(from);
        for (long i = from + 1; i <= to; i++) {
            double v = history.spanValue(i);
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }

    /**
     * Whether load creeps on through {@code from .. to} of {@link SampleHistory#smoothSpan}'s
     * signal, the span before the last unloaded sample: it rises all through it, each third lying
     * wholly above the third before it, as a rise slower than the span does (the noise of an
     * unloaded level mixes them), and had left the unloaded level before it, its first third
     * above the lowest of the samples from {@code before} (a heel stage as slow as the span starts
     * at that level).
     */
    private boolean creepsOn(long before, long from, long to) {
        long third = (to - from + 1) / 3;
        if (third < 1 || before >= from) {
            return false;
        }
        double unloaded = Double.POSITIVE_INFINITY;
        for (long i = before; i < from; i++) {
            unloaded = Math.min(unloaded, history.spanValue(i));
        }
        double below = unloaded;
        for (long start = from; start + third <= from + 3 * third; start += third) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (long i = start; i < start + third; i++) {
                lowest = Math.min(lowest, history.spanValue(i));
                highest = Math.max(highest, history.spanValue(i));
            }
            if (!(lowest > below)) {
                return false;
            }
            below = highest;
        }
        return true;
    }

    /**
     * The knee of {@link SampleHistory#smoothSpan}'s signal over {@code from .. to}: the sample
     * farthest below the chord joining its ends (Satopää et al. 2011); {@code to} when there is
     * no sample between them.
     */
    private long kneeBelowChord(long from, long to) {
        if (to - from < 2) {
            return to;
        }
        double start = history.spanValue(from);
        double slope = (history.spanValue(to) - start) / (to - from);
        long best = to;
        double bestDepth = Double.NEGATIVE_INFINITY;
        for (long i = from; i <= to; i++) {
            double depth = start + slope * (i - from) - history.spanValue(i);
            if (depth > bestDepth) {
                bestDepth = depth;
                best = i;
            }
        }
        return best;
    }
}
