package org.soleus.core.analysis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.Side;

/** Builds per-foot and session summaries from stride results. Stateless. */
final class GaitSummaries {
    private GaitSummaries() {
    }

    static GaitAnalysis build(List<GaitEvent> events, List<StrideResult> strides, List<RejectedStride> rejected,
                              Set<Side> sides, double durationS, GaitSettings settings, boolean newtons,
                              Map<String, Integer> missing) {
        Map<Side, SideSummary> summaries = new EnumMap<>(Side.class);
        for (Side side : sides) {
            List<StrideResult> mine = strides.stream().filter(r -> r.stride().side() == side).toList();
            int rejectedCount = (int) rejected.stream().filter(r -> r.side() == side).count();
            double meanStride = mean(mine, r -> r.stride().strideS());
            double sdStride = sd(mine, r -> r.stride().strideS(), meanStride);
            summaries.put(side, new SideSummary(side, mine.size(), rejectedCount, meanStride, sdStride,
                    100.0 * sdStride / meanStride,
                    mean(mine, r -> r.stride().stanceS()),
                    mean(mine, r -> r.stride().swingS()),
                    mean(mine, r -> r.stride().stancePct()),
                    mean(mine, r -> r.stride().doubleSupportS()),
                    mean(mine, r -> r.loading() == null ? Double.NaN : r.loading().peakForceBw()),
                    mean(mine, r -> r.loading() == null ? Double.NaN : r.loading().loadingRateBwPerS()),
                    mean(mine, r -> r.loading() == null ? Double.NaN : r.loading().impulseNs())));
        }
        double meanStrideBoth = mean(strides, r -> r.stride().strideS());
        SideSummary l = summaries.get(Side.LEFT);
        SideSummary r = summaries.get(Side.RIGHT);
        SessionSummary session = new SessionSummary(durationS, 120.0 / meanStrideBoth,
                l == null || r == null ? Double.NaN : asymmetryPct(l.meanStrideS(), r.meanStrideS()),
                l == null || r == null ? Double.NaN : asymmetryPct(l.meanStanceS(), r.meanStanceS()),
                l == null || r == null ? Double.NaN : asymmetryPct(l.meanPeakForceBw(), r.meanPeakForceBw()));
        return new GaitAnalysis(events, strides, rejected, summaries, session, settings, newtons, missing);
    }

    /** |a − b| as a percentage of their mean. */
    static double asymmetryPct(double a, double b) {
        return 100.0 * Math.abs(a - b) / (0.5 * (a + b));
    }

    /** Mean of the finite values; NaN when there are none. */
    static double mean(List<StrideResult> rows, ToDoubleFunction<StrideResult> f) {
        double sum = 0;
        int n = 0;
        for (StrideResult row : rows) {
            double v = f.applyAsDouble(row);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sample standard deviation of the finite values around {@code mean}; NaN for fewer than two. */
    static double sd(List<StrideResult> rows, ToDoubleFunction<StrideResult> f, double mean) {
        double sum = 0;
        int n = 0;
        for (StrideResult row : rows) {
            double v = f.applyAsDouble(row);
            if (Double.isFinite(v)) {
                sum += (v - mean) * (v - mean);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(sum / (n - 1));
    }
}
