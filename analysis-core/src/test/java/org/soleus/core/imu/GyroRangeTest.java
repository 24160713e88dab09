package org.soleus.core.imu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Angular rates beyond any wearable gyroscope's range, held at the last plausible one. */
final class GyroRangeTest {
    @Test
    void theRangeHoldsEveryRateASegmentReachesAndNoGarbledOne() {
        assertFalse(GyroRange.beyond(4000));
        assertFalse(GyroRange.beyond(-4000));
        assertFalse(GyroRange.beyond(Double.NaN), "a missing sample is missing, not beyond");
        assertTrue(GyroRange.beyond(4000.5));
        assertTrue(GyroRange.beyond(-32767));
        assertTrue(GyroRange.beyond(Double.POSITIVE_INFINITY));
    }

    @Test
    void aSampleBeyondIsTheLastOneWithinAndAMissingOneEndsTheHold() {
        double[] dps = {120, 10_000, -32_768, 130, Double.NaN, 9000, 140, Double.NEGATIVE_INFINITY};
        assertEquals(4, GyroRange.holdOutOfRange(dps));
        assertArrayEquals(new double[] {120, 120, 120, 130, Double.NaN, Double.NaN, 140, 140}, dps);
    }

    @Test
    void theArrayDriverGivesWhatTheStreamGivesSampleBySample() {
        double[] dps = new double[500];
        for (int i = 0; i < dps.length; i++) {
            dps[i] = 600 * Math.sin(i / 15.0) + (i % 97 == 5 ? 20_000 : 0) + (i == 250 ? Double.NaN : 0);
        }
        GyroRange stream = new GyroRange();
        double[] streamed = new double[dps.length];
        for (int i = 0; i < dps.length; i++) {
            streamed[i] = stream.accept(dps[i]);
        }
        double[] held = dps.clone();
        assertEquals(6, GyroRange.holdOutOfRange(held));
        assertArrayEquals(streamed, held);
    }
}
