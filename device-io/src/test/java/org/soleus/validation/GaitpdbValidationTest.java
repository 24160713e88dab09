package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.SideSummary;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;

/**
 * PhysioNet gaitpdb walks have no event ground truth, so the figures are checked against
 * published norms (Gaßner et al. 2020 for healthy adults: stride 1.03 ± 0.08 s, stance
 * 63 ± 1 % of the stride, stride-time CV 2.8 ± 0.8 %; older adults stride about 1.1 s, stance
 * about 60 %; walking peak vertical force about 1.1–1.2 body weights). The bands are wide
 * enough for the Parkinson's patient and the older controls in the sample, and narrow enough
 * that a detector splitting or merging strides, or a loading figure off by a unit, fails. The
 * trials' force sums average 1.29–1.42 times the body weight that {@code demographics.txt} gives
 * over whole strides, where the ground carries the body's weight: their peaks are checked in
 * those units too.
 */
final class GaitpdbValidationTest {
    private static final Path DATA = SampleData.of("physionet-gaitpdb");

    /**
     * Controls get the normal band; GaPt03 is an 82-year-old with Parkinson's disease walking at
     * 0.78 m/s ({@code demographics.txt}), whose slower, more variable strides get a wider band.
     */
    @ParameterizedTest
    @CsvSource({
        "GaCo01_01.txt, 1.5, 8",
        "GaPt03_01.txt, 1.8, 12",
        "JuCo01_01.txt, 1.5, 8",
        "SiCo01_01.txt, 1.5, 8",
    })
    void strideTimingAndPeakForceAreWithinNormalWalkingRanges(String file, double maxStrideS, double maxCvPct)
            throws IOException {
        GaitAnalysis analysis = InsoleGaitAnalyzer.analyze(Recordings.read(DATA.resolve(file), ReadOptions.DEFAULTS),
                GaitSettings.defaults());
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            SideSummary s = analysis.sides().get(side);
            String figures = String.format("gaitpdb %s %s: %d strides (%d rejected), stride %.3f s (CV %.1f %%), "
                            + "stance %.1f %%, double support %.3f s, peak force %.2f BW, loading rate %.1f BW/s",
                    file, side.label(), s.strideCount(), s.rejectedCount(), s.meanStrideS(), s.strideCvPct(),
                    s.meanStancePct(), s.meanDoubleSupportS(), s.meanPeakForceBw(), s.meanLoadingRateBwS());
            System.out.println(figures);
            assertTrue(s.strideCount() >= 20, figures);
            assertTrue(s.meanStrideS() > 0.85 && s.meanStrideS() < maxStrideS, figures);
            assertTrue(s.strideCvPct() < maxCvPct, figures);
            assertTrue(s.meanStancePct() > 55 && s.meanStancePct() < 70, figures);
            assertTrue(s.meanDoubleSupportS() > 0.05 && s.meanDoubleSupportS() < 0.4 * s.meanStrideS(), figures);
            assertTrue(s.meanPeakForceBw() > 0.9 && s.meanPeakForceBw() < 1.6, figures);
        }
        // The dataset's force sums average more than the body weight of demographics.txt over
        // whole strides (the ground carries the body's weight), so its peaks in body weights read
        // high by that factor; divided by it, they are 1.00–1.07, at the low end of walking's
        // (slow walkers, and sums of eight sensors that miss part of the sole).
        double meanForceBw = analysis.session().meanForceBw();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double scaledPeakBw = analysis.sides().get(side).meanPeakForceBw() / meanForceBw;
            String figures = String.format("gaitpdb %s %s: force over whole strides %.2f BW, peak force over it %.2f",
                    file, side.label(), meanForceBw, scaledPeakBw);
            System.out.println(figures);
            assertTrue(scaledPeakBw > 0.9 && scaledPeakBw < 1.4, figures);
        }
        double cadence = analysis.session().cadenceStepsPerMin();
        assertTrue(cadence > 120 / maxStrideS && cadence < 140, file + ": cadence " + cadence);
    }
}
