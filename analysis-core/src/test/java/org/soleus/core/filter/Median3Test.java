package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class Median3Test {

    @Test
    void theMedianOfThreeIsTheMiddleOfTheSortedValues() {
        Random random = new Random(61);
        for (int k = 0; k < 1000; k++) {
            double[] v = {random.nextInt(5), random.nextInt(5), random.nextGaussian()};
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[1], Median3.of(v[0], v[1], v[2]), Arrays.toString(v) + ", seed 61");
        }
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        for (double[] v : new double[][] {{nan, 1, 3}, {1, nan, 3}, {1, 3, nan}, {nan, nan, 2}, {nan, inf, -inf}}) {
            assertTrue(Double.isNaN(Median3.of(v[0], v[1], v[2])), "NaN stays missing: " + Arrays.toString(v));
        }
        assertEquals(inf, Median3.of(inf, 5, inf));
        assertEquals(-1e300, Median3.of(-inf, -1e300, 7));
        assertEquals(0.0, Math.abs(Median3.of(-0.0, 0.0, 4)), "−0 and +0 are one value");
    }

    @Test
    void aSingleSpikeIsRemovedAndTheEndsAreCopied() {
        double[] src = {9, 1, 2, 50, 4, 5, 6, -40, 8, 7};
        double[] dst = new double[12];
        Median3.replaceOutliers(src, 1, dst, 2, 8, 0);
        assertArrayEquals(new double[] {0, 0, 1, 2, 4, 5, 5, 5, 6, 8, 0, 0}, dst);
        double[] rising = {1, 2, 3, 4, 5};
        double[] out = new double[5];
        Median3.replaceOutliers(rising, 0, out, 0, 5, 0);
        assertArrayEquals(rising, out, "an edge passes unchanged");
    }

    /**
     * Only samples far off their median are replaced: a transmission error goes, while a real
     * peak one sample wide (a walking force curve sampled at 25 Hz) keeps its top, which the
     * plain median would cut to its higher neighbour.
     */
    @Test
    void onlyOutliersAreReplaced() {
        double[] stance = {0, 300, 900, 1100, 850, 700, 800, 1050, 600, 100, 0};
        double[] out = new double[stance.length];
        Median3.replaceOutliers(stance, 0, out, 0, stance.length, 0.5);
        assertArrayEquals(stance, out, "sharp real peaks stay");
        double[] cut = new double[stance.length];
        Median3.replaceOutliers(stance, 0, cut, 0, stance.length, 0);
        assertTrue(cut[3] < stance[3], "the plain median cuts the peak: " + cut[3]);

        double[] glitched = stance.clone();
        glitched[5] = 4000;
        glitched[7] = 0;
        Median3.replaceOutliers(glitched, 0, out, 0, glitched.length, 0.5);
        double[] expected = stance.clone();
        expected[5] = 850;
        expected[7] = 600;
        assertArrayEquals(expected, out, "a spike and a drop-out are replaced by their medians");

        double[] gap = {0, 500, Double.NaN, 900, 0};
        double[] kept = new double[gap.length];
        Median3.replaceOutliers(gap, 0, kept, 0, gap.length, 0.5);
        assertArrayEquals(gap, kept, "samples next to a missing one are kept");
    }

    /** With the limit in the signal's unit: a step within it stays however small the range, one beyond it goes. */
    @Test
    void aGivenLimitReplacesOnlyWhatLiesBeyondIt() {
        float[] across = {-470, -471, -534, -472, -470, -1300, -468};
        float[] cleaned = new float[across.length];
        Median3.replaceOutliersBeyond(across, 0, cleaned, 0, across.length, 800);
        assertArrayEquals(new float[] {-470, -471, -534, -472, -470, -470, -468}, cleaned);
        double[] out = new double[across.length];
        Median3.replaceOutliers(widened(across, 0, across.length), 0, out, 0, across.length, 0.5);
        assertTrue(out[2] != -534, "a range-relative limit takes the real shift for an error: " + out[2]);
    }

    /**
     * Against the obvious reference (each median by {@link Median3#of}, the range over the
     * medians that are not NaN, each sample kept when within the limit of its median), bit for
     * bit, on spans of 1–40 samples drawn from values that order awkwardly: ±0, ties, infinities,
     * negative values, NaN in some spans, at any offset.
     */
    @Test
    void matchesThePlainDefinitionBitForBit() {
        double[] pool = {0.0, -0.0, 1, -1, 1, 2.5, -2.5, 1e300, -1e300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, 700, 701, 699.5};
        Random random = new Random(67);
        for (int k = 0; k < 20_000; k++) {
            int n = 1 + random.nextInt(40);
            int offset = random.nextInt(3);
            double[] src = new double[n + offset];
            for (int i = 0; i < src.length; i++) {
                src[i] = random.nextInt(10) == 0 ? random.nextGaussian() * 1000 : pool[random.nextInt(pool.length)];
            }
            if (k % 4 == 0) {
                src[offset + random.nextInt(n)] = Double.NaN;
            }
            double share = random.nextDouble();
            double[] expected = reference(src, offset, n, share, false);
            double[] got = new double[n + 1];
            Median3.replaceOutliers(src, offset, got, 1, n, share);
            String what = "span " + Arrays.toString(Arrays.copyOfRange(src, offset, offset + n)) + ", seed 67, draw " + k;
            assertArrayEquals(expected, bits(Arrays.copyOfRange(got, 1, n + 1)), "share " + share + ", " + what);
        }
    }

    /**
     * The float methods, which clean the insole's heel force and centre of pressure without a
     * widened copy, give bit for bit what the double ones give on the same values widened.
     */
    @Test
    void floatSamplesGiveTheResultOfTheirWidenedValues() {
        float[] pool = {0f, -0f, 1, -1, 2.5f, -2.5f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, 700, 701, 699.5f, 0.1f};
        Random random = new Random(71);
        for (int k = 0; k < 20_000; k++) {
            int n = 1 + random.nextInt(40);
            int offset = random.nextInt(3);
            float[] src = new float[n + offset];
            for (int i = 0; i < src.length; i++) {
                src[i] = random.nextInt(10) == 0 ? (float) (random.nextGaussian() * 1000) : pool[random.nextInt(pool.length)];
            }
            if (k % 4 == 0) {
                src[offset + random.nextInt(n)] = Float.NaN;
            }
            double[] wide = new double[src.length];
            for (int i = 0; i < src.length; i++) {
                wide[i] = src[i];
            }
            double share = random.nextDouble();
            double limit = random.nextDouble() * 3;
            String what = "span " + Arrays.toString(Arrays.copyOfRange(src, offset, offset + n)) + ", seed 71, draw " + k;
            float[] got = new float[n + 2];
            Median3.replaceOutliersBeyond(src, offset, got, 2, n, share * Median3.medianRange(src, offset, n));
            assertArrayEquals(reference(wide, offset, n, share, false), bits(widened(got, 2, n)), "share " + share + ", " + what);
            Median3.replaceOutliersBeyond(src, offset, got, 2, n, limit);
            assertArrayEquals(reference(wide, offset, n, limit, true), bits(widened(got, 2, n)), "limit " + limit + ", " + what);
        }
    }

    private static double[] widened(float[] values, int from, int n) {
        double[] wide = new double[n];
        for (int i = 0; i < n; i++) {
            wide[i] = values[from + i];
        }
        return wide;
    }

    /** The plain definition, as raw bits so that −0 and +0 differ. */
    private static double[] reference(double[] src, int offset, int n, double shareOrLimit, boolean limitGiven) {
        double[] medians = new double[n];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int at = offset + i;
            medians[i] = i == 0 || i == n - 1 ? src[at] : Median3.of(src[at - 1], src[at], src[at + 1]);
            if (!Double.isNaN(medians[i])) {
                low = Math.min(low, medians[i]);
                high = Math.max(high, medians[i]);
            }
        }
        double limit = limitGiven ? shareOrLimit : shareOrLimit * (high - low);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = src[offset + i];
            out[i] = Math.abs(x - medians[i]) > limit ? medians[i] : x;
        }
        return bits(out);
    }

    private static double[] bits(double[] values) {
        double[] bits = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
