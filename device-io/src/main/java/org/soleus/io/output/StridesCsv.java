package org.soleus.io.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.soleus.core.analysis.StrideLegLoad;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;

/**
 * Writes valid strides as CSV, one row per stride in the given (time) order, with the header
 * {@value #HEADER}. Times have 4 decimals (s), percentages 2, forces 2 (N), body weights 4,
 * loading rate and impulse 3, centre-of-pressure figures 4, angles 2, moments per kg 4. A
 * value that is NaN, a loading figure of a stride without loading (force not in newtons), or a
 * leg figure of a stride without them ({@link StrideResult#leg()}), is an empty cell. Units and
 * definitions of every column: {@code docs/outputs.md}. Stateless and thread-safe.
 */
public final class StridesCsv {

    /** The header line. */
    public static final String HEADER = "side,start_s,end_s,stride_s,stance_s,swing_s,stance_pct,"
            + "double_support_s,peak_force_n,peak_force_bw,loading_rate_bw_s,impulse_ns,"
            + "toe_off_s,swing_pct,first_peak_n,valley_n,second_peak_n,heel_share_pct,cop_path,cop_progression,"
            + "knee_flexion_at_peak_pf_deg,max_stance_knee_flexion_deg,peak_pf_moment_nm_kg,peak_achilles_force_bw,"
            + "pf_impulse_nms,pf_time_above_s,soleus_dominant_s,soleus_dominant_impulse_nms,soleus_share";

    private static final StrideLoading NO_LOADING = new StrideLoading(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    private static final StrideLegLoad NO_LEG = new StrideLegLoad(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    private StridesCsv() {
    }

    /** Writes the header and one row per stride. Does not close {@code out}. */
    public static void write(List<StrideResult> strides, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(256);
        for (StrideResult r : strides) {
            out.append(row(r, row));
        }
    }

    /**
     * One stride's row with its line end, in {@code row} (cleared first). A method of its own so
     * that it is compiled after a few calls, while the loop over a long list is still running.
     */
    private static StringBuilder row(StrideResult r, StringBuilder row) {
        row.setLength(0);
        Stride s = r.stride();
        StrideLoading l = r.loading() == null ? NO_LOADING : r.loading();
        row.append(s.side().label());
        cell(row, s.startS(), 4);
        cell(row, s.endS(), 4);
        cell(row, s.strideS(), 4);
        cell(row, s.stanceS(), 4);
        cell(row, s.swingS(), 4);
        cell(row, s.stancePct(), 2);
        cell(row, s.doubleSupportS(), 4);
        cell(row, l.peakForceN(), 2);
        cell(row, l.peakForceBw(), 4);
        cell(row, l.loadingRateBwPerS(), 3);
        cell(row, l.impulseNs(), 3);
        cell(row, s.toeOffS(), 4);
        cell(row, s.swingPct(), 2);
        cell(row, l.firstPeakN(), 2);
        cell(row, l.valleyN(), 2);
        cell(row, l.secondPeakN(), 2);
        cell(row, l.heelSharePct(), 2);
        cell(row, l.copPathLength(), 4);
        cell(row, l.copProgression(), 4);
        StrideLegLoad leg = r.leg() == null ? NO_LEG : r.leg();
        cell(row, leg.kneeAtPeakMomentDeg(), 2);
        cell(row, leg.maxStanceKneeFlexionDeg(), 2);
        cell(row, leg.peakMomentNmPerKg(), 4);
        cell(row, leg.peakAchillesBw(), 4);
        cell(row, leg.impulseNms(), 3);
        cell(row, leg.timeAboveThresholdS(), 4);
        cell(row, leg.soleusDominantS(), 4);
        cell(row, leg.soleusDominantImpulseNms(), 3);
        cell(row, leg.soleusShare(), 4);
        return row.append('\n');
    }

    private static void cell(StringBuilder row, double value, int decimals) {
        Decimals.append(row.append(','), value, decimals);
    }
}
