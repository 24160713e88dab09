package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/** With IMUs timing the events, a foot whose insole is dead (0 throughout, or empty) takes them from its IMU alone. */
final class DeadInsoleImuTest {
    private static final long SEED = 11L;

    /** {@code walk} with its right insole force at {@code value} throughout, or without it for null. */
    private static Recording withRightForce(Recording walk, Float value) {
        return RecordingEdits.mapChannels(walk, c -> {
            if (!c.name().toString().equals("right.insole.force_n")) {
                return c;
            }
            if (value == null) {
                return null;
            }
            float[] dead = new float[c.length()];
            Arrays.fill(dead, value);
            return new Channel(c.name(), dead);
        });
    }

    private static long rightStrides(Recording r) {
        return InsoleGaitAnalyzer.analyze(r, GaitSettings.defaults(), ImuSettings.defaults()).strides().stream()
                .filter(s -> s.stride().side() == Side.RIGHT).count();
    }

    @Test
    void aDeadInsoleGivesWayToTheFootImu() {
        Recording walk = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Walking(20, 110, 1.3, Terrain.LEVEL)), SEED)).sensors();
        long imuAlone = rightStrides(withRightForce(walk, null));
        assertEquals(true, imuAlone > 10, imuAlone + " right strides from the foot IMU alone, seed " + SEED);
        assertEquals(imuAlone, rightStrides(withRightForce(walk, 0f)), "an insole at 0 throughout, seed " + SEED);
        assertEquals(imuAlone, rightStrides(withRightForce(walk, Float.NaN)), "an empty insole column, seed " + SEED);
    }
}
