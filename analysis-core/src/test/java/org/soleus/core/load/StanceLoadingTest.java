package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class StanceLoadingTest {
    private static final double RATE_HZ = 100;
    private static final double BODY_WEIGHT_N = 700;

    @Test
    void doubleHumpCurveGivesItsPeaksValleyImpulseAndLoadingRate() {
        int n = 61;
        double[] force = new double[n + 20];
        for (int i = 0; i < n; i++) {
            double s = i / (double) (n - 1);
            force[10 + i] = BODY_WEIGHT_N * (Math.sin(Math.PI * s) + 0.15 * Math.sin(3 * Math.PI * s));
        }
        StrideLoading l = StanceLoading.compute(force, 10, 10 + n, RATE_HZ, 0, BODY_WEIGHT_N, null, 0);

        double naivePeak = 0;
        double naiveImpulse = 0;
        double naiveMaxSlope = 0;
        for (int i = 10; i < 10 + n; i++) {
            naivePeak = Math.max(naivePeak, force[i]);
            if (i + 1 < 10 + n) {
                naiveImpulse += (force[i] + force[i + 1]) / 2 / RATE_HZ;
            }
        }
        for (int i = 10; i < 10 + n / 4; i++) {
            naiveMaxSlope = Math.max(naiveMaxSlope, (force[i + 1] - force[i]) * RATE_HZ);
        }
        assertEquals(naivePeak, l.peakForceN(), 1e-9);
        assertEquals(naivePeak / BODY_WEIGHT_N, l.peakForceBw(), 1e-12);
        assertEquals(naiveImpulse, l.impulseNs(), 1e-9);
        assertEquals(naiveMaxSlope / BODY_WEIGHT_N, l.loadingRateBwPerS(), 1e-9);
        assertTrue(l.valleyN() < l.firstPeakN() && l.valleyN() < l.secondPeakN(), l.toString());
        assertEquals(l.firstPeakN(), l.secondPeakN(), 1.0, "symmetric curve");
        assertTrue(l.firstPeakS() < l.secondPeakS());
        assertTrue(Double.isNaN(l.heelSharePct()), "no pressure track, no heel share");
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
