package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One insole cell's glitch taken out of the heel force and the centre of pressure; real movement kept. */
final class PressureWindowsTest {
    private static final double SHARE = 0.5;

    @Test
    void aGlitchInTheHeelForceAndAJumpAcrossTheInsoleAreReplacedAndTheRestKept() {
        float[] heel = {0, 100, 250, 30000, 300, 280, 200, 100, 40, 0};
        float[] total = {0, 150, 400, 600, 700, 650, 700, 600, 300, 0};
        float[] copX = {Float.NaN, -500, -534, -472, -470, -469, -468, -470, -480, Float.NaN};
        float[] copY = {Float.NaN, -700, -600, -500, 700, -300, -200, 0, 300, Float.NaN};
        PressureTrack track = new PressureTrack(heel, total, copX, copY, 1600);

        PressureTrack window = new PressureWindows(Double.POSITIVE_INFINITY).of(track, 1, 8, SHARE);
        float[] expectedHeel = {100, 250, 300, 300, 280, 200, 100, 40};
        float[] expectedY = {-700, -600, -500, -300, -300, -200, 0, 300};
        for (int i = 0; i < 8; i++) {
            assertEquals(expectedHeel[i], window.heelForceN(i), "heel " + i);
            assertEquals(total[i + 1], window.totalForceN(i), "total " + i);
            assertEquals(copX[i + 1], window.copX(i), "the 34-unit heel-strike shift across the foot stays, " + i);
            assertEquals(expectedY[i], window.copY(i), "y " + i);
        }
        assertEquals(1600, window.spanY());
    }

    /** A total or heel force that no foot carries makes the sample missing in both, so that the heel share leaves it out. */
    @Test
    void totalForceBeyondTheRangeIsMissing() {
        float[] heel = {0, 100, 250, 300, 300, 280, 200, 0};
        float[] total = {0, 150, 400, 1e8f, 1e8f, 650, 700, 0};
        float[] copY = {Float.NaN, -700, -600, -500, -400, -300, -200, Float.NaN};
        PressureTrack window = new PressureWindows(13_000).of(new PressureTrack(heel, total, null, copY, 1600), 0, 8,
                SHARE);
        for (int i = 0; i < 8; i++) {
            assertEquals(total[i] > 13_000 ? Float.NaN : total[i], window.totalForceN(i), "total " + i);
            assertEquals(total[i] > 13_000 ? Float.NaN : heel[i], window.heelForceN(i), "heel " + i);
        }
        // two samples of a cell's glitch, which the 3-sample median leaves
        float[] heelGlitch = heel.clone();
        heelGlitch[4] = 1e8f;
        heelGlitch[5] = 1e8f;
        float[] fine = {0, 150, 400, 600, 700, 650, 700, 0};
        PressureTrack cells = new PressureWindows(13_000).of(new PressureTrack(heelGlitch, fine, null, copY, 1600), 0, 8,
                SHARE);
        for (int i = 0; i < 8; i++) {
            boolean glitch = i == 4 || i == 5;
            assertEquals(glitch ? Float.NaN : heel[i], cells.heelForceN(i), "heel with a glitch, " + i);
            assertEquals(glitch ? Float.NaN : fine[i], cells.totalForceN(i), "total beside a heel glitch, " + i);
        }
    }

    @Test
    void aTrackWithoutHeelForceOrSidewaysPositionStaysWithoutThem() {
        float[] copY = {-0.4f, -0.3f, 0.45f, -0.1f, 0f};
        PressureTrack window = new PressureWindows(Double.POSITIVE_INFINITY).of(new PressureTrack(null, null, null, copY,
                1), 0, 5, SHARE);
        assertEquals(false, window.hasHeelForce());
        assertEquals(false, window.hasCopX());
        assertEquals(-0.1f, window.copY(2), "a jump of half the insole and more is replaced");
    }
}
