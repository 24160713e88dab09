package org.soleus.core.events;

import org.soleus.core.filter.Median3;

/**
 * A foot's walking tempo as {@link ContactEventDetector} sees it: the median of the last
 * {@value #INTERVALS} intervals between its own heel strikes, as a multiple of a healthy adult's
 * stride time. The detector widens its toe-off refinement window by it, so that the edge is
 * searched over the same share of the stride for slower walkers: a slow walker's foot unloads
 * over a longer time, and a window set for ordinary walking cuts its toe-off tail short.
 * Reference: stride time 1.03 ± 0.08 s in healthy adults (Gaßner et al., "Gait variability as
 * digital biomarker of disease severity in Huntington's disease", J Neurol 267(6):1594–1601, 2020,
 * doi:10.1007/s00415-020-09725-3).
 *
 * <p>The median of three lets one missed or extra step pass; an interval longer than the
 * longest stride (a pause) is not a stride, and neither is one across a gap in the signal
 * ({@link #breakOff}). Until three intervals are known the scale is 1. No allocation per
 * event; not thread-safe.
 */
final class StrideTempo {
    /** Stride time the detector's default windows are set for, s. */
    static final double REFERENCE_STRIDE_S = 1.03;
    /**
     * Smallest scale: the window is not narrowed for brisker walkers, whose tails the set window
     * holds (on gaitndd records sped up 1.3 and 1.6 times narrowing it helped some feet and
     * harmed others).
     */
    static final double MIN_SCALE = 1.0;
    /** Largest scale: a stride of about 2 s, the slowest walking; it bounds how late events are reported. */
    static final double MAX_SCALE = 2.0;
    private static final int INTERVALS = 3;
    private static final long NONE = Long.MIN_VALUE;

    private final double referenceSamples;
    private final long longestStrideSamples;
    private final long[] intervals = new long[INTERVALS];
    private int held;
    private int next;
    private long lastHeelStrike = NONE;

    /**
     * @param sampleRateHz         sample rate of the signal, Hz
     * @param longestStrideSamples intervals longer than this are pauses, not strides
     */
    StrideTempo(double sampleRateHz, long longestStrideSamples) {
        this.referenceSamples = REFERENCE_STRIDE_S * sampleRateHz;
        this.longestStrideSamples = longestStrideSamples;
    }

    /** A heel strike at sample {@code index}, after those given before. */
    void heelStrike(long index) {
        if (lastHeelStrike != NONE) {
            long interval = index - lastHeelStrike;
            if (interval > 0 && interval <= longestStrideSamples) {
                intervals[next] = interval;
                next = (next + 1) % INTERVALS;
                held = Math.min(held + 1, INTERVALS);
            }
        }
        lastHeelStrike = index;
    }

    /** A gap in the signal: the next heel strike starts no interval with the one before it. */
    void breakOff() {
        lastHeelStrike = NONE;
    }

    /** Forgets the tempo. */
    void reset() {
        held = 0;
        next = 0;
        lastHeelStrike = NONE;
    }

    /**
     * The stride time over the reference, within {@link #MIN_SCALE}–{@link #MAX_SCALE}; 1 until
     * three strides are known.
     */
    double scale() {
        if (held < INTERVALS) {
            return 1;
        }
        double median = Median3.of(intervals[0], intervals[1], intervals[2]);
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, median / referenceSamples));
    }
}
