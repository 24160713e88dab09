package org.soleus.core.events;

/**
 * A {@link ContactEventDetector}'s recovery of lost lock, against upward glitches that the
 * running median does not remove (glitches of several samples, a gain change) and leave the
 * learned peak, and with it the contact threshold, above every later step: when the detector has
 * stayed unloaded for {@value #LOCK_LOSS_S} s (the longest stride accepted by default, so no
 * walking foot stays unloaded that long) and the last {@value #LOCK_LOSS_S} s, scaled to their own
 * range, show at least {@value #LOCK_LOSS_CYCLES} load cycles (rises above the contact threshold
 * after falls below the release threshold, as the detector itself would see them) and the
 * warm-up's sign of steps (range above {@value WarmUp#MIN_RANGE_TO_MEAN_CHANGE} times the mean
 * sample-to-sample change, {@link WarmUp}), baseline and peak are learned anew from that span, as
 * the warm-up learns them: from the 5-sample running median ({@link SampleHistory#median5}). A
 * foot unloaded for long at rest (seated, lifted) shows no such cycles and keeps its amplitude.
 * The same check runs when the foot has stayed loaded for that long, against a lasting rise of
 * the sensor's unloaded level above the release threshold (an insole preloaded by a shoe laced
 * tighter), which would otherwise keep it loaded for good; there the cycles must also span at
 * least {@value #MIN_LOADED_RELOCK_RANGE} of the learned amplitude, so that the sway of a foot
 * standing still is not taken for steps. The strides lost to a glitch are then those within that
 * span.
 *
 * <p>No allocation. Not thread-safe.
 */
final class LockRecovery {
    /** Time unloaded without a contact crossing after which lock is checked for loss, s. */
    static final double LOCK_LOSS_S = 3.0;
    /** Load cycles within the last {@link #LOCK_LOSS_S} that show lock was lost. */
    private static final int LOCK_LOSS_CYCLES = 2;
    /**
     * Share of the learned amplitude that the load cycles of a foot loaded for the lock-loss
     * span must reach to show lost lock, rather than the sway of a foot standing still.
     */
    private static final double MIN_LOADED_RELOCK_RANGE = 0.5;

    private final SampleHistory history;
    private final ContactLevels levels;
    private final int lockLossSamples;
    private long checkFrom;

    LockRecovery(SampleHistory history, ContactLevels levels, int lockLossSamples) {
        this.history = history;
        this.levels = levels;
        this.lockLossSamples = lockLossSamples;
        reset();
    }

    /** The span of {@link #LOCK_LOSS_S} in samples, at least 4. */
    static int lockLossSamples(double sampleRateHz) {
        return Math.max(4, (int) Math.round(LOCK_LOSS_S * sampleRateHz));
    }

    /** Forgets the last check. */
    void reset() {
        checkFrom = Long.MIN_VALUE / 2;
    }

    /** Counts the lock-loss span from sample {@code i} on, the first after a gap. */
    void resumeAt(long i) {
        checkFrom = i;
    }

    /**
     * Checks sample {@code i}, one that crossed no threshold: when the lock-loss span has passed
     * since the last crossing and the last check, checks whether lock was lost and if so learns
     * baseline and peak anew ({@link #reacquire}). Returns whether it did.
     *
     * @param loaded whether the foot has stayed loaded for that span rather than unloaded
     */
    boolean recovers(long i, long lastCrossing, boolean loaded) {
        if (i - Math.max(lastCrossing, checkFrom) < lockLossSamples) {
            return false;
        }
        checkFrom = i;
        return reacquire(i, loaded ? MIN_LOADED_RELOCK_RANGE * (levels.peak - levels.baseline) : 0);
    }

    /**
     * Unloaded or loaded for the lock-loss span: when that span, scaled to its own range, shows
     * load cycles and steps, and its range is at least {@code minRange}, the baseline and peak
     * are learned from it. Returns whether they were.
     */
    private boolean reacquire(long now, double minRange) {
        long from = Math.max(now - lockLossSamples + 1, history.resumedAt() + 2);
        if (now - from < 4) {
            return false;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double changes = 0;
        for (long k = from; k <= now; k++) {
            double m = history.median5(k);
            low = Math.min(low, m);
            high = Math.max(high, m);
            changes += Math.abs(history.at(k) - history.at(k - 1));
        }
        double range = high - low;
        if (!(range > 0) || range < minRange
                || range <= WarmUp.MIN_RANGE_TO_MEAN_CHANGE * changes / (now - from + 1)) {
            return false;
        }
        double on = low + levels.onFraction * range;
        double off = low + levels.offFraction * range;
        int cycles = 0;
        boolean up = history.at(from) > on;
        for (long k = from; k <= now; k++) {
            double v = history.at(k);
            if (!up && v > on) {
                up = true;
                cycles++;
            } else if (up && v < off) {
                up = false;
            }
        }
        if (cycles < LOCK_LOSS_CYCLES) {
            return false;
        }
        levels.baseline = low;
        levels.peak = high;
        return true;
    }
}
