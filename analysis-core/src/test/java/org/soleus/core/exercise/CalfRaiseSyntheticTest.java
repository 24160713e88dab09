package org.soleus.core.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.joint.JointAngleEstimator;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.CalfRaiseRep;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;

/**
 * Calf-raise sets of each kind from the synthetic generator with typical sensor noise and the
 * knee angle estimated from the thigh and shank IMUs; one fast and one shallow repetition planted
 * in each set.
 */
final class CalfRaiseSyntheticTest {
    private static final double NORMAL_REP_S = 4;
    private static final double FAST_REP_S = 1.5;
    private static final double NORMAL_RISE_DEG = 15;
    private static final double SHALLOW_RISE_DEG = 2;

    @ParameterizedTest
    @CsvSource({
        "0, false, 0, STRAIGHT_KNEE, 11",
        "40, false, 0, STANDING_BENT_KNEE, 12",
        "30, false, 10, STANDING_BENT_KNEE, 13",
        "90, true, 0, SEATED, 14",
        "90, true, 20, SEATED, 15"})
    void countsClassifiesAndFlagsEveryRepetition(double kneeDeg, boolean seated, double addedKg, CalfRaiseKind kind,
                                                 long seed) {
        List<Activity> activities = List.of(new Activity.Standing(3),
                new Activity.CalfRaises(3, kneeDeg, NORMAL_REP_S, NORMAL_RISE_DEG, seated, addedKg),
                new Activity.CalfRaises(1, kneeDeg, FAST_REP_S, NORMAL_RISE_DEG, seated, addedKg),
                new Activity.CalfRaises(2, kneeDeg, NORMAL_REP_S, NORMAL_RISE_DEG, seated, addedKg),
                new Activity.CalfRaises(1, kneeDeg, NORMAL_REP_S, SHALLOW_RISE_DEG, seated, addedKg),
                new Activity.CalfRaises(2, kneeDeg, NORMAL_REP_S, NORMAL_RISE_DEG, seated, addedKg),
                new Activity.Standing(2));
        SyntheticRecording sr = SyntheticRecordingGenerator.generate(SyntheticSpec.of(activities, seed));
        Recording rec = sr.sensors();
        String where = "seed " + seed + ", " + kind + " at " + kneeDeg + "°";
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] knee = JointAngleEstimator.flexionDeg(rec, side, JointAngleSettings.defaults(rec.sampleRateHz()))
                    .orElseThrow();
            List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(side,
                    rec.channel(side.label() + ".insole.force_n").samples(),
                    rec.channel(side.label() + ".insole.cop_y_norm").samples(), null, knee, rec.sampleRateHz(),
                    rec.startTimeS(), sr.spec().bodyMassKg(), CalfRaiseSettings.DEFAULTS);
            List<CalfRaiseRep> truth = sr.reps();
            assertEquals(truth.size(), reps.size(), where + ": repetitions of the " + side.label() + " foot " + reps);
            double startErr = 0;
            double endErr = 0;
            for (int i = 0; i < truth.size(); i++) {
                CalfRaiseRep t = truth.get(i);
                CalfRaiseRepetition r = reps.get(i);
                String rw = where + ", " + side.label() + " rep " + i + ": " + r;
                assertEquals(kind, r.kind(), rw);
                assertEquals(0, r.set(), rw);
                assertEquals(i, r.index(), rw);
                assertEquals(t.durationS() < 2, r.tooFast(), rw);
                assertEquals(t.heelRiseDeg() < 5, r.tooShallow(), rw);
                double timeTolS = t.heelRiseDeg() < 5 ? 0.4 : 0.2;
                assertEquals(t.startS(), r.startS(), timeTolS, rw);
                assertEquals(t.endS(), r.endS(), timeTolS, rw);
                assertEquals(t.kneeFlexionDeg(), r.meanKneeFlexionDeg(), 6, rw);
                startErr += Math.abs(r.startS() - t.startS());
                endErr += Math.abs(r.endS() - t.endS());
            }
            if (side == Side.LEFT) {
                CalfRaiseRepetition first = reps.get(0);
                System.out.println(String.format(Locale.ROOT,
                        "calf raises %s %.0f° +%.0f kg (seed %d): %d/%d reps, start/end MAE %.3f/%.3f s, rep 0: %.2f s,"
                                + " heel off %.2f s, CoP travel %.3f, forefoot peak %.0f N (%.2f BW), knee %.1f°",
                        kind, kneeDeg, addedKg, seed, reps.size(), truth.size(), startErr / truth.size(),
                        endErr / truth.size(), first.durationS(), first.heelOffS(), first.copTravelNorm(),
                        first.peakForefootN(), first.peakForefootBw(), first.meanKneeFlexionDeg()));
            }
        }
    }
}
