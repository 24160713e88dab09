package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class BiquadCascadeTest {
    private static final double RELATIVE = 1e-9;
    private static final long SEED = 0x5013_05L;

    @Test
    void zeroStartMatchesScipySosfilt() {
        for (ReferenceData.Signal signal : ReferenceData.signals()) {
            double[] y = new double[signal.x().length];
            BiquadCascade.startingAtZero(signal.design().ours()).filter(signal.x(), 0, y, 0, y.length);
            assertClose(signal.causal(), y, signal.name() + " (sosfilt)");
        }
    }

    @Test
    void steadyStartMatchesScipySosfiltWithScaledZi() {
        for (ReferenceData.Signal signal : ReferenceData.signals()) {
            double[] y = new double[signal.x().length];
            BiquadCascade.startingAtSteadyState(signal.design().ours()).filter(signal.x(), 0, y, 0, y.length);
            assertClose(signal.causalSteady(), y, signal.name() + " (sosfilt, zi = sosfilt_zi * x[0])");
        }
    }

    @Test
    void matchesSlowDirectFormCascade() {
        Random random = new Random(SEED);
        for (int order = 1; order <= Butterworth.MAX_ORDER; order++) {
            double rate = 50 + 250 * random.nextDouble();
            double cutoff = rate * (0.01 + 0.45 * random.nextDouble());
            SecondOrderSections sos = random.nextBoolean()
                    ? Butterworth.lowPass(order, cutoff, rate) : Butterworth.highPass(order, cutoff, rate);
            double[] x = randomSignal(random, 400);
            double[] expected = directFormCascade(sos, x);
            double[] y = new double[x.length];
            BiquadCascade.startingAtZero(sos).filter(x, 0, y, 0, x.length);
            assertClose(expected, y, "order " + order + ", " + cutoff + " Hz at " + rate + " Hz, seed " + SEED);
        }
    }

    @Test
    void sampleByArrayAndChunkedDriversAgreeExactly() {
        Random random = new Random(SEED + 1);
        for (int trial = 0; trial < 20; trial++) {
            SecondOrderSections sos = Butterworth.lowPass(1 + random.nextInt(8), 1 + 30 * random.nextDouble(), 100);
            boolean steady = random.nextBoolean();
            double[] x = randomSignal(random, 1 + random.nextInt(500));
            String what = "trial " + trial + ", seed " + (SEED + 1) + ", steady " + steady;

            BiquadCascade perSample = create(sos, steady);
            double[] bySample = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                bySample[i] = perSample.filter(x[i]);
            }

            double[] whole = new double[x.length];
            create(sos, steady).filter(x, 0, whole, 0, x.length);

            BiquadCascade chunkedFilter = create(sos, steady);
            double[] chunked = new double[x.length + 7];
            for (int from = 0; from < x.length; ) {
                int len = Math.min(x.length - from, random.nextInt(40));
                chunkedFilter.filter(x, from, chunked, from + 7, len);
                from += len;
            }

            assertArrayEquals(bySample, whole, 0.0, what + ": per sample vs whole array");
            for (int i = 0; i < x.length; i++) {
                assertEquals(whole[i], chunked[i + 7], 0.0, what + ": chunked, sample " + i);
            }
        }
    }

    @Test
    void steadyStartPassesAConstantWithoutTransient() {
        SecondOrderSections sos = Butterworth.lowPass(4, 5, 100);
        BiquadCascade steady = BiquadCascade.startingAtSteadyState(sos);
        BiquadCascade zero = BiquadCascade.startingAtZero(sos);
        double maxSteadyError = 0;
        double maxZeroError = 0;
        for (int i = 0; i < 200; i++) {
            maxSteadyError = Math.max(maxSteadyError, Math.abs(steady.filter(800.0) - 800.0));
            maxZeroError = Math.max(maxZeroError, Math.abs(zero.filter(800.0) - 800.0));
        }
        assertTrue(maxSteadyError < 1e-9, "steady start deviates by " + maxSteadyError + " N");
        assertTrue(maxZeroError > 100, "a zero start sees a step, deviation " + maxZeroError + " N");
    }

    @Test
    void resetStartsOverAndRePrimesASteadyFilter() {
        Random random = new Random(SEED + 2);
        double[] x = randomSignal(random, 300);
        SecondOrderSections sos = Butterworth.lowPass(3, 12, 100);
        for (boolean steady : new boolean[] {false, true}) {
            BiquadCascade filter = create(sos, steady);
            double[] first = new double[x.length];
            filter.filter(x, 0, first, 0, x.length);
            filter.reset();
            double[] second = new double[x.length];
            filter.filter(x, 0, second, 0, x.length);
            assertArrayEquals(first, second, 0.0, "steady " + steady + ", seed " + (SEED + 2));
        }
    }

    @Test
    void resetToSteadyStateHoldsThatLevel() {
        SecondOrderSections sos = Butterworth.lowPass(2, 15, 204.8);
        BiquadCascade filter = BiquadCascade.startingAtZero(sos);
        filter.filter(123.0);
        filter.resetToSteadyState(-40.0);
        for (int i = 0; i < 50; i++) {
            assertEquals(-40.0, filter.filter(-40.0), 1e-9, "sample " + i);
        }
    }

    @Test
    void filtersInPlaceButRejectsShiftedOverlap() {
        Random random = new Random(SEED + 3);
        double[] x = randomSignal(random, 100);
        SecondOrderSections sos = Butterworth.lowPass(4, 12, 100);
        double[] expected = new double[x.length];
        BiquadCascade.startingAtZero(sos).filter(x, 0, expected, 0, x.length);
        double[] inPlace = x.clone();
        BiquadCascade.startingAtZero(sos).filter(inPlace, 0, inPlace, 0, x.length);
        assertArrayEquals(expected, inPlace, 0.0, "seed " + (SEED + 3));

        BiquadCascade filter = BiquadCascade.startingAtZero(sos);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> filter.filter(inPlace, 0, inPlace, 1, 50));
        assertTrue(e.getMessage().contains("overlaps src"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> filter.filter(x, 90, expected, 0, 20));
        assertTrue(e.getMessage().contains("src range [90, 90 + 20) does not fit src.length 100"), e.getMessage());
    }

    @Test
    void nanPoisonsTheStateUntilReset() {
        BiquadCascade filter = BiquadCascade.startingAtSteadyState(Butterworth.lowPass(2, 10, 100));
        filter.filter(1.0);
        assertTrue(Double.isNaN(filter.filter(Double.NaN)));
        assertTrue(Double.isNaN(filter.filter(1.0)));
        filter.reset();
        assertEquals(1.0, filter.filter(1.0), 1e-12);
    }

    private static BiquadCascade create(SecondOrderSections sos, boolean steady) {
        return steady ? BiquadCascade.startingAtSteadyState(sos) : BiquadCascade.startingAtZero(sos);
    }

    /** The slow, obvious oracle: each section's difference equation over the whole signal (direct form I). */
    static double[] directFormCascade(SecondOrderSections sos, double[] x) {
        double[] in = x.clone();
        for (int s = 0; s < sos.sectionCount(); s++) {
            double[] out = new double[in.length];
            for (int n = 0; n < in.length; n++) {
                double acc = sos.coefficient(s, 0) * in[n];
                if (n >= 1) {
                    acc += sos.coefficient(s, 1) * in[n - 1] - sos.coefficient(s, 4) * out[n - 1];
                }
                if (n >= 2) {
                    acc += sos.coefficient(s, 2) * in[n - 2] - sos.coefficient(s, 5) * out[n - 2];
                }
                out[n] = acc;
            }
            in = out;
        }
        return in;
    }

    /** A force-like test signal: offset, a slow oscillation and noise. */
    static double[] randomSignal(Random random, int length) {
        double[] x = new double[length];
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < length; i++) {
            x[i] = 400 + 300 * Math.sin(phase + i * 0.07) + 40 * random.nextGaussian();
        }
        return x;
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double tolerance = RELATIVE * ReferenceData.scale(expected);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + ": sample " + i);
        }
    }
}
