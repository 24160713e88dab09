package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;

/** The share of knee angles beyond straight: its bounds, NaN, and the same judgement counted one by one. */
final class KneeBeyondStraightTest {

    @Test
    void aTwentiethBeyondStraightIsStillTakenAndOneMoreIsNot() {
        double[] knee = new double[100];
        Arrays.fill(knee, 10.0);
        Arrays.fill(knee, 0, 5, -25.0);
        assertFalse(KneeBeyondStraight.of(knee).implausible(), "5 of 100: a twentieth");
        assertTrue(KneeBeyondStraight.of(knee).notice(Side.LEFT).isEmpty());
        knee[5] = -20.5;
        assertTrue(KneeBeyondStraight.of(knee).implausible(), "6 of 100");
        assertEquals("left knee angle: below -20° (bent backwards, which a knee does not do) in 6 % of the samples: was"
                + " the first 2 s not standing straight (seated?), or are the IMU axes mixed up (x and y swapped without z"
                + " negated: a left-handed frame)? No knee figures for this leg",
                KneeBeyondStraight.of(knee).notice(Side.LEFT).orElseThrow());
        knee[5] = -20.0;
        assertFalse(KneeBeyondStraight.of(knee).implausible(), "-20° itself is within reach");
    }

    @Test
    void missingAnglesAreNotCounted() {
        double[] knee = new double[100];
        Arrays.fill(knee, Double.NaN);
        assertFalse(KneeBeyondStraight.of(knee).implausible(), "no angle at all");
        Arrays.fill(knee, 0, 10, 5.0);
        knee[10] = -40;
        assertTrue(KneeBeyondStraight.of(knee).implausible(), "1 of the 11 angles there");
    }

    @Test
    void countingOneByOneJudgesAsTheWholeArray() {
        double[] knee = new double[400];
        for (int i = 0; i < knee.length; i++) {
            knee[i] = i % 13 == 0 ? -30 : 20 * Math.sin(i / 7.0);
        }
        KneeBeyondStraight stream = new KneeBeyondStraight();
        for (double k : knee) {
            stream.accept(k);
        }
        assertTrue(stream.implausible());
        assertEquals(KneeBeyondStraight.of(knee).notice(Side.RIGHT), stream.notice(Side.RIGHT));
    }
}
