package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Runs of the invalid code between samples at the bottom of the ADC's range are the floor; other runs stay invalid. */
final class WfdbFloorRunsTest {
    private static final int INVALID = -2048;
    private static final int FLOOR = -2047;

    private static List<int[]> run(int[] invalidCodes, int maxRunFrames, int[][] frames, WfdbFloorRuns[] out) {
        List<int[]> handed = new ArrayList<>();
        WfdbFloorRuns runs = new WfdbFloorRuns(invalidCodes, maxRunFrames, adu -> handed.add(adu.clone()));
        for (int[] frame : frames) {
            runs.accept(frame);
        }
        runs.finish();
        out[0] = runs;
        return handed;
    }

    private static int[] column(List<int[]> frames, int s) {
        return frames.stream().mapToInt(f -> f[s]).toArray();
    }

    private static int[][] frames(int[] samples) {
        int[][] frames = new int[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            frames[i] = new int[] {samples[i]};
        }
        return frames;
    }

    @Test
    void aRunBetweenSamplesNearTheFloorIsTheFloor() {
        WfdbFloorRuns[] runs = new WfdbFloorRuns[1];
        int[] in = {500, -1900, -2040, INVALID, INVALID, INVALID, -2046, -2000, 300};
        List<int[]> out = run(new int[] {INVALID}, 100, frames(in), runs);
        assertArrayEquals(new int[] {500, -1900, -2040, FLOOR, FLOOR, FLOOR, -2046, -2000, 300}, column(out, 0));
        assertEquals(3, runs[0].floorSamples(0));
        assertEquals(0, runs[0].missingSamples(0));
    }

    @Test
    void aRunWithASampleFarFromTheFloorOnEitherSideStaysInvalid() {
        WfdbFloorRuns[] runs = new WfdbFloorRuns[1];
        int margin = (int) Math.round(WfdbFloorRuns.FLOOR_MARGIN_SHARE * 4096);
        int far = FLOOR + margin + 1;
        int[] in = {-2040, INVALID, INVALID, far, far, INVALID, -2045, 0, INVALID, 0, -2047, INVALID};
        List<int[]> out = run(new int[] {INVALID}, 100, frames(in), runs);
        assertArrayEquals(in, column(out, 0), "a run next to " + far + " (or at the end of the data) is not the floor");
        assertEquals(0, runs[0].floorSamples(0));
        assertEquals(5, runs[0].missingSamples(0));
    }

    @Test
    void aRunLongerThanTheHeldFramesStaysInvalidAndNoFrameIsLost() {
        WfdbFloorRuns[] runs = new WfdbFloorRuns[1];
        int[] in = new int[20];
        java.util.Arrays.fill(in, INVALID);
        in[0] = -2047;
        in[19] = -2047;
        List<int[]> out = run(new int[] {INVALID}, 10, frames(in), runs);
        assertArrayEquals(in, column(out, 0));
        assertEquals(18, runs[0].missingSamples(0));
        in[8] = -2046;
        out = run(new int[] {INVALID}, 9, frames(in), runs);
        int[] expected = in.clone();
        for (int i = 1; i < 8; i++) {
            expected[i] = FLOOR;
        }
        assertArrayEquals(expected, column(out, 0), "a run of 7 is the floor and one of 10 is not, with runs of up to 9 held");
        assertEquals(7, runs[0].floorSamples(0));
        assertEquals(10, runs[0].missingSamples(0));
    }

    /** Several signals, formats 212, 16 and 80: every frame comes out once, in order, each signal's runs judged on its own. */
    @Test
    void framesOfSeveralSignalsComeOutInOrderWithEachSignalsRunsResolved() {
        long seed = 91;
        Random random = new Random(seed);
        int[] codes = {-2048, -32768, -128};
        int n = 5000;
        int[][] in = new int[n][3];
        int[][] expected = new int[n][3];
        for (int s = 0; s < 3; s++) {
            int margin = (int) Math.round(WfdbFloorRuns.FLOOR_MARGIN_SHARE * -2L * codes[s]);
            int i = 0;
            while (i < n) {
                int kind = random.nextInt(3);
                int length = 1 + random.nextInt(8);
                if (kind == 0 || i + length + 2 > n) {
                    in[i][s] = expected[i][s] = codes[s] + 1 + margin + random.nextInt(-2 * codes[s] - 1 - margin);
                    i++;
                    continue;
                }
                // a sample near the floor, a run, then a sample near the floor (the floor) or far from it (invalid)
                boolean floor = kind == 1;
                in[i][s] = expected[i][s] = codes[s] + 1 + random.nextInt(margin);
                for (int k = i + 1; k <= i + length; k++) {
                    in[k][s] = codes[s];
                    expected[k][s] = floor ? codes[s] + 1 : codes[s];
                }
                int after = floor ? codes[s] + 1 + random.nextInt(margin) : codes[s] + 1 + margin + 1;
                in[i + length + 1][s] = expected[i + length + 1][s] = after;
                i += length + 2;
            }
        }
        WfdbFloorRuns[] runs = new WfdbFloorRuns[1];
        List<int[]> out = run(codes, 16, in, runs);
        assertEquals(n, out.size(), "seed " + seed);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected[i], out.get(i), "frame " + i + ", seed " + seed);
        }
    }
}
