package org.soleus.io.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.soleus.core.analysis.StrideLegLoad;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.monitor.LoadSpikes;

/**
 * Writes valid strides as CSV, one row per stride in the given (time) order, with the header
 * {@value #HEADER}. Times have 4 decimals (s), percentages 2, forces 2 (N), body weights 4,
 * loading rate and impulse 3, centre-of-pressure figures 4, angles 2, moments per kg 4; the last
 * column, {@code spike}, is 1 for a load spike ({@link LoadSpikes}) and 0 otherwise. A
 * value that is NaN, a loading figure of a stride without loading (force not in newtons, or a
 * stance not measured: {@link StrideLoading#measured()}; the spike flag too), or a leg figure of a stride without them ({@link StrideResult#leg()}), is an
 * empty cell. Units and definitions of every column: {@code docs/outputs.md}. Stateless and
 * thread-safe.
 */
public final class StridesCsv {

    /** The header line. */
    public static final String HEADER = "side,start_s,end_s,stride_s,stance_s,swing_s,stance_pct,"
            + "double_support_s,peak_force_n,peak_force_bw,loading_rate_bw_s,impulse_ns,"
            + "toe_off_s,swing_pct,first_peak_n,valley_n,second_peak_n,first_peak_s,second_peak_s,heel_share_pct,"
            + "cop_path,cop_progression,"
            + "knee_flexion_at_peak_pf_deg,max_stance_knee_flexion_deg,peak_pf_moment_nm_kg,peak_achilles_force_bw,"
            + "pf_impulse_nms,pf_time_above_s,soleus_dominant_s,soleus_dominant_impulse_nms,soleus_share,spike";

    private static final StrideLoading NO_LOADING = new StrideLoading(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    private static final StrideLegLoad NO_LEG = new StrideLegLoad(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Decimals of each column after {@code side} and before {@code spike}, in the order of {@link #HEADER}. */
    private static final int[] DECIMALS = {
        4, 4, 4, 4, 4, 2, 4,        // start_s … double_support_s
        2, 4, 3, 3,                 // peak_force_n … impulse_ns
        4, 2,                       // toe_off_s, swing_pct
        2, 2, 2, 4, 4, 2, 4, 4,     // first_peak_n … cop_progression
        2, 2, 4, 4, 3, 4, 4, 3, 4,  // knee_flexion_at_peak_pf_deg … soleus_share
    };

    static {
        if (DECIMALS.length != HEADER.split(",").length - 2) {
            throw new AssertionError("a number of decimals for every column but side and spike");
        }
    }

    private StridesCsv() {
    }

    /**
     * Writes the header and one row per stride, with the load-spike flags of
     * {@link LoadSpikes#flags(List)}. Does not close {@code out}.
     */
    public static void write(List<StrideResult> strides, Writer out) throws IOException {
        write(strides, LoadSpikes.flags(strides), out);
    }

    /**
     * Writes the header and one row per stride. Does not close {@code out}.
     *
     * @param spikes whether each stride is a load spike ({@link LoadSpikes#flags(List)} of {@code strides})
     */
    public static void write(List<StrideResult> strides, boolean[] spikes, Writer out) throws IOException {
        if (spikes.length != strides.size()) {
            throw new IllegalArgumentException("one spike flag per stride, got " + spikes.length + " for "
                    + strides.size() + " strides");
        }
        out.write(HEADER);
        out.write('\n');
        CsvLine row = new CsvLine(256);
        double[] values = new double[DECIMALS.length];
        for (int i = 0; i < spikes.length; i++) {
            row(strides.get(i), spikes[i], values, row).writeTo(out);
        }
    }

    /**
     * One stride's row with its line end, in {@code row} (cleared first). The values go through
     * {@code values} and one formatting loop, so that the method the JIT compiles while a long
     * list is being written is small (written out cell by cell, with the formatting inlined 28
     * times, it was the costliest compilation of a day-long recording's run).
     */
    private static CsvLine row(StrideResult r, boolean spike, double[] values, CsvLine row) {
        row.clear();
        Stride s = r.stride();
        StrideLoading l = r.loading() == null ? NO_LOADING : r.loading();
        StrideLegLoad leg = r.leg() == null ? NO_LEG : r.leg();
        values[0] = s.startS();
        values[1] = s.endS();
        values[2] = s.strideS();
        values[3] = s.stanceS();
        values[4] = s.swingS();
        values[5] = s.stancePct();
        values[6] = s.doubleSupportS();
        values[7] = l.peakForceN();
        values[8] = l.peakForceBw();
        values[9] = l.loadingRateBwPerS();
        values[10] = l.impulseNs();
        values[11] = s.toeOffS();
        values[12] = s.swingPct();
        values[13] = l.firstPeakN();
        values[14] = l.valleyN();
        values[15] = l.secondPeakN();
        values[16] = l.firstPeakS();
        values[17] = l.secondPeakS();
        values[18] = l.heelSharePct();
        values[19] = l.copPathLength();
        values[20] = l.copProgression();
        values[21] = leg.kneeAtPeakMomentDeg();
        values[22] = leg.maxStanceKneeFlexionDeg();
        values[23] = leg.peakMomentNmPerKg();
        values[24] = leg.peakAchillesBw();
        values[25] = leg.impulseNms();
        values[26] = leg.timeAboveThresholdS();
        values[27] = leg.soleusDominantS();
        values[28] = leg.soleusDominantImpulseNms();
        values[29] = leg.soleusShare();
        row.append(s.side().label());
        for (int c = 0; c < DECIMALS.length; c++) {
            Decimals.append(row.append(','), values[c], DECIMALS[c]);
        }
        row.append(',');
        if (r.loading() != null && r.loading().measured()) {
            row.append(spike ? '1' : '0');
        }
        return row.append('\n');
    }
}
