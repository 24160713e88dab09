package org.soleus.core.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.CalfRaiseRep;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

final class CalfRaiseDetectorTest {
    private static final long SEED = 21;

    /** Walking, 2 s standing, two sets (bent-knee, then straight-knee): the synthetic session used below. */
    private static SyntheticRecording session() {
        return SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(new Activity.Standing(3),
                new Activity.Walking(10, 110, 1.3, Terrain.LEVEL), new Activity.Standing(2),
                new Activity.CalfRaises(5, 40, 4, 15, false, 0), new Activity.Standing(15),
                new Activity.CalfRaises(3, 0, 3, 15, false, 0), new Activity.Standing(2)), SEED));
    }

    /** A heel-region force from the total and the centre of pressure: 60 % on the heel flat, none once the CoP is 0.3 forward. */
    private static float[] heelForce(float[] force, float[] cop) {
        float[] heel = new float[force.length];
        for (int i = 0; i < force.length; i++) {
            heel[i] = (float) (force[i] * Math.max(0, Math.min(0.6, 0.6 - 2 * (cop[i] + 0.15))));
        }
        return heel;
    }

    /**
     * Fed sample by sample, the detector finds the session's eight repetitions (and none in the
     * walk) as the synthetic truth has them, and reports each while the session goes on: not
     * before the sample that ends it, and, as {@link CalfRaiseSettings} promises, at most
     * {@code edgeSearchS} after the return crossing, which lies before that end.
     */
    @Test
    void theSessionsRepetitionsMatchTheTruthAndEachIsReportedSoonAfterItEnds() {
        SyntheticRecording sr = session();
        Recording rec = sr.sensors();
        float[] force = rec.channel("left.insole.force_n").samples();
        float[] cop = rec.channel("left.insole.cop_y_norm").samples();
        float[] heel = heelForce(force, cop);
        double[] knee = sr.truth().channel("left.knee.flexion_deg").toDoubleArray();
        double fs = rec.sampleRateHz();
        ImuSamples foot = ImuSamples.of(ImuChannels.foot(rec, Side.LEFT).orElseThrow());
        List<CalfRaiseRepetition> streamed = new ArrayList<>();
        List<Double> reportedAtS = new ArrayList<>();
        double[] nowS = {0};
        CalfRaiseDetector detector = new CalfRaiseDetector(Side.LEFT, fs, 70, CalfRaiseSettings.DEFAULTS, rep -> {
            streamed.add(rep);
            reportedAtS.add(nowS[0]);
        });
        for (int i = 0; i < force.length; i++) {
            nowS[0] = i / fs;
            detector.accept(nowS[0], force[i], cop[i], heel[i], knee[i], foot.gyrXDps()[i], foot.gyrYDps()[i],
                    foot.gyrZDps()[i], foot.accXMps2()[i], foot.accYMps2()[i], foot.accZMps2()[i]);
        }
        List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.flagShallow(streamed, CalfRaiseSettings.DEFAULTS);
        assertEquals(8, reps.size(), "seed " + SEED + ": walking steps must not count, " + reps);
        double edgeSearchS = CalfRaiseSettings.DEFAULTS.edgeSearchS();
        for (int r = 0; r < reps.size(); r++) {
            CalfRaiseRepetition rep = reps.get(r);
            assertEquals(r < 5 ? 0 : 1, rep.set(), "seed " + SEED + ": " + rep);
            assertEquals(r < 5 ? r : r - 5, rep.index(), "seed " + SEED + ": " + rep);
            assertEquals(r < 5 ? CalfRaiseKind.STANDING_BENT_KNEE : CalfRaiseKind.STRAIGHT_KNEE, rep.kind(), rep.toString());
            assertEquals(sr.reps().get(r).startS(), rep.startS(), 0.2, rep.toString());
            assertEquals(sr.reps().get(r).endS(), rep.endS(), 0.2, rep.toString());
            assertEquals(15, rep.heelRiseDeg(), 1, rep.toString());
            assertFalse(rep.tooShallow(), rep.toString());
            assertFalse(rep.tooFast(), rep.toString());
            double at = reportedAtS.get(r);
            assertTrue(at >= rep.endS() && at <= rep.endS() + edgeSearchS, "seed " + SEED + ": reported at " + at
                    + " s, " + rep);
        }
        assertEquals(8, streamed.size(), "each repetition reported once");
        List<CalfRaiseRepetition> stricter = CalfRaiseAnalysis.analyze(Side.LEFT, force, cop, heel, knee, foot, fs, 0, 70,
                CalfRaiseSettings.DEFAULTS.withTooFastS(2.5));
        assertEquals(8, stricter.size(), stricter.toString());
        for (CalfRaiseRepetition rep : stricter) {
            assertEquals(rep.set() == 1, rep.tooFast(), "3-s repetitions last 2.55 s by the truth and about 2.45 s as"
                    + " detected, 4-s ones 3.4 s and about 3.25 s; with a 2.5-s limit only the first are fast; " + rep);
        }
        CalfRaiseRepetition first = reps.get(0);
        assertTrue(first.peakForefootN() > 0.9 * first.meanForceN(), "with the heel force, the forefoot carries it all at the top: " + first);
    }

    /**
     * Standing, the weight shifts forward (the centre of pressure 0.2 of the insole's length ahead
     * for 2.5 s) and back, the heel carrying 40 % throughout: no raise when the heel force says so;
     * from the centre of pressure alone it reads as a small lift.
     */
    @Test
    void aForwardShiftOfWeightWithTheHeelLoadedIsNoRaise() {
        double fs = 100;
        int n = 1000;
        float[] force = new float[n];
        float[] cop = new float[n];
        float[] heel = new float[n];
        double[] knee = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            double shift = t < 3 || t > 5.5 ? 0 : Math.sin(Math.PI * (t - 3) / 2.5);
            force[i] = 340;
            cop[i] = (float) (-0.15 + 0.2 * shift);
            heel[i] = 0.4f * force[i];
            knee[i] = 2;
        }
        assertEquals(List.of(), CalfRaiseAnalysis.analyze(Side.LEFT, force, cop, heel, knee, fs, 0, 70,
                CalfRaiseSettings.DEFAULTS), "the heel never came off");
        assertEquals(1, CalfRaiseAnalysis.analyze(Side.LEFT, force, cop, null, knee, fs, 0, 70,
                CalfRaiseSettings.DEFAULTS).size(), "without the heel force the centre of pressure alone cannot tell");
    }

    /**
     * The kind at the edges of the defaults: bent-knee from 20° of knee flexion on, seated below
     * 0.35 body weights on the foot with the knee at 45° or more (or unknown), and without a body
     * mass seated from the knee alone.
     */
    @Test
    void theKindChangesAtTheThresholdsOfTheSettings() {
        CalfRaiseSettings d = CalfRaiseSettings.DEFAULTS;
        CalfRaiseDetector withMass = new CalfRaiseDetector(Side.LEFT, 100, 70, d, rep -> { });
        double bodyWeightN = 70 * 9.80665;
        double standingN = 0.5 * bodyWeightN;
        assertEquals(CalfRaiseKind.STRAIGHT_KNEE, withMass.classify(standingN, d.bentKneeDeg() - 0.1));
        assertEquals(CalfRaiseKind.STANDING_BENT_KNEE, withMass.classify(standingN, d.bentKneeDeg()));
        double seatedN = d.seatedMaxForceBw() * bodyWeightN;
        assertEquals(CalfRaiseKind.SEATED, withMass.classify(seatedN - 1, d.seatedMinKneeDeg()));
        assertEquals(CalfRaiseKind.STANDING_BENT_KNEE, withMass.classify(seatedN + 1, 90));
        assertEquals(CalfRaiseKind.STANDING_BENT_KNEE, withMass.classify(seatedN - 1, d.seatedMinKneeDeg() - 0.1),
                "a light foot with the knee too straight for a chair");
        assertEquals(CalfRaiseKind.SEATED, withMass.classify(seatedN - 1, Double.NaN));
        assertEquals(CalfRaiseKind.UNKNOWN_KNEE, withMass.classify(seatedN + 1, Double.NaN));
        CalfRaiseDetector withoutMass = new CalfRaiseDetector(Side.LEFT, 100, Double.NaN, d, rep -> { });
        assertEquals(CalfRaiseKind.SEATED, withoutMass.classify(standingN, d.seatedMinKneeDeg()));
        assertEquals(CalfRaiseKind.STANDING_BENT_KNEE, withoutMass.classify(10, d.seatedMinKneeDeg() - 0.1));
        assertEquals(CalfRaiseKind.UNKNOWN_KNEE, withoutMass.classify(10, Double.NaN));
    }

    @Test
    void walkingOnLevelStairsAndHillsGivesNoRepetitionsAndTheSetsAfterwardAreFound() {
        long seed = 20261125L;
        SyntheticRecording sr = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(new Activity.Standing(3),
                new Activity.Walking(12, 110, 1.3, Terrain.LEVEL), new Activity.Walking(6, 90, 0.6, Terrain.STAIRS_UP),
                new Activity.Walking(5, 100, 1.0, Terrain.HILL_UP), new Activity.Standing(2),
                new Activity.CalfRaises(3, 0, 2.5, 25, false, 0), new Activity.CalfRaises(3, 90, 2.5, 25, true, 20),
                new Activity.CalfRaises(3, 45, 2.5, 25, false, 0), new Activity.CalfRaises(3, 0, 1, 8, false, 0),
                new Activity.Standing(2)), seed));
        Recording rec = sr.sensors();
        CalfRaiseKind[] expected = {CalfRaiseKind.STRAIGHT_KNEE, CalfRaiseKind.SEATED, CalfRaiseKind.STANDING_BENT_KNEE,
            CalfRaiseKind.STRAIGHT_KNEE};
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            String l = side.label();
            List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(side, rec.channel(l + ".insole.force_n").samples(),
                    rec.channel(l + ".insole.cop_y_norm").samples(), null,
                    sr.truth().channel(l + ".knee.flexion_deg").toDoubleArray(), rec.sampleRateHz(), 0, 70,
                    CalfRaiseSettings.DEFAULTS);
            assertEquals(12, reps.size(), "seed " + seed + ", " + l + ": " + reps);
            for (int r = 0; r < reps.size(); r++) {
                assertEquals(expected[r / 3], reps.get(r).kind(), "seed " + seed + ": " + reps.get(r));
                assertEquals(sr.reps().get(r).startS(), reps.get(r).startS(), 0.15, "seed " + seed + ": " + reps.get(r));
                assertEquals(sr.reps().get(r).endS(), reps.get(r).endS(), 0.15, "seed " + seed + ": " + reps.get(r));
                assertEquals(r >= 9, reps.get(r).durationS() < 1, "seed " + seed + ": " + reps.get(r));
            }
        }
    }

    @Test
    void withoutKneeOrBodyMassTheKindIsUnknownOrFromTheKnee() {
        SyntheticRecording sr = session();
        Recording rec = sr.sensors();
        List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(Side.RIGHT, rec.channel("right.insole.force_n").samples(),
                rec.channel("right.insole.cop_y_norm").samples(), null, null, rec.sampleRateHz(), 0, Double.NaN,
                CalfRaiseSettings.DEFAULTS);
        assertEquals(8, reps.size(), reps.toString());
        for (CalfRaiseRepetition rep : reps) {
            assertEquals(CalfRaiseKind.UNKNOWN_KNEE, rep.kind(), rep.toString());
            assertTrue(Double.isNaN(rep.peakForefootBw()) && Double.isNaN(rep.meanKneeFlexionDeg()), rep.toString());
        }
    }

    @Test
    void missingImuSamplesLeaveThemOutOfTheAngleAndAWholeLiftWithoutThemHasNone() {
        SyntheticRecording sr = session();
        Recording rec = sr.sensors();
        ImuSamples full = ImuSamples.of(ImuChannels.foot(rec, Side.LEFT).orElseThrow());
        double[] gx = full.gyrXDps().clone();
        double[] ay = full.accYMps2().clone();
        for (int i = 0; i < gx.length; i += 7) {
            gx[i] = Double.NaN;
        }
        CalfRaiseRep dark = sr.reps().get(2);
        for (int i = (int) ((dark.startS() - 0.6) * 100); i < (int) ((dark.endS() + 0.6) * 100); i++) {
            ay[i] = Double.NaN;
        }
        ImuSamples gappy = new ImuSamples(gx, full.gyrYDps(), full.gyrZDps(), full.accXMps2(), ay, full.accZMps2());
        List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(Side.LEFT, rec.channel("left.insole.force_n").samples(),
                rec.channel("left.insole.cop_y_norm").samples(), null, null, gappy, rec.sampleRateHz(), 0, 70,
                CalfRaiseSettings.DEFAULTS);
        assertEquals(8, reps.size(), reps.toString());
        for (int r = 0; r < reps.size(); r++) {
            CalfRaiseRepetition rep = reps.get(r);
            if (r == 2) {
                assertTrue(Double.isNaN(rep.heelRiseDeg()), "no IMU sample during the lift: " + rep);
            } else {
                assertEquals(15, rep.heelRiseDeg(), 1, "every 7th gyroscope sample missing: " + rep);
            }
        }
    }

    @Test
    void aChangeOfKindStartsASetAndWithAnAngleTheShallowRuleUsesIt() {
        CalfRaiseRepetition a = rep(0, 25, CalfRaiseKind.STRAIGHT_KNEE);
        CalfRaiseRepetition b = rep(1, 24, CalfRaiseKind.STRAIGHT_KNEE);
        CalfRaiseRepetition c = rep(2, 14, CalfRaiseKind.STRAIGHT_KNEE);
        CalfRaiseRepetition d = rep(3, 9, CalfRaiseKind.SEATED);
        CalfRaiseRepetition e = rep(4, Double.NaN, CalfRaiseKind.STRAIGHT_KNEE);
        List<CalfRaiseRepetition> flagged = CalfRaiseAnalysis.flagShallow(List.of(a, b, c, d, e), CalfRaiseSettings.DEFAULTS);
        assertFalse(flagged.get(0).tooShallow());
        assertFalse(flagged.get(1).tooShallow());
        assertTrue(flagged.get(2).tooShallow(), "14° is below 0.6 of the set's median of 24°");
        assertTrue(flagged.get(3).tooShallow(), "9° is below the 10° floor, alone in its set");
        assertFalse(flagged.get(4).tooShallow(), "without an angle the insole proxies, equal here, decide");
        assertFalse(CalfRaiseAnalysis.flagShallow(List.of(d), CalfRaiseSettings.DEFAULTS.withMinHeelRiseDeg(0)).get(0)
                .tooShallow(), "no floor: alone in its set, the median is its own");

        List<CalfRaiseRepetition> reps = new ArrayList<>();
        CalfRaiseDetector detector = new CalfRaiseDetector(Side.LEFT, 100, 70, CalfRaiseSettings.DEFAULTS, reps::add);
        for (int i = 0; i < 4000; i++) {
            double t = i / 100.0;
            double knee = t < 20 ? 0 : 40;
            double local = t % 10;
            detector.accept(t, 340, trapezoidCop(local, 0.3), Double.NaN, knee);
        }
        assertEquals(4, reps.size(), reps.toString());
        assertEquals(List.of(0, 0, 1, 1), reps.stream().map(CalfRaiseRepetition::set).toList(),
                "repetitions 5 s apart, straight then bent knee: two sets; " + reps);
        assertEquals(List.of(0, 1, 0, 1), reps.stream().map(CalfRaiseRepetition::index).toList(), reps.toString());
    }

    private static CalfRaiseRepetition rep(int i, double heelRiseDeg, CalfRaiseKind kind) {
        return new CalfRaiseRepetition(Side.LEFT, kind == CalfRaiseKind.SEATED ? 1 : i == 4 ? 2 : 0, i, 3 * i, 3 * i + 2.5,
                2, 0.45, heelRiseDeg, 340, 0.5, 340, 0, kind, false, false);
    }

    @Test
    void missingSamplesAreSkipped() {
        SyntheticRecording sr = session();
        Recording rec = sr.sensors();
        float[] force = rec.channel("left.insole.force_n").samples().clone();
        float[] cop = rec.channel("left.insole.cop_y_norm").samples();
        for (int i = 0; i < force.length; i += 7) {
            force[i] = Float.NaN;
        }
        List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(Side.LEFT, force, cop, null, null, rec.sampleRateHz(), 0,
                70, CalfRaiseSettings.DEFAULTS);
        assertEquals(sr.reps().size(), reps.size(), reps.toString());
        for (int r = 0; r < reps.size(); r++) {
            assertEquals(sr.reps().get(r).startS(), reps.get(r).startS(), 0.2, reps.get(r).toString());
            assertEquals(sr.reps().get(r).endS(), reps.get(r).endS(), 0.2, reps.get(r).toString());
        }
    }

    /** Flat at −0.15, a linear rise of {@code travel} from 5 s to 5.5 s, held, a linear fall from 7 s to 7.5 s, flat to 10 s. */
    private static double trapezoidCop(double t, double travel) {
        double lift = t < 5 ? 0 : t < 5.5 ? (t - 5) / 0.5 : t < 7 ? 1 : t < 7.5 ? (7.5 - t) / 0.5 : 0;
        return -0.15 + travel * lift;
    }

    @Test
    void startAndEndAreWhereTheHeelLeavesAndReachesTheRestBandAndTheReportFollowsWithinTheSearchWindow() {
        CalfRaiseSettings s = CalfRaiseSettings.DEFAULTS;
        double travel = 0.3;
        double restNorm = s.restFraction() * s.releaseTravelNorm();
        List<CalfRaiseRepetition> reps = new ArrayList<>();
        CalfRaiseDetector detector = new CalfRaiseDetector(Side.LEFT, 100, 70, s, reps::add);
        double returnCrossingS = Double.NaN;
        for (int i = 0; i < 1000; i++) {
            double t = i / 100.0;
            double cop = trapezoidCop(t, travel);
            detector.accept(t, 340, cop, Double.NaN, 0);
            if (Double.isNaN(returnCrossingS) && t > 7 && cop + 0.15 <= s.releaseTravelNorm()) {
                returnCrossingS = t;
            }
            if (t >= returnCrossingS + s.edgeSearchS()) {
                assertEquals(1, reps.size(), "reported at most " + s.edgeSearchS() + " s after the return crossing at "
                        + returnCrossingS + " s; now " + t + " s");
            }
        }
        assertEquals(1, reps.size(), reps.toString());
        CalfRaiseRepetition rep = reps.get(0);
        // the rest band is crossed restNorm / travel × 0.5 s inside the corners, less than two samples;
        // the band crossings themselves lie 0.04 / 0.3 × 0.5 s = 0.067 s inside
        double insideS = 0.5 * restNorm / travel + 0.01;
        assertTrue(rep.startS() >= 5 - 0.01 && rep.startS() <= 5 + insideS, rep.toString());
        assertTrue(rep.endS() >= 7.5 - insideS && rep.endS() <= 7.5 + 0.01, rep.toString());
        assertEquals(travel, rep.copTravelNorm(), 1e-6, rep.toString());
        // the lift is settled: the same lift 10 s later is a repetition of its own, timed alike
        for (int i = 1000; i < 2000; i++) {
            double t = i / 100.0;
            detector.accept(t, 340, trapezoidCop(t - 10, travel), Double.NaN, 0);
        }
        assertEquals(2, reps.size(), reps.toString());
        assertEquals(rep.startS() + 10, reps.get(1).startS(), 1e-6, reps.toString());
        assertEquals(rep.endS() + 10, reps.get(1).endS(), 1e-6, reps.toString());
    }

    @Test
    void noiseAroundTheBandEdgeDoesNotSplitALift() {
        CalfRaiseSettings s = CalfRaiseSettings.DEFAULTS;
        List<CalfRaiseRepetition> reps = new ArrayList<>();
        CalfRaiseDetector detector = new CalfRaiseDetector(Side.LEFT, 100, 70, s, reps::add);
        double edge = s.releaseTravelNorm();
        for (int i = 0; i < 1000; i++) {
            double t = i / 100.0;
            double cop = trapezoidCop(t, 0.3);
            double travel = cop + 0.15;
            // near the band, alternate just above and just below it, as noise would
            if (Math.abs(travel - edge) < 0.02) {
                cop += (i % 2 == 0 ? 1 : -1) * 0.015;
            }
            detector.accept(t, 340, cop, Double.NaN, 0);
        }
        assertEquals(1, reps.size(), reps.toString());
        assertEquals(5, reps.get(0).startS(), 0.05, reps.toString());
        assertEquals(7.5, reps.get(0).endS(), 0.05, reps.toString());
    }

    @Test
    void rejectsMisuse() {
        assertThrows(IllegalArgumentException.class, () -> new CalfRaiseSettings(0.04, 0.08, 0.25, 0.5, 0.1, 0.2, 0.1, 20, 0.5,
                10, 0.5, 1.5, 2, 0.6, 10, 8, 20, 45, 0.35));
        assertThrows(IllegalArgumentException.class, () -> new CalfRaiseSettings(0.08, 0.04, 1, 0.5, 0.1, 0.2, 0.1, 20, 0.5,
                10, 0.5, 1.5, 2, 0.6, 10, 8, 20, 45, 0.35));
        assertThrows(IllegalArgumentException.class, () -> new CalfRaiseSettings(0.08, 0.04, 0.25, 0.5, 0.5, 0.2, 0.1, 20, 0.5,
                10, 0.5, 1.5, 2, 0.6, 10, 8, 20, 45, 0.35));
        assertThrows(IllegalArgumentException.class, () -> new CalfRaiseSettings(0.08, 0.04, 0.25, 0, 0, 0.2, 0.1, 20, 0.5,
                10, 0.5, 1.5, 2, 0.6, 10, 8, 20, 45, 0.35));
        assertThrows(IllegalArgumentException.class, () -> new CalfRaiseDetector(Side.LEFT, 0, 70,
                CalfRaiseSettings.DEFAULTS, r -> { }));
        assertThrows(IllegalArgumentException.class, () -> new CalfRaiseDetector(Side.LEFT, 100, -1,
                CalfRaiseSettings.DEFAULTS, r -> { }));
        assertThrows(IllegalArgumentException.class, () -> CalfRaiseAnalysis.analyze(Side.LEFT, new float[3], new float[2],
                null, null, 100, 0, 70, CalfRaiseSettings.DEFAULTS));
    }
}
