package org.soleus.core.events;

/**
 * A {@link ContactEventDetector}'s warm-up, after construction or a reset (as a gap within a
 * warm-up that cannot end it resets the detector): it learns baseline and peak
 * ({@link ContactLevels}) from the 5-sample running median ({@link SampleHistory#median5}), so
 * that a glitch of two samples does not set them, and decides when they are learned, the
 * detector reporting nothing until then. That is once the warm-up
 * span has passed, the signal has shown steps ({@link #MIN_RANGE_TO_MEAN_CHANGE}) and it has
 * made a whole step on the levels learned: a contact, a swing that lasts from the shortest swing
 * to the lock-loss span ({@link LockRecovery#LOCK_LOSS_S}), and the next contact, with the fall
 * into the swing and the rise out of it (to {@value #WARM_UP_STEP_FRACTION} of the last contact's
 * height) each within the refinement window (the rise within the slowest tempo's window where
 * the swing held the sensor's unloaded level, as a foot in the air does and a sway does not). So
 * neither a dip within a stance (too short a swing) nor the sway of a foot standing still,
 * shifting its weight (too long a swing, or too slow an edge), ends it; and a warm-up that has
 * not ended within the lock-loss span learns its levels anew from that span, so that one landing
 * far above the steps does not hold it up. Data that end (or break off at a gap) during the swing
 * of such a step end it as well ({@link #endsInSwing}), and data that end before it has ended are
 * followed once more from their start, on the levels learned from all of them
 * ({@link #endsShort}), so that a clip of a stride or two gives its events. When it ends, the
 * detector runs its samples through detection.
 *
 * <p>No allocation per sample. Not thread-safe.
 */
final class WarmUp {
    /**
     * The warm-up ends only once the signal's range exceeds this many times its mean absolute
     * sample-to-sample change, so that a warm-up without any step (sensor noise only) does not
     * set the thresholds: Gaussian noise spans about 5 standard deviations over a warm-up but
     * changes by about 1.1 per sample, a stepping signal spans about 30 times its mean change.
     * The mean change is that of the span the levels were learned from
     * ({@link #relearnLevels}): one glitch sample far above the steps would otherwise hold
     * the warm-up up by some 20 samples for each step's height it stands above them (a glitch a
     * thousand steps high: about 20 000 samples, over a minute at 300 Hz), where the levels,
     * taken from the running median, pass over it.
     */
    static final double MIN_RANGE_TO_MEAN_CHANGE = 8.0;
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

    private final SampleHistory history;
    private final ContactLevels levels;
    private final int warmUpSamples;
    private final int lockLossSamples;
    private final int minSwingSamples;
    /** The refinement window as set. */
    private final int baseRefineSamples;
    /** The refinement window of the slowest tempo followed ({@link EdgeRefiner#widestRefineSamples}). */
    private final int widestRefineSamples;

    private boolean running;
    private boolean sawLoad;
    /** Where the warm-up's signal fell below the release threshold after a contact; -1 while it has not. */
    private long lowFrom;
    /** The warm-up's last sample above the contact threshold. */
    private long lastHigh;
    /** The warm-up's last sample below the release threshold. */
    private long lastLow;
    /** The highest value of the warm-up's last contact, which the next contact's rise is measured against. */
    private double contactPeak;
    /** Samples of the warm-up since its levels were last learned anew ({@link #relearnLevels}). */
    private long sinceLevels;
    private double previousValue;
    private double sumAbsChange;
    /** The warm-up samples that {@link #sumAbsChange} is of: since the reset, or the last relearning of its levels. */
    private long changeSamples;

    WarmUp(SampleHistory history, ContactLevels levels, int warmUpSamples, int lockLossSamples, int minSwingSamples,
           int baseRefineSamples) {
        this.history = history;
        this.levels = levels;
        this.warmUpSamples = warmUpSamples;
        this.lockLossSamples = lockLossSamples;
        this.minSwingSamples = minSwingSamples;
        this.baseRefineSamples = baseRefineSamples;
        this.widestRefineSamples = EdgeRefiner.widestRefineSamples(baseRefineSamples);
        start();
    }

    /** Starts a warm-up anew; the levels are to be forgotten with it. */
    void start() {
        running = true;
        forgetStep();
        sinceLevels = 0;
        sumAbsChange = 0;
        changeSamples = 0;
        previousValue = Double.NaN;
    }

    /** Forgets the step under way: none is followed until the next contact. */
    private void forgetStep() {
        sawLoad = false;
        lowFrom = -1;
        lastHigh = Long.MIN_VALUE / 2;
        lastLow = Long.MIN_VALUE / 2;
    }

    /** Whether the warm-up is still learning. */
    boolean isRunning() {
        return running;
    }

    /** Whether the samples since the warm-up started span the warm-up time. */
    boolean spansWarmUpTime() {
        return history.sinceReset() >= warmUpSamples;
    }

    /**
     * Learns baseline and peak from sample {@code i}, of {@code value}, and returns whether that
     * ends the warm-up: the warm-up span has passed, the signal has shown steps and it has
     * completed a step on the levels learned: a contact (a rise above the contact threshold), a
     * swing (a fall below the release threshold that lasts from the shortest swing to the
     * lock-loss span) and the next contact's rise to {@value #WARM_UP_STEP_FRACTION} of the last
     * contact's height above the baseline, the fall and the rise each within the refinement
     * window (the fall from the contact threshold: a foot may unload slowly; the rise within the
     * window of the slowest tempo followed where the swing held the unloaded level,
     * {@link #swingHoldsFloor}). So the peak is that of a whole stance, not of the part of a rise
     * seen so far, and the baseline that of a swing: a dip within a stance (too short) or the
     * sway of a foot standing still, shifting its weight (too long a swing, or too slow an edge),
     * is not taken for one, and learning goes on until the foot steps.
     */
    boolean accept(long i, double value) {
        double robust = history.median3(i);
        double level = history.median5(i);
        levels.baseline = Math.min(levels.baseline, level);
        levels.peak = Math.max(levels.peak, level);
        if (!Double.isNaN(previousValue)) {
            sumAbsChange += Math.abs(value - previousValue);
        }
        changeSamples++;
        previousValue = value;
        if (++sinceLevels > lockLossSamples) {
            relearnLevels(i);
        }
        if (spansWarmUpTime() && showsSteps() && completesStep(i, robust)) {
            running = false;
        }
        return !running;
    }

    /** Whether the warm-up's range stands out of its mean sample-to-sample change ({@link #MIN_RANGE_TO_MEAN_CHANGE}). */
    private boolean showsSteps() {
        double range = levels.peak - levels.baseline;
        return range > 0 && range > MIN_RANGE_TO_MEAN_CHANGE * sumAbsChange / changeSamples;
    }

    /**
     * Follows the warm-up's step through sample {@code i} (its running median {@code robust}) on
     * the levels learned so far: returns whether it completes the step (see {@link #accept}).
     */
    private boolean completesStep(long i, double robust) {
        double baseline = levels.baseline;
        if (robust > levels.contactThreshold()) {
            if (lowFrom >= 0 && (i - lastLow <= baseRefineSamples
                    || i - lastLow <= widestRefineSamples && swingHoldsFloor())) {
                if (robust <= baseline + WARM_UP_STEP_FRACTION * (contactPeak - baseline)) {
                    return false;
                }
                if (isSwing(i - lowFrom)) {
                    return true;
                }
            }
            boolean newContact = !sawLoad || lowFrom >= 0;
            double level = history.median5(i);
            contactPeak = newContact ? level : Math.max(contactPeak, level);
            sawLoad = true;
            lowFrom = -1;
            lastHigh = i;
        } else if (robust < levels.releaseThreshold()) {
            if (sawLoad && lowFrom < 0) {
                if (i - lastHigh <= baseRefineSamples) {
                    lowFrom = i;
                } else {
                    sawLoad = false;
                }
            }
            lastLow = i;
        }
        return false;
    }

    /**
     * Whether the warm-up's swing, from {@link #lowFrom} to {@link #lastLow} (its last lock-loss
     * span at most), holds the sensor's unloaded level: more than half its samples, and so its
     * median, lie within {@value #FLAT_SWING_SHARE} of the release margin above its lowest
     * sample.
     */
    private boolean swingHoldsFloor() {
        long from = Math.max(lowFrom, lastLow - lockLossSamples);
        double lowest = Double.POSITIVE_INFINITY;
        for (long k = from; k <= lastLow; k++) {
            lowest = Math.min(lowest, history.at(k));
        }
        double level = lowest + FLAT_SWING_SHARE * levels.offFraction * (levels.peak - levels.baseline);
        long atFloor = 0;
        for (long k = from; k <= lastLow; k++) {
            atFloor += history.at(k) <= level ? 1 : 0;
        }
        return 2 * atFloor > lastLow - from + 1;
    }

    /**
     * The data end while the warm-up is still learning, before a step after its first span (a
     * recording of a second or two): its samples are followed again from the start, on the
     * levels learned from all of them, with the same rules; when they hold a step, or end in the
     * swing of one ({@link #endsInSwing}), the warm-up ends. Returns whether it did.
     */
    boolean endsShort() {
        if (!running || !showsSteps()) {
            return false;
        }
        forgetStep();
        for (long k = history.lastHalfFrom(); k < history.count(); k++) {
            if (completesStep(k, history.median3(k))) {
                running = false;
                return true;
            }
        }
        return endsInSwing();
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
    private void relearnLevels(long now) {
        long from = Math.max(now - lockLossSamples + 1, history.resumedAt());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (long k = from; k <= now; k++) {
            double m = history.median5(k);
            low = Math.min(low, m);
            high = Math.max(high, m);
        }
        levels.baseline = low;
        levels.peak = high;
        sumAbsChange = 0;
        for (long k = from + 1; k <= now; k++) {
            sumAbsChange += Math.abs(history.at(k) - history.at(k - 1));
        }
        changeSamples = now - from + 1;
        sinceLevels = 0;
    }

    /**
     * The data end (or break off) while the warm-up waits for the next contact after a swing that
     * has already lasted the shortest swing: the step is taken as complete and the warm-up ends.
     * Returns whether it did.
     */
    boolean endsInSwing() {
        if (!running || lowFrom < 0 || !isSwing(history.count() - lowFrom)) {
            return false;
        }
        running = false;
        return true;
    }

    /** Whether an unloaded phase of {@code samples} lasts as a swing may: the shortest swing to the lock-loss span. */
    private boolean isSwing(long samples) {
        return samples >= minSwingSamples && samples <= lockLossSamples;
    }
}
