package org.soleus.core.joint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.joint.AngleErrors.rmseDeg;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.ImuMounting;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;

/**
 * A session of seated calf raises alone, from the recording generator: after standing, the
 * subject sits down (the thigh turns 90° forward, the shank stays nearly upright) and raises the
 * heels. The shank hardly turns, so the knee axis must be read off the thigh; taken from the
 * shank's few, noisy rotations it was wrong enough for RMSEs of 11–24° on most seeds.
 */
final class SeatedKneeFlexionTest {

    @Test
    void theKneeAxisComesFromTheThighWhenOnlyTheThighTurns() {
        double worst = 0;
        StringBuilder line = new StringBuilder("seated calf raises only, knee RMSE by seed:");
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            List<ImuMounting> mountings = List.of(
                    new ImuMounting(Side.LEFT, "thigh", 360 * random.nextDouble(), 180 * random.nextDouble() - 90,
                            360 * random.nextDouble()),
                    new ImuMounting(Side.LEFT, "shank", 360 * random.nextDouble(), 180 * random.nextDouble() - 90,
                            360 * random.nextDouble()));
            SyntheticRecording session = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                    new Activity.Standing(3),
                    new Activity.CalfRaises(4, 90, 3.0, 25, true, 0),
                    new Activity.CalfRaises(3, 90, 3.0, 25, true, 20),
                    new Activity.Standing(2)), seed).withMountings(mountings));
            double[] knee = JointAngleEstimator.flexionDeg(session.sensors(), Side.LEFT,
                    JointAngleSettings.defaults(session.sensors().sampleRateHz())).orElseThrow();
            double rmse = rmseDeg(knee, session.truth().channel("left.knee.flexion_deg").toDoubleArray());
            worst = Math.max(worst, rmse);
            line.append(String.format(Locale.ROOT, " %.2f°", rmse));
            assertTrue(rmse <= 3, "seed " + seed + ": knee RMSE " + rmse + "°");
        }
        System.out.println(line.append(String.format(Locale.ROOT, " (worst %.2f°)", worst)));
    }
}
