package org.soleus.core.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.testing.Stats.median;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.CalfRaiseRep;
import org.soleus.core.synthetic.RandomMountings;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * Heel-rise angle from the foot IMU against the generator's foot pitch at the top of each
 * repetition: calf-raise sets of 6–35° at tempos of 1–5 s, straight, bent-knee and seated, after
 * walking, with the foot IMU strapped on in a random orientation, typical noise, a constant
 * gyroscope bias of up to 2°/s and its random walk; and the shallow flag that follows from it.
 */
final class HeelRiseValidationTest {
    private static final long[] SEEDS = {101, 202, 303, 404, 505};

    private static List<Activity> session(Random random) {
        List<Activity> activities = new ArrayList<>();
        activities.add(new Activity.Standing(3));
        activities.add(new Activity.Walking(6, 110, 1.3, Terrain.LEVEL));
        activities.add(new Activity.Standing(2));
        double[] knees = {0, 40, 90};
        for (int set = 0; set < 3; set++) {
            double knee = knees[set];
            boolean seated = knee >= 60;
            double riseDeg = 18 + 17 * random.nextDouble();
            double repS = 2 + 3 * random.nextDouble();
            // three full raises, one at half height (shallow against its set, above the absolute floor), two more
            activities.add(new Activity.CalfRaises(3, knee, repS, riseDeg, seated, 0));
            activities.add(new Activity.CalfRaises(1, knee, repS, 0.5 * riseDeg, seated, 0));
            activities.add(new Activity.CalfRaises(2, knee, repS, riseDeg, seated, 0));
            activities.add(new Activity.Standing(10));
        }
        // a set low throughout, fast: below the absolute floor
        activities.add(new Activity.CalfRaises(3, 0, 1 + random.nextDouble(), 6 + 2 * random.nextDouble(), false, 0));
        activities.add(new Activity.Standing(2));
        return activities;
    }

    /**
     * Median true heel rise over the repetitions that form one set with repetition {@code i} by the
     * detector's rule: same knee angle and seating, at most {@link CalfRaiseSettings#setGapS()} apart.
     */
    private static double medianOfItsSet(List<CalfRaiseRep> truth, int i) {
        int from = i;
        while (from > 0 && sameSet(truth.get(from - 1), truth.get(from))) {
            from--;
        }
        int to = i + 1;
        while (to < truth.size() && sameSet(truth.get(to - 1), truth.get(to))) {
            to++;
        }
        double[] rises = new double[to - from];
        for (int k = from; k < to; k++) {
            rises[k - from] = truth.get(k).heelRiseDeg();
        }
        return median(rises);
    }

    private static boolean sameSet(CalfRaiseRep previous, CalfRaiseRep next) {
        return next.startS() - previous.endS() <= CalfRaiseSettings.DEFAULTS.setGapS()
                && next.kneeFlexionDeg() == previous.kneeFlexionDeg() && next.seated() == previous.seated();
    }

    @Test
    void heelRiseAngleFollowsTheFootPitchWhateverTheMountingAndFlagsTheShallowRaises() {
        double absSum = 0;
        double sum = 0;
        double worst = 0;
        int n = 0;
        int shallow = 0;
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            SyntheticRecording sr = SyntheticRecordingGenerator.generate(
                    SyntheticSpec.of(session(random), seed).withMountings(RandomMountings.of(random, "foot")));
            Recording rec = sr.sensors();
            List<CalfRaiseRep> truth = sr.reps();
            for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
                String l = side.label();
                ImuSamples foot = ImuSamples.of(ImuChannels.foot(rec, side).orElseThrow());
                List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(side, rec.channel(l + ".insole.force_n").samples(),
                        rec.channel(l + ".insole.cop_y_norm").samples(), null,
                        sr.truth().channel(l + ".knee.flexion_deg").toDoubleArray(), foot, rec.sampleRateHz(),
                        rec.startTimeS(), sr.spec().bodyMassKg(), CalfRaiseSettings.DEFAULTS);
                assertEquals(truth.size(), reps.size(), "seed " + seed + ", " + l + ": " + reps);
                for (int i = 0; i < reps.size(); i++) {
                    CalfRaiseRep t = truth.get(i);
                    CalfRaiseRepetition r = reps.get(i);
                    String where = "seed " + seed + ", " + l + " rep " + i + " (true rise " + t.heelRiseDeg() + "°): " + r;
                    double error = r.heelRiseDeg() - t.heelRiseDeg();
                    assertTrue(Math.abs(error) < 2, where);
                    boolean expected = t.heelRiseDeg() < CalfRaiseSettings.DEFAULTS.minHeelRiseDeg()
                            || t.heelRiseDeg() < CalfRaiseSettings.DEFAULTS.shallowFraction() * medianOfItsSet(truth, i);
                    assertEquals(expected, r.tooShallow(), where);
                    shallow += r.tooShallow() ? 1 : 0;
                    absSum += Math.abs(error);
                    sum += error;
                    worst = Math.max(worst, Math.abs(error));
                    n++;
                }
            }
        }
        double mae = absSum / n;
        double bias = sum / n;
        System.out.println(String.format(Locale.ROOT, "heel-rise angle, %d synthetic repetitions (6–35°, random foot IMU"
                + " mountings, typical noise and bias, seeds %d–%d): MAE %.2f°, bias %+.2f°, worst %.2f°; %d flagged shallow",
                n, SEEDS[0], SEEDS[SEEDS.length - 1], mae, bias, worst, shallow));
        assertTrue(mae < 0.6 && Math.abs(bias) < 0.4, "MAE " + mae + "°, bias " + bias + "°");
    }
}
