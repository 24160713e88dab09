package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class GapsTest {
    private static final double NAN = Double.NaN;
    private static final long SEED = 0x6A95L;

    @Test
    void fillsShortRunsLinearlyAndLeavesLongAndEdgeRuns() {
        double[] x = {NAN, 1, NAN, 3, NAN, NAN, NAN, 7, 8, NAN, NAN, NAN, NAN, 0, NAN};
        int filled = Gaps.interpolateLinear(x, 3);
        assertEquals(4, filled);
        assertArrayEquals(new double[] {NAN, 1, 2, 3, 4, 5, 6, 7, 8, NAN, NAN, NAN, NAN, 0, NAN}, x, 1e-12);
    }

    @Test
    void respectsTheRangeAndInfiniteNeighbours() {
        double[] x = {0, NAN, 2, NAN, 4, NAN, Double.POSITIVE_INFINITY};
        assertEquals(1, Gaps.interpolateLinear(x, 1, 5, 5), "runs at the ends of the range have one neighbour");
        assertEquals(NAN, x[1]);
        assertEquals(1, Gaps.interpolateLinear(x, 10), "a run next to an infinity stays NaN");
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, NAN, Double.POSITIVE_INFINITY}, x, 1e-12);
        assertEquals(0, Gaps.interpolateLinear(new double[] {1, NAN, 2}, 0), "0 fills nothing");
    }

    @Test
    void agreesWithAPointByPointOracle() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[1 + random.nextInt(60)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble() < 0.3 ? NAN : random.nextGaussian();
            }
            int maxGap = random.nextInt(5);
            double[] expected = x.clone();
            int expectedFilled = 0;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(x[i])) {
                    continue;
                }
                int a = i;
                while (a >= 0 && Double.isNaN(x[a])) {
                    a--;
                }
                int b = i;
                while (b < x.length && Double.isNaN(x[b])) {
                    b++;
                }
                if (a >= 0 && b < x.length && b - a - 1 <= maxGap) {
                    expected[i] = x[a] + (x[b] - x[a]) * (i - a) / (b - a);
                    expectedFilled++;
                }
            }
            int filled = Gaps.interpolateLinear(x, maxGap);
            assertEquals(expectedFilled, filled, "trial " + trial + ", seed " + SEED);
            assertArrayEquals(expected, x, 1e-12, "trial " + trial + ", seed " + SEED);
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gaps.interpolateLinear(new double[3], -1));
        assertTrue(e.getMessage().contains("maxGapSamples must be >= 0, got -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gaps.interpolateLinear(new double[3], 2, 2, 1));
    }
}
