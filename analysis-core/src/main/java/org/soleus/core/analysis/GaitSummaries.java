package org.soleus.core.analysis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.imu.SagittalAxis;
import org.soleus.core.recording.Side;

/**
 * Builds per-foot and session summaries from stride results: means of the finite values, in
 * stride order, gathered in one pass over the strides (and one more for the spread of the
 * stride time), so that a day of strides costs two loops rather than one per figure.
 * Stateless.
 */
final class GaitSummaries {
    /** The figures averaged per foot, each at its index in the arrays {@link #figures} fills. */
    private static final int STRIDE_TIME = 0;
    private static final int STANCE_TIME = 1;
    private static final int SWING_TIME = 2;
    private static final int STANCE_PCT = 3;
    private static final int DOUBLE_SUPPORT = 4;
    private static final int PEAK_FORCE = 5;
    private static final int LOADING_RATE = 6;
    private static final int IMPULSE = 7;
    private static final int FIGURES = 8;

    private GaitSummaries() {
    }

    static GaitAnalysis build(List<GaitEvent> events, List<StrideResult> strides, List<RejectedStride> rejected,
                              Set<Side> sides, double durationS, GaitSettings settings, boolean newtons,
                              Map<String, Integer> missing, double massKg, Map<Side, SagittalAxis> imuAxes) {
        int feet = Side.values().length;
        double[][] sums = new double[feet][FIGURES];
        int[][] counts = new int[feet][FIGURES];
        int[] strideCounts = new int[feet];
        MeanForceOverStrides meanForce = new MeanForceOverStrides();
        double sumBoth = 0;
        int countBoth = 0;
        double[] values = new double[FIGURES];
        for (StrideResult r : strides) {
            int foot = r.stride().side().ordinal();
            strideCounts[foot]++;
            meanForce.accept(r);
            figures(r, values);
            for (int f = 0; f < FIGURES; f++) {
                if (Double.isFinite(values[f])) {
                    sums[foot][f] += values[f];
                    counts[foot][f]++;
                }
            }
            if (Double.isFinite(values[STRIDE_TIME])) {
                sumBoth += values[STRIDE_TIME];
                countBoth++;
            }
        }
        double[][] means = new double[feet][FIGURES];
        for (int foot = 0; foot < feet; foot++) {
            for (int f = 0; f < FIGURES; f++) {
                means[foot][f] = counts[foot][f] == 0 ? Double.NaN : sums[foot][f] / counts[foot][f];
            }
        }
        double[] squares = new double[feet];
        int[] squareCounts = new int[feet];
        for (StrideResult r : strides) {
            int foot = r.stride().side().ordinal();
            double v = r.stride().strideS();
            if (Double.isFinite(v)) {
                double mean = means[foot][STRIDE_TIME];
                squares[foot] += (v - mean) * (v - mean);
                squareCounts[foot]++;
            }
        }
        int[] rejectedCounts = new int[feet];
        for (RejectedStride r : rejected) {
            rejectedCounts[r.side().ordinal()]++;
        }

        Map<Side, SideSummary> summaries = new EnumMap<>(Side.class);
        for (Side side : sides) {
            int foot = side.ordinal();
            double[] m = means[foot];
            double sdStride = squareCounts[foot] < 2 ? Double.NaN : Math.sqrt(squares[foot] / (squareCounts[foot] - 1));
            summaries.put(side, new SideSummary(side, strideCounts[foot], rejectedCounts[foot], m[STRIDE_TIME], sdStride,
                    100.0 * sdStride / m[STRIDE_TIME], m[STANCE_TIME], m[SWING_TIME], m[STANCE_PCT], m[DOUBLE_SUPPORT],
                    m[PEAK_FORCE], m[LOADING_RATE], m[IMPULSE]));
        }
        double meanStrideBoth = countBoth == 0 ? Double.NaN : sumBoth / countBoth;
        SideSummary l = summaries.get(Side.LEFT);
        SideSummary r = summaries.get(Side.RIGHT);
        SessionSummary session = new SessionSummary(durationS, 120.0 / meanStrideBoth,
                l == null || r == null ? Double.NaN : asymmetryPct(l.meanStrideS(), r.meanStrideS()),
                l == null || r == null ? Double.NaN : asymmetryPct(l.meanStanceS(), r.meanStanceS()),
                l == null || r == null ? Double.NaN : asymmetryPct(l.meanPeakForceBw(), r.meanPeakForceBw()),
                meanForce.meanForceBw(massKg));
        return new GaitAnalysis(events, strides, rejected, summaries, session, settings, newtons, missing, imuAxes);
    }

    /**
     * The averaged figures of one stride: stride, stance and swing time, stance %, double
     * support, peak force, loading rate and impulse (NaN without loading).
     */
    private static void figures(StrideResult r, double[] out) {
        out[STRIDE_TIME] = r.stride().strideS();
        out[STANCE_TIME] = r.stride().stanceS();
        out[SWING_TIME] = r.stride().swingS();
        out[STANCE_PCT] = r.stride().stancePct();
        out[DOUBLE_SUPPORT] = r.stride().doubleSupportS();
        out[PEAK_FORCE] = r.loading() == null ? Double.NaN : r.loading().peakForceBw();
        out[LOADING_RATE] = r.loading() == null ? Double.NaN : r.loading().loadingRateBwPerS();
        out[IMPULSE] = r.loading() == null ? Double.NaN : r.loading().impulseNs();
    }

    /** |a − b| as a percentage of their mean. */
    static double asymmetryPct(double a, double b) {
        return 100.0 * Math.abs(a - b) / (0.5 * (a + b));
    }
}
