package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soleus.core.analysis.StrideLegLoad;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.monitor.LoadSpikes;
import org.soleus.core.recording.Side;

final class StridesCsvTest {

    private static final String HEADER = "side,start_s,end_s,stride_s,stance_s,swing_s,stance_pct,"
            + "double_support_s,peak_force_n,peak_force_bw,loading_rate_bw_s,impulse_ns,"
            + "toe_off_s,swing_pct,first_peak_n,valley_n,second_peak_n,first_peak_s,second_peak_s,heel_share_pct,"
            + "cop_path,cop_progression,"
            + "knee_flexion_at_peak_pf_deg,max_stance_knee_flexion_deg,peak_pf_moment_nm_kg,peak_achilles_force_bw,"
            + "pf_impulse_nms,pf_time_above_s,soleus_dominant_s,soleus_dominant_impulse_nms,soleus_share,spike";
    private static final String NO_LEG = ",,,,,,,,,";
    /** The spike flag of a stride with loading and too few strides before it to be scored. */
    private static final String NO_SPIKE = ",0";

    private static List<String> lines() throws IOException {
        StringWriter out = new StringWriter();
        StridesCsv.write(SampleAnalysis.analysis().strides(), out);
        return out.toString().lines().toList();
    }

    @Test
    void headerIsExact() throws IOException {
        assertEquals(HEADER, lines().get(0));
    }

    @Test
    void formatsFixedDecimalsAndLeavesNaNEmpty() throws IOException {
        // double support NaN -> empty; cop_progression NaN -> empty
        assertEquals("left,0.0100,1.1000,1.0900,0.6612,0.4288,60.66,,812.46,1.0123,12.346,401.235,"
                + "0.6712,39.34,790.00,600.50,805.25,0.1200,0.5000,35.50,0.1235," + NO_LEG + NO_SPIKE, lines().get(1));
    }

    @Test
    void leavesLoadingCellsAndTheSpikeFlagEmptyWithoutLoading() throws IOException {
        assertEquals("right,0.5000,1.5500,1.0500,0.6500,0.4000,61.90,0.2500,,,,,1.1500,38.10,,,,,,,," + NO_LEG + ",",
                lines().get(2));
    }

    /**
     * The last column flags the strides {@link LoadSpikes} flags, 1 or 0: six steady strides of
     * the left foot, then one with 1.5 times their peak force.
     */
    @Test
    void flagsALoadSpikeInTheLastColumn() throws IOException {
        StrideResult template = SampleAnalysis.analysis().strides().get(0);
        StrideLoading l = template.loading();
        List<StrideResult> strides = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            double factor = i == 6 ? 1.5 : 1 + 0.01 * (i % 3);
            StrideLoading loading = new StrideLoading(l.peakForceN() * factor, l.peakForceBw() * factor, l.firstPeakN(),
                    l.firstPeakS(), l.valleyN(), l.secondPeakN(), l.secondPeakS(), l.loadingRateBwPerS(), l.impulseNs(),
                    l.heelSharePct(), l.copPathLength(), l.copProgression());
            strides.add(new StrideResult(new Stride(Side.LEFT, i, i + 0.6, i + 1, Double.NaN), loading));
        }
        StringWriter out = new StringWriter();
        StridesCsv.write(strides, out);
        List<String> spikes = out.toString().lines().skip(1).map(row -> row.substring(row.lastIndexOf(',') + 1)).toList();
        assertEquals(List.of("0", "0", "0", "0", "0", "0", "1"), spikes);
        assertArrayEquals(new boolean[] {false, false, false, false, false, false, true}, LoadSpikes.flags(strides));
    }

    @Test
    void writesLegFiguresWithTheirDecimalsAndNaNEmpty() throws IOException {
        StrideResult stride = SampleAnalysis.analysis().strides().get(0).withLeg(new StrideLegLoad(1.74567, 3.5,
                4.81234, 37.3544, 0.47, 10.554, 44.6249, 0.25, 10.2424, Double.NaN));
        StringWriter out = new StringWriter();
        StridesCsv.write(List.of(stride), out);
        String row = out.toString().lines().toList().get(1);
        // cop_progression (empty), then the leg figures (the NaN soleus share empty) and the spike flag
        assertEquals(",,10.55,44.62,1.7457,4.8123,37.354,0.4700,0.2500,10.242,,0", row.substring(row.indexOf(",0.1235,") + 7));
    }

    @Test
    void everyRowHasAsManyCellsAsTheHeader() throws IOException {
        int columns = HEADER.split(",", -1).length;
        for (String line : lines()) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
    }

    /** A stance that could not be measured has its loading cells and its spike flag empty, and is not scored. */
    @Test
    void aStanceNotMeasuredLeavesItsLoadingCellsAndSpikeFlagEmpty() throws IOException {
        StrideResult stride = new StrideResult(new Stride(Side.LEFT, 1, 1.6, 2.1, 0.25), StrideLoading.NOT_MEASURED);
        StringWriter out = new StringWriter();
        StridesCsv.write(List.of(stride), out);
        assertEquals("left,1.0000,2.1000,1.1000,0.6000,0.5000,54.55,0.2500,,,,,1.6000,45.45,,,,,,,," + NO_LEG + ",",
                out.toString().lines().toList().get(1));
        assertArrayEquals(new boolean[] {false}, LoadSpikes.flags(List.of(stride)));
    }

    @Test
    void ignoresTheDefaultLocale() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("left,0.0100,1.1000", lines().get(1).substring(0, 18));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
