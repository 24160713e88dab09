package org.soleus.core.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.CalfRaiseRep;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;

/**
 * Start, end and tempo of each repetition against the generator's truth (heel starts to rise,
 * heel fully down), at one tempo per run over three seeds, three heel-rise heights (8°, 15°,
 * 25°) and three kinds (straight-knee, standing bent at 45°, seated at 90° with 20 kg), both
 * feet, typical sensor noise, no heel channel. Prints one line of mean absolute error and bias
 * (detected minus true) per tempo.
 *
 * <p>The generator eases each rise in and out (cosine ramp), so any travel threshold meets it
 * late and leaves it early by a time that grows with the tempo. Measured with the defaults
 * (start / end bias, s): 1 s +0.024 / −0.024, 1.5 s +0.029 / −0.029, 2.5 s +0.043 / −0.047,
 * 4 s +0.073 / −0.073, 6 s +0.111 / −0.114; the mean absolute errors equal the biases to within
 * 0.002 s. Taking start and end where the centre of pressure crosses the 0.04 band instead (no
 * refinement) gave +0.047 / −0.037, +0.069 / −0.060, +0.114 / −0.105, +0.185 / −0.176 and
 * +0.285 / −0.278.
 */
final class CalfRaiseTimingValidationTest {
    private static final long[] SEEDS = {101, 202, 303};
    private static final double[] RISES_DEG = {8, 15, 25};
    private static final int REPS_PER_SET = 4;

    private static List<Activity> session(double repetitionS) {
        List<Activity> activities = new ArrayList<>();
        activities.add(new Activity.Standing(3));
        for (double rise : RISES_DEG) {
            activities.add(new Activity.CalfRaises(REPS_PER_SET, 0, repetitionS, rise, false, 0));
            activities.add(new Activity.CalfRaises(REPS_PER_SET, 45, repetitionS, rise, false, 0));
            activities.add(new Activity.CalfRaises(REPS_PER_SET, 90, repetitionS, rise, true, 20));
        }
        activities.add(new Activity.Standing(2));
        return activities;
    }

    @ParameterizedTest
    @CsvSource({
        // repetition period s, start MAE bound s, end MAE bound s, |bias| bound s
        "1, 0.035, 0.035, 0.035",
        "1.5, 0.045, 0.045, 0.045",
        "2.5, 0.06, 0.065, 0.065",
        "4, 0.10, 0.10, 0.10",
        "6, 0.15, 0.15, 0.15"})
    void startEndAndTempoFollowTheTruth(double repetitionS, double startMaeBoundS, double endMaeBoundS,
                                        double biasBoundS) {
        int n = 0;
        double startAbs = 0;
        double startBias = 0;
        double endAbs = 0;
        double endBias = 0;
        double durAbs = 0;
        double durBias = 0;
        for (long seed : SEEDS) {
            SyntheticRecording sr = SyntheticRecordingGenerator.generate(SyntheticSpec.of(session(repetitionS), seed));
            Recording rec = sr.sensors();
            for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
                String l = side.label();
                List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(side, rec.channel(l + ".insole.force_n").samples(),
                        rec.channel(l + ".insole.cop_y_norm").samples(), null,
                        sr.truth().channel(l + ".knee.flexion_deg").toDoubleArray(), rec.sampleRateHz(), rec.startTimeS(),
                        sr.spec().bodyMassKg(), CalfRaiseSettings.DEFAULTS);
                String where = "seed " + seed + ", " + repetitionS + "-s repetitions, " + l;
                List<CalfRaiseRep> truth = sr.reps();
                assertEquals(truth.size(), reps.size(), where + ": " + reps);
                for (int i = 0; i < truth.size(); i++) {
                    CalfRaiseRep t = truth.get(i);
                    CalfRaiseRepetition r = reps.get(i);
                    assertTrue(r.startS() < t.topS() && r.endS() > t.topS(), where + ", rep " + i + " " + t + ": " + r);
                    n++;
                    startAbs += Math.abs(r.startS() - t.startS());
                    startBias += r.startS() - t.startS();
                    endAbs += Math.abs(r.endS() - t.endS());
                    endBias += r.endS() - t.endS();
                    durAbs += Math.abs(r.durationS() - t.durationS());
                    durBias += r.durationS() - t.durationS();
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "calf-raise timing, %.1f-s repetitions (%d reps, seeds 101/202/303):"
                        + " start MAE %.3f bias %+.3f, end MAE %.3f bias %+.3f, duration MAE %.3f bias %+.3f s",
                repetitionS, n, startAbs / n, startBias / n, endAbs / n, endBias / n, durAbs / n, durBias / n));
        String figures = repetitionS + "-s repetitions: start MAE " + startAbs / n + ", end MAE " + endAbs / n
                + ", start bias " + startBias / n + ", end bias " + endBias / n + ", duration bias " + durBias / n;
        assertTrue(startAbs / n < startMaeBoundS, figures);
        assertTrue(endAbs / n < endMaeBoundS, figures);
        assertTrue(Math.abs(startBias / n) < biasBoundS, figures);
        assertTrue(Math.abs(endBias / n) < biasBoundS, figures);
        assertTrue(Math.abs(durBias / n) < 2 * biasBoundS, figures);
    }
}
