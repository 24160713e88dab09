package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;
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

    /** The counts and range are those of the definition, sample by sample, whatever the mix of values. */
    @Test
    void statsAreThoseOfTheDefinitionOnRandomSamples() {
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE};
        Random random = new Random(17);
        for (int trial = 0; trial < 2000; trial++) {
            float[] x = new float[random.nextInt(40)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : (float) random.nextGaussian() * 100;
            }
            int missing = 0;
            int finite = 0;
            int negative = 0;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : x) {
                if (Float.isNaN(v)) {
                    missing++;
                } else if (Float.isFinite(v)) {
                    finite++;
                    negative += v < 0 ? 1 : 0;
                    min = v < min ? v : min;
                    max = v > max ? v : max;
                }
            }
            SampleStats s = SampleStats.of(x);
            assertEquals(new SampleStats(missing, finite, negative, min, max), s, Arrays.toString(x));
            // the sign of a zero is part of the range: the first of two zeros stays, as in the definition
            assertEquals(Float.floatToRawIntBits(min), Float.floatToRawIntBits(s.min()), Arrays.toString(x));
            assertEquals(Float.floatToRawIntBits(max), Float.floatToRawIntBits(s.max()), Arrays.toString(x));
        }
    }

    @Test
    void aChannelTakesItsStatsOnce() {
        Channel c = new Channel(ChannelName.parse("left.insole.force_n"), new float[] {1, Float.NaN, 2});
        assertEquals(1, c.missingCount());
        assertEquals(new SampleStats(1, 2, 0, 1, 2), c.stats());
        assertSame(c.stats(), c.stats(), "taken once and kept");
    }
}
