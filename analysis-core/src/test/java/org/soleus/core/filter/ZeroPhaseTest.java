package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class ZeroPhaseTest {
    private static final long SEED = 0x2E50L;

    @Test
    void matchesScipySosfiltfilt() {
        for (ReferenceData.Signal signal : ReferenceData.signals()) {
            double[] y = ZeroPhase.filtfilt(signal.design().ours(), signal.x());
            BiquadCascadeTest.assertClose(signal.zeroPhase(), y, signal.name() + " (sosfiltfilt)");
        }
    }

    /** The two-section loop with its state in locals gives the shared recursion's result bit for bit. */
    @Test
    void twoSectionsAgreeBitForBitWithTheSharedRecursion() {
        Random random = new Random(SEED + 1);
        for (int trial = 0; trial < 200; trial++) {
            SecondOrderSections sos = Butterworth.lowPass(3 + random.nextInt(2), 1 + 40 * random.nextDouble(), 100);
            assertEquals(2, sos.sectionCount());
            double[] x = BiquadCascadeTest.randomSignal(random, 20 + random.nextInt(300));
            int pad = Math.min(ZeroPhase.defaultPadLength(sos), x.length - 1);
            double[] actual = new double[x.length];
            ZeroPhase.filtfilt(sos, x, 0, actual, 0, x.length, pad, null);

            double[] ext = new double[x.length + 2 * pad];
            for (int i = 0; i < pad; i++) {
                ext[i] = 2.0 * x[0] - x[pad - i];
                ext[pad + x.length + i] = 2.0 * x[x.length - 1] - x[x.length - 2 - i];
            }
            System.arraycopy(x, 0, ext, pad, x.length);
            double[] c = sos.coefficientsShared();
            double[] z = new double[4];
            BiquadCascade.steadyState(sos.unitStepStateShared(), ext[0], z);
            for (int i = 0; i < ext.length; i++) {
                ext[i] = BiquadCascade.step(c, z, 2, ext[i]);
            }
            BiquadCascade.steadyState(sos.unitStepStateShared(), ext[ext.length - 1], z);
            for (int i = ext.length - 1; i >= 0; i--) {
                ext[i] = BiquadCascade.step(c, z, 2, ext[i]);
            }
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(ext[pad + i]), Double.doubleToRawLongBits(actual[i]),
                        "seed " + (SEED + 1) + ", trial " + trial + ", sample " + i);
            }
        }
    }

    @Test
    void matchesTwoCausalPassesOverTheOddExtension() {
        Random random = new Random(SEED);
        double[] x = BiquadCascadeTest.randomSignal(random, 200);
        SecondOrderSections sos = Butterworth.lowPass(5, 8, 100);
        int pad = ZeroPhase.defaultPadLength(sos);
        assertEquals(3 * (2 * 3 + 1 - 1), pad, "5th order: 3 sections, one first-order");

        double[] ext = new double[x.length + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * x[0] - x[pad - i];
            ext[pad + x.length + i] = 2 * x[x.length - 1] - x[x.length - 2 - i];
        }
        System.arraycopy(x, 0, ext, pad, x.length);
        double[] forward = new double[ext.length];
        BiquadCascade.startingAtSteadyState(sos).filter(ext, 0, forward, 0, ext.length);
        double[] reversed = reverse(forward);
        double[] backward = new double[ext.length];
        BiquadCascade.startingAtSteadyState(sos).filter(reversed, 0, backward, 0, ext.length);
        double[] expected = Arrays.copyOfRange(reverse(backward), pad, pad + x.length);

        assertArrayEquals(expected, ZeroPhase.filtfilt(sos, x), 0.0, "seed " + SEED);
    }

    @Test
    void workspaceOffsetsAndAliasingGiveTheSameResult() {
        Random random = new Random(SEED + 1);
        SecondOrderSections sos = Butterworth.lowPass(4, 12, 100);
        ZeroPhase.Workspace workspace = new ZeroPhase.Workspace();
        for (int trial = 0; trial < 10; trial++) {
            String what = "trial " + trial + ", seed " + (SEED + 1);
            double[] x = BiquadCascadeTest.randomSignal(random, 31 + random.nextInt(400));
            double[] expected = ZeroPhase.filtfilt(sos, x);

            double[] padded = new double[x.length + 10];
            System.arraycopy(x, 0, padded, 3, x.length);
            double[] out = new double[x.length + 5];
            ZeroPhase.filtfilt(sos, padded, 3, out, 5, x.length, ZeroPhase.defaultPadLength(sos), workspace);
            assertArrayEquals(expected, Arrays.copyOfRange(out, 5, 5 + x.length), 0.0, what + ": offsets, workspace");

            ZeroPhase.filtfilt(sos, padded, 3, padded, 1, x.length);
            assertArrayEquals(expected, Arrays.copyOfRange(padded, 1, 1 + x.length), 0.0, what + ": overlapping dst");
        }
    }

    @Test
    void preservesAConstantAndDoesNotDelayAPeak() {
        SecondOrderSections sos = Butterworth.lowPass(2, 10, 100);
        double[] constant = new double[100];
        Arrays.fill(constant, 650.0);
        double[] y = ZeroPhase.filtfilt(sos, constant);
        for (double v : y) {
            assertEquals(650.0, v, 1e-9);
        }
        double[] bump = new double[201];
        for (int i = 0; i < bump.length; i++) {
            double t = (i - 100) / 10.0;
            bump[i] = Math.exp(-t * t);
        }
        double[] smoothed = ZeroPhase.filtfilt(sos, bump);
        int peak = 0;
        for (int i = 1; i < smoothed.length; i++) {
            peak = smoothed[i] > smoothed[peak] ? i : peak;
        }
        assertEquals(100, peak, "zero phase: the peak stays where it was");
    }

    @Test
    void shortSignalsAreRejectedUnlessThePadIsReduced() {
        SecondOrderSections sos = Butterworth.lowPass(4, 12, 100);
        int pad = ZeroPhase.defaultPadLength(sos);
        assertEquals(15, pad, "4th order: 2 sections, 3 × (2 × 2 + 1)");
        double[] shortSignal = new double[pad];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroPhase.filtfilt(sos, shortSignal));
        assertTrue(e.getMessage().contains("a signal of 15 samples is too short")
                && e.getMessage().contains("at least 16 samples"), e.getMessage());
        assertEquals(pad + 1, ZeroPhase.filtfilt(sos, new double[pad + 1]).length);

        double[] y = new double[pad];
        ZeroPhase.filtfilt(sos, shortSignal, 0, y, 0, pad, 5, null);
        ZeroPhase.filtfilt(sos, new double[] {3.0}, 0, y, 0, 1, 0, null);
        assertEquals(3.0, y[0], 1e-12, "one sample, no padding: the steady state passes it through");
        assertThrows(IllegalArgumentException.class, () -> ZeroPhase.filtfilt(sos, shortSignal, 0, y, 0, pad, -1, null));
        assertThrows(IllegalArgumentException.class, () -> ZeroPhase.filtfilt(sos, shortSignal, 0, y, 1, pad, 0, null));
    }

    @Test
    void oneNanMakesEveryOutputNan() {
        double[] x = BiquadCascadeTest.randomSignal(new Random(SEED + 2), 100);
        x[60] = Double.NaN;
        for (double v : ZeroPhase.filtfilt(Butterworth.lowPass(2, 10, 100), x)) {
            assertTrue(Double.isNaN(v), "seed " + (SEED + 2));
        }
    }

    private static double[] reverse(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }
}
