package org.soleus.core.load;

import org.soleus.core.filter.Median3;

/**
 * A window of a {@link PressureTrack} with single samples far off their 3-sample median
 * replaced by it ({@link Median3}): a single error in one insole cell (a glitch of its
 * converter) would otherwise add its size to the stance's heel force and throw the centre of
 * pressure across the insole for a sample. The heel and total forces count a sample as far off
 * as the stance's force does, by a share of the window's range ({@link Median3#replaceOutliers});
 * the centre of pressure by a share of the insole's heel-to-toe span
 * ({@value #COP_MAX_STEP_SHARE_OF_SPAN}; {@link Median3#replaceOutliersBeyond}), since across
 * the foot it hardly moves in a stance and a range-relative limit would take the real shift of
 * a heel strike for an error. Missing samples (NaN) and those next to them stay, and a sample
 * whose total or heel force no foot carries ({@link ForceRange}) becomes missing in both, so
 * that the heel share leaves it out.
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
    private double[] raw = new double[0];
    private double[] clean = new double[0];
    private float[] heel = new float[0];
    private float[] total = new float[0];
    private float[] copX = new float[0];
    private float[] copY = new float[0];

    /** @param maxForceN the largest plausible force, N ({@link ForceRange#maxForceN}; +∞ for none) */
    public PressureWindows(double maxForceN) {
        this.maxForceN = maxForceN;
    }

    /**
     * The samples {@code [from, from + length)} of {@code track}, cleaned, indexed from 0.
     *
     * @param shareOfRange how far off its 3-sample median, as a share of the window's range, a
     *                     sample is an error
     */
    public PressureTrack of(PressureTrack track, int from, int length, double shareOfRange) {
        if (raw.length < length) {
            int n = Math.max(length, 2 * raw.length);
            raw = new double[n];
            clean = new double[n];
            heel = new float[n];
            total = new float[n];
            copX = new float[n];
            copY = new float[n];
        }
        boolean withHeel = track.hasHeelForce();
        boolean withX = track.hasCopX();
        if (withHeel) {
            despike(track.heelForceN, from, length, heel, shareOfRange, Double.NaN);
            despike(track.totalForceN, from, length, total, shareOfRange, Double.NaN);
            // a force no foot carries, which the force's own path takes for missing, would swamp the heel share
            for (int i = 0; i < length; i++) {
                if (ForceRange.beyond(total[i], maxForceN) || ForceRange.beyond(heel[i], maxForceN)) {
                    total[i] = Float.NaN;
                    heel[i] = Float.NaN;
                }
            }
        }
        double copStep = track.spanY() > 0 ? COP_MAX_STEP_SHARE_OF_SPAN * track.spanY() : Double.POSITIVE_INFINITY;
        if (withX) {
            despike(track.copX, from, length, copX, Double.NaN, copStep);
        }
        despike(track.copY, from, length, copY, Double.NaN, copStep);
        return new PressureTrack(withHeel ? heel : null, withHeel ? total : null, withX ? copX : null, copY,
                track.spanY(), length);
    }

    /** {@code src[from ..)} into {@code dst}, cleaned by a share of its range or, where that is NaN, by {@code maxStep}. */
    private void despike(float[] src, int from, int length, float[] dst, double shareOfRange, double maxStep) {
        for (int i = 0; i < length; i++) {
            raw[i] = src[from + i];
        }
        if (Double.isNaN(shareOfRange)) {
            Median3.replaceOutliersBeyond(raw, 0, clean, 0, length, maxStep);
        } else {
            Median3.replaceOutliers(raw, 0, clean, 0, length, shareOfRange);
        }
        for (int i = 0; i < length; i++) {
            dst[i] = (float) clean[i];
        }
    }
}
