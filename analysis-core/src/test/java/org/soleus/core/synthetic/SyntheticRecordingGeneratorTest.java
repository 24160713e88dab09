package org.soleus.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

final class SyntheticRecordingGeneratorTest {
    private static final List<Activity> SESSION = List.of(
            new Activity.Standing(2),
            new Activity.Walking(8, 114, 1.34, Terrain.LEVEL),
            new Activity.Walking(6, 90, 0.6, Terrain.STAIRS_UP),
            new Activity.CalfRaises(3, 90, 3, 25, true, 0));

    @Test
    void equalSeedsGiveEqualRecordings() {
        SyntheticRecording a = SyntheticRecordingGenerator.generate(SyntheticSpec.of(SESSION, 7));
        SyntheticRecording b = SyntheticRecordingGenerator.generate(SyntheticSpec.of(SESSION, 7));
        SyntheticRecording c = SyntheticRecordingGenerator.generate(SyntheticSpec.of(SESSION, 8));
        assertEquals(a.sensors().channels(), b.sensors().channels());
        assertTrue(!a.sensors().channels().equals(c.sensors().channels()));
        assertEquals(a.truth().channels(), c.truth().channels(), "the truth does not depend on the noise");
    }

    @Test
    void gyroscopesIntegrateToTheTrueKneeAngle() {
        SyntheticRecording r = SyntheticRecordingGenerator.generate(
                SyntheticSpec.of(SESSION, 1).withNoise(SensorNoise.NONE));
        Recording s = r.sensors();
        double dt = 1 / s.sampleRateHz();
        float[] shank = s.channel("left.shank.gyr_y_dps").samples();
        float[] thigh = s.channel("left.thigh.gyr_y_dps").samples();
        float[] knee = r.truth().channel("left.knee.flexion_deg").samples();
        double angle = knee[0];
        double worst = 0;
        for (int i = 1; i < knee.length; i++) {
            angle += 0.5 * dt * ((shank[i] - thigh[i]) + (shank[i - 1] - thigh[i - 1]));
            worst = Math.max(worst, Math.abs(angle - knee[i]));
        }
        assertTrue(worst < 1.5, "integrated relative gyro rate drifts " + worst + "° from the knee truth");
        double kneeMax = 0;
        for (float k : knee) {
            kneeMax = Math.max(kneeMax, k);
        }
        assertTrue(kneeMax > 60 && kneeMax < 100, "knee flexion peaks at " + kneeMax);
    }

    @Test
    void accelerometersReadGravityWhileStandingAndTheirFrameWhileTilted() {
        SyntheticRecording r = SyntheticRecordingGenerator.generate(
                SyntheticSpec.of(SESSION, 1).withNoise(SensorNoise.NONE));
        Recording s = r.sensors();
        int standing = (int) (1.0 * s.sampleRateHz());
        for (String segment : new String[] {"foot", "shank", "thigh"}) {
            assertEquals(0, s.channel("right." + segment + ".acc_x_mps2").get(standing), 1e-3, segment);
            assertEquals(9.80665, s.channel("right." + segment + ".acc_z_mps2").get(standing), 1e-3, segment);
        }
        // seated, between repetitions: the thigh lies horizontal, so gravity falls on its x axis
        CalfRaiseRep rep = r.reps().get(1);
        int between = (int) Math.round((rep.endS() + 0.1) * s.sampleRateHz());
        assertEquals(9.80665, Math.abs(s.channel("left.thigh.acc_x_mps2").get(between)), 0.05);
        assertEquals(90, r.truth().channel("left.knee.flexion_deg").get(between), 1e-3);
    }

    @Test
    void mountingRotationsTurnTheSignalsButKeepTheirMagnitude() {
        SyntheticSpec plain = SyntheticSpec.of(SESSION, 2).withNoise(SensorNoise.NONE);
        SyntheticSpec rotated = plain.withMountings(List.of(new ImuMounting(Side.LEFT, "shank", 90, 0, 0),
                new ImuMounting(Side.LEFT, "thigh", 37, -61, 123)));
        Recording a = SyntheticRecordingGenerator.generate(plain).sensors();
        Recording b = SyntheticRecordingGenerator.generate(rotated).sensors();
        assertArrayEquals(a.channel("left.shank.gyr_y_dps").samples(), b.channel("left.shank.gyr_x_dps").samples(), 1e-3f);
        for (int i = 0; i < a.length(); i += 7) {
            for (String q : new String[] {"gyr", "acc"}) {
                String unit = q.equals("gyr") ? "dps" : "mps2";
                assertEquals(norm(a, "left.thigh." + q, unit, i), norm(b, "left.thigh." + q, unit, i), 0.02,
                        q + " magnitude at sample " + i);
            }
        }
        assertEquals(a.channels().get(0), b.channels().get(0), "the insole is not rotated");
    }

    private static double norm(Recording r, String prefix, String unit, int i) {
        double x = r.channel(prefix + "_x_" + unit).get(i);
        double y = r.channel(prefix + "_y_" + unit).get(i);
        double z = r.channel(prefix + "_z_" + unit).get(i);
        return Math.sqrt(x * x + y * y + z * z);
    }

    @Test
    void truthEventsMatchTheForceAndTheCadence() {
        SyntheticRecording r = SyntheticRecordingGenerator.generate(SyntheticSpec.of(SESSION, 3));
        List<TruthStride> level = r.strides().stream().filter(t -> t.terrain() == Terrain.LEVEL).toList();
        assertTrue(level.size() >= 12, "level strides: " + level.size());
        float[] stance = r.truth().channel("left.insole.stance_flag").samples();
        double fs = r.sensors().sampleRateHz();
        for (TruthStride t : level) {
            assertEquals(120.0 / 114, t.stride().strideS(), 1e-9);
            assertEquals(0.62, t.stride().stanceS() / t.stride().strideS(), 1e-9);
            if (t.stride().side() == Side.LEFT) {
                int ic = (int) Math.ceil(t.stride().startS() * fs + 1e-9);
                int to = (int) Math.ceil(t.stride().toeOffS() * fs + 1e-9);
                assertEquals(1, stance[ic], "stance after heel strike at " + t.stride().startS());
                assertEquals(0, stance[to], "swing after toe off at " + t.stride().toeOffS());
                float[] forceN = r.sensors().channel("left.insole.force_n").samples();
                assertTrue(forceN[ic + 2] > 50, "force in stance at " + t.stride().startS() + ": " + forceN[ic + 2]);
                assertTrue(forceN[to + 2] < 50, "no force in swing at " + t.stride().toeOffS() + ": " + forceN[to + 2]);
            }
        }
        long heelStrikes = r.events().stream().filter(e -> e.type() == GaitEventType.HEEL_STRIKE).count();
        assertTrue(heelStrikes > r.strides().size());
        assertEquals(3, r.reps().size());
    }

    /**
     * Every change of the truth's stance flag is an event of that foot and every event a change of
     * the flag, at bout boundaries too: standing into walking (the first heel strike of a foot
     * that stood is no event), walking into stairs, and walking into calf raises (a foot in swing
     * lands to stand).
     */
    /**
     * As in the shipped example session, the stairs begin 12 s of level walking at 110 steps/min
     * after 3 s of standing: a whole number of strides (11), so the left foot lands as the climb
     * begins, at 15 s. That landing is a heel strike and starts a stride of the climb.
     */
    @Test
    void aFootLandingAsTheNextBoutBeginsHasItsHeelStrikeAndStride() {
        SyntheticRecording r = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(3),
                new Activity.Walking(12, 110, 1.3, Terrain.LEVEL),
                new Activity.Walking(6, 90, 0.6, Terrain.STAIRS_UP)), 3));
        float[] stance = r.truth().channel("left.insole.stance_flag").samples();
        assertEquals(0, stance[1499], "in swing at 14.99 s");
        assertEquals(1, stance[1500], "loaded at 15 s");
        assertTrue(r.events().stream().anyMatch(e -> e.side() == Side.LEFT && e.type() == GaitEventType.HEEL_STRIKE
                && e.timeS() == 15.0), "the heel strike at 15 s");
        assertTrue(r.strides().stream().anyMatch(t -> t.stride().side() == Side.LEFT && t.stride().startS() == 15.0
                && t.terrain() == Terrain.STAIRS_UP), "the first stride of the climb");
    }

    @Test
    void everyChangeOfTheStanceFlagIsAnEventAndEveryEventAChange() {
        SyntheticRecording r = SyntheticRecordingGenerator.generate(SyntheticSpec.of(SESSION, 3));
        double fs = r.sensors().sampleRateHz();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            float[] stance = r.truth().channel(side.label() + ".insole.stance_flag").samples();
            List<Integer> changes = new ArrayList<>();
            for (int i = 1; i < stance.length; i++) {
                if (stance[i] != stance[i - 1]) {
                    changes.add(stance[i] > 0 ? i : -i);
                }
            }
            List<Integer> events = r.events().stream().filter(e -> e.side() == side)
                    .sorted(Comparator.comparingDouble(TruthEvent::timeS))
                    .map(e -> {
                        int sample = (int) Math.ceil(e.timeS() * fs - 1e-9);
                        return e.type() == GaitEventType.HEEL_STRIKE ? sample : -sample;
                    })
                    .toList();
            assertEquals(changes, events, side + ": flag changes (+ loaded from sample, - unloaded from) against events");
            for (TruthStride t : r.strides()) {
                if (t.stride().side() == side) {
                    int start = (int) Math.ceil(t.stride().startS() * fs - 1e-9);
                    assertEquals(0, stance[start - 1], side + " stride at " + t.stride().startS() + " starts from swing");
                }
            }
        }
    }
}
