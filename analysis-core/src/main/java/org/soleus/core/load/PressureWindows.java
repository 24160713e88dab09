package org.soleus.core.load;

import java.util.Arrays;

import org.soleus.core.filter.Median3;

/**
 * A window of a {@link PressureTrack} with single samples far off their 3-sample median
 * replaced by it ({@link Median3}): a single error in one insole cell (a glitch of its
 * converter) would otherwise add its size to the stance's heel force and throw the centre of
 * pressure across the insole for a sample. The heel and total forces count a sample as far off
 * as the stance's force does, by a share of the window's range ({@link Median3#medianRange});
 * the centre of pressure by a share of the insole's heel-to-toe span
 * ({@value #COP_MAX_STEP_SHARE_OF_SPAN}; {@link Median3#replaceOutliersBeyond}), since across
 * the foot it hardly moves in a stance and a range-relative limit would take the real shift of
 * a heel strike for an error. Missing samples (NaN) and those next to them stay, and a sample
 * whose total or heel force no foot carries ({@link ForceRange}) becomes missing in both, so
 * that the heel share leaves it out. Only the part of the window that is used (a stance) is
 * cleaned, the window's range still setting the forces' limit; the rest of the window is
 * missing, which saves the cleaning of the context that the stance's force needs for its
 * low-pass filter but its pressure does not.
 * Buffers are reused from window to window; the track returned is valid until the next call.
 * Not thread-safe.
 */
public final class PressureWindows {
    /**
     * How far off its 3-sample median, as a share of the insole's span, a centre-of-pressure
     * sample is an error. Where the centre of pressure moves on, even at a run's pace and a low
     * sample rate, each sample is the median of itself and its neighbours; where it turns, it
     * turns by a few hundredths of the span within a sample. A quarter of the span is out of
     * reach of both, and within reach of one cell's glitch pulling it to that cell.
     */
    static final double COP_MAX_STEP_SHARE_OF_SPAN = 0.25;

    /** The force no foot carries, N ({@link ForceRange}): the raw total force's samples beyond it are missing. */
    private final double maxForceN;
    private float[] heel = new float[0];
    private float[] total = new float[0];
    private float[] copX = new float[0];
    private float[] copY = new float[0];

    /** @param maxForceN the largest plausible force, N ({@link ForceRange#maxForceN}; +∞ for none) */
    public PressureWindows(double maxForceN) {
        this.maxForceN = maxForceN;
    }

    /**
     * The samples {@code [from, from + length)} of {@code track}, indexed from 0, those of
     * {@code [keepFrom, keepTo)} cleaned and the others missing (NaN). The result for a kept
     * sample is the one that cleaning the whole window gives: its median is taken over its
     * neighbours in the window, and the forces' limit over the window's range.
     *
     * @param keepFrom     the first sample to clean, within the window
     * @param keepTo       one past the last sample to clean, within the window
     * @param shareOfRange how far off its 3-sample median, as a share of the window's range, a
     *                     sample is an error
     */
    public PressureTrack of(PressureTrack track, int from, int length, int keepFrom, int keepTo, double shareOfRange) {
        if (from < 0 || length < 0 || keepFrom < from || keepTo < keepFrom || keepTo > from + length
                || from + length > track.copY.length) {
            throw new IllegalArgumentException("samples [" + keepFrom + ", " + keepTo + ") must lie within the window ["
                    + from + ", " + (from + length) + ") within " + track.copY.length);
        }
        if (heel.length < length) {
            int n = Math.max(length, 2 * heel.length);
            heel = new float[n];
            total = new float[n];
            copX = new float[n];
            copY = new float[n];
        }
        // the kept samples with a neighbour on each side where the window has one, for their medians
        int spanFrom = Math.max(from, keepFrom - 1);
        int spanLength = Math.min(from + length, keepTo + 1) - spanFrom;
        int at = spanFrom - from;
        boolean withHeel = track.hasHeelForce();
        boolean withX = track.hasCopX();
        if (withHeel) {
            Median3.replaceOutliersBeyond(track.heelForceN, spanFrom, heel, at, spanLength,
                    shareOfRange * Median3.medianRange(track.heelForceN, from, length));
            Median3.replaceOutliersBeyond(track.totalForceN, spanFrom, total, at, spanLength,
                    shareOfRange * Median3.medianRange(track.totalForceN, from, length));
            // a force no foot carries, which the force's own path takes for missing, would swamp the heel share
            for (int i = keepFrom - from; i < keepTo - from; i++) {
                if (ForceRange.beyond(total[i], maxForceN) || ForceRange.beyond(heel[i], maxForceN)) {
                    total[i] = Float.NaN;
                    heel[i] = Float.NaN;
                }
            }
            blankOutside(heel, length, keepFrom - from, keepTo - from);
            blankOutside(total, length, keepFrom - from, keepTo - from);
        }
        double copStep = track.spanY() > 0 ? COP_MAX_STEP_SHARE_OF_SPAN * track.spanY() : Double.POSITIVE_INFINITY;
        if (withX) {
            Median3.replaceOutliersBeyond(track.copX, spanFrom, copX, at, spanLength, copStep);
            blankOutside(copX, length, keepFrom - from, keepTo - from);
        }
        Median3.replaceOutliersBeyond(track.copY, spanFrom, copY, at, spanLength, copStep);
        blankOutside(copY, length, keepFrom - from, keepTo - from);
        return new PressureTrack(withHeel ? heel : null, withHeel ? total : null, withX ? copX : null, copY,
                track.spanY(), length);
    }

    /** Makes {@code values[0 .. length)} outside {@code [keepFrom, keepTo)} missing. */
    private static void blankOutside(float[] values, int length, int keepFrom, int keepTo) {
        Arrays.fill(values, 0, keepFrom, Float.NaN);
        Arrays.fill(values, keepTo, length, Float.NaN);
    }
}
