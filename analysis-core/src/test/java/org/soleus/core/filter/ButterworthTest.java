package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.filter.IllegalArgumentAsserts.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ButterworthTest {
    private static final double RELATIVE = 1e-9;

    @Test
    void coefficientsMatchScipyButter() {
        List<ReferenceData.Design> designs = ReferenceData.designs();
        assertTrue(designs.size() > 100, "reference designs loaded: " + designs.size());
        for (ReferenceData.Design d : designs) {
            SecondOrderSections sos = d.ours();
            assertEquals(d.sections().size(), sos.sectionCount(), d + ": sections");
            for (int s = 0; s < sos.sectionCount(); s++) {
                double[] expected = d.sections().get(s);
                // Relative to the largest numerator or denominator coefficient of the row: a value that
                // is 0 in exact arithmetic (a1 at a quarter of the rate) is rounding noise in both.
                double numeratorScale = Math.max(Math.abs(expected[0]), Math.abs(expected[1]));
                double denominatorScale = Math.max(1.0, Math.abs(expected[4]));
                for (int k = 0; k < SecondOrderSections.STRIDE; k++) {
                    double scale = k < 3 ? numeratorScale : denominatorScale;
                    assertEquals(expected[k], sos.coefficient(s, k), RELATIVE * scale,
                            d + ": section " + s + " coefficient " + k);
                }
            }
        }
    }

    @Test
    void steadyStateMatchesScipySosfiltZi() {
        for (ReferenceData.Design d : ReferenceData.designs()) {
            SecondOrderSections sos = d.ours();
            for (int s = 0; s < sos.sectionCount(); s++) {
                double[] expected = d.steadyStates().get(s);
                for (int k = 0; k < 2; k++) {
                    assertEquals(expected[k], sos.steadyState(s, k), RELATIVE * Math.max(1.0, Math.abs(expected[k])),
                            d + ": zi of section " + s + " index " + k);
                }
            }
        }
    }

    @Test
    void defaultPadLengthMatchesScipySosfiltfilt() {
        for (ReferenceData.Design d : ReferenceData.designs()) {
            assertEquals(d.padLength(), ZeroPhase.defaultPadLength(d.ours()), d + ": padlen");
        }
    }

    @Test
    void gainIsOneInThePassBandAndMinus3DbAtTheCutoff() {
        double[] ratesHz = {100.0, 204.8, 300.0};
        double[] cutoffsHz = {0.5, 5.0, 12.0, 15.0, 20.0, 45.0};
        for (int order = 1; order <= Butterworth.MAX_ORDER; order++) {
            for (double rate : ratesHz) {
                for (double cutoff : cutoffsHz) {
                    String what = "order " + order + ", " + cutoff + " Hz at " + rate + " Hz";
                    SecondOrderSections low = Butterworth.lowPass(order, cutoff, rate);
                    SecondOrderSections high = Butterworth.highPass(order, cutoff, rate);
                    assertEquals(1.0, low.dcGain(), 1e-12, what + ": low-pass DC gain");
                    assertEquals(0.0, high.dcGain(), 1e-12, what + ": high-pass DC gain");
                    assertEquals(1.0, magnitude(high, rate / 2, rate), 1e-12, what + ": high-pass gain at Nyquist");
                    assertEquals(Math.sqrt(0.5), magnitude(low, cutoff, rate), 1e-12, what + ": low-pass at cutoff");
                    assertEquals(Math.sqrt(0.5), magnitude(high, cutoff, rate), 1e-12, what + ": high-pass at cutoff");
                }
            }
        }
    }

    @Test
    void oddOrdersHaveOneFirstOrderSection() {
        SecondOrderSections sos = Butterworth.lowPass(3, 5.0, 100.0);
        assertEquals(2, sos.sectionCount());
        assertEquals(0.0, sos.coefficient(0, 5), "section 0 holds the real pole with one at the origin");
        assertEquals(4, Butterworth.lowPass(8, 5.0, 100.0).sectionCount());
        assertEquals(1, Butterworth.highPass(1, 5.0, 100.0).sectionCount());
    }

    @Test
    void rejectsBadArgumentsNamingTheValue() {
        assertMessage("order must be 1..8, got 0", () -> Butterworth.lowPass(0, 5, 100));
        assertMessage("order must be 1..8, got 9", () -> Butterworth.highPass(9, 5, 100));
        assertMessage("below the Nyquist frequency 50.0 Hz", () -> Butterworth.lowPass(2, 50, 100));
        assertMessage("got 60.0 Hz", () -> Butterworth.lowPass(2, 60, 100));
        assertMessage("got 0.0 Hz", () -> Butterworth.lowPass(2, 0, 100));
        assertMessage("got NaN Hz", () -> Butterworth.lowPass(2, Double.NaN, 100));
        assertMessage("sample rate must be a finite number > 0 Hz, got -100.0",
                () -> Butterworth.lowPass(2, 5, -100));
        assertMessage("sample rate must be a finite number > 0 Hz, got Infinity",
                () -> Butterworth.lowPass(2, 5, Double.POSITIVE_INFINITY));
    }

    /** |H(e^{jω})| at {@code frequencyHz}, evaluated section by section. */
    static double magnitude(SecondOrderSections sos, double frequencyHz, double sampleRateHz) {
        double w = 2 * Math.PI * frequencyHz / sampleRateHz;
        double c1 = Math.cos(w);
        double s1 = -Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = -Math.sin(2 * w);
        double gain = 1.0;
        for (int s = 0; s < sos.sectionCount(); s++) {
            double numRe = sos.coefficient(s, 0) + sos.coefficient(s, 1) * c1 + sos.coefficient(s, 2) * c2;
            double numIm = sos.coefficient(s, 1) * s1 + sos.coefficient(s, 2) * s2;
            double denRe = sos.coefficient(s, 3) + sos.coefficient(s, 4) * c1 + sos.coefficient(s, 5) * c2;
            double denIm = sos.coefficient(s, 4) * s1 + sos.coefficient(s, 5) * s2;
            gain *= Math.hypot(numRe, numIm) / Math.hypot(denRe, denIm);
        }
        return gain;
    }
}
