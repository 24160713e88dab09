package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RowTransform;
import org.soleus.io.MoticonExports;
import org.soleus.io.SampleData;
import org.soleus.io.calibration.CalibratingSink;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.calibration.CalibrationModel;
import org.soleus.io.calibration.CellCalibration;

/**
 * Reading in parts on several threads gives what reading row by row gives: every sample of
 * every channel, every warning, and every error with its line and column. Part sizes run from
 * one byte (every line a part of its own, so every row is checked across a part boundary) to
 * larger than the file.
 */
final class ParallelReadTest {
    private static final long SEED = 20_241_125L;
    private static final long[] PART_BYTES = {1, 97, 1000, 4096, 1 << 20};
    private static final Path DATA = SampleData.dir();
    /** Random files per variant test, each read six ways with each of {@link #TRANSFORMS}. */
    private static final int VARIANTS = 40;
    /** The analysis's transform and none, for every variant. */
    private static final RowTransform[] TRANSFORMS = {CellForceSum.inFrontOf(CellAggregatingSink::new),
        RowTransform.identity()};

    @TempDir
    Path dir;

    /** What a read gives: the recording, or the error's message. */
    private record Outcome(Recording recording, DataFormatException error) {
    }

    private static Outcome read(Path p, ReadOptions options, RowTransform transform, ReadParallelism parallelism)
            throws IOException {
        try {
            return new Outcome(Recordings.read(p, options, transform, parallelism), null);
        } catch (DataFormatException e) {
            return new Outcome(null, e);
        }
    }

    /** Reads {@code p} row by row and in parts of every size; asserts that all agree and returns the first. */
    private static Outcome assertSameEveryWay(Path p, ReadOptions options, RowTransform transform, String context)
            throws IOException {
        Outcome sequential = read(p, options, transform, ReadParallelism.SEQUENTIAL);
        for (long partBytes : PART_BYTES) {
            Outcome parallel = read(p, options, transform, new ReadParallelism(3, partBytes, 0));
            assertSame(sequential, parallel, context + ", parts of " + partBytes + " bytes");
        }
        return sequential;
    }

    private static void assertSame(Outcome expected, Outcome actual, String context) {
        if (expected.error() != null) {
            assertNotNull(actual.error(), context + ": expected " + expected.error().getMessage());
            assertEquals(expected.error().getMessage(), actual.error().getMessage(), context);
            assertEquals(expected.error().line(), actual.error().line(), context);
            assertEquals(expected.error().column(), actual.error().column(), context);
            return;
        }
        assertNotNull(actual.recording(), () -> context + ": " + actual.error().getMessage());
        Recording e = expected.recording();
        Recording a = actual.recording();
        assertEquals(e.source(), a.source(), context);
        assertEquals(e.sampleRateHz(), a.sampleRateHz(), context);
        assertEquals(e.startTimeS(), a.startTimeS(), context);
        assertEquals(e.metadata(), a.metadata(), context);
        assertEquals(e.channelNames(), a.channelNames(), context);
        assertEquals(e.length(), a.length(), context);
        for (Channel c : e.channels()) {
            assertArrayEquals(c.samples(), a.channel(c.name().toString()).samples(), context + ", " + c.name());
        }
        assertEquals(e.warnings(), a.warnings(), context);
    }

    /**
     * A gaitpdb file of {@code rows} rows with seeded values in every form a cell takes: short
     * decimals, integers, negatives, exponents, long numbers, empty cells and {@code nan}; the
     * first row and some others end in two empty columns (the file's padding, which the first
     * row sets), some in a bare line feed; every 97th row starts a gap of 1 to 3 rows.
     */
    private static String gaitpdb(int rows, Random rnd) {
        StringBuilder sb = new StringBuilder();
        int step = 0;
        for (int i = 0; i < rows; i++) {
            if (i % 97 == 50) {
                step += 1 + rnd.nextInt(3);
            }
            sb.append(String.format(Locale.ROOT, "%.2f", (i + step) / 100.0));
            for (int c = 0; c < 18; c++) {
                sb.append('\t').append(cell(rnd));
            }
            int end = rnd.nextInt(20);
            sb.append(end == 0 || i == 0 ? "\t\t\r\n" : end == 1 ? "\n" : "\r\n");
        }
        return sb.toString();
    }

    private static String cell(Random rnd) {
        switch (rnd.nextInt(12)) {
            case 0:
                return "0";
            case 1:
                return "-" + rnd.nextInt(100) + "." + rnd.nextInt(10);
            case 2:
                return rnd.nextInt(100) + "e" + rnd.nextInt(3);
            case 3:
                return rnd.nextInt(1_000_000) + "." + rnd.nextInt(1000);
            case 4:
                return rnd.nextInt(50) == 0 ? "" : "748";
            case 5:
                return rnd.nextInt(50) == 0 ? "nan" : "12";
            default:
                return rnd.nextInt(1500) + "." + rnd.nextInt(100);
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** The index of the first character of line {@code line} (1-based) in {@code text}. */
    private static int lineStart(String text, int line) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }

    /** {@code text} with line {@code line} replaced by {@code replacement} (which brings its own line end). */
    private static String replaceLine(String text, int line, String replacement) {
        int from = lineStart(text, line);
        int to = text.indexOf('\n', from) + 1;
        return text.substring(0, from) + replacement + text.substring(to);
    }

    @Test
    void gapsCutLastLineAndEveryCellFormAgree() throws IOException {
        Random rnd = new Random(SEED);
        String text = gaitpdb(3000, rnd);
        String cut = text + "30.40\t1.5\t2";
        Path p = file("GaCo01_01.txt", cut);
        for (RowTransform transform : List.<RowTransform>of(RowTransform.identity(), CellAggregatingSink::new)) {
            Outcome o = assertSameEveryWay(p, ReadOptions.DEFAULTS, transform, "seed " + SEED);
            Recording r = o.recording();
            assertNotNull(r, () -> "seed " + SEED + ": " + o.error().getMessage());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains(":3001: the last line was cut short")),
                    "seed " + SEED + ": " + r.warnings());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("more time gaps filled")),
                    "seed " + SEED + ": " + r.warnings());
        }
    }

    @Test
    void emptyLinesAtTheEndAreAllowedAndInsideAreNot() throws IOException {
        String text = gaitpdb(2000, new Random(SEED + 1));
        Outcome end = assertSameEveryWay(file("end_01.txt", text + "\r\n\n\r\n"), ReadOptions.DEFAULTS,
                RowTransform.identity(), "empty lines at the end");
        assertNotNull(end.recording(), "seed " + (SEED + 1));

        String inside = replaceLine(text, 1500, "\r\n\r\n");
        Outcome e = assertSameEveryWay(file("inside_01.txt", inside), ReadOptions.DEFAULTS, RowTransform.identity(),
                "empty lines inside");
        assertNotNull(e.error(), "seed " + (SEED + 1));
        assertEquals(1500, e.error().line());
        assertTrue(e.error().getMessage().contains("empty line inside the data"), e.error().getMessage());

        String beforeCut = text + "\r\n31.00\t1";
        Outcome cut = assertSameEveryWay(file("cut_01.txt", beforeCut), ReadOptions.DEFAULTS, RowTransform.identity(),
                "an empty line before a line cut short");
        assertNotNull(cut.recording(), "seed " + (SEED + 1));
    }

    @Test
    void aShortLastRowFollowedByEmptyLinesIsCutInEveryPartSize() throws IOException {
        Random rnd = new Random(SEED + 7);
        StringBuilder csv = new StringBuilder("time_s,left.insole.force_n,right.insole.force_n\n");
        StringBuilder moticon = new StringBuilder("# Size: 5\n# time\tleft total force[N]\tright total force[N]\n");
        for (int i = 0; i < 2000; i++) {
            String time = String.format(Locale.ROOT, "%.2f", i / 100.0);
            csv.append(time).append(',').append(rnd.nextInt(900)).append(',').append(rnd.nextInt(900)).append('\n');
            moticon.append(time).append('\t').append(rnd.nextInt(900)).append('\t').append(rnd.nextInt(900)).append('\n');
        }
        String[][] cases = {
                // name, rows, short last row, the line it stands on
                {"cut.csv", csv.toString(), "20.00,66\n", "2002"},
                {"cut_01.txt", gaitpdb(2000, new Random(SEED + 7)), "20.00\t1.5\t2\r\n", "2001"},
                {"cut.txt", moticon.toString(), "20.00\t66\n", "2003"},
        };
        String empty = "\r\n".repeat(150) + "\n".repeat(150);
        for (String[] c : cases) {
            Path p = file(c[0], c[1] + c[2] + empty);
            Outcome o = assertSameEveryWay(p, ReadOptions.DEFAULTS, RowTransform.identity(), c[0] + ", seed " + (SEED + 7));
            assertNotNull(o.recording(), () -> c[0] + ": " + o.error().getMessage());
            assertTrue(o.recording().warnings().contains(p + ":" + c[3]
                    + ": the last line was cut short (the recording was interrupted); left out"), o.recording().warnings().toString());

            String rowAfter = c[1].substring(lineStart(c[1], Integer.parseInt(c[3]) - 1));
            Path more = file(c[0], c[1] + c[2] + empty + rowAfter);
            Outcome e = assertSameEveryWay(more, ReadOptions.DEFAULTS, RowTransform.identity(),
                    c[0] + " with a row after the empty lines");
            assertNotNull(e.error(), c[0]);
            assertEquals(Long.parseLong(c[3]), e.error().line(), e.error().getMessage());
            assertTrue(e.error().getMessage().contains("expected "), e.error().getMessage());
        }
    }

    @Test
    void malformedRowsFarDownNameTheirLineAndColumn() throws IOException {
        String text = gaitpdb(3000, new Random(SEED + 2));
        int line = 2718;
        int from = lineStart(text, line);
        String time = text.substring(from, text.indexOf('\t', from));
        String values = "\t1.5".repeat(18);
        String row = time + values + "\r\n";
        String[][] cases = {
                // name, replacement line, expected column, expected text
                {"not a number", time + "\t1.5\t1.5\t4.0x" + "\t1.5".repeat(15) + "\r\n",
                        "4", "column 4 (left.insole.cell03_n): expected a number, found '4.0x'"},
                {"too few columns", time + "\t1\t2\r\n", "4", "expected 19 cells, found 3"},
                {"too many columns", time + values + "\t1\t5\r\n", "20", "found more"},
                {"more empty cells than the padding", time + values + "\t\t\t\r\n", "22",
                        "expected 19 cells and at most 2 empty cells after them, found 22"},
                {"a cell after the padding", time + values + "\t\t\t5\r\n", "22", "found more: '5'"},
                {"time going back", row.replaceFirst("^[0-9.]+", "1.00"), "1", "does not increase"},
                {"irregular step", row.replaceFirst("^[0-9.]+", time + "5"), "1", "irregular time step"},
                {"gap too long", row.replaceFirst("^[0-9.]+", "500.00"), "1", "gaps longer than 60"},
                {"carriage return inside", row.replace("\r\n", "\r\r\n"), "19", "carriage return inside a line"},
        };
        for (String[] c : cases) {
            Path p = file("bad_01.txt", replaceLine(text, line, c[1]));
            Outcome o = assertSameEveryWay(p, ReadOptions.DEFAULTS, CellAggregatingSink::new, c[0]);
            assertNotNull(o.error(), c[0]);
            assertEquals(line, o.error().line(), c[0] + ": " + o.error().getMessage());
            assertEquals(Integer.parseInt(c[2]), o.error().column(), c[0] + ": " + o.error().getMessage());
            assertTrue(o.error().getMessage().startsWith(p + ":" + o.error().line() + ":" + c[2] + ": "),
                    o.error().getMessage());
            assertTrue(o.error().getMessage().contains(c[3]), c[0] + ": " + o.error().getMessage());
        }
    }

    @Test
    void errorsInTwoPartsReportTheFirst() throws IOException {
        String text = gaitpdb(3000, new Random(SEED + 3));
        String twice = replaceLine(replaceLine(text, 2900, "abc\r\n"), 2000, "2.00\t1\r\n");
        Outcome o = assertSameEveryWay(file("two_01.txt", twice), ReadOptions.DEFAULTS, RowTransform.identity(),
                "two errors");
        assertNotNull(o.error(), "seed " + (SEED + 3));
        assertEquals(2000, o.error().line(), o.error().getMessage());
    }

    @Test
    void progressGrowsToTheFileSizeInPartsAndRowByRow() throws IOException {
        Path p = file("progress_01.txt", gaitpdb(RowStreamer.PROGRESS_ROWS * 2 + 500, new Random(SEED + 5)));
        long size = Files.size(p);
        for (ReadParallelism parallelism : new ReadParallelism[] {new ReadParallelism(2, 1 << 20, 0),
                ReadParallelism.SEQUENTIAL}) {
            List<Long> reports = new ArrayList<>();
            Recordings.read(p, ReadOptions.DEFAULTS, RowTransform.identity(), parallelism, reports::add);
            String context = parallelism + ": " + reports;
            assertTrue(reports.size() >= 2, context);
            for (int i = 1; i < reports.size(); i++) {
                assertTrue(reports.get(i) > reports.get(i - 1), context);
            }
            assertTrue(reports.get(reports.size() - 1) <= size, context);
            if (parallelism.threads() > 1) {
                assertEquals(size, reports.get(reports.size() - 1), context);
            }
        }
    }

    @Test
    void lenientColumnsCountAcrossParts() throws IOException {
        StringBuilder sb = new StringBuilder("# Size: 5\n# time\tleft total force[N]\tleft mystery[V]\n");
        Random rnd = new Random(SEED + 4);
        for (int i = 0; i < 2000; i++) {
            sb.append(String.format(Locale.ROOT, "%.2f", i / 100.0)).append('\t').append(rnd.nextInt(900))
                    .append('\t').append(rnd.nextInt(40) == 0 ? "abc" : Integer.toString(rnd.nextInt(5))).append('\n');
        }
        Path p = file("m.txt", sb.toString());
        Outcome o = assertSameEveryWay(p, ReadOptions.DEFAULTS, RowTransform.identity(), "seed " + (SEED + 4));
        assertNotNull(o.recording(), "seed " + (SEED + 4));
        assertTrue(o.recording().warnings().stream().anyMatch(w -> w.contains("cells that are not numbers")),
                o.recording().warnings().toString());
    }

    @Test
    void warningLinesAmongTheRowsAreLocatedAtTheirLineInEveryPart() throws IOException {
        StringBuilder sb = new StringBuilder("# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "# warning: in the metadata\nleft.insole.force_n,right.insole.force_n\n");
        Random rnd = new Random(SEED + 6);
        List<String> expected = new ArrayList<>();
        Path p = dir.resolve("w.csv");
        expected.add(p + ":3: in the metadata");
        int line = 4;
        for (int i = 0; i < 3000; i++) {
            sb.append(rnd.nextInt(900)).append(',').append(rnd.nextInt(900)).append('\n');
            line++;
            if (rnd.nextInt(500) == 0) {
                sb.append("# warning: gap ").append(i).append('\n');
                line++;
                expected.add(p + ":" + line + ": gap " + i);
            }
        }
        sb.append("# warning: the recording ended early\n");
        expected.add(p + ":" + (line + 1) + ": the recording ended early");
        Outcome o = assertSameEveryWay(file("w.csv", sb.toString()), ReadOptions.DEFAULTS, RowTransform.identity(),
                "seed " + (SEED + 6));
        assertNotNull(o.recording(), "seed " + (SEED + 6));
        assertTrue(expected.size() > 4, "seed " + (SEED + 6) + ": " + expected);
        assertEquals(expected, o.recording().warnings(), "seed " + (SEED + 6));
    }

    /**
     * Times stamped on arrival: jittered by up to ±40 % of a period, and in bursts of four equal
     * times. Checked, they are refused, with a hint; with the time column ignored they are read
     * every way alike, as evenly spaced rows at the rate their mean step gives, the first row's
     * time the start, the same samples as the rows without the jitter.
     */
    @Test
    void timesStampedOnArrivalAreReadAlikeWhenTheTimeColumnIsIgnored() throws IOException {
        Random rnd = new Random(SEED + 9);
        StringBuilder clean = new StringBuilder("time_s,left.insole.force_n\n");
        StringBuilder jittered = new StringBuilder(clean);
        StringBuilder bursts = new StringBuilder(clean);
        for (int i = 0; i < 3000; i++) {
            String force = Integer.toString(rnd.nextInt(900));
            double timeS = 5 + i * 0.01;
            clean.append(String.format(Locale.ROOT, "%.4f", timeS)).append(',').append(force).append('\n');
            jittered.append(String.format(Locale.ROOT, "%.4f", timeS + (rnd.nextDouble() - 0.5) * 0.008)).append(',')
                    .append(force).append('\n');
            bursts.append(String.format(Locale.ROOT, "%.2f", 5 + (i / 4) * 0.04)).append(',').append(force).append('\n');
        }
        Recording expected = Recordings.read(file("clean.csv", clean.toString()), ReadOptions.DEFAULTS);
        ReadOptions ignore = new ReadOptions(null, Double.NaN, Double.NaN, Map.of(), true);
        for (String[] c : new String[][] {{"jittered.csv", jittered.toString(), "irregular time step"},
                {"bursts.csv", bursts.toString(), "repeats the previous row's"}}) {
            Path p = file(c[0], c[1]);
            Outcome checked = assertSameEveryWay(p, ReadOptions.DEFAULTS, RowTransform.identity(), c[0] + " checked");
            assertTrue(checked.error().getMessage().contains(c[2]) && checked.error().getMessage().contains("--ignore-time"),
                    checked.error().getMessage());
            Recording r = assertSameEveryWay(p, ignore, RowTransform.identity(), c[0] + " ignored").recording();
            assertArrayEquals(expected.channel("left.insole.force_n").samples(), r.channel("left.insole.force_n").samples(),
                    c[0]);
            assertEquals(100, r.sampleRateHz(), 0.3, c[0]);
            assertEquals(5, r.startTimeS(), 0.005, c[0]);
            assertEquals(1, r.warnings().size(), r.warnings().toString());
            assertTrue(r.warnings().get(0).startsWith(p + ":2:1: the time column is not checked (--ignore-time)"),
                    r.warnings().get(0));
        }
        Recording stated = Recordings.read(file("stated.csv", "# sample_rate_hz: 100\n" + jittered), ignore);
        assertEquals(100, stated.sampleRateHz(), "a stated rate is kept");
        assertTrue(stated.warnings().get(0).contains("evenly spaced at 100.0 Hz, the rate the file states, from"),
                stated.warnings().get(0));
        Recording given = Recordings.read(file("given.csv", jittered.toString()),
                new ReadOptions(null, 60, Double.NaN, Map.of(), true));
        assertEquals(60, given.sampleRateHz(), "a rate given wins over the time column");
        assertTrue(given.warnings().get(0).contains("evenly spaced at 60.0 Hz, given by --rate (the time column gives 100.0"),
                given.warnings().get(0));

        String[] rows = jittered.toString().split("\n");
        StringBuilder gap = new StringBuilder(rows[0]).append('\n');
        for (int i = 1; i < rows.length; i++) {
            if (i < 100 || i > 150) {
                gap.append(rows[i]).append('\n');
            }
        }
        assertEquals(100, Recordings.read(file("gap.csv", gap.toString()), ignore).sampleRateHz(),
                "a gap among the first rows does not move the rate");
        for (int burst : new int[] {3, 5, 7, 10, 40}) {
            StringBuilder bursty = new StringBuilder(rows[0]).append('\n');
            for (int i = 1; i < 2000; i++) {
                bursty.append(String.format(Locale.ROOT, "%.2f", ((i - 1) / burst) * burst * 0.01))
                        .append(rows[i].substring(rows[i].indexOf(','))).append('\n');
            }
            assertEquals(100, Recordings.read(file("burst" + burst + ".csv", bursty.toString()), ignore).sampleRateHz(),
                    "bursts of " + burst + " equal times");
        }
        StringBuilder uncommon = new StringBuilder(rows[0]).append('\n');
        for (int i = 1; i < 2000; i++) {
            uncommon.append(String.format(Locale.ROOT, "%.5f", (i - 1) / 97.0 + (rnd.nextDouble() - 0.5) * 0.004))
                    .append(rows[i].substring(rows[i].indexOf(','))).append('\n');
        }
        assertEquals(97, Recordings.read(file("uncommon.csv", uncommon.toString()), ignore).sampleRateHz(), 0.1,
                "a rate that is no common one is taken as the times give it");
        StringBuilder falling = new StringBuilder(rows[0]).append('\n');
        for (int i = 1; i < 400; i++) {
            falling.append(String.format(Locale.ROOT, "%.2f", 100 - i * 0.01)).append(rows[i].substring(rows[i].indexOf(',')))
                    .append('\n');
        }
        Path down = file("falling.csv", falling.toString());
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(down, ignore));
        assertTrue(e.getMessage().startsWith(down + ":2:1: the time column does not rise over the first 256 rows, so it"
                + " gives no rate for --ignore-time"), e.getMessage());
    }

    /**
     * Whether {@code p} is read in parts: only then does the progress reach the file's last byte
     * (a file read row by row reports every {@value RowStreamer#PROGRESS_ROWS} rows).
     */
    private static boolean readInParts(Path p, RowTransform transform) throws IOException {
        List<Long> reports = new ArrayList<>();
        Recordings.read(p, ReadOptions.DEFAULTS, transform, new ReadParallelism(3, 97, 0), reports::add);
        return !reports.isEmpty() && reports.get(reports.size() - 1) == Files.size(p);
    }

    /**
     * The toolkit's CSV and Moticon exports are read in parts with their reader's stages in every
     * part (forces in kN converted, cells summed into a force), and the warnings count the rows
     * of every part: those in which a missing cell left the sum missing, and a cell that has no
     * sample at all. A file with Moticon cell pressures, whose stages hold rows back, is read
     * whole, with the same result.
     */
    @Test
    void readerStagesRunInEveryPartAndTheirCountsAddUp() throws IOException {
        Random rnd = new Random(SEED + 10);
        StringBuilder cells = new StringBuilder("# sample_rate_hz: 100\ntime_s,left.insole.cell01_n,left.insole.cell02_n,"
                + "right.insole.cell01_n,right.insole.cell02_n\n");
        StringBuilder kilonewtons = new StringBuilder("# sample_rate_hz: 100\ntime_s,left.insole.force_kn\n");
        StringBuilder pressures = new StringBuilder("# sample_rate_hz: 100\ntime_s,left.insole.force_n");
        for (int c = 1; c <= 16; c++) {
            pressures.append(String.format(Locale.ROOT, ",left.insole.cell%02d_ncm2", c));
        }
        pressures.append('\n');
        StringBuilder moticon = new StringBuilder("# Size: 5\n# time\tleft total force[N]\tright total force[N]\n");
        int missingLeft = 0;
        for (int i = 0; i < 3000; i++) {
            String time = String.format(Locale.ROOT, "%.2f", i / 100.0);
            boolean gap = rnd.nextInt(40) == 0;
            missingLeft += gap ? 1 : 0;
            cells.append(time).append(',').append(rnd.nextInt(400)).append(',').append(gap ? "" : rnd.nextInt(400))
                    .append(',').append(rnd.nextInt(400)).append(",\n");
            kilonewtons.append(time).append(',').append(rnd.nextInt(900) / 1000.0).append('\n');
            if (rnd.nextInt(700) == 0) {
                kilonewtons.append("# warning: frame ").append(i).append(" lost\n");
            }
            pressures.append(time).append(',').append(rnd.nextInt(900));
            for (int c = 1; c <= 16; c++) {
                pressures.append(',').append(rnd.nextInt(30));
            }
            pressures.append('\n');
            moticon.append(time).append('\t').append(rnd.nextInt(900)).append('\t').append(rnd.nextInt(900)).append('\n');
        }
        RowTransform summed = CellForceSum.inFrontOf(CellAggregatingSink::new);
        Path cellsFile = file("cells.csv", cells.toString());
        Recording r = assertSameEveryWay(cellsFile, ReadOptions.DEFAULTS, summed, "cells").recording();
        assertTrue(readInParts(cellsFile, summed), "cells.csv is read in parts");
        assertTrue(missingLeft > 10, "seed " + (SEED + 10) + ": " + missingLeft);
        String warning = r.warnings().stream().filter(w -> w.contains("no insole force channel")).findFirst().orElseThrow();
        assertTrue(warning.endsWith("left.insole.force_n is missing in " + missingLeft + " of the 3000 rows with its cells,"
                + " for want of one of them; right.insole.force_n is missing in 3000 of the 3000 rows with its cells, for"
                + " want of one of them (right.insole.cell02_n has no sample)"), warning);

        Path kn = file("kn.csv", kilonewtons.toString());
        Recording inKn = assertSameEveryWay(kn, ReadOptions.DEFAULTS, RowTransform.identity(), "kN").recording();
        assertTrue(readInParts(kn, RowTransform.identity()), "kn.csv is read in parts");
        assertEquals(List.of(ChannelName.parse("left.insole.force_n")), inKn.channelNames());
        assertEquals(Float.parseFloat(kilonewtons.substring(kilonewtons.indexOf("0.00,") + 5, kilonewtons.indexOf("\n",
                kilonewtons.indexOf("0.00,")))) * 1000, inKn.channel("left.insole.force_n").samples()[0], 1e-3);
        assertTrue(inKn.warnings().stream().anyMatch(w -> w.contains("lost")), inKn.warnings().toString());

        Path txt = file("m.txt", moticon.toString());
        assertRead(assertSameEveryWay(txt, ReadOptions.DEFAULTS, RowTransform.identity(), "moticon"), "moticon");
        assertTrue(readInParts(txt, RowTransform.identity()), "a Moticon export without cell pressures is read in parts");

        Path held = file("pressures.csv", pressures.toString());
        assertRead(assertSameEveryWay(held, ReadOptions.DEFAULTS, summed, "pressures"), "pressures");
        assertFalse(readInParts(held, summed), "a file with Moticon cell pressures is read whole");
    }

    /**
     * A calibration in front of the analysis's stages counts the readings above each cell's fit
     * range in every part, once per read however often the transform is used.
     */
    @Test
    void calibratedCellsCountAboveTheirRangeInEveryPart() throws IOException {
        Calibration calibration = new Calibration("rig", LocalDate.of(2025, 3, 1), List.of(
                new CellCalibration(ChannelName.parse("left.insole.cell01_counts"), CalibrationModel.LINEAR, 0.3, 1, 25, 25,
                        700, 4, 0.2),
                new CellCalibration(ChannelName.parse("left.insole.cell02_counts"), CalibrationModel.LINEAR, 0.3, 1, 25, 25,
                        700, 4, 0.2)));
        Random rnd = new Random(SEED + 11);
        StringBuilder sb = new StringBuilder("# sample_rate_hz: 100\ntime_s,left.insole.cell01_counts,"
                + "left.insole.cell02_counts,right.insole.force_n\n");
        int above = 0;
        for (int i = 0; i < 3000; i++) {
            int counts = rnd.nextInt(760);
            above += counts > 700 ? 1 : 0;
            sb.append(String.format(Locale.ROOT, "%.2f", i / 100.0)).append(',').append(counts).append(',')
                    .append(rnd.nextInt(600)).append(',').append(rnd.nextInt(900)).append('\n');
        }
        Path p = file("counts.csv", sb.toString());
        RowTransform calibrated = CalibratingSink.inFrontOf(calibration, "cal.json",
                CellForceSum.inFrontOf(CellAggregatingSink::new));
        assertTrue(readInParts(p, calibrated), "counts.csv is read in parts");
        assertTrue(above > 100, "seed " + (SEED + 11) + ": " + above);
        String expected = p + ": left.insole.cell01_counts: " + above + " samples above the calibrated range (fit up to"
                + " 700.0 counts) of cal.json, converted by extrapolating the fit";
        Recording r = assertSameEveryWay(p, ReadOptions.DEFAULTS, calibrated, "calibrated").recording();
        assertTrue(r.warnings().contains(expected), r.warnings().toString());
        Recording again = Recordings.read(p, ReadOptions.DEFAULTS, calibrated, new ReadParallelism(3, 97, 0));
        assertEquals(r.warnings(), again.warnings(), "the transform used again");
    }

    @Test
    void sampleDataAgrees() throws IOException {
        for (String name : new String[] {"GaCo01_01.txt", "GaPt03_01.txt", "JuCo01_01.txt", "SiCo01_01.txt"}) {
            Path p = DATA.resolve("physionet-gaitpdb").resolve(name);
            assertRead(assertSameEveryWay(p, ReadOptions.DEFAULTS, CellAggregatingSink::new, name), name);
        }
        Path moticon = DATA.resolve("moticon-opengo");
        assertRead(assertSameEveryWay(moticon.resolve("230927_102114.txt"), ReadOptions.DEFAULTS, CellAggregatingSink::new,
                "moticon"), "moticon");
        assertRead(assertSameEveryWay(moticon.resolve("walk_data_with_events").resolve("text_export.txt"),
                ReadOptions.DEFAULTS, RowTransform.identity(), "moticon export"), "moticon export");
        Path inMs = MoticonExports.withTimeInMilliseconds(moticon.resolve("230927_102114.txt"),
                dir.resolve("ms.txt"), "time[ms]");
        assertRead(assertSameEveryWay(inMs, ReadOptions.DEFAULTS, CellAggregatingSink::new, "moticon in ms"), "moticon in ms");
        assertRead(assertSameEveryWay(DATA.resolve("gaitmap-example").resolve("imu_sample.csv"),
                new ReadOptions(null, 204.8, Double.NaN), RowTransform.identity(), "gaitmap"), "gaitmap");
    }

    /** The shipped file was read, not refused alike every way. */
    private static void assertRead(Outcome o, String name) {
        assertNotNull(o.recording(), name + ": " + o);
        assertTrue(o.recording().length() >= 499, name + ": " + o.recording().length() + " samples (the shortest, the"
                + " 5-s Moticon walk, has 499)");
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    /** A random toolkit CSV, as ISO-8859-1 text (a char above 127 is that byte: not UTF-8). */
    private static String toolkitCsv(Random rnd, boolean corrupt) {
        StringBuilder sb = new StringBuilder();
        boolean hasTime = rnd.nextInt(5) != 0;
        boolean rate = !hasTime || rnd.nextBoolean();
        if (rnd.nextBoolean()) {
            sb.append("# format: soleus-csv 1\n");
        }
        if (rate) {
            sb.append("# sample_rate_hz: 100\n");
        }
        if (rnd.nextBoolean()) {
            sb.append("# body_mass_kg: 70\n");
        }
        if (rnd.nextBoolean()) {
            sb.append("# warning: in the metadata\n");
        }
        if (rnd.nextInt(4) == 0) {
            sb.append("# start_time_s: 3\n");
        }
        List<String> columns = new ArrayList<>();
        List<Boolean> dead = new ArrayList<>();
        for (String side : new String[] {"left", "right"}) {
            String mode = pick(rnd, "force_n", "force_kn", "force_kgf", "force_lbf", "cells_n", "cells_n", "cells_kn",
                    "counts", "none");
            switch (mode) {
                case "cells_n", "cells_kn" -> {
                    int cells = 1 + rnd.nextInt(4);
                    int deadCell = rnd.nextInt(3) == 0 ? rnd.nextInt(cells) : -1;
                    for (int c = 1; c <= cells; c++) {
                        columns.add(String.format(Locale.ROOT, "%s.insole.cell%02d_%s", side, c,
                                mode.equals("cells_n") || rnd.nextBoolean() ? "n" : "kn"));
                        dead.add(c - 1 == deadCell);
                    }
                }
                case "counts" -> {
                    columns.add(side + ".insole.cell01_counts");
                    dead.add(false);
                    columns.add(side + ".insole.cell02_n");
                    dead.add(false);
                }
                case "none" -> {
                }
                default -> {
                    columns.add(side + ".insole." + mode);
                    dead.add(false);
                }
            }
        }
        if (columns.isEmpty() || rnd.nextBoolean()) {
            columns.add("left.shank.gyro_y_dps");
            dead.add(false);
        }
        int padding = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0;
        sb.append(hasTime ? "time_s," : "").append(String.join(",", columns)).append(",".repeat(padding)).append('\n');
        int rows = 300 + rnd.nextInt(900);
        int step = 0;
        int firstRowPadding = rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0;
        int allowed = Math.max(padding, firstRowPadding);
        for (int i = 0; i < rows; i++) {
            if (hasTime && i > 20 && rnd.nextInt(150) == 0) {
                step += 1 + rnd.nextInt(4);
            }
            StringBuilder row = new StringBuilder();
            if (hasTime) {
                row.append(String.format(Locale.ROOT, "%.2f", (i + step) / 100.0));
            }
            for (int c = 0; c < columns.size(); c++) {
                if (hasTime || c > 0) {
                    row.append(',');
                }
                int kind = rnd.nextInt(40);
                if (dead.get(c) || kind == 0) {
                    continue;
                }
                row.append(kind == 1 ? "NaN" : kind == 2 ? "NA" : kind == 3 ? "-3.5e1"
                        : kind < 20 ? Integer.toString(rnd.nextInt(400)) : rnd.nextInt(400) + "." + rnd.nextInt(100));
            }
            row.append(",".repeat(i == 0 ? firstRowPadding : allowed == 0 ? 0 : rnd.nextInt(allowed + 1)));
            if (corrupt && rnd.nextInt(rows) == 0) {
                switch (rnd.nextInt(8)) {
                    case 5 -> row.append("\r");
                    case 6 -> row.append("\n\n# warning: after an empty line");
                    case 7 -> row.append("\n\r");
                    case 0 -> row.insert(row.length() / 2, '\r');
                    case 1 -> row.insert(row.length() / 2, '\u00e9');
                    case 2 -> row.append(",5");
                    case 3 -> row.setLength(Math.max(1, row.length() - 3));
                    default -> row.append("\n");
                }
            }
            sb.append(row).append(rnd.nextInt(3) == 0 ? "\r\n" : "\n");
            if (rnd.nextInt(120) == 0) {
                sb.append(pick(rnd, "# warning: frame " + i + " lost", "# sample_rate_hz: 50", "# a note",
                        "#", "# warning: caf\u00e9 " + i, "# body_mass_kg: 80,,")).append(pick(rnd, "\n", "\r\n"));
            }
        }
        switch (rnd.nextInt(11)) {
            case 6 -> sb.append("\n# warning: after an empty line\n");
            case 7 -> sb.append("\n# a note\n").append(hasTime ? "99.99,1" : "1");
            case 8 -> sb.append("\r");
            case 9 -> sb.append("\n\r");
            case 10 -> sb.append("#".repeat(5000)).append("\n\n");
            case 0 -> sb.append("\n\r\n\n");
            case 1 -> sb.append(hasTime ? "99.99,1" : "1");   // a last line cut short
            case 2 -> sb.append("# warning: the end");        // a comment without a line end
            case 3 -> sb.append("# warning: the end\n\n");
            default -> {
            }
        }
        return sb.toString();
    }

    /** A random Moticon export without cell pressures. */
    private static String moticonExport(Random rnd, boolean corrupt) {
        StringBuilder sb = new StringBuilder("# Start time: 27.09.2023 10:21:14.922\n# Size: 5\n");
        List<String> columns = new ArrayList<>();
        boolean ms = rnd.nextBoolean();
        columns.add(ms ? "time[ms]" : pick(rnd, "time", "time[s]"));
        String unit = pick(rnd, "N", "N", "kN", "lbf");
        String cop = pick(rnd, "-0.5...+0.5", "%", "-50...+50");
        for (String side : new String[] {"left", "right"}) {
            if (rnd.nextInt(5) != 0) {
                columns.add(side + " total force[" + unit + "]");
            }
            if (rnd.nextBoolean()) {
                columns.add(side + " center of pressure X[" + cop + "]");
                columns.add(side + " center of pressure Y[" + cop + "]");
            }
            if (rnd.nextBoolean()) {
                columns.add(side + " acceleration X[g]");
            }
        }
        boolean lenient = rnd.nextBoolean();
        if (lenient) {
            columns.add("left mystery[V]");
        }
        boolean labels = rnd.nextBoolean();
        if (labels) {
            columns.add("Right Events label[]");
        }
        int padding = rnd.nextInt(3);
        sb.append("# ").append(String.join("\t", columns)).append("\t".repeat(padding)).append('\n');
        int rows = 300 + rnd.nextInt(900);
        int step = 0;
        for (int i = 0; i < rows; i++) {
            if (i > 20 && rnd.nextInt(150) == 0) {
                step += 1 + rnd.nextInt(3);
            }
            StringBuilder row = new StringBuilder(ms ? Integer.toString((i + step) * 10)
                    : String.format(Locale.ROOT, "%.2f", (i + step) / 100.0));
            boolean zeroCop = rnd.nextInt(4) == 0;
            boolean noData = rnd.nextInt(50) == 0;
            for (int c = 1; c < columns.size(); c++) {
                row.append('\t');
                String name = columns.get(c);
                if (noData && !name.contains("mystery") && !name.contains("label")) {
                    continue;
                }
                if (name.contains("center")) {
                    row.append(zeroCop ? "0" : String.format(Locale.ROOT, "%.3f", rnd.nextDouble() - 0.5));
                } else if (name.contains("mystery")) {
                    row.append(rnd.nextInt(30) == 0 ? "abc" : Integer.toString(rnd.nextInt(5)));
                } else if (name.contains("label")) {
                    row.append(rnd.nextInt(30) == 0 ? "heel strike" : "");
                } else {
                    row.append(rnd.nextInt(900));
                }
            }
            row.append("\t".repeat(rnd.nextInt(padding + 1)));
            if (corrupt && rnd.nextInt(rows) == 0) {
                switch (rnd.nextInt(3)) {
                    case 0 -> row.insert(row.length() / 2, '\r');
                    case 1 -> row.append("\t5\t5\t5");
                    default -> row.append("\n");
                }
            }
            sb.append(row).append(rnd.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        if (rnd.nextInt(4) == 0) {
            sb.append("1.23\t4");   // cut short
        } else if (rnd.nextInt(3) == 0) {
            sb.append("\r\n\n");
        }
        return sb.toString();
    }

    private Path latin1(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Random toolkit CSVs: metadata lines, forces in kN, kgf and lbf, insoles of cells in
     * newtons or kN without a force (with missing and dead cells), raw counts, padding commas,
     * LF and CR LF, comment lines among the rows (warnings, metadata, bytes that are not UTF-8),
     * gaps, no time column, and ends of every kind; every fourth file has a fault somewhere.
     * Read as the analysis reads them and as they are, with the time checked, ignored, or a rate
     * given: every way alike.
     */
    @Test
    void toolkitCsvVariantsAgreeEveryWay() throws IOException {
        ReadOptions ignore = new ReadOptions(null, Double.NaN, Double.NaN, Map.of(), true);
        ReadOptions rate = new ReadOptions(null, 100, Double.NaN);
        int errors = 0;
        for (int v = 0; v < VARIANTS; v++) {
            Random rnd = new Random(SEED + 1000 + v);
            Path p = latin1("v" + v + ".csv", toolkitCsv(rnd, v % 4 == 3));
            for (RowTransform t : TRANSFORMS) {
                for (ReadOptions o : new ReadOptions[] {ReadOptions.DEFAULTS, ignore, rate}) {
                    Outcome out = assertSameEveryWay(p, o, t, "csv variant " + v + " " + o);
                    errors += out.error() == null ? 0 : 1;
                }
            }
        }
        assertTrue(errors < 6 * VARIANTS / 2, errors + " of " + 6 * VARIANTS + " reads refused: the variants are to be read");
    }

    /** Random Moticon exports without cell pressures (see {@link #moticonExport}): every way alike. */
    @Test
    void moticonVariantsAgreeEveryWay() throws IOException {
        int errors = 0;
        for (int v = 0; v < VARIANTS; v++) {
            Random rnd = new Random(SEED + 2000 + v);
            Path p = latin1("m" + v + ".txt", moticonExport(rnd, v % 4 == 3));
            for (RowTransform t : TRANSFORMS) {
                Outcome out = assertSameEveryWay(p, ReadOptions.DEFAULTS, t, "moticon variant " + v);
                errors += out.error() == null ? 0 : 1;
            }
        }
        assertTrue(errors < 2 * VARIANTS / 2, errors + " of " + 2 * VARIANTS + " reads refused: the variants are to be read");
    }
}
