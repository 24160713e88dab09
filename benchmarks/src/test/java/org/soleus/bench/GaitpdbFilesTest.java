package org.soleus.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingFormat;
import org.soleus.io.format.Recordings;

/** The files the reading benchmarks parse are what their documentation says. */
final class GaitpdbFilesTest {
    private static final ReadOptions GAITPDB = new ReadOptions(RecordingFormat.GAITPDB, Double.NaN, Double.NaN);

    @TempDir
    Path dir;

    @Test
    void syntheticFileIsGaitpdbWithAZeroInOneCellOfTen() throws IOException {
        Path file = dir.resolve("BeCo01_01.txt");
        GaitpdbFiles.write(file, "synthetic", 5000, 1);
        Recording r = Recordings.read(file, GAITPDB);
        assertEquals(5000, r.length());
        assertEquals(100.0, r.sampleRateHz(), 1e-9);
        assertEquals(18, r.channels().size());
        long zeros = 0;
        for (int c = 0; c < r.channels().size(); c++) {
            for (float v : r.channels().get(c).samples()) {
                zeros += v == 0f ? 1 : 0;
            }
        }
        double share = zeros / (5000.0 * 18);
        assertTrue(share > 0.09 && share < 0.11, "share of zero cells " + share);
    }

    /** Row i of the file is row i modulo their length of the four trials in turn, at time i / 100 s. */
    @Test
    void trialsFileRepeatsTheShippedTrialsWithAContinuousTime() throws IOException {
        Path trials = GaitpdbFiles.trialsDir();
        String[] names = {"GaCo01_01.txt", "GaPt03_01.txt", "JuCo01_01.txt", "SiCo01_01.txt"};
        Recording[] originals = new Recording[names.length];
        int total = 0;
        for (int i = 0; i < names.length; i++) {
            originals[i] = Recordings.read(trials.resolve(names[i]), GAITPDB);
            total += originals[i].length();
        }
        int rows = total + 250;
        Path file = dir.resolve("GaCo01_01.txt");
        GaitpdbFiles.write(file, "trials", rows, 0);
        Recording copy = Recordings.read(file, GAITPDB);
        assertEquals(rows, copy.length());
        assertEquals(0.0, copy.startTimeS(), 1e-9);
        assertEquals(100.0, copy.sampleRateHz(), 1e-9);
        for (int c = 0; c < copy.channels().size(); c++) {
            float[] values = copy.channels().get(c).samples();
            int at = 0;
            for (Recording original : originals) {
                float[] expected = original.channels().get(c).samples();
                assertArrayEquals(expected, Arrays.copyOfRange(values, at, at + expected.length),
                        copy.channels().get(c).name() + " from row " + at);
                at += expected.length;
            }
            float[] first = originals[0].channels().get(c).samples();
            assertArrayEquals(Arrays.copyOf(first, 250), Arrays.copyOfRange(values, at, rows), "the repeat");
        }
    }

    @Test
    void unknownContentAndMissingTrialsAreErrors() {
        Path file = dir.resolve("x.txt");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GaitpdbFiles.write(file, "random", 10, 1));
        assertEquals("data must be synthetic or trials, got 'random'", unknown.getMessage());
        IOException missing = assertThrows(IOException.class, () -> GaitpdbFiles.writeFromTrials(file, 10, dir));
        assertTrue(missing.getMessage().endsWith("GaCo01_01.txt: not found"), missing.getMessage());
        assertTrue(Files.notExists(file));
    }
}
