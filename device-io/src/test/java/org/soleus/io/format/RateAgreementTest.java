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
import org.soleus.io.SampleData;

/**
 * A rate the file states or the user gives must agree with the file's time column: the step of
 * its first rows is one sample period (±25 %), else the read fails at the first step; a rate more
 * than 0.5 % off it is used with a warning; real gaps further on are still filled with NaN, with
 * the period of the rate used.
 */
final class RateAgreementTest {
    private static final Path MOTICON = SampleData.of("moticon-opengo", "230927_102114.txt");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Rows {@code time_s,left.insole.force_n} at {@code times} (to the millisecond), under {@code # } lines. */
    private static String csv(String metadata, double... times) {
        return csv(metadata, "%.3f", times);
    }

    /** Rows {@code time_s,left.insole.force_n} at {@code times} written with {@code timeFormat}. */
    private static String csv(String metadata, String timeFormat, double... times) {
        StringBuilder sb = new StringBuilder("# format: soleus-csv 1\n").append(metadata)
                .append("time_s,left.insole.force_n\n");
        for (int i = 0; i < times.length; i++) {
            sb.append(String.format(Locale.ROOT, timeFormat, times[i])).append(',').append(i + 1).append('\n');
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

    private static ReadOptions rate(double hz) {
        return new ReadOptions(null, hz, Double.NaN);
    }

    @Test
    void aStatedRateThatTheTimeColumnContradictsFailsAtTheFirstStep() throws IOException {
        Path p = file("twice.csv", csv("# sample_rate_hz: 200.0\n", steps(20, 0.01)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(p));
        assertEquals(p + ":5:1: the sample rate the file states, 200.0 Hz (period 0.005 s), contradicts the time column,"
                + " which steps by 0.01 s from this row on (the median of the first 19 steps): if the time column is right"
                + " and the stated rate wrong, pass --rate 100.0; if the time column is wrong, --ignore-time", e.getMessage());
        Path slow = file("half.csv", csv("# sample_rate_hz: 50\n", steps(2, 0.01)));
        DataFormatException s = assertThrows(DataFormatException.class, () -> Recordings.read(slow));
        assertTrue(s.getMessage().startsWith(slow + ":5:1: the sample rate the file states, 50.0 Hz (period 0.02 s),"
                + " contradicts the time column, which steps by 0.01 s from this row on (the first step)"), s.getMessage());
    }

    /**
     * Times that jitter about the stated period (stamped as the rows arrived: steps of 0.018 and
     * 0.002 s in turn at 100 Hz) but keep its pace are told as such, with --ignore-time, not as
     * another rate to pass; with --ignore-time the file reads at its rate.
     */
    @Test
    void timesThatJitterAboutTheStatedRateAreToldAsJitter() throws IOException {
        double[] times = new double[40];
        for (int i = 0; i < times.length; i++) {
            times[i] = 0.01 * i + (i % 2 == 0 ? -0.004 : 0.004);
        }
        Path p = file("jitter.csv", csv("# sample_rate_hz: 100\n", times));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(p));
        assertEquals(p + ":5:1: the time column's steps vary from 0.002 to 0.018 s around the period of 0.01 s (100.0 Hz),"
                + " which its first 40 rows keep on average: times stamped as the rows arrived? Pass --ignore-time to take"
                + " the rows as evenly spaced at the rate", e.getMessage());
        assertEquals(100.0, Recordings.read(p, new ReadOptions(null, Double.NaN, Double.NaN, java.util.Map.of(), true)).sampleRateHz());
    }

    @Test
    void theRateGivenExplicitlyReadsAFileWhoseStatedRateIsWrong() throws IOException {
        Path p = file("twice.csv", csv("# sample_rate_hz: 200.0\n", steps(20, 0.01)));
        Recording r = Recordings.read(p, rate(100));
        assertEquals(100.0, r.sampleRateHz());
        assertEquals(20, r.length());
        assertEquals(List.of(p + ":2:19: --rate 100.0 Hz overrides the file's 200.0 Hz"),
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
        assertEquals(MOTICON + ":11:1: the sample rate given by --rate, 50.0 Hz (period 0.02 s), contradicts the time"
                + " column, which steps by 0.01 s from this row on (the median of the first 255 steps): pass --rate"
                + " 100.0, the time column's rate, or --ignore-time if the time column is wrong", m.getMessage());
        Path g = file("g_01.txt", GaitpdbText.rows(30));
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
        assertEquals(List.of(p + ":4:1: the sample rate given by --rate, 101.0 Hz, is 1.0 % above the 100.0 Hz of the"
                        + " time column (steps of 0.01 s, the median of the first 255 steps): the samples are timed at"
                        + " 101.0 Hz, so every time and duration found is 0.990 times the time column's; if the time"
                        + " column is right, pass --rate 100.0",
                p + ":283: time jumps from 2.79 to 2.83 s; 3 missing samples filled with NaN"), r.warnings());
    }

    @Test
    void aStatedRateOffTheTimeColumnWithinItsToleranceIsUsedWithAWarning() throws IOException {
        Path p = file("fast.csv", csv("# sample_rate_hz: 120.0\n", steps(20, 0.01)));
        Recording r = Recordings.read(p);
        assertEquals(120.0, r.sampleRateHz());
        assertEquals(20, r.length());
        assertEquals(List.of(p + ":5:1: the sample rate the file states, 120.0 Hz, is 20.0 % above the 100.0 Hz of the"
                + " time column (steps of 0.01 s, the median of the first 19 steps): the samples are timed at 120.0 Hz,"
                + " so every time and duration found is 0.833 times the time column's; if the time column is right,"
                + " pass --rate 100.0"), r.warnings());
        Path slow = file("slow.csv", csv("# sample_rate_hz: 90\n", steps(300, 0.01)));
        assertEquals(List.of(slow + ":5:1: the sample rate the file states, 90.0 Hz, is 10.0 % below the 100.0 Hz of"
                + " the time column (steps of 0.01 s, the median of the first 255 steps): the samples are timed at"
                + " 90.0 Hz, so every time and duration found is 1.111 times the time column's; if the time column is"
                + " right, pass --rate 100.0"), Recordings.read(slow).warnings());
    }

    @Test
    void aGivenRateOffTheTimeColumnSaysSoBesidesWhatItOverrides() throws IOException {
        Path p = file("given.csv", csv("# sample_rate_hz: 100\n", steps(20, 0.01)));
        Recording r = Recordings.read(p, rate(110));
        assertEquals(110.0, r.sampleRateHz());
        assertEquals(List.of(p + ":2:19: --rate 110.0 Hz overrides the file's 100.0 Hz",
                p + ":5:1: the sample rate given by --rate, 110.0 Hz, is 10.0 % above the 100.0 Hz of the time column"
                        + " (steps of 0.01 s, the median of the first 19 steps): the samples are timed at 110.0 Hz, so"
                        + " every time and duration found is 0.909 times the time column's; if the time column is"
                        + " right, pass --rate 100.0"), r.warnings());
        Path g = file("g_01.txt", GaitpdbText.rows(30));
        // with a body mass: no demographics.txt beside the file would be a warning of its own
        List<String> gaitpdb = Recordings.read(g, new ReadOptions(null, 110, 70)).warnings();
        assertEquals(1, gaitpdb.size(), gaitpdb.toString());
        assertTrue(gaitpdb.get(0).startsWith(g + ":2:1: the sample rate given by --rate, 110.0 Hz, is 10.0 % above the"
                + " 100.0 Hz of the time column"), gaitpdb.get(0));
    }

    @Test
    void ratesWithinHalfAPercentOfTheTimeColumnAreNoConflict() throws IOException {
        Path stated = file("stated.csv", csv("# sample_rate_hz: 100.4\n", steps(300, 0.01)));
        assertEquals(List.of(), Recordings.read(stated).warnings());
        Path none = file("none.csv", csv("", steps(300, 0.01)));
        // at the time column's second row, whose step from the first gives the rate
        assertEquals(List.of(none + ":4:1: --rate 99.6 Hz overrides the time column's 100.0 Hz"),
                Recordings.read(none, rate(99.6)).warnings());
    }

    @Test
    void timesRoundedToTheMillisecondGiveTheirRateNotTheirCommonestStep() throws IOException {
        // 300 Hz written to the millisecond steps by 0.003, 0.003, 0.004 s: the median says 333 Hz.
        double[] t = steps(3000, 1 / 300.0);
        Path p = file("coarse.csv", csv("", t));
        Recording r = Recordings.read(p);
        assertEquals(300.0, r.sampleRateHz(), 0.3, "derived rate");
        assertEquals(3000, r.length());
        assertEquals(List.of(), r.warnings());
        Path stated = file("stated300.csv", csv("# sample_rate_hz: 300\n", t));
        assertEquals(List.of(), Recordings.read(stated).warnings());
        Path wrong = file("stated306.csv", csv("# sample_rate_hz: 306\n", t));
        List<String> warnings = Recordings.read(wrong).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(wrong + ":5:1: the sample rate the file states, 306.0 Hz, is 2.0 % above"
                + " the 300.0 Hz of the time column (steps of 0.003333333 s, the mean of the first 255 steps, gaps left"
                + " out)"), warnings.get(0));
    }

    @Test
    void gapsAmongCoarselyRoundedTimesDoNotMoveTheirRate() throws IOException {
        double[] t = new double[600];
        for (int i = 0, sample = 0; i < t.length; i++, sample++) {
            if (i % 50 == 10) {
                sample += 3;
            }
            t[i] = sample / 300.0;
        }
        Path p = file("gaps300.csv", csv("", t));
        Recording r = Recordings.read(p);
        assertEquals(300.0, r.sampleRateHz(), 0.3, "derived rate");
        assertEquals(600 + 12 * 3, r.length());
        assertEquals(12, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void aTimeColumnThatDriftsByALastDigitKeepsItsNominalRate() throws IOException {
        // As gaitpdb's times: 0.01 s steps, every 143rd 0.0099 s (the mean says 100.008 Hz).
        double[] t = new double[400];
        for (int i = 1; i < t.length; i++) {
            t[i] = t[i - 1] + (i % 143 == 71 ? 0.0099 : 0.01);
        }
        Path p = file("drift.csv", csv("", "%.4f", t));
        assertEquals(100.0, Recordings.read(p).sampleRateHz());
        assertEquals(List.of(), Recordings.read(file("drift100.csv", csv("# sample_rate_hz: 100\n", "%.4f", t))).warnings());
    }

    @Test
    void theFilesOwnRateGivenAgainIsNoConflict() throws IOException {
        Recording r = Recordings.read(MOTICON, rate(100));
        assertEquals(100.0, r.sampleRateHz());
        assertEquals(Recordings.read(MOTICON).length(), r.length());
    }
    /**
     * A dropout of 40 s cut out of a gaitpdb trial: its time column runs 70 ppm fast (a step of
     * 0.0099 s every 143rd row), so the jump is 4000.72 periods of the 100 Hz the file is read at,
     * off a whole number by more than a step's jitter may be but well within the clock's drift over
     * 4000 periods. The 4000 rows cut out are filled with NaN, and the rows after the gap are the
     * trial's own rows at their places.
     */
    @Test
    void aLongDropoutInADriftingTimeColumnIsAGapFilledInFull() throws IOException {
        Path trial = SampleData.of("physionet-gaitpdb", "GaCo01_01.txt");
        List<String> lines = Files.readAllLines(trial, StandardCharsets.US_ASCII);
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i < 2000 || i >= 6000) {
                cut.append(lines.get(i)).append('\n');
            }
        }
        ReadOptions mass = new ReadOptions(null, Double.NaN, 70);
        Recording whole = Recordings.read(trial, mass);
        Recording gap = Recordings.read(file("GaCo01_01.txt", cut.toString()), mass);
        assertEquals(whole.length(), gap.length());
        assertEquals(List.of(dir.resolve("GaCo01_01.txt") + ":2001: time jumps from " + lines.get(1999).split("\t")[0]
                + " to " + lines.get(6000).split("\t")[0] + " s; 4000 missing samples filled with NaN"), gap.warnings());
        float[] before = whole.channel("left.insole.force_n").samples();
        float[] after = gap.channel("left.insole.force_n").samples();
        for (int i = 0; i < whole.length(); i++) {
            if (i >= 2000 && i < 6000) {
                assertTrue(Float.isNaN(after[i]), "row " + i);
            } else {
                assertEquals(before[i], after[i], "row " + i);
            }
        }
    }
}
