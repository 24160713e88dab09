package org.soleus.validation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.Side;
import org.soleus.io.format.GaitnddStrideTable;

/**
 * Accuracy of one foot's detected strides against a gaitndd {@code .ts} stride table. Each true
 * stride is matched to the detected stride of the same foot whose end is nearest, within
 * {@value #MATCH_WINDOW_S} s; then the mean absolute errors of stride, stance and swing time.
 *
 * <p>The table gives the left stride's end ({@code elapsed}); the right stride on the same row
 * is the one that ends before it, at a time the table does not give. Its end is placed at the
 * median, over the eleven neighbouring rows, of the offset from the left contact back to the
 * latest detected right contact: one offset per neighbourhood, not per stride, so a detection
 * error still shows as an error.
 *
 * <p>Matching is one to one: a detected stride nearest to two of the table's is matched to the
 * first only. Detected strides the table lacks are counted as well: those within the table's span
 * that no stride of the table was matched to, so that a detector that adds strides between the
 * true ones fails too. (Not by distance to the placed ends: on the right, where the table gives
 * no end, the median offset places some 0.10–0.15 s from the detected end of a true stride.)
 *
 * @param matchedFraction share of the table's strides matched
 * @param strideMaeS      mean absolute error of stride time, s
 * @param stanceMaeS      of stance time, s
 * @param swingMaeS       of swing time, s
 * @param extraFraction   share of the detected strides within the table's span that the table
 *                        does not have
 */
record GaitnddAccuracy(double matchedFraction, double strideMaeS, double stanceMaeS, double swingMaeS,
                       double extraFraction) {
    private static final double MATCH_WINDOW_S = 0.7;
    /** How far past the table's last stride end a detected one still counts as within its span, s. */
    private static final double SAME_END_S = GaitnddEventTiming.SAME_EVENT_S;

    /** The accuracy of {@code side}'s strides in {@code analysis} against {@code table}. */
    static GaitnddAccuracy of(GaitAnalysis analysis, GaitnddStrideTable table, Side side) {
        List<Stride> detected = analysis.strides().stream().map(StrideResult::stride)
                .filter(s -> s.side() == side).toList();
        return match(detected, table, side);
    }

    @Override
    public String toString() {
        return String.format("matched %.1f %%, stride %.1f ms, stance %.1f ms, swing %.1f ms, %.1f %% extra",
                100 * matchedFraction, 1000 * strideMaeS, 1000 * stanceMaeS, 1000 * swingMaeS, 100 * extraFraction);
    }

    private static GaitnddAccuracy match(List<Stride> detected, GaitnddStrideTable table, Side side) {
        double[] ends = side == Side.LEFT ? leftEnds(table) : rightEnds(table, detected);
        int matched = 0;
        double strideErr = 0;
        double stanceErr = 0;
        double swingErr = 0;
        Set<Stride> used = new HashSet<>();
        for (int k = 0; k < table.size(); k++) {
            GaitnddStrideTable.Stride truth = table.get(k);
            Stride nearest = nearestByEnd(detected, ends[k]);
            if (nearest == null || Math.abs(nearest.endS() - ends[k]) > MATCH_WINDOW_S || !used.add(nearest)) {
                continue;
            }
            matched++;
            double strideS = side == Side.LEFT ? truth.leftStrideS() : truth.rightStrideS();
            double stanceS = side == Side.LEFT ? truth.leftStanceS() : truth.rightStanceS();
            double swingS = side == Side.LEFT ? truth.leftSwingS() : truth.rightSwingS();
            strideErr += Math.abs(nearest.strideS() - strideS);
            stanceErr += Math.abs(nearest.stanceS() - stanceS);
            swingErr += Math.abs(nearest.swingS() - swingS);
        }
        return new GaitnddAccuracy((double) matched / table.size(), strideErr / matched, stanceErr / matched,
                swingErr / matched, extraFraction(detected, used, ends, table.get(0).leftStrideStartS()));
    }

    /**
     * The share of {@code detected} ending within the table's span (after {@code fromS}, the start
     * of its first stride, up to {@value #SAME_END_S} s after its last end) that no stride of the
     * table was matched to.
     */
    private static double extraFraction(List<Stride> detected, Set<Stride> matched, double[] ends, double fromS) {
        double toS = Arrays.stream(ends).max().orElse(Double.NaN);
        List<Stride> within = detected.stream()
                .filter(s -> s.endS() > fromS + SAME_END_S && s.endS() < toS + SAME_END_S).toList();
        long extra = within.stream().filter(s -> !matched.contains(s)).count();
        return within.isEmpty() ? 1 : (double) extra / within.size();
    }

    private static double[] leftEnds(GaitnddStrideTable table) {
        return table.strides().stream().mapToDouble(GaitnddStrideTable.Stride::elapsedS).toArray();
    }

    private static double[] rightEnds(GaitnddStrideTable table, List<Stride> detectedRight) {
        int n = table.size();
        double[] offsets = new double[n];
        for (int k = 0; k < n; k++) {
            double elapsed = table.get(k).elapsedS();
            double latest = Double.NaN;
            for (Stride s : detectedRight) {
                if (s.endS() <= elapsed + 0.02) {
                    latest = s.endS();
                }
            }
            offsets[k] = elapsed - latest;
        }
        double[] ends = new double[n];
        for (int k = 0; k < n; k++) {
            double[] window = Arrays.stream(offsets, Math.max(0, k - 5), Math.min(n, k + 6))
                    .filter(v -> !Double.isNaN(v)).sorted().toArray();
            double median = window.length == 0 ? 0 : window[window.length / 2];
            ends[k] = table.get(k).elapsedS() - median;
        }
        return ends;
    }

    private static Stride nearestByEnd(List<Stride> strides, double endS) {
        Stride best = null;
        for (Stride s : strides) {
            if (best == null || Math.abs(s.endS() - endS) < Math.abs(best.endS() - endS)) {
                best = s;
            }
        }
        return best;
    }
}
