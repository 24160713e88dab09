package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.ImuSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.LegLoadAnalyzer;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.analysis.LegSeries;
import org.soleus.core.analysis.StrideLegLoad;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.exercise.CalfRaiseKind;
import org.soleus.core.exercise.CalfRaiseRepetition;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;

/**
 * The leg analysis of {@code soleus analyze} ({@link LegLoadAnalyzer}) on the shipped synthetic
 * session, against the truth written beside it: knee flexion, plantar-flexor moment and the
 * soleus-dominant flag per sample, the per-stride figures recomputed from the true signals over
 * the same strides, and the calf-raise repetitions. The session holds level walking, stairs
 * (bent-knee stance), a slope and calf raises of three kinds (see its PROVENANCE.md).
 */
final class SyntheticLegLoadValidationTest {

    private static final Path DIR = SampleData.of("synthetic");
    private static final Side[] FEET = {Side.LEFT, Side.RIGHT};

    private static Recording recording;
    private static Recording truth;
    private static LegLoadAnalysis legs;
    private static List<String[]> truthStrides;
    private static List<String[]> truthReps;

    @BeforeAll
    static void analyse() throws IOException {
        recording = Recordings.read(DIR.resolve("synthetic-session.csv"), new ReadOptions(null, Double.NaN, Double.NaN),
                CellAggregatingSink::new);
        truth = Recordings.read(DIR.resolve("synthetic-session.truth.csv"), new ReadOptions(null, Double.NaN, 70));
        legs = LegLoadAnalyzer.analyze(recording,
                InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults(), ImuSettings.defaults()),
                LegLoadSettings.DEFAULTS);
        truthStrides = ReferenceCsv.rows(DIR.resolve("synthetic-session.strides.csv"),
                "side,index,start_s,toe_off_s,end_s,terrain,load_factor");
        truthReps = ReferenceCsv.rows(DIR.resolve("synthetic-session.reps.csv"),
                "set,index,start_s,top_s,end_s,knee_flexion_deg,heel_rise_deg,seated");
    }

    @Test
    void perSampleSignalsFollowTheTruth() {
        StringBuilder line = new StringBuilder("synthetic leg signals:");
        for (Side side : FEET) {
            LegSeries leg = legs.legs().get(side);
            double[] knee = leg.kneeFlexionDeg();
            double[] trueKnee = truth.find(side.label() + ".knee.flexion_deg").orElseThrow().toDoubleArray();
            double[] momentNm = leg.momentNm();
            double[] trueMomentNm = truth.find(side.label() + ".ankle.pf_moment_nm").orElseThrow().toDoubleArray();
            float[] trueDominant = truth.find(side.label() + ".soleus.dominant_flag").orElseThrow().samples();
            double kneeRmse = rmse(knee, trueKnee);
            double momentRmseNmKg = rmse(momentNm, trueMomentNm) / 70;
            int agree = 0;
            for (int i = 0; i < trueDominant.length; i++) {
                agree += leg.soleusDominant()[i] == (trueDominant[i] > 0.5) ? 1 : 0;
            }
            double agreement = agree / (double) trueDominant.length;
            line.append(String.format(Locale.ROOT, " %s knee RMSE %.2f°, moment RMSE %.3f N·m/kg, dominant flag agrees on %.1f %%;",
                    side.label(), kneeRmse, momentRmseNmKg, 100 * agreement));
            assertTrue(kneeRmse <= 3, side + " knee RMSE " + kneeRmse + "°");
            assertTrue(momentRmseNmKg <= 0.05, side + " moment RMSE " + momentRmseNmKg + " N·m/kg");
            assertTrue(agreement >= 0.98, side + " dominant flag agreement " + agreement);
        }
        System.out.println(line);
    }

    @Test
    void strideFiguresMatchTheTruthOverTheSameStrides() {
        double fs = recording.sampleRateHz();
        int checked = 0;
        double worstPeak = 0;
        double worstKnee = 0;
        double worstDominantS = 0;
        for (StrideResult r : legs.gait().strides()) {
            StrideLegLoad f = r.leg();
            Side side = r.stride().side();
            double[] trueMomentNm = truth.find(side.label() + ".ankle.pf_moment_nm").orElseThrow().toDoubleArray();
            double[] trueKnee = truth.find(side.label() + ".knee.flexion_deg").orElseThrow().toDoubleArray();
            float[] trueDominant = truth.find(side.label() + ".soleus.dominant_flag").orElseThrow().samples();
            int from = (int) Math.round(r.stride().startS() * fs);
            int to = (int) Math.round(r.stride().endS() * fs);
            int toeOff = (int) Math.round(r.stride().toeOffS() * fs);
            double peak = Double.NEGATIVE_INFINITY;
            double maxStanceKnee = Double.NEGATIVE_INFINITY;
            double dominantS = 0;
            for (int i = from; i < to; i++) {
                peak = Math.max(peak, trueMomentNm[i]);
                dominantS += trueDominant[i] / fs;
                if (i < toeOff) {
                    maxStanceKnee = Math.max(maxStanceKnee, trueKnee[i]);
                }
            }
            String where = side + " stride at " + r.stride().startS() + " s";
            worstPeak = Math.max(worstPeak, Math.abs(f.peakMomentNmPerKg() - peak / 70));
            worstKnee = Math.max(worstKnee, Math.abs(f.maxStanceKneeFlexionDeg() - maxStanceKnee));
            worstDominantS = Math.max(worstDominantS, Math.abs(f.soleusDominantS() - dominantS));
            assertTrue(Math.abs(f.peakMomentNmPerKg() - peak / 70) <= 0.1, where + ": peak " + f.peakMomentNmPerKg()
                    + " vs " + peak / 70 + " N·m/kg");
            assertTrue(Math.abs(f.maxStanceKneeFlexionDeg() - maxStanceKnee) <= 8, where + ": max stance knee "
                    + f.maxStanceKneeFlexionDeg() + " vs " + maxStanceKnee + "°");
            assertTrue(Math.abs(f.soleusDominantS() - dominantS) <= 0.06, where + ": soleus-dominant "
                    + f.soleusDominantS() + " vs " + dominantS + " s");
            assertTrue(f.soleusShare() >= 0.6 && f.soleusShare() <= 0.9, where + ": share " + f.soleusShare());
            checked++;
        }
        assertTrue(checked >= 30, "only " + checked + " strides analysed");
        System.out.println(String.format(Locale.ROOT, "synthetic strides: %d strides, worst |error| peak moment %.3f N·m/kg, "
                + "max stance knee %.1f°, soleus-dominant time %.3f s", checked, worstPeak, worstKnee, worstDominantS));
    }

    /**
     * Stair strides (knee about 65° at contact) carry soleus-dominant load, level ones without a
     * planted load spike (load factor 1) do not and have a walking peak moment. The first stair
     * stride starts on level ground, so the stair figure is the median.
     */
    @Test
    void stairsAreSoleusDominantAndLevelWalkingIsNot() {
        List<Double> stairsDominantS = new ArrayList<>();
        int levelChecked = 0;
        for (String[] t : truthStrides) {
            Side side = Side.parse(t[0]);
            double startS = Double.parseDouble(t[2]);
            StrideResult match = null;
            for (StrideResult r : legs.gait().strides()) {
                if (r.stride().side() == side && Math.abs(r.stride().startS() - startS) < 0.05) {
                    match = r;
                }
            }
            if (match == null) {
                continue;
            }
            String where = t[0] + " " + t[5] + " stride at " + startS + " s";
            if (t[5].equals("stairs_up")) {
                stairsDominantS.add(match.leg().soleusDominantS());
            } else if (t[5].equals("level") && Double.parseDouble(t[6]) == 1) {
                levelChecked++;
                assertTrue(match.leg().soleusDominantS() < 0.05, where + ": " + match.leg());
                assertTrue(match.leg().peakMomentNmPerKg() > 1.4 && match.leg().peakMomentNmPerKg() < 2.1,
                        where + ": walking peak moment " + match.leg().peakMomentNmPerKg() + " N·m/kg, published ~1.7");
            }
        }
        long level = truthStrides.stream().filter(t -> t[5].equals("level") && Double.parseDouble(t[6]) == 1).count();
        assertTrue(levelChecked >= level - 2, levelChecked + " of the " + level + " level strides matched");
        assertTrue(stairsDominantS.size() >= 6, "stair strides matched: " + stairsDominantS);
        stairsDominantS.sort(null);
        assertTrue(stairsDominantS.get(stairsDominantS.size() / 2) > 0.15, "soleus-dominant s on stairs " + stairsDominantS);
    }

    @Test
    void calfRaisesAreFoundOnBothFeetAndClassified() {
        assertEquals(List.of(Side.LEFT, Side.RIGHT), legs.calfRaiseFeet());
        for (Side side : FEET) {
            List<CalfRaiseRepetition> found = repetitions(side);
            for (int i = 0; i < found.size(); i++) {
                String[] t = truthReps.get(i);
                CalfRaiseRepetition r = found.get(i);
                double kneeDeg = Double.parseDouble(t[5]);
                CalfRaiseKind expected = t[7].equals("1") ? CalfRaiseKind.SEATED
                        : kneeDeg >= 20 ? CalfRaiseKind.STANDING_BENT_KNEE : CalfRaiseKind.STRAIGHT_KNEE;
                assertEquals(expected, r.kind(), side + " repetition " + i + ": " + r);
                assertTrue(Math.abs(r.startS() - Double.parseDouble(t[2])) < 0.5, side + " repetition " + i + ": " + r);
            }
        }
    }

    @Test
    void heelRiseAngleFollowsTheTruthAndOnlyTheShallowRaisesAreFlagged() {
        double absSum = 0;
        double sum = 0;
        int n = 0;
        for (Side side : FEET) {
            List<CalfRaiseRepetition> found = repetitions(side);
            for (int i = 0; i < found.size(); i++) {
                String[] t = truthReps.get(i);
                CalfRaiseRepetition r = found.get(i);
                String where = side + " repetition " + i + ": " + r;
                double trueRiseDeg = Double.parseDouble(t[6]);
                // the sets are 3.4 s apart, under the 8-s gap: the change of kind separates them
                assertEquals(Integer.parseInt(t[0]), r.set(), where);
                assertEquals(Integer.parseInt(t[1]), r.index(), where);
                assertEquals(trueRiseDeg, r.heelRiseDeg(), 1.5, where);
                assertEquals(trueRiseDeg < 10, r.tooShallow(), where);
                absSum += Math.abs(r.heelRiseDeg() - trueRiseDeg);
                sum += r.heelRiseDeg() - trueRiseDeg;
                n++;
            }
        }
        System.out.println(String.format(Locale.ROOT, "heel-rise angle of the shipped synthetic session (%d reps, 25° and"
                + " 8°): MAE %.2f°, bias %+.2f°", n, absSum / n, sum / n));
        assertTrue(absSum / n < 0.5 && Math.abs(sum / n) < 0.4, "MAE " + absSum / n + "°, bias " + sum / n + "°");
    }

    /** The repetitions found on one foot, as many as the truth has. */
    private static List<CalfRaiseRepetition> repetitions(Side side) {
        List<CalfRaiseRepetition> found = new ArrayList<>();
        for (CalfRaiseRepetition r : legs.calfRaises()) {
            if (r.side() == side) {
                found.add(r);
            }
        }
        assertEquals(truthReps.size(), found.size(), side + " repetitions");
        return found;
    }

    private static double rmse(double[] estimate, double[] truthValues) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < estimate.length; i++) {
            if (!Double.isNaN(estimate[i]) && !Double.isNaN(truthValues[i])) {
                double e = estimate[i] - truthValues[i];
                sum += e * e;
                n++;
            }
        }
        assertTrue(n >= 0.9 * estimate.length, "an estimate for " + n + " of " + estimate.length + " samples");
        return Math.sqrt(sum / n);
    }
}
