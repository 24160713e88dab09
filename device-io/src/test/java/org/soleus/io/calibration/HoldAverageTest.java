package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class HoldAverageTest {

    @Test
    void agreesWithTheTwoPassFormulaOnLargeSteadyReadings() {
        long seed = 7;
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[1000];
        HoldAverage hold = new HoldAverage();
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e6 + random.nextDouble();
            hold.accept(x[i]);
            if (i % 100 == 0) {
                hold.accept(Double.NaN);
            }
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        assertEquals(1000, hold.count(), "seed " + seed);
        assertEquals(10, hold.missing(), "seed " + seed);
        assertEquals(mean, hold.meanCounts(), 1e-9, "seed " + seed);
        assertEquals(Math.sqrt(ss / 999), hold.sdCounts(), 1e-9, "seed " + seed);
        hold.reset();
        assertEquals(Double.NaN, hold.meanCounts());
        hold.accept(3);
        assertEquals(3, hold.meanCounts());
        assertEquals(Double.NaN, hold.sdCounts());
    }
}
