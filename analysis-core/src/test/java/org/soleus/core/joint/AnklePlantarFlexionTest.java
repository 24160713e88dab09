package org.soleus.core.joint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.RandomMountings;
import org.soleus.core.synthetic.SensorNoise;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * Ankle plantar flexion from shank and foot IMUs against the synthetic generator's true angle:
 * walking on level ground, uphill and up stairs, standing and seated calf raises, with random
 * mountings of every IMU, typical noise and gyroscope biases.
 */
final class AnklePlantarFlexionTest {
    private static final int SEEDS = 6;

    @Test
    void plantarFlexionMatchesTheSyntheticTruthWithRandomMountings() {
        double sumSq = 0;
        double sumError = 0;
        long count = 0;
        double worstRmse = 0;
        long worstSeed = -1;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Random random = new Random(seed);
            List<Activity> activities = List.of(new Activity.Standing(3),
                    new Activity.Walking(20, 100 + 20 * random.nextDouble(), 1.1 + 0.4 * random.nextDouble(), Terrain.LEVEL),
                    new Activity.Standing(2),
                    new Activity.CalfRaises(5, 0, 3, 12 + 8 * random.nextDouble(), false, 0),
                    new Activity.Walking(12, 100, 0.9, Terrain.STAIRS_UP),
                    new Activity.Walking(12, 105, 1.0, Terrain.HILL_UP),
                    new Activity.CalfRaises(4, 90, 3, 15, true, 20),
                    new Activity.Standing(2));
            SyntheticRecording rec = SyntheticRecordingGenerator.generate(SyntheticSpec.of(activities, seed)
                    .withNoise(SensorNoise.TYPICAL).withMountings(RandomMountings.of(random, "shank", "foot")));
            JointAngleSettings settings = JointAngleSettings.ankleDefaults(rec.sensors().sampleRateHz());
            for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
                double[] angleDeg = HingeJoint.ANKLE.anglesDeg(rec.sensors(), side, settings).orElseThrow();
                float[] truth = rec.truth().channel(side.label() + ".ankle.plantarflexion_deg").samples();
                double seedSq = 0;
                int seedCount = 0;
                for (int i = settings.calibrationSamples(); i < angleDeg.length; i++) {
                    double error = angleDeg[i] - truth[i];
                    if (Double.isFinite(error)) {
                        seedSq += error * error;
                        sumError += error;
                        seedCount++;
                    }
                }
                assertEquals(angleDeg.length - settings.calibrationSamples(), seedCount,
                        "seed " + seed + " " + side + ": every angle after the calibration is finite");
                sumSq += seedSq;
                count += seedCount;
                double rmse = Math.sqrt(seedSq / seedCount);
                if (rmse > worstRmse) {
                    worstRmse = rmse;
                    worstSeed = seed;
                }
            }
        }
        double rmse = Math.sqrt(sumSq / count);
        double bias = sumError / count;
        System.out.println(String.format(Locale.ROOT, "ankle plantar flexion, %d seeds x 2 legs (walking, stairs, "
                + "hill, calf raises; random mountings, typical noise): RMSE %.2f deg, bias %+.2f deg, worst leg "
                + "%.2f deg (seed %d)", SEEDS, rmse, bias, worstRmse, worstSeed));
        assertTrue(rmse <= 2.5, "RMSE " + rmse);
        assertTrue(Math.abs(bias) <= 1.0, "bias " + bias);
        assertTrue(worstRmse <= 3.0, "worst RMSE " + worstRmse + " at seed " + worstSeed);
    }
}
