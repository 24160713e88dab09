package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

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

        PressureTrack window = new PressureWindows(Double.POSITIVE_INFINITY).of(track, 1, 8, 1, 9, SHARE);
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
                0, 8, SHARE);
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
                0, 8, SHARE);
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
                1), 0, 5, 0, 5, SHARE);
        assertEquals(false, window.hasHeelForce());
        assertEquals(false, window.hasCopX());
        assertEquals(-0.1f, window.copY(2), "a jump of half the insole and more is replaced");
    }

    /**
     * Cleaning only a stance within its window gives each of its samples what cleaning the whole
     * window gives (the medians over the window's neighbours, the limit over the window's range),
     * and leaves the rest of the window missing; on random tracks with glitches, gaps and
     * forces beyond the range, at every placement of the kept part.
     */
    @Test
    void aKeptPartIsCleanedAsWithinTheWholeWindow() {
        Random random = new Random(73);
        for (int k = 0; k < 2_000; k++) {
            int n = 12 + random.nextInt(30);
            float[] heel = new float[n];
            float[] total = new float[n];
            float[] copX = new float[n];
            float[] copY = new float[n];
            for (int i = 0; i < n; i++) {
                total[i] = random.nextInt(8) == 0 ? 20_000 * random.nextFloat() : 800 * random.nextFloat();
                heel[i] = random.nextInt(8) == 0 ? 20_000 * random.nextFloat() : total[i] * random.nextFloat();
                copX[i] = random.nextInt(6) == 0 ? Float.NaN : 100 * random.nextFloat() - 50;
                copY[i] = random.nextInt(6) == 0 ? 1600 * random.nextFloat() - 800 : 200 * random.nextFloat() - 100;
            }
            PressureTrack track = new PressureTrack(heel, total, copX, copY, 1600);
            int from = random.nextInt(4);
            int length = n - from - random.nextInt(4);
            int keepFrom = from + random.nextInt(length / 2);
            int keepTo = keepFrom + random.nextInt(from + length - keepFrom + 1);
            PressureTrack whole = new PressureWindows(13_000).of(track, from, length, from, from + length, SHARE);
            float[][] expected = {new float[length], new float[length], new float[length], new float[length]};
            for (int i = 0; i < length; i++) {
                expected[0][i] = whole.heelForceN(i);
                expected[1][i] = whole.totalForceN(i);
                expected[2][i] = whole.copX(i);
                expected[3][i] = whole.copY(i);
            }
            PressureTrack part = new PressureWindows(13_000).of(track, from, length, keepFrom, keepTo, SHARE);
            for (int i = 0; i < length; i++) {
                boolean kept = i >= keepFrom - from && i < keepTo - from;
                String what = "draw " + k + ", sample " + i + " of [" + from + ", " + (from + length) + "), kept ["
                        + keepFrom + ", " + keepTo + ")";
                assertEquals(kept ? expected[0][i] : Float.NaN, part.heelForceN(i), "heel, " + what);
                assertEquals(kept ? expected[1][i] : Float.NaN, part.totalForceN(i), "total, " + what);
                assertEquals(kept ? expected[2][i] : Float.NaN, part.copX(i), "x, " + what);
                assertEquals(kept ? expected[3][i] : Float.NaN, part.copY(i), "y, " + what);
            }
        }
    }
}
