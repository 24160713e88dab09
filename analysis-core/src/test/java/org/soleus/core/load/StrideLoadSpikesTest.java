package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;

final class StrideLoadSpikesTest {

    @Test
    void scoresAgainstTheMedianAndMadOfTheSameFootOnly() {
        StrideLoadSpikes spikes = new StrideLoadSpikes(5, 3, 0);
        assertTrue(Double.isNaN(spikes.score(Side.LEFT, 1.0)));
        assertTrue(Double.isNaN(spikes.score(Side.LEFT, 1.2)));
        assertTrue(Double.isNaN(spikes.score(Side.RIGHT, 5.0)));
        assertTrue(Double.isNaN(spikes.score(Side.LEFT, 1.1)));
        // history 1.0, 1.2, 1.1: median 1.1, deviations 0.1, 0.1, 0: MAD 0.1
        assertEquals(0.6745 * (2.0 - 1.1) / 0.1, spikes.score(Side.LEFT, 2.0), 1e-9);
        // history 1.0, 1.2, 1.1, 2.0: median 1.15, deviations 0.15, 0.05, 0.05, 0.85: MAD 0.1
        assertEquals(0.0, spikes.score(Side.LEFT, 1.15), 1e-9);
        for (int i = 0; i < 5; i++) {
            spikes.score(Side.LEFT, 1.0 + 0.01 * i);
        }
        // the window keeps the last five: 1.0 .. 1.04, median 1.02, MAD 0.01
        assertEquals(0.6745 * (1.5 - 1.02) / 0.01, spikes.score(Side.LEFT, 1.5), 1e-6);
    }

    /** A MAD below its floor, 2 % of the median here, is taken as the floor: a MAD of 0 too. */
    @Test
    void aMadBelowItsShareOfTheMedianIsTheShare() {
        StrideLoadSpikes spikes = new StrideLoadSpikes(5, 3, 0.02);
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isNaN(spikes.score(Side.RIGHT, 1.2)));
        }
        // history 1.2 three times: median 1.2, MAD 0, floor 0.024
        assertEquals(0.6745 * (1.26 - 1.2) / 0.024, spikes.score(Side.RIGHT, 1.26), 1e-9);
        // history 1.2, 1.2, 1.2, 1.26: median 1.2, MAD 0, floor 0.024: 1.2 scores 0
        assertEquals(0.0, spikes.score(Side.RIGHT, 1.2), 1e-12);
    }

    /**
     * The scores equal those of the definition computed directly: both medians by sorting the
     * foot's last {@code window} values, on random values with many ties (whole tenths) and
     * missing ones, both feet interleaved, for odd and even windows.
     */
    @Test
    void equalsTheScoreFromSortedCopiesOfTheWindow() {
        Random random = new Random(7);
        for (int window : new int[] {3, 4, 7, 20}) {
            StrideLoadSpikes spikes = new StrideLoadSpikes(window, 3, 0.02);
            List<List<Double>> kept = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < 2000; i++) {
                Side side = random.nextBoolean() ? Side.LEFT : Side.RIGHT;
                double value = random.nextInt(10) == 0 ? Double.NaN : Math.round(random.nextGaussian() * 5) / 10.0 + 1.5;
                List<Double> history = kept.get(side == Side.LEFT ? 0 : 1);
                double expected = sortedScore(history, value, 0.02);
                assertEquals(expected, spikes.score(side, value), 1e-12, "window " + window + ", value " + i);
                if (!Double.isNaN(value)) {
                    history.add(value);
                    if (history.size() > window) {
                        history.remove(0);
                    }
                }
            }
        }
    }

    private static double sortedScore(List<Double> history, double value, double minMadShare) {
        int n = history.size();
        if (Double.isNaN(value) || n < 3) {
            return Double.NaN;
        }
        double median = sortedMedian(history.stream().mapToDouble(Double::doubleValue).toArray());
        double mad = Math.max(sortedMedian(history.stream().mapToDouble(v -> Math.abs(v - median)).toArray()),
                minMadShare * Math.abs(median));
        return mad > 0 ? 0.6745 * (value - median) / mad : Double.NaN;
    }

    private static double sortedMedian(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
