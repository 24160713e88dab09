package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class StanceLoadingTest {
    private static final double RATE_HZ = 100;
    private static final double BODY_WEIGHT_N = 700;

    /**
     * A stance of T = 0.6 s (61 samples at 100 Hz, s = 0 … 1) with the smooth double hump
     * F(s) = W (0.1 + sin πs + 0.15 sin 3πs), W = 700 N, on a filtered floor of 0.1 W, against
     * its closed-form figures:
     * <ul>
     *   <li>with c = cos πs, dF/ds = πW c (1.8 c² − 0.35): the peaks lie at c² = 0.35 / 1.8
     *       (s = 0.3546 and 0.6454), where sin 3πs = −(2/9) sin πs, so
     *       F = W (0.1 + (29/30) √(1.45 / 1.8)) = 677.33 N; the valley at s = 0.5 is 0.95 W;</li>
     *   <li>impulse ∫F dt = T W (0.1 + 2/π + 0.15 · 2/(3π)) = T W (0.1 + 2.1/π) = 322.75 N·s;</li>
     *   <li>steepest rise at heel strike (d²F/ds² = 0 there and the slope falls up to the first
     *       peak): (dF/ds)(0) / T = 1.45 π W / T, 7.592 body weights per second.</li>
     * </ul>
     * The sampled figures differ from these by no more than the sampling allows. With
     * |d²F/ds²| ≤ π² (1 + 1.35) W = 23.2 W and h = 1/60: a sampled peak lies at most
     * ½ |d²F/ds²| (h/2)² = 0.57 N below the true one; the trapezoid rule errs by at most
     * T |d²F/ds²| h² / 12 = 0.23 N·s; the steepest sample-to-sample slope, the secant over the
     * first sample, lags the tangent by |d³F/ds³(0)| h² / (6 T) with
     * d³F/ds³(0) = −π³ (1 + 0.15 · 27) W, 0.012 W/s. A peak on the wrong sample, an impulse with
     * an interval too many or too few (0.35 N·s at the 70 N ends) or summed sample by sample
     * (0.7 N·s more), or a slope from the zero before heel strike (10 W/s) or from a later sample
     * (7.50 W/s) all fall outside these bounds.
     */
    @Test
    void doubleHumpCurveGivesItsPeaksValleyImpulseAndLoadingRate() {
        int n = 61;
        double stanceS = (n - 1) / RATE_HZ;
        double[] force = new double[n + 20];
        for (int i = 0; i < n; i++) {
            double s = i / (double) (n - 1);
            force[10 + i] = BODY_WEIGHT_N * (0.1 + Math.sin(Math.PI * s) + 0.15 * Math.sin(3 * Math.PI * s));
        }
        StrideLoading l = StanceLoading.compute(force, 10, 10 + n, RATE_HZ, 0, BODY_WEIGHT_N, null, 0);

        double h = 1.0 / (n - 1);
        double maxCurvatureN = Math.PI * Math.PI * (1 + 1.35) * BODY_WEIGHT_N;
        double peakN = BODY_WEIGHT_N * (0.1 + 29.0 / 30 * Math.sqrt(1.45 / 1.8));
        double peakBelowN = 0.5 * maxCurvatureN * (h / 2) * (h / 2);
        double peakShare = Math.acos(Math.sqrt(0.35 / 1.8)) / Math.PI;
        double impulseNs = stanceS * BODY_WEIGHT_N * (0.1 + 2.1 / Math.PI);
        double impulseWithinNs = stanceS * maxCurvatureN * h * h / 12;
        double rateBwPerS = 1.45 * Math.PI / stanceS;
        double rateLagBwPerS = Math.pow(Math.PI, 3) * (1 + 0.15 * 27) * h * h / (6 * stanceS);

        assertTrue(l.peakForceN() <= peakN && l.peakForceN() >= peakN - peakBelowN, peakN + " N: " + l);
        assertEquals(l.peakForceN() / BODY_WEIGHT_N, l.peakForceBw(), 1e-12);
        assertTrue(l.firstPeakN() <= peakN && l.firstPeakN() >= peakN - peakBelowN, peakN + " N: " + l);
        assertTrue(l.secondPeakN() <= peakN && l.secondPeakN() >= peakN - peakBelowN, peakN + " N: " + l);
        assertEquals(0.95 * BODY_WEIGHT_N, l.valleyN(), 1e-9, l.toString());
        // the stance begins at 0.1 s; a sampled peak is on a sample next to the true one
        assertEquals(0.1 + peakShare * stanceS, l.firstPeakS(), 1 / RATE_HZ, l.toString());
        assertEquals(0.1 + (1 - peakShare) * stanceS, l.secondPeakS(), 1 / RATE_HZ, l.toString());
        assertEquals(impulseNs, l.impulseNs(), impulseWithinNs, l.toString());
        // the secant lags by rateLag to the leading order; the next order adds less than half of it
        assertTrue(l.loadingRateBwPerS() <= rateBwPerS && l.loadingRateBwPerS() >= rateBwPerS - 1.5 * rateLagBwPerS,
                rateBwPerS + " body weights per second: " + l);
        assertTrue(Double.isNaN(l.heelSharePct()), "no pressure track, no heel share");
    }

    /**
     * A linear rise from 100 N to 600 N over 0.5 s (51 samples): the trapezoid rule is exact on
     * it, 0.5 s × 350 N = 175 N·s, where a left or right sum is 2.5 N·s off; every slope is
     * 1000 N/s; the peak is the last sample, and a curve without a dip has its valley at the
     * first half's peak.
     */
    @Test
    void aLinearRiseHasTheExactImpulseAndSlope() {
        int n = 51;
        double[] force = new double[n];
        for (int i = 0; i < n; i++) {
            force[i] = 100 + 500.0 * i / (n - 1);
        }
        StrideLoading l = StanceLoading.compute(force, 0, n, RATE_HZ, 2.0, BODY_WEIGHT_N, null, 0);
        assertEquals(175.0, l.impulseNs(), 1e-9, l.toString());
        assertEquals(1000.0 / BODY_WEIGHT_N, l.loadingRateBwPerS(), 1e-9, l.toString());
        assertEquals(600.0, l.peakForceN(), 1e-9, l.toString());
        assertEquals(2.5, l.secondPeakS(), 1e-9, l.toString());
        assertEquals(l.firstPeakN(), l.valleyN(), 1e-9, l.toString());
    }

    @Test
    void heelShareAndCentreOfPressureFromTheTrack() {
        int n = 10;
        double[] force = new double[n];
        float[] heel = new float[n];
        float[] total = new float[n];
        float[] copX = new float[n];
        float[] copY = new float[n];
        for (int i = 0; i < n; i++) {
            force[i] = 100;
            total[i] = 100;
            heel[i] = i < 5 ? 100 : 0;
            copY[i] = -500 + 100 * i;
        }
        StrideLoading l = StanceLoading.compute(force, 0, n, RATE_HZ, 0, BODY_WEIGHT_N,
                new PressureTrack(heel, total, copX, copY, 1000), 0);
        assertEquals(50.0, l.heelSharePct(), 1e-9);
        assertEquals(900.0, l.copPathLength(), 1e-6);
        assertEquals(0.9, l.copProgression(), 1e-9);
    }

    @Test
    void centreOfPressureUnderTenPercentOfThePeakIsLeftOut() {
        // A vendor's blanked CoP (Moticon writes 0, 0 below 50 N) at the stance's light ends.
        double[] force = {30, 60, 200, 600, 600, 600, 200, 60, 30};
        float[] copX = {0, 0.02f, 0.02f, 0.02f, 0.02f, 0.02f, 0.02f, 0.02f, 0};
        float[] copY = {0, -0.30f, -0.30f, -0.10f, 0.10f, 0.30f, 0.30f, 0.30f, 0};
        StrideLoading l = StanceLoading.compute(force, 0, force.length, RATE_HZ, 0, BODY_WEIGHT_N,
                new PressureTrack(null, null, copX, copY, 1.0), 0);
        assertEquals(0.6, l.copPathLength(), 1e-6, "from -0.30 to +0.30, without the jumps to and from 0, 0");
        assertEquals(0.6, l.copProgression(), 1e-6);
        assertTrue(Double.isNaN(l.heelSharePct()), "a track without heel force has no heel share");
    }

    @Test
    void theFloorFollowsTheStancesPeakSoALightStanceKeepsItsCentreOfPressure() {
        double[] force = {3, 7, 20, 60, 60, 60, 20, 7, 3};
        float[] copX = new float[force.length];
        float[] copY = {-0.4f, -0.35f, -0.30f, -0.10f, 0.10f, 0.30f, 0.30f, 0.35f, 0.4f};
        StrideLoading l = StanceLoading.compute(force, 0, force.length, RATE_HZ, 0, BODY_WEIGHT_N,
                new PressureTrack(null, null, copX, copY, 1.0), 0);
        assertEquals(0.7, l.copProgression(), 1e-6, "7 N is over 10 % of this stance's 60 N peak: -0.35 … +0.35 counts");
    }

    @Test
    void heelShareDividesTheRecordedHeelForceByTheRecordedTotalNotTheLowPassedOne() {
        double[] lowPassed = {100, 100, 100, 100};
        float[] heel = {50, 50, Float.NaN, 0};
        float[] total = {100, 100, 100, 200};
        float[] cop = new float[4];
        StrideLoading l = StanceLoading.compute(lowPassed, 0, 4, RATE_HZ, 0, BODY_WEIGHT_N,
                new PressureTrack(heel, total, cop, cop, 1), 0);
        assertEquals(100.0 * 100 / 400, l.heelSharePct(), 1e-9, "the sample with no heel force is left out of both sums");
    }

    @Test
    void aHeelToToePositionAloneGivesTheProgressionButNoPath() {
        double[] force = {100, 300, 300, 100};
        float[] copY = {-0.4f, -0.1f, 0.2f, 0.3f};
        StrideLoading l = StanceLoading.compute(force, 0, 4, RATE_HZ, 0, BODY_WEIGHT_N,
                new PressureTrack(null, null, null, copY, 1), 0);
        assertEquals(0.7, l.copProgression(), 1e-6);
        assertTrue(Double.isNaN(l.copPathLength()), "no medio-lateral position, no path");
    }

    @Test
    void aHeelShareNeedsTheHeelForceOverHalfTheStance() {
        double[] force = {100, 100, 100, 100, 100};
        float[] total = {100, 100, 100, 100, 100};
        float[] cop = new float[5];
        float[] halfKnown = {50, 50, 50, Float.NaN, Float.NaN};
        float[] mostlyMissing = {50, 50, Float.NaN, Float.NaN, Float.NaN};
        assertEquals(50.0, StanceLoading.compute(force, 0, 5, RATE_HZ, 0, BODY_WEIGHT_N,
                new PressureTrack(halfKnown, total, cop, cop, 1), 0).heelSharePct(), 1e-9);
        assertTrue(Double.isNaN(StanceLoading.compute(force, 0, 5, RATE_HZ, 0, BODY_WEIGHT_N,
                new PressureTrack(mostlyMissing, total, cop, cop, 1), 0).heelSharePct()), "2 of 5 samples");
    }
}
