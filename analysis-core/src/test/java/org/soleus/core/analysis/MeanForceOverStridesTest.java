package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Side;

/** Both feet's force over whole strides, from hand-summed impulses and stride times. */
final class MeanForceOverStridesTest {
    private static final double MASS_KG = 80;

    private static StrideResult stride(Side side, double startS, double strideS, double impulseNs) {
        StrideLoading loading = new StrideLoading(900, 900 / (MASS_KG * Gravity.STANDARD_MPS2), Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, impulseNs, Double.NaN, Double.NaN, Double.NaN);
        return new StrideResult(new Stride(side, startS, startS + 0.6 * strideS, startS + strideS, 0.1), loading, null);
    }

    @Test
    void eachFootsImpulsesOverItsStrideTimesAddedOverTheBodyWeight() {
        MeanForceOverStrides mean = new MeanForceOverStrides();
        assertTrue(Double.isNaN(mean.meanForceBw(MASS_KG)), "no strides");
        mean.accept(stride(Side.LEFT, 0, 1.0, 400));
        mean.accept(stride(Side.LEFT, 1.0, 1.2, 500));
        assertTrue(Double.isNaN(mean.meanForceBw(MASS_KG)), "one foot only");
        mean.accept(stride(Side.RIGHT, 0.5, 1.1, 420));
        // (400 + 500) N·s / 2.2 s + 420 N·s / 1.1 s = 409.09 + 381.82 = 790.91 N over 784.53 N
        assertEquals((900 / 2.2 + 420 / 1.1) / (MASS_KG * Gravity.STANDARD_MPS2), mean.meanForceBw(MASS_KG), 1e-12);
        assertEquals(1.0081, mean.meanForceBw(MASS_KG), 1e-4);
        assertEquals(1, mean.fewerFootStrides());
        assertEquals(Optional.empty(), GaitNotices.forceScaleOffBodyWeight(mean.meanForceBw(MASS_KG), MASS_KG));
    }

    @Test
    void stridesWithoutAnImpulseAreLeftOutAndAMassOffByAThirdIsTold() {
        MeanForceOverStrides mean = new MeanForceOverStrides();
        mean.accept(stride(Side.LEFT, 0, 1.0, 392.27));
        mean.accept(stride(Side.LEFT, 1.0, 1.0, 392.27));
        mean.accept(stride(Side.RIGHT, 0.5, 1.0, 392.27));
        mean.accept(stride(Side.RIGHT, 1.5, 1.0, Double.NaN));
        mean.accept(new StrideResult(new Stride(Side.RIGHT, 2.5, 3.1, 3.5, 0.1), null, null));
        assertEquals(1, mean.fewerFootStrides(), "the right foot's one stride with an impulse");
        assertEquals(1.0, mean.meanForceBw(MASS_KG), 1e-4);
        assertEquals(Optional.of("both feet's force averages 1.33 body weights over whole strides, not 1 as in steady"
                + " walking: the body mass (60 kg) or the force scale is off by that factor (the force fits 80 kg), and"
                + " so is every figure in body weights"), GaitNotices.forceScaleOffBodyWeight(mean.meanForceBw(60), 60));
    }
}
