package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class ForceBurstsTest {
    private static final double MAX_N = 10_000;
    private static final double NAN = Double.NaN;

    @Test
    void aRunUpToTheLimitIsMissingAndALongerOneStaysAsItIs() {
        double[] x = {700, 2e4, 2e4, 700, 3e4, 3e4, 3e4, 3e4, 700, -5e4, 800};
        int missing = ForceBursts.apply(x, MAX_N, 3);
        assertArrayEquals(new double[] {700, NAN, NAN, 700, 3e4, 3e4, 3e4, 3e4, 700, NAN, 800}, x);
        assertEquals(3, missing);
    }

    @Test
    void aRunAtEitherEndOrNextToAMissingSampleIsABurstTooAndNothingElseChanges() {
        double[] x = {2e4, 700, NAN, 2e4, 700, Double.POSITIVE_INFINITY, 5, 2e4};
        assertEquals(4, ForceBursts.apply(x, MAX_N, 2));
        assertArrayEquals(new double[] {NAN, 700, NAN, NAN, 700, NAN, 5, NAN}, x);
        double[] none = {700, 2e4, 1e30};
        ForceBursts.apply(none, Double.POSITIVE_INFINITY, 2);
        assertArrayEquals(new double[] {700, 2e4, 1e30}, none, "no limit, no burst");
        double[] zero = {700, 2e4, 700};
        ForceBursts.apply(zero, MAX_N, 0);
        assertArrayEquals(new double[] {700, 2e4, 700}, zero, "runs of one are longer than none");
    }

    /** The stream gives the array driver's result, each sample at most the longest burst late. */
    @Test
    void theStreamGivesTheArraysResultAtMostTheLongestBurstLate() {
        Random random = new Random(73);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = new double[300];
            for (int i = 0; i < x.length; i++) {
                int draw = random.nextInt(20);
                x[i] = draw == 0 ? NAN : draw < 4 ? 2e4 * (random.nextBoolean() ? 1 : -1) : 800 * random.nextDouble();
            }
            int maxRun = random.nextInt(6);
            double[] batch = x.clone();
            ForceBursts.apply(batch, MAX_N, maxRun);
            List<Double> streamed = new ArrayList<>();
            ForceBursts bursts = new ForceBursts(MAX_N, maxRun, streamed::add);
            for (int i = 0; i < x.length; i++) {
                bursts.accept(x[i]);
                assertTrue(streamed.size() >= i + 1 - maxRun, "trial " + trial + ": " + streamed.size() + " out after "
                        + (i + 1) + " in");
            }
            bursts.finish();
            assertArrayEquals(batch, streamed.stream().mapToDouble(Double::doubleValue).toArray(), "trial " + trial);
        }
    }
}
