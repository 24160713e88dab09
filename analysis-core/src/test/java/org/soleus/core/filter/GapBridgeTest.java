package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class GapBridgeTest {

    /** Sample by sample through the bridge equals the batch interpolation on the whole array. */
    @Test
    void matchesTheBatchInterpolationOnRandomGaps() {
        long seed = 42L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 300; trial++) {
            double[] x = new double[1 + random.nextInt(400)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() * 100;
            }
            int runs = random.nextInt(12);
            for (int r = 0; r < runs; r++) {
                int at = random.nextInt(x.length);
                int len = 1 + random.nextInt(random.nextBoolean() ? 4 : 30);
                double fill = random.nextInt(20) == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
                for (int i = at; i < Math.min(x.length, at + len); i++) {
                    x[i] = fill;
                }
            }
            int maxGap = random.nextInt(8);
            double[] expected = x.clone();
            Gaps.interpolateLinear(expected, maxGap);
            double[] actual = new double[x.length];
            int[] n = {0};
            GapBridge bridge = new GapBridge(maxGap, v -> actual[n[0]++] = v);
            for (double v : x) {
                bridge.accept(v);
                assertTrue(bridge.pending() <= maxGap, "seed " + seed + " trial " + trial);
            }
            bridge.finish();
            assertArrayEquals(expected, actual, "seed " + seed + " trial " + trial);
        }
    }
}
