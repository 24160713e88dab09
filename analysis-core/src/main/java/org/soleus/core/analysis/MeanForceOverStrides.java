package org.soleus.core.analysis;

import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Side;

/**
 * Both feet's vertical force averaged over whole strides, in body weights
 * ({@link SessionSummary#meanForceBw}), gathered stride by stride: per foot the sum of its
 * strides' stance impulses over the sum of their stride times, the two feet added. Steady
 * walking averages 1, so a figure far from it shows a body mass or a force scale off by that
 * factor ({@link BodyWeightCheck}). The summary of a recording drives it over all its
 * strides; live analysis as the strides complete, so that it can warn during the session.
 *
 * <p>No allocation per stride. Not thread-safe.
 */
public final class MeanForceOverStrides {
    private final double[] impulseNs = new double[Side.values().length];
    private final double[] strideS = new double[Side.values().length];
    private final int[] strides = new int[Side.values().length];

    /** Adds a stride, when it has a finite stride time and stance impulse; others are left out. */
    public void accept(StrideResult result) {
        double stride = result.stride().strideS();
        double impulse = result.loading() == null ? Double.NaN : result.loading().impulseNs();
        if (Double.isFinite(stride) && Double.isFinite(impulse)) {
            int foot = result.stride().side().ordinal();
            impulseNs[foot] += impulse;
            strideS[foot] += stride;
            strides[foot]++;
        }
    }

    /** The fewer of the two feet's strides added so far. */
    public int fewerFootStrides() {
        return Math.min(strides[Side.LEFT.ordinal()], strides[Side.RIGHT.ordinal()]);
    }

    /** The mean force in body weights of {@code massKg}; NaN until both feet have a stride. */
    public double meanForceBw(double massKg) {
        double sumN = 0;
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            int foot = side.ordinal();
            if (!(strideS[foot] > 0)) {
                return Double.NaN;
            }
            sumN += impulseNs[foot] / strideS[foot];
        }
        return sumN / (massKg * Gravity.STANDARD_MPS2);
    }
}
