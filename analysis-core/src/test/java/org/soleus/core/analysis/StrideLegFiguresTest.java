package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.soleus.core.ankle.FootGeometry;

/** Per-stride leg figures against a single-sample transmission error in the insole force. */
final class StrideLegFiguresTest {
    private static final double SAMPLE_RATE_HZ = 100;
    private static final int FROM = 20;
    private static final int TOE_OFF = 90;
    private static final int TO = 130;
    private static final FootGeometry FOOT = new FootGeometry(0.27, 0.055);

    /** A stance whose moment rises to 120 N·m and falls over 0.7 s, the knee bent 60° throughout (soleus-dominant where the moment is high enough), samples 0–149. */
    private static double[][] stride() {
        double[] momentNm = new double[150];
        double[] kneeDeg = new double[150];
        for (int i = 0; i < momentNm.length; i++) {
            momentNm[i] = i < FROM || i >= TOE_OFF ? 0 : 120 * Math.sin(Math.PI * (i - FROM) / (TOE_OFF - FROM));
            kneeDeg[i] = 60;
        }
        return new double[][] {momentNm, kneeDeg};
    }

    private static StrideLegLoad figures(double[][] signals) {
        return StrideLegFigures.compute(signals[0], null, signals[1], true, FROM, TOE_OFF, TO, SAMPLE_RATE_HZ, 0, 70,
                LegLoadSettings.DEFAULTS, FOOT);
    }

    /**
     * One sample of the moment five times the stride's peak (the force of one sample thousands
     * of newtons) leaves the figures as without it, but for the impulses, where the sample counts
     * as its neighbours' median; a real peak, shifted by one sample, moves the peak's time by
     * that sample.
     */
    @Test
    void aSingleSampleFarOffItsNeighboursLeavesTheFiguresAsWithoutIt() {
        StrideLegLoad clean = figures(stride());
        double[][] spiked = stride();
        spiked[0][62] = 600;
        StrideLegLoad despiked = figures(spiked);
        assertEquals(120 / 70.0, clean.peakMomentNmPerKg(), 0.01);
        assertEquals(clean.peakMomentNmPerKg(), despiked.peakMomentNmPerKg());
        assertEquals(clean.peakMomentTimeS(), despiked.peakMomentTimeS());
        assertEquals(clean.peakAchillesBw(), despiked.peakAchillesBw());
        assertEquals(clean.timeAboveThresholdS(), despiked.timeAboveThresholdS());
        assertEquals(clean.soleusDominantS(), despiked.soleusDominantS());
        // the replaced sample is its neighbours' median, off the curve by at most its steepest
        // change over a sample (120 π / 70 N·m), for one sample's time
        double oneSampleNms = 120 * Math.PI / (TOE_OFF - FROM) / SAMPLE_RATE_HZ;
        assertEquals(clean.impulseNms(), despiked.impulseNms(), oneSampleNms);
        assertEquals(clean.soleusDominantImpulseNms(), despiked.soleusDominantImpulseNms(), oneSampleNms);
        assertTrue(clean.soleusDominantS() > 0.3, clean.toString());

        double[][] later = stride();
        System.arraycopy(stride()[0], FROM, later[0], FROM + 1, TOE_OFF - FROM);
        later[0][FROM] = 0;
        StrideLegLoad shifted = figures(later);
        assertEquals(clean.peakMomentTimeS() + 1 / SAMPLE_RATE_HZ, shifted.peakMomentTimeS(), 1e-9);
        assertEquals(clean.impulseNms(), shifted.impulseNms(), 1e-9);
    }
}
