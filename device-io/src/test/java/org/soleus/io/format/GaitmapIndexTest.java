package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RowTransform;
import org.soleus.io.SampleData;

/**
 * The sample index in the first column of a gaitmap IMU file is checked: a skipped range is a
 * gap filled with NaN and warned about, an index that does not rise by a whole number or is
 * not a number is an error naming line and column.
 */
final class GaitmapIndexTest {
    private static final Path GAITMAP = SampleData.of("gaitmap-example", "imu_sample.csv");
    private static final ReadOptions RATE = new ReadOptions(null, 204.8, Double.NaN);
    /** Lines before the first row: the sensor and axis rows. */
    private static final int HEADER_LINES = 2;

    @TempDir
    Path dir;

    private static List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(GAITMAP));
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    /** Where the row of sample {@code index} is in {@link #lines()}: its line in the file less 1. */
    private static int row(int index) {
        return HEADER_LINES + index;
    }

    @Test
    void deletedRowsAreAGapFilledWithNaN() throws IOException {
        List<String> lines = lines();
        lines.subList(row(100), row(150)).clear();
        Path cut = write("cut.csv", lines);
        Recording whole = Recordings.read(GAITMAP, RATE);
        for (ReadParallelism parallelism : new ReadParallelism[] {ReadParallelism.SEQUENTIAL, new ReadParallelism(3, 4096, 0)}) {
            Recording r = Recordings.read(cut, RATE, RowTransform.identity(), parallelism);
            assertEquals(whole.length(), r.length(), parallelism.toString());
            assertEquals(List.of(cut + ":" + (row(100) + 1) + ": row index jumps from 99 to 150; 50 missing samples"
                    + " filled with NaN"), r.warnings(), parallelism.toString());
            for (Channel c : whole.channels()) {
                float[] expected = c.samples().clone();
                Arrays.fill(expected, 100, 150, Float.NaN);
                assertArrayEquals(expected, r.channel(c.name().toString()).samples(), c.name() + " " + parallelism);
            }
        }
    }

    @Test
    void anIndexThatDoesNotRiseIsAnError() throws IOException {
        List<String> lines = lines();
        lines.set(row(20), lines.get(row(20)).replaceFirst("^20,", "18,"));
        Path back = write("back.csv", lines);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(back, RATE));
        assertEquals(back + ":" + (row(20) + 1) + ":1: row index 18 does not increase (previous row: 19); expected one"
                + " more than the previous row's, or more across a gap", e.getMessage());
        List<String> again = lines();
        again.set(row(3), again.get(row(3)).replaceFirst("^3,", "2,"));
        Path repeatedFile = write("repeated.csv", again);
        DataFormatException repeated = assertThrows(DataFormatException.class, () -> Recordings.read(repeatedFile, RATE));
        assertEquals(row(3) + 1, repeated.line());
        assertTrue(repeated.getMessage().contains("row index 2 does not increase"), repeated.getMessage());
    }

    @Test
    void anIndexThatIsNotAWholeStepIsAnError() throws IOException {
        List<String> lines = lines();
        lines.set(row(7), lines.get(row(7)).replaceFirst("^7,", "7.5,"));
        Path half = write("half.csv", lines);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(half, RATE));
        assertEquals(row(7) + 1, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().endsWith("row index steps by 1.5 (from 6 to 7.5); expected a whole number of rows (1,"
                + " or more across a gap)"), e.getMessage());
    }

    @Test
    void anIndexThatIsNotANumberIsAnError() throws IOException {
        List<String> lines = lines();
        lines.set(row(5), lines.get(row(5)).replaceFirst("^5,", "five,"));
        Path word = write("word.csv", lines);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(word, RATE));
        assertEquals(word + ":" + (row(5) + 1) + ":1: column 1 (row index): expected a number, found 'five'",
                e.getMessage());
        List<String> empty = lines();
        empty.set(row(5), empty.get(row(5)).replaceFirst("^5,", ","));
        Path emptyFile = write("empty.csv", empty);
        DataFormatException missing = assertThrows(DataFormatException.class, () -> Recordings.read(emptyFile, RATE));
        assertTrue(missing.getMessage().endsWith(":" + (row(5) + 1) + ":1: column 1 (row index): expected a number,"
                + " found an empty cell"), missing.getMessage());
    }

    @Test
    void aGapLongerThanAMinuteIsAnError() throws IOException {
        List<String> lines = lines();
        lines.set(row(9), lines.get(row(9)).replaceFirst("^9,", "20000,"));
        Path far = write("far.csv", lines);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(far, RATE));
        assertEquals(row(9) + 1, e.line());
        assertTrue(e.getMessage().endsWith("row index jumps by 19992 (from 8 to 20000); gaps longer than 60.0 s are not"
                + " filled: split the file there"), e.getMessage());
    }
}
