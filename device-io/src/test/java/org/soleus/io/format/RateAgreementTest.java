package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RowTransform;

/**
 * A rate the file states or the user gives must agree with the file's time column: the median
 * of its first steps is one sample period (±25 %), else the read fails at the first step; real
 * gaps further on are still filled with NaN, with the period of the rate used.
 */
final class RateAgreementTest {
    private static final Path MOTICON = Path.of("..", "sample-data", "moticon-opengo", "230927_102114.txt");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Rows {@code time_s,left.insole.force_n} at {@code times}, under {@code # } lines. */
    private static String csv(String metadata, double... times) {
        StringBuilder sb = new StringBuilder("# format: soleus-csv 1\n").append(metadata)
                .append("time_s,left.insole.force_n\n");
        for (int i = 0; i < times.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f", times[i])).append(',').append(i + 1).append('\n');
        }
        return sb.toString();
    }

    private static double[] steps(int n, double stepS) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * stepS;
        }
        return t;
    }

    /** A gaitpdb line at {@code timeS}: time, then 18 values. */
    private static String gaitpdb(int rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f", i * 0.01));
            for (int c = 0; c < 18; c++) {
                sb.append('\t').append(i + c);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static ReadOptions rate(double hz) {
        return new ReadOptions(null, hz, Double.NaN);
    }

    @Test
    void aStatedRateThatTheTimeColumnContradictsFailsAtTheFirstStep() throws IOException {
        Path p = file("twice.csv", csv("# sample_rate_hz: 200.0\n", steps(20, 0.01)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(p));
        assertEquals(p + ":5:1: the sample rate the file states, 200.0 Hz (period 0.005 s), contradicts the time column,"
                + " which steps by 0.01 s from this row on (the median of the first 19 steps): if the time column is right"
                + " and the stated rate wrong, pass --rate 100.0", e.getMessage());
        Path slow = file("half.csv", csv("# sample_rate_hz: 50\n", steps(2, 0.01)));
        DataFormatException s = assertThrows(DataFormatException.class, () -> Recordings.read(slow));
        assertTrue(s.getMessage().startsWith(slow + ":5:1: the sample rate the file states, 50.0 Hz (period 0.02 s),"
                + " contradicts the time column, which steps by 0.01 s from this row on (the first step)"), s.getMessage());
    }

    @Test
    void theRateGivenExplicitlyReadsAFileWhoseStatedRateIsWrong() throws IOException {
        Path p = file("twice.csv", csv("# sample_rate_hz: 200.0\n", steps(20, 0.01)));
        Recording r = Recordings.read(p, rate(100));
        assertEquals(100.0, r.sampleRateHz());
        assertEquals(20, r.length());
        assertEquals(List.of(p + ": --rate 100.0 Hz overrides the file's 200.0 Hz"),
                r.warnings());
    }

    @Test
    void gapsAmongTheFirstStepsAndLaterAreStillFilled() throws IOException {
        double[] t = steps(400, 0.01);
        for (int i = 1; i < t.length; i++) {
            t[i] += i >= 300 ? 0.05 : i >= 2 ? 0.01 : 0;
        }
        Path p = file("gaps.csv", csv("# sample_rate_hz: 100\n", t));
        Recording r = Recordings.read(p);
        assertEquals(100.0, r.sampleRateHz());
        assertEquals(400 + 1 + 4, r.length());
        assertTrue(Float.isNaN(r.channel("left.insole.force_n").get(2)));
        assertEquals(List.of(p + ":6: time jumps from 0.01 to 0.03 s; 1 missing sample filled with NaN",
                p + ":304: time jumps from 3.0 to 3.05 s; 4 missing samples filled with NaN"), r.warnings());
    }

    @Test
    void anExplicitRateThatTheTimeColumnContradictsFails() throws IOException {
        DataFormatException m = assertThrows(DataFormatException.class, () -> Recordings.read(MOTICON, rate(50)));
        assertEquals(MOTICON + ":11:1: the sample rate given explicitly, 50.0 Hz (period 0.02 s), contradicts the time"
                + " column, which steps by 0.01 s from this row on (the median of the first 255 steps): leave out --rate"
                + " to use the file's rate, or pass --rate 100.0", m.getMessage());
        Path g = file("g_01.txt", gaitpdb(30));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(g, rate(200)));
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("200.0 Hz (period 0.005 s), contradicts the time column, which steps by 0.01 s"),
                e.getMessage());
        Path c = file("c.csv", csv("# sample_rate_hz: 100\n", steps(20, 0.01)));
        assertThrows(DataFormatException.class, () -> Recordings.read(c, rate(300)));
    }

    @Test
    void theErrorIsTheSameWhenReadInParts() throws IOException {
        Path p = file("twice.csv", csv("# sample_rate_hz: 200.0\n", steps(3000, 0.01)));
        String sequential = assertThrows(DataFormatException.class, () -> Recordings.read(p, ReadOptions.DEFAULTS,
                RowTransform.identity(), ReadParallelism.SEQUENTIAL)).getMessage();
        String parts = assertThrows(DataFormatException.class, () -> Recordings.read(p, ReadOptions.DEFAULTS,
                RowTransform.identity(), new ReadParallelism(3, 1000, 0))).getMessage();
        assertEquals(sequential, parts);
    }

    @Test
    void anExplicitRateNearTheFilesTimesTheGapsInItsOwnPeriod() throws IOException {
        double[] t = steps(300, 0.01);
        for (int i = 280; i < t.length; i++) {
            t[i] += 0.03;
        }
        Path p = file("near.csv", csv("", t));
        Recording r = Recordings.read(p, rate(101));
        assertEquals(101.0, r.sampleRateHz());
        assertEquals(303, r.length());
        assertEquals(List.of(p + ": --rate 101.0 Hz overrides the file's 100.0 Hz",
                p + ":283: time jumps from 2.79 to 2.83 s; 3 missing samples filled with NaN"), r.warnings());
    }

    @Test
    void theFilesOwnRateGivenAgainIsNoConflict() throws IOException {
        Recording r = Recordings.read(MOTICON, rate(100));
        assertEquals(100.0, r.sampleRateHz());
        assertEquals(Recordings.read(MOTICON).length(), r.length());
    }
}
