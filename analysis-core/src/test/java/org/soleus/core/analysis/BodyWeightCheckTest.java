package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Side;

/** analyze's notice on loading in body weights, stride by stride: a unit error first, else a mass or scale off. */
final class BodyWeightCheckTest {
    private static final double MASS_KG = 70;
    private static final double WEIGHT_N = MASS_KG * Gravity.STANDARD_MPS2;

    /** A stride of 1 s whose force averages {@code meanBw} body weights over it and peaks at {@code peakBw}. */
    private static StrideResult stride(Side side, double startS, double peakBw, double meanBw) {
        StrideLoading loading = new StrideLoading(peakBw * WEIGHT_N, peakBw, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, meanBw * WEIGHT_N, Double.NaN, Double.NaN, Double.NaN);
        return new StrideResult(new Stride(side, startS, startS + 0.6, startS + 1, 0.1), loading);
    }

    private static BodyWeightCheck walk(double peakBw, double meanBwPerFoot) {
        BodyWeightCheck check = new BodyWeightCheck();
        for (int i = 0; i < 100; i++) {
            check.accept(stride(Side.LEFT, i, peakBw, meanBwPerFoot));
            check.accept(stride(Side.RIGHT, i + 0.5, peakBw, meanBwPerFoot));
        }
        return check;
    }

    @Test
    void plausibleLoadingGivesNoNotice() {
        BodyWeightCheck check = walk(1.2, 0.5);
        assertEquals(100, check.fewerFootStrides());
        assertEquals(Optional.empty(), check.notice(MASS_KG));
    }

    @Test
    void aForceOffTheBodyWeightNamesTheMassItFits() {
        assertEquals(Optional.of("both feet's force averages 1.40 body weights over whole strides, not 1 as in steady"
                + " walking: the body mass (70 kg) or the force scale is off by that factor (the force fits 98 kg), and"
                + " so is every figure in body weights"), walk(1.4, 0.7).notice(MASS_KG));
    }

    /** Peaks a thousand times too high point at the unit, not at the mass, though the force is off too. */
    @Test
    void aUnitErrorIsToldInsteadOfTheMass() {
        Optional<String> notice = walk(1200, 500).notice(MASS_KG);
        assertTrue(notice.orElseThrow().startsWith("median stride peak force (left 1.20e+03, right 1.20e+03 body"
                + " weights) is far from walking's"), notice.toString());
    }
}
