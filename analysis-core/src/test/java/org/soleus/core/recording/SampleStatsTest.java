package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

final class SampleStatsTest {

    @Test
    void countsMissingFiniteAndNegativeSamplesAndTheFiniteRange() {
        float inf = Float.POSITIVE_INFINITY;
        SampleStats s = SampleStats.of(new float[] {3, Float.NaN, -2, inf, -inf, 0, Float.NaN, 7});
        assertEquals(new SampleStats(2, 4, 1, -2, 7), s);
        assertEquals(new SampleStats(1, 0, 0, inf, -inf), SampleStats.of(new float[] {Float.NaN, inf}), "no finite sample");
    }

    @Test
    void statsOfTwoSpansFollowedAreThoseOfBoth() {
        float[] x = {0f, Float.NaN, -0f, 4, Float.NEGATIVE_INFINITY, -0f, 0f, -3, Float.NaN, 9, -3};
        for (int split = 0; split <= x.length; split++) {
            assertEquals(SampleStats.of(x), SampleStats.of(x, 0, split).then(SampleStats.of(x, split, x.length)),
                    "split at " + split);
        }
        assertEquals(SampleStats.of(new float[0]), SampleStats.NONE);
    }

    @Test
    void aChannelTakesItsStatsOnce() {
        Channel c = new Channel(ChannelName.parse("left.insole.force_n"), new float[] {1, Float.NaN, 2});
        assertEquals(1, c.missingCount());
        assertEquals(new SampleStats(1, 2, 0, 1, 2), c.stats());
        assertSame(c.stats(), c.stats(), "taken once and kept");
    }
}
