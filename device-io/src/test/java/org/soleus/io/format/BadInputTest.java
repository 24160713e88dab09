package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;

/** Malformed files: every error names file, line and column; recoverable faults become warnings. */
final class BadInputTest {
    /**
     * A body mass for the gaitpdb files here, which have no {@code demographics.txt} beside them:
     * without one, that is a warning of its own.
     */
    private static final ReadOptions GAITPDB_MASS = new ReadOptions(null, Double.NaN, 70);

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private DataFormatException readFails(Path p, ReadOptions options) {
        return assertThrows(DataFormatException.class, () -> Recordings.read(p, options));
    }

    /** A gaitmap file states no rate: without one given, the error says how to give it. */
    @Test
    void aFileWithoutASampleRateSaysHowToGiveOne() throws IOException {
        Path gaitmap = file("imu.csv", "sensor,left_sensor,left_sensor\naxis,acc_x,gyr_x\n0,1.0,2.0\n1,1.5,2.5\n");
        UnknownSampleRateException e = assertThrows(UnknownSampleRateException.class,
                () -> Recordings.read(gaitmap, ReadOptions.DEFAULTS));
        assertEquals(gaitmap + ": the file states no sample rate: gaitmap IMU files have no time column; pass the sample"
                + " rate with --rate <Hz> (gaitmap's example data was recorded at 204.8 Hz)", e.getMessage());
        assertEquals(gaitmap + ": the file states no sample rate: fill it in", e.withAdvice("fill it in"));
    }

    /**
     * An event timing that is none of those there are is an error at its value, naming them;
     * where the user gives the timing, a warning, and the value is left out.
     */
    @Test
    void anUnknownEventTimingIsAnErrorAtItsValueUnlessOneIsGiven() throws IOException {
        Path csv = file("walk.csv", "# sample_rate_hz: 100\n# event_timing: vendor\nleft.insole.force_n\n1\n2\n");
        DataFormatException e = readFails(csv, ReadOptions.DEFAULTS);
        String error = csv + ":2:17: event_timing: expected baseline or load-levels, got 'vendor'";
        assertEquals(error, e.getMessage());
        Recording read = Recordings.read(csv, ReadOptions.DEFAULTS.withGivenBy("event_timing", "--event-timing"));
        assertEquals(List.of(error + "; not used: --event-timing is given"), read.warnings());
        assertFalse(read.metadata().properties().containsKey("event_timing"));
    }

    private DataFormatException gaitpdbFails(String content) throws IOException {
        return readFails(file("x_01.txt", content), new ReadOptions(RecordingFormat.GAITPDB, Double.NaN, Double.NaN));
    }

    /**
     * Times in milliseconds under {@code time_s} would make a 0.1 Hz recording of a walk lasting
     * hours: without a rate stated or given, that is an error at the second row.
     */
    @Test
    void timesInMillisecondsAreAnErrorNotARate() throws IOException {
        StringBuilder csv = new StringBuilder("time_s,left.insole.force_n\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i * 10).append(',').append(100 + i % 50).append('\n');
        }
        Path p = file("ms.csv", csv.toString());
        assertEquals(p + ":3:1: the time column steps by 10.0 s per row (the median of the first 255 steps), too slow to"
                + " time gait events; expected seconds: are the times in milliseconds?",
                readFails(p, ReadOptions.DEFAULTS).getMessage());
        DataFormatException stated100 = readFails(file("stated100.csv", "# sample_rate_hz: 100\n" + csv), ReadOptions.DEFAULTS);
        assertTrue(stated100.getMessage().endsWith("are the times in milliseconds?"), "not advice to pass --rate 0.1: "
                + stated100.getMessage());
        Recording slowButStated = Recordings.read(file("stated.csv", "# sample_rate_hz: 0.1\n" + csv),
                ReadOptions.DEFAULTS);
        assertEquals(0.1, slowButStated.sampleRateHz(), 1e-12, "a rate the file states is the file's word");
    }

    /** Times of {@code rows} rows at {@code rateHz}, rounded to {@code decimals}, with one force column. */
    private static String roundedTimes(double rateHz, int decimals, int rows) {
        StringBuilder csv = new StringBuilder("time_s,left.insole.force_n\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%." + decimals + "f,%d%n", i / rateHz, 100 + i % 50));
        }
        return csv.toString();
    }

    /**
     * Times written with too few digits for the rate: with the rate stated, an error saying so
     * (90 Hz to the hundredth of a second would otherwise be read with a gap every ninth row);
     * without, a warning that the many gaps look like rounding. 300 Hz to the millisecond and
     * 100 Hz to the hundredth are read as they are.
     */
    @Test
    void timesWithTooFewDigitsForTheRateAreTold() throws IOException {
        Path stated = file("stated90.csv", "# sample_rate_hz: 90\n" + roundedTimes(90, 2, 400));
        assertEquals(stated + ":3:1: times are written to 0.01 s, too coarse for 90.0 Hz (a row every 0.011111111 s):"
                + " write them with more decimals, or leave out the time column and state the rate",
                readFails(stated, ReadOptions.DEFAULTS).getMessage());

        Path short90 = file("short90.csv", "# sample_rate_hz: 90\n" + roundedTimes(90, 2, 30));
        assertEquals(short90 + ":3:1: times are written to 0.01 s, too coarse for 90.0 Hz (a row every 0.011111111 s):"
                + " write them with more decimals, or leave out the time column and state the rate",
                readFails(short90, ReadOptions.DEFAULTS).getMessage(), "30 rows, whose end times' rounding moves the"
                + " mean step by 0.7 %");
        Path short60 = file("short60.csv", "# sample_rate_hz: 60\ntime_s,left.insole.force_n\n0,1\n0.02,1\n0.04,1\n"
                + "0.06,1\n0.08,1\n");
        assertTrue(Recordings.read(short60, ReadOptions.DEFAULTS).warnings().get(0).contains("the sample rate the file"
                + " states, 60.0 Hz, is 20.0 % above the 50.0 Hz of the time column"), "another rate, not rounding");

        Recording guessed = Recordings.read(file("rounded70.csv", roundedTimes(70, 2, 400)), ReadOptions.DEFAULTS);
        assertTrue(guessed.warnings().get(0).contains("of the first 255 time steps skip rows at 100.0 Hz: times written"
                + " with too few digits for the rate?"), guessed.warnings().toString());

        // 60 Hz to the hundredth steps by 0.02 and 0.01 s, the short steps exactly half a median step
        // away: the rate is found all the same (once the error of a binary difference of decimal
        // times put some of them outside, which gave 56.5 Hz and an irregular step), and its times
        // are too coarse for it
        Path sixty = file("cs60.csv", roundedTimes(60, 2, 600));
        assertEquals(sixty + ":2:1: times are written to 0.01 s, too coarse for 60.0 Hz (a row every 0.016666667 s):"
                + " write them with more decimals, or leave out the time column and state the rate",
                readFails(sixty, ReadOptions.DEFAULTS).getMessage());

        Recording millis = Recordings.read(file("ms300.csv", roundedTimes(300, 3, 400)), ReadOptions.DEFAULTS);
        assertEquals(300, millis.sampleRateHz(), 0.5);
        assertTrue(millis.warnings().isEmpty(), millis.warnings().toString());
        Recording hundredths = Recordings.read(file("cs100.csv", "# sample_rate_hz: 100\n" + roundedTimes(100, 2, 400)),
                ReadOptions.DEFAULTS);
        assertEquals(List.of(), hundredths.warnings());
    }

    @Test
    void aShortRowIsReportedWhereItsFirstMissingCellShouldBe() throws IOException {
        String bad = GaitpdbText.rows(3) + "0.0300\t1\t2\r\n" + GaitpdbText.rows(2);
        DataFormatException e = gaitpdbFails(bad);
        assertEquals(4, e.line());
        assertEquals(4, e.column());
        assertEquals(dir.resolve("x_01.txt") + ":4:4: expected 19 cells, found 3", e.getMessage());
    }

    @Test
    void aShortRowIsReportedAlikeByEveryTextReaderAndAMoticonExportsSaysWhatTheVendorWrites() throws IOException {
        Path csv = file("short.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "left.insole.force_n,right.insole.force_n,left.insole.cell01_n\n1,2,3\n4,5\n7,8,9\n");
        assertEquals(csv + ":5:3: expected 3 cells (as many as line 3 names), found 2", readFails(csv, ReadOptions.DEFAULTS).getMessage());
        Path timed = file("timed.csv", "time_s,left.insole.force_n,right.insole.force_n\n0.00,1,2\n0.01\n0.02,3,4\n");
        assertEquals(timed + ":3:2: expected 3 cells (as many as line 1 names), found 1", readFails(timed, ReadOptions.DEFAULTS).getMessage());
        Path moticon = file("m.txt", "# Size: 5\n# time\tleft total force[N]\tright total force[N]\n"
                + "0.00\t1.0\t2.0\n0.01\t1.0\n0.02\t3.0\t4.0\n");
        assertEquals(moticon + ":4:3: expected 3 cells (as many as line 2 names), found 2; a Moticon export writes every"
                + " cell of a row, empty where an insole sent no data: were the empty cells at the ends of the rows"
                + " removed?", readFails(moticon, ReadOptions.DEFAULTS).getMessage());
        Path gaitmap = file("imu.csv", "sensor,left_sensor,left_sensor\naxis,acc_x,gyr_x\n0,1.0,2.0\n1,1.0\n2,3.0,4.0\n");
        assertEquals(gaitmap + ":4:3: expected 3 cells (as many as line 2 names), found 2",
                readFails(gaitmap, new ReadOptions(RecordingFormat.GAITMAP, 100, Double.NaN)).getMessage());
        Path word = file("word.csv", "sensor,left_sensor,left_sensor\naxis,acc_x,gyr_x\n0,1.0,2.0\n1,1.0,abc\n");
        assertEquals(word + ":4:3: column 3 (left_sensor gyr_x as left.foot.gyr_x_dps): expected a number, found 'abc'",
                readFails(word, new ReadOptions(RecordingFormat.GAITMAP, 100, Double.NaN)).getMessage(),
                "the file's names, as a Moticon export's");
    }

    @Test
    void tooManyColumns() throws IOException {
        DataFormatException e = gaitpdbFails(GaitpdbText.rows(2) + GaitpdbText.row(0.02, 1).replace("\r\n", "\t5\r\n"));
        assertEquals(3, e.line());
        assertEquals(20, e.column());
        assertEquals(dir.resolve("x_01.txt") + ":3:20: expected 19 cells, found more: '5'", e.getMessage());
    }

    @Test
    void aGaitmapAxisThatIsNoImuAxisIsAWarningAtItsColumn() throws IOException {
        Path p = file("imu.csv", "sensor,left_sensor,left_sensor,left_sensor\naxis,gyr_x,gyr_q,acc_z\n0,1,2,3\n1,4,5,6\n");
        Recording r = Recordings.read(p, new ReadOptions(null, 100, Double.NaN));
        assertEquals(List.of("left.foot.gyr_x_dps", "left.foot.gyr_q_au", "left.foot.acc_z_mps2"),
                r.channelNames().stream().map(Object::toString).toList());
        assertEquals(List.of(p + ":2:3: axis 'gyr_q' is none of acc_x, acc_y, acc_z, gyr_x, gyr_y and gyr_z; read as"
                + " gyr_q_au"), r.warnings());
    }

    @Test
    void trailingEmptyColumnsAreAllowed() throws IOException {
        Path p = file("y_01.txt", GaitpdbText.rows(4).replace("\r\n", "\t\t\r\n"));
        assertEquals(4, Recordings.read(p).length());
    }

    /**
     * A stray delimiter in a row whose last cell is empty would shift the rest of the row by a
     * column if empty cells after the last column were ignored whatever their number: a row
     * may end in no more of them than the file pads its rows with (the header row's or the first
     * row's, whichever is more), so the extra cell is an error at its column. Moticon exports
     * end in two nearly always empty step columns, so the export's line 500 with a tab doubled
     * is read shifted otherwise.
     */
    @Test
    void anExtraEmptyCellAtTheEndOfARowIsAnError() throws IOException {
        List<String> lines = Files.readAllLines(org.soleus.io.SampleData.of("moticon-opengo", "230927_102231.txt"),
                StandardCharsets.UTF_8);
        lines.set(499, lines.get(499).replaceFirst("\t", "\t\t"));
        Path moticon = file("m.txt", String.join("\n", lines) + "\n");
        assertEquals(moticon + ":500:54: expected 53 cells (as many as line 9 names), found 54", readFails(moticon, GAITPDB_MASS).getMessage());

        Path csv = file("x.csv", "# sample_rate_hz: 100\n# body_mass_kg: 70\n"
                + "time_s,left.insole.force_n,right.insole.force_n\n0,1,2\n0.01,3,\n0.02,,4,\n");
        assertEquals(csv + ":6:4: expected 3 cells (as many as line 3 names), found 4", readFails(csv, ReadOptions.DEFAULTS).getMessage());

        String gaitpdb = GaitpdbText.rows(3) + GaitpdbText.row(0.03, 3).replace("\r\n", "\t\r\n");
        assertEquals(dir.resolve("x_01.txt") + ":4:20: expected 19 cells, found 20", gaitpdbFails(gaitpdb).getMessage());

        String padded = GaitpdbText.rows(3).replace("\r\n", "\t\t\r\n")
                + GaitpdbText.row(0.03, 3).replace("\r\n", "\t\t\t\r\n");
        assertEquals(dir.resolve("x_01.txt") + ":4:22: expected 19 cells and at most 2 empty cells after them, found 22",
                gaitpdbFails(padded).getMessage());
        Path fewer = file("z_01.txt", GaitpdbText.rows(3).replace("\r\n", "\t\t\r\n") + GaitpdbText.row(0.03, 3));
        assertEquals(4, Recordings.read(fewer, GAITPDB_MASS).length(), "fewer empty cells than the padding");
    }

    /**
     * Empty names at the end of a header row are the padding of a spreadsheet that saved the
     * file, not columns: the rows may end in as many empty cells, in a Moticon export and a
     * gaitmap file as in the toolkit's CSV.
     */
    @Test
    void emptyNamesAtTheEndOfAHeaderRowAreThePadding() throws IOException {
        Path moticon = file("p.txt", "# time\tleft total force[N]\tright total force[N]\t\n"
                + "0.00\t1\t2\t\n0.01\t3\t\t\n0.02\t5\t6\n");
        Recording r = Recordings.read(moticon, GAITPDB_MASS);
        assertEquals(List.of("left.insole.force_n", "right.insole.force_n"),
                r.channelNames().stream().map(Object::toString).toList());
        assertEquals(3, r.length());
        Path moticonOver = file("q.txt", "# time\tleft total force[N]\tright total force[N]\t\n"
                + "0.00\t1\t2\t\n0.01\t3\t\t\t\n");
        assertEquals(moticonOver + ":3:5: expected 3 cells (as many as line 1 names) and at most 1 empty cell after them, found 5",
                readFails(moticonOver, GAITPDB_MASS).getMessage());

        Path gaitmap = file("g.csv", "sensor,left_sensor,right_sensor,\naxis,acc_x,acc_x,\n0,1,2,\n1,3,4\n2,,5,\n");
        Recording g = Recordings.read(gaitmap, new ReadOptions(null, 100, 70));
        assertEquals(List.of("left.foot.acc_x_mps2", "right.foot.acc_x_mps2"),
                g.channelNames().stream().map(Object::toString).toList());
        assertEquals(List.of(), g.warnings());
        Path gaitmapOver = file("h.csv", "sensor,left_sensor,right_sensor,\naxis,acc_x,acc_x,\n0,1,2,\n1,,4,,\n");
        assertEquals(gaitmapOver + ":4:5: expected 3 cells (as many as line 2 names) and at most 1 empty cell after them, found 5",
                readFails(gaitmapOver, new ReadOptions(null, 100, 70)).getMessage());
    }

    /**
     * A file whose lines end in a carriage return alone (as Mac OS 9 wrote text) reads as one
     * long line: format detection and every text reader say so at the first line end, instead
     * of a line too long, an unknown format, a cut line or a value holding the next lines.
     */
    @Test
    void linesEndingInACarriageReturnAloneAreToldSo() throws IOException {
        StringBuilder moticon = new StringBuilder("# Size: 5\r# time\tleft total force[N]\tright total force[N]\r");
        StringBuilder csv = new StringBuilder("# format: soleus-csv 1\r# sample_rate_hz: 100\r# body_mass_kg: 70\r"
                + "time_s,left.insole.force_n\r");
        StringBuilder gaitmap = new StringBuilder("sensor,left_sensor\raxis,acc_x\r");
        for (int i = 0; i < 8000; i++) {
            moticon.append(i / 100.0).append('\t').append(i % 700).append('\t').append(i % 500).append('\r');
            csv.append(i / 100.0).append(',').append(i % 700).append('\r');
            gaitmap.append(i).append(',').append(i % 9).append('\r');
        }
        String gaitpdb = GaitpdbText.rows(1000).replace("\r\n", "\r");
        String[][] cases = {
                // name, content, format
                {"small_01.txt", gaitpdb.substring(0, gaitpdb.indexOf('\r', 1000) + 1), "gaitpdb"},
                {"large_01.txt", gaitpdb, "gaitpdb"},
                {"m.txt", moticon.substring(0, moticon.indexOf("\r", 2000) + 1), "moticon"},
                {"ml.txt", moticon.toString(), "moticon"},
                {"c.csv", csv.substring(0, csv.indexOf("\r", 2000) + 1), "soleus"},
                {"cl.csv", csv.toString(), "soleus"},
                {"g.csv", gaitmap.substring(0, gaitmap.indexOf("\r", 2000) + 1), "gaitmap"},
        };
        for (String[] c : cases) {
            Path p = file(c[0], c[1]);
            String expected = p + ":1:" + (c[1].indexOf('\r') + 1)
                    + ": lines end in a carriage return alone; expected a line feed (\\n or \\r\\n)";
            assertEquals(expected, readFails(p, new ReadOptions(RecordingFormat.fromId(c[2]), 100, 70)).getMessage(),
                    c[0] + " read as " + c[2]);
            assertEquals(expected, readFails(p, new ReadOptions(null, 100, 70)).getMessage(), c[0] + " detected");
        }
        assertEquals(4, Recordings.read(file("crlf_01.txt", GaitpdbText.rows(4)), GAITPDB_MASS).length(),
                "CR LF line ends are read");
    }

    /**
     * A carriage return inside a row of a file whose lines end in {@code \n} or {@code \r\n} is
     * told as such at the cell it follows, not as a row of too few cells (nor, on the last row, as
     * a line cut short, which would leave out a whole row), nor as line ends of carriage returns.
     */
    @Test
    void aCarriageReturnInsideARowIsToldAtItsCell() throws IOException {
        String rows = GaitpdbText.rows(5);
        String middle = rows.replace("0.0300\t3.0\t", "0.0300\r\t3.0\t");
        DataFormatException e = gaitpdbFails(middle);
        assertEquals(4, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().endsWith(":4:1: column 1 (time): carriage return inside a line, expected 19 cells"
                + " before the line end"), e.getMessage());
        String last = rows.replace("0.0400\t4.0\t", "0.0400\t4.0\r\t");
        DataFormatException atLast = gaitpdbFails(last);
        assertEquals(5, atLast.line(), "the last row is whole: not cut short");
        assertEquals(2, atLast.column());
        String afterLastCell = GaitpdbText.rows(3) + GaitpdbText.row(0.03, 1).replace("\r\n", "\r\t5\r\n")
                + GaitpdbText.rows(1);
        DataFormatException after = gaitpdbFails(afterLastCell);
        assertEquals(4, after.line());
        assertTrue(after.getMessage().endsWith(": carriage return inside a line, expected a line end"),
                after.getMessage());
        Path csv = file("walk.csv", "time_s,left.insole.force_n,right.insole.force_n\n0.00,1,2\n0.01,3\r,4\n0.02,5,6\n");
        DataFormatException inCsv = readFails(csv, ReadOptions.DEFAULTS);
        assertEquals(csv + ":3:2: column 2 (left.insole.force_n): carriage return inside a line, expected 3 cells"
                + " before the line end", inCsv.getMessage());
        // two in one row: the second is no line end of a file of carriage returns alone either
        DataFormatException two = gaitpdbFails(rows.replace("0.0300\t3.0\t4.0\t", "0.0300\t3.0\r\t4.0\r\t"));
        assertTrue(two.getMessage().endsWith(":4:2: column 2 (left.insole.cell01_n): carriage return inside a line,"
                + " expected 19 cells before the line end"), two.getMessage());
        Path twoInCsv = file("two.csv", "time_s,left.insole.force_n,right.insole.force_n\n0.00,1,2\n0.01,3\r,\r4\n0.02,5,6\n");
        assertEquals(twoInCsv + ":3:2: column 2 (left.insole.force_n): carriage return inside a line, expected 3 cells"
                + " before the line end", readFails(twoInCsv, ReadOptions.DEFAULTS).getMessage());
    }

    @Test
    void nonNumericCellNamesItsColumn() throws IOException {
        String rows = GaitpdbText.rows(5);
        String bad = rows.replace("0.0300\t3.0\t", "0.0300\tabc\t");
        DataFormatException e = gaitpdbFails(bad);
        assertEquals(4, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("column 2 (left.insole.cell01_n): expected a number, found 'abc'"), e.getMessage());
        DataFormatException junk = gaitpdbFails(rows.replace("0.0400\t4.0\t", "0.0400\t4.0x\t"));
        assertEquals(5, junk.line());
        assertTrue(junk.getMessage().contains("found '4.0x'"), junk.getMessage());
    }

    /**
     * Decimal commas, as software set to a European language writes numbers, are named as such:
     * in a row of a file whose format is known, and in a gaitpdb file that the format detection
     * would otherwise not recognise at all.
     */
    @Test
    void decimalCommasAreNamed() throws IOException {
        String rows = GaitpdbText.rows(5);
        DataFormatException cell = gaitpdbFails(rows.replace("0.0300\t3.0\t", "0.0300\t3,5\t"));
        assertEquals(4, cell.line());
        assertEquals(2, cell.column());
        assertTrue(cell.getMessage().endsWith("column 2 (left.insole.cell01_n): expected a number, found '3,5' (a decimal"
                + " comma: the file must be written with decimal points, e.g. by a program set to English)"), cell.getMessage());

        Path commas = file("y_01.txt", rows.replace('.', ','));
        DataFormatException detected = assertThrows(DataFormatException.class, () -> FormatDetector.detect(commas));
        assertEquals(commas + ":1:1: a gaitpdb row (19 tab-separated numbers) but with '0,0000': a decimal comma: the file"
                + " must be written with decimal points, e.g. by a program set to English", detected.getMessage());
        DataFormatException junk = gaitpdbFails(rows.replace("0.0300\t3.0\t", "0.0300\t3,5x\t"));
        assertTrue(junk.getMessage().endsWith("found '3,5x'"), junk.getMessage());

        // a spreadsheet quotes a number with a decimal comma in a comma-separated file
        Path csv = file("walk.csv", "# sample_rate_hz: 100\n# body_mass_kg: 70\nleft.insole.force_n,right.insole.force_n\n"
                + "12.5,3.1\n\"343,6\",3.1\n");
        DataFormatException quoted = readFails(csv, ReadOptions.DEFAULTS);
        assertEquals(csv + ":5:1: column 1 (left.insole.force_n): expected a number, found '\"343,6\"' (a decimal comma:"
                + " the file must be written with decimal points, e.g. by a program set to English)", quoted.getMessage());
    }

    @Test
    void timeGoingBackIsAnError() throws IOException {
        String bad = GaitpdbText.rows(300) + GaitpdbText.row(2.5, 1);
        DataFormatException e = gaitpdbFails(bad);
        assertEquals(301, e.line());
        assertTrue(e.getMessage().contains("does not increase"), e.getMessage());
        DataFormatException early = gaitpdbFails(GaitpdbText.row(0, 1) + GaitpdbText.row(0.01, 1) + GaitpdbText.row(0.01, 1)
                + GaitpdbText.rows(3));
        assertEquals(3, early.line());
        assertTrue(early.getMessage().endsWith("time 0.01 s repeats the previous row's; expected each row later than the"
                + " one before (times written with too few digits for the sample rate? For rows stamped on arrival in"
                + " bursts, --ignore-time takes them at the rate)"), early.getMessage());
        DataFormatException later = gaitpdbFails(GaitpdbText.rows(300) + GaitpdbText.row(2.99, 1));
        assertTrue(later.getMessage().contains("repeats the previous row's"), "also past the rows the rate is taken from: "
                + later.getMessage());
    }

    /**
     * A time far ahead of its neighbours is taken for a gap, and the error comes at the row
     * after it: the message shows both times and says the earlier line's may be the one out of
     * place, among the rows the rate is taken from and after them alike.
     */
    @Test
    void aTimeOutOfPlaceIsNamedWithTheRowAfterIt() throws IOException {
        for (int at : new int[] {110, 1010}) {
            StringBuilder rows = new StringBuilder(GaitpdbText.rows(at));
            rows.append(GaitpdbText.row(50, 1)).append(GaitpdbText.row((at + 1) * 0.01, 1)).append(GaitpdbText.rows(3));
            DataFormatException e = gaitpdbFails(rows.toString());
            assertEquals(at + 2, e.line(), e.getMessage());
            assertTrue(e.getMessage().endsWith(":1: time " + (at + 1) * 0.01 + " s does not increase (previous row, the"
                    + " line before: 50.0 s); expected rows in time order, so one of the two times is out of place"),
                    e.getMessage());
        }
    }

    @Test
    void aStartTimeThatContradictsTheTimeColumnIsWarnedAbout() throws IOException {
        String rows = "time_s,left.insole.force_n\n0.00,1\n0.01,2\n0.02,3\n";
        Path off = file("off.csv", "# format: soleus-csv 1\n# start_time_s: 5.0\n" + rows);
        Recording r = Recordings.read(off);
        assertEquals(5.0, r.startTimeS());
        assertEquals(List.of(off + ":4:1: the first time is 0.0 s but start_time_s is 5.0 s; the samples are timed "
                + "from start_time_s"), r.warnings());
        Path agrees = file("agrees.csv", "# format: soleus-csv 1\n# start_time_s: 0.0\n" + rows);
        assertEquals(List.of(), Recordings.read(agrees).warnings());
    }

    @Test
    void irregularTimeIsAnError() throws IOException {
        String bad = GaitpdbText.rows(10) + GaitpdbText.row(0.105, 1);
        DataFormatException e = gaitpdbFails(bad);
        assertEquals(11, e.line());
        assertTrue(e.getMessage().contains("irregular time step of 0.015 s (from 0.09 to 0.105 s)"), e.getMessage());
    }

    @Test
    void gapsAreFilledWithMissingSamples() throws IOException {
        String withGap = GaitpdbText.rows(10) + GaitpdbText.row(0.12, 5) + GaitpdbText.row(0.13, 6);
        Recording r = Recordings.read(file("gap_01.txt", withGap), GAITPDB_MASS);
        assertEquals(14, r.length());
        float[] cell = r.channel("left.insole.cell01_n").samples();
        assertTrue(Float.isNaN(cell[10]) && Float.isNaN(cell[11]));
        assertEquals(5f, cell[12]);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains(":11:") && r.warnings().get(0).contains("2 missing samples"), r.warnings().get(0));
        DataFormatException tooLong = gaitpdbFails(GaitpdbText.rows(10) + GaitpdbText.row(70, 1));
        assertTrue(tooLong.getMessage().contains("gaps longer than 60"), tooLong.getMessage());
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        DataFormatException empty = readFails(file("empty.txt", ""), ReadOptions.DEFAULTS);
        assertTrue(empty.getMessage().endsWith("the file is empty"), empty.getMessage());
        DataFormatException emptyGaitpdb = gaitpdbFails("");
        assertTrue(emptyGaitpdb.getMessage().endsWith("the file is empty"), emptyGaitpdb.getMessage());
        DataFormatException headerOnly = readFails(file("h.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\nleft.insole.force_n\n"),
                ReadOptions.DEFAULTS);
        assertEquals(4, headerOnly.line());
        assertTrue(headerOnly.getMessage().contains("no samples"), headerOnly.getMessage());
    }

    @Test
    void unknownFormatListsTheKnownOnes() throws IOException {
        DataFormatException e = readFails(file("what.dat", "hello world\n1 2 3\n"), ReadOptions.DEFAULTS);
        for (RecordingFormat f : RecordingFormat.values()) {
            assertTrue(e.getMessage().contains(f.id()), f.id() + " missing from: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("--format"), e.getMessage());
        assertTrue(e.problem().length() < 120, "one short line: " + e.problem());
    }

    @Test
    void cutLastRowIsLeftOutWithAWarning() throws IOException {
        String rows = GaitpdbText.rows(6);
        String cut = rows + GaitpdbText.row(0.06, 1).substring(0, 30);
        Recording r = Recordings.read(file("cut_01.txt", cut), GAITPDB_MASS);
        assertEquals(6, r.length());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains(":7: the last line was cut short"), r.warnings().get(0));

        String fullButUnterminated = rows + GaitpdbText.row(0.06, 1).replace("\r\n", "");
        Recording r2 = Recordings.read(file("cut2_01.txt", fullButUnterminated), GAITPDB_MASS);
        assertEquals(6, r2.length(), "a last line without line end may have lost digits of its last number");
        assertTrue(r2.warnings().get(0).contains(":7:"), r2.warnings().get(0));

        String shortButTerminated = rows + "0.0600\t1\t2\r\n";
        Recording r3 = Recordings.read(file("cut3_01.txt", shortButTerminated), GAITPDB_MASS);
        assertEquals(6, r3.length());
        assertTrue(r3.warnings().get(0).contains(":7:"), r3.warnings().get(0));
    }

    @Test
    void aShortLastRowFollowedByEmptyLinesIsCutInEveryDelimitedReader() throws IOException {
        String csvHead = "time_s,left.insole.force_n,right.insole.force_n\n0.00,1,2\n0.01,3,4\n";
        String moticonHead = "# Size: 5\n# time\tleft total force[N]\tright total force[N]\n0.00\t1.0\t2.0\n0.01\t3.0\t4.0\n";
        String[][] cases = {
                // name, rows, short last row
                {"cut.csv", csvHead, "0.02,66\n"},
                {"cut_01.txt", GaitpdbText.rows(2), "0.0200\t1\t2\r\n"},
                {"cut.txt", moticonHead, "0.02\t66\n"},
        };
        for (String[] c : cases) {
            for (String empty : new String[] {"\n\n", "\r\n\r\n\r\n", "\n"}) {
                Path p = file(c[0], c[1] + c[2] + empty);
                Recording r = Recordings.read(p, GAITPDB_MASS);
                assertEquals(2, r.length(), c[0] + " with " + empty.length() + " bytes of empty lines");
                assertEquals(List.of(p + ":" + (c[1].split("\n").length + 1)
                        + ": the last line was cut short (the recording was interrupted); left out"), r.warnings());
            }
            Path more = file(c[0], c[1] + c[2] + "\n" + c[1].substring(c[1].lastIndexOf('\n', c[1].length() - 2) + 1));
            DataFormatException e = readFails(more, ReadOptions.DEFAULTS);
            assertEquals(c[1].split("\n").length + 1, e.line(), "a short row with rows after the empty lines: " + e.getMessage());
            assertTrue(e.getMessage().contains("expected "), e.getMessage());
        }
    }

    /** A recording whose only data row was cut short is an error at that row, not past the end of the file. */
    @Test
    void anOnlyDataRowCutShortIsTheErrorAtItsLine() throws IOException {
        Path p = file("first.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\nleft.insole.force_n,right.insole.force_n\n"
                + "1,");
        DataFormatException e = readFails(p, ReadOptions.DEFAULTS);
        assertEquals(4, e.line(), e.getMessage());
        assertEquals(p + ":4: no samples: the only data row was cut short (the recording was interrupted)", e.getMessage());
    }

    @Test
    void cutCsvRowOfALiveRecording() throws IOException {
        Path p = file("live.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\nleft.insole.force_n,right.insole.force_n\n"
                + "1,2\n3,4\n5,");
        Recording r = Recordings.read(p);
        assertArrayEquals(new float[] {1, 3}, r.channel("left.insole.force_n").samples());
        assertTrue(r.warnings().get(0).contains("live.csv:6: the last line was cut short"), r.warnings().get(0));
    }

    /** A comment line at the end without a line end holds no sample: nothing is left out, and a warning's text is kept. */
    @Test
    void aLastCommentLineWithoutALineEndLosesNothing() throws IOException {
        Path p = file("ended.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\nleft.insole.force_n\n1\n3\n"
                + "# warning: recorder stopped");
        Recording r = Recordings.read(p);
        assertArrayEquals(new float[] {1, 3}, r.channel("left.insole.force_n").samples());
        assertEquals(List.of(p + ":6: recorder stopped"), r.warnings());
    }

    @Test
    void blankLinesOnlyAtTheEnd() throws IOException {
        assertEquals(3, Recordings.read(file("b_01.txt", GaitpdbText.rows(3) + "\r\n\r\n")).length());
        DataFormatException e = gaitpdbFails(GaitpdbText.rows(3) + "\r\n" + GaitpdbText.rows(1));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("empty line"), e.getMessage());
    }

    @Test
    void rateConflictKeepsTheExplicitRateAndWarns() throws IOException {
        Path p = file("r_01.txt", GaitpdbText.rows(20));
        Recording r = Recordings.read(p, new ReadOptions(null, 101, GAITPDB_MASS.bodyMassKg()));
        assertEquals(101.0, r.sampleRateHz());
        assertEquals(20, r.length());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith(p + ":2:1: the sample rate given by --rate, 101.0 Hz, is 1.0 % above"
                + " the 100.0 Hz of the time column"), r.warnings().get(0));
        Path csv = file("r.csv", "# sample_rate_hz: 200\nleft.insole.force_n\n1\n2\n");
        Recording c = Recordings.read(csv, new ReadOptions(null, 100, Double.NaN));
        assertEquals(100.0, c.sampleRateHz());
        assertTrue(c.warnings().get(0).contains("200.0 Hz"), c.warnings().toString());
        assertEquals(java.util.List.of(), Recordings.read(p, new ReadOptions(null, 100, GAITPDB_MASS.bodyMassKg())).warnings(),
                "the same rate is no conflict");
    }

    /** A metadata line after the header row is a comment, not read: a warning says so at its line. */
    @Test
    void aMetadataLineAmongTheRowsIsNotReadAndSaysSo() throws IOException {
        Path late = file("late.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\nleft.insole.force_n\n"
                + "# body_mass_kg: 72\n1\n# a note: not a key\n2\n");
        Recording r = Recordings.read(late, ReadOptions.DEFAULTS);
        assertTrue(Double.isNaN(r.metadata().bodyMassKg()));
        assertEquals(java.util.List.of(late + ":4: 'body_mass_kg: 72' comes after the header row, where metadata lines are"
                + " comments: not read (move it above the header row)"), r.warnings());
        Path lateLength = file("late-length.csv", "# sample_rate_hz: 100\nleft.insole.force_n\n1\n# insole_length_m: 0.27\n2\n");
        assertEquals(java.util.List.of(lateLength + ":4: 'insole_length_m: 0.27' comes after the header row, where metadata"
                + " lines are comments: not read (move it above the header row)"),
                Recordings.read(lateLength, ReadOptions.DEFAULTS).warnings(), "a foot dimension the analysis reads too");
    }

    @Test
    void csvHeaderErrors() throws IOException {
        DataFormatException name = readFails(file("n.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\nleft.insole.force_n,Force\n1,2\n"),
                ReadOptions.DEFAULTS);
        assertEquals(3, name.line());
        assertEquals(2, name.column());
        assertTrue(name.getMessage().contains("'Force' is not a channel name"), name.getMessage());
        DataFormatException rate = readFails(file("q.csv", "# format: soleus-csv 1\n# sample_rate_hz: fast\nleft.insole.force_n\n1\n"),
                ReadOptions.DEFAULTS);
        assertEquals(2, rate.line());
        assertTrue(rate.getMessage().contains("sample_rate_hz: expected a number, found 'fast'"), rate.getMessage());
        DataFormatException version = readFails(file("v.csv", "# format: soleus-csv 2\nleft.insole.force_n\n1\n"), ReadOptions.DEFAULTS);
        assertTrue(version.getMessage().contains("not supported"), version.getMessage());
        // a key given twice with two values: which one holds cannot be told; the same value twice is harmless
        DataFormatException twice = readFails(file("t.csv", "# format: soleus-csv 1\n# body_mass_kg: 72\n"
                + "# sample_rate_hz: 100\n#  body_mass_kg: 90\nleft.insole.force_n\n1\n"), ReadOptions.DEFAULTS);
        assertEquals(4, twice.line());
        assertEquals(4, twice.column());
        assertTrue(twice.getMessage().contains("body_mass_kg is given twice, '72' on line 2 and '90' here"), twice.getMessage());
        assertEquals(72, Recordings.read(file("same.csv", "# format: soleus-csv 1\n# body_mass_kg: 72\n# sample_rate_hz: 100\n"
                + "# body_mass_kg: 72\n# warning: a\n# warning: b\nleft.insole.force_n\n1\n"), ReadOptions.DEFAULTS)
                .metadata().bodyMassKg());
        assertEquals(100, Recordings.read(file("same-number.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "# sample_rate_hz: 100.0\nleft.insole.force_n\n1\n"), ReadOptions.DEFAULTS).sampleRateHz(),
                "the same number written another way");
        // blank lines before the header row: named where they are, the format still found
        DataFormatException leading = readFails(file("b1.csv", "\n# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "left.insole.force_n\n1\n"), ReadOptions.DEFAULTS);
        assertEquals(1, leading.line());
        assertTrue(leading.getMessage().contains("a blank line where the header row of channel names was expected"),
                leading.getMessage());
        DataFormatException blankAtEnd = readFails(file("b0.csv", "# format: soleus-csv 1\n# sample_rate_hz: 100\n\n"),
                ReadOptions.DEFAULTS);
        assertTrue(blankAtEnd.getMessage().endsWith("b0.csv:3: expected a header row of channel names after the metadata"
                + " lines"), blankAtEnd.getMessage());
        DataFormatException among = readFails(file("b2.csv", "# format: soleus-csv 1\n\n# sample_rate_hz: 100\n"
                + "left.insole.force_n\n1\n"), ReadOptions.DEFAULTS);
        assertEquals(2, among.line());
        assertTrue(among.getMessage().contains("or a # metadata line was expected"), among.getMessage());
        // without a format line, found by its header row all the same
        Path unnamed = file("b3.csv", "# sample_rate_hz: 100\n# body_mass_kg: 70\n\ntime_s,left.insole.force_n\n0,1\n");
        assertEquals(RecordingFormat.SOLEUS_CSV, FormatDetector.detect(unnamed));
        assertEquals(3, readFails(unnamed, ReadOptions.DEFAULTS).line());
        Path noRateFile = file("nr.csv", "left.insole.force_n\n1\n2\n");
        UnknownSampleRateException noRate = assertThrows(UnknownSampleRateException.class,
                () -> Recordings.read(noRateFile, ReadOptions.DEFAULTS));
        assertTrue(noRate.getMessage().contains("--rate"), noRate.getMessage());
    }

    @Test
    void moticonUnknownColumnsAreReadLeniently() throws IOException {
        String header = "# Size: 5\n# time\tleft total force[N]\tleft mystery[V]\tleft note label[]\n";
        Path p = file("m.txt", header + "0.00\t1.0\t0.5\tx\n0.01\t\tabc\t\n0.02\t3.0\t0.7\ty\n");
        assertEquals(RecordingFormat.MOTICON, FormatDetector.detect(p));
        Recording r = Recordings.read(p);
        assertArrayEquals(new float[] {1, Float.NaN, 3}, r.channel("left.insole.force_n").samples());
        assertArrayEquals(new float[] {0.5f, Float.NaN, 0.7f}, r.channel("left.insole.mystery_v").samples());
        assertEquals(2, r.channels().size());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("left note label[]") && w.contains("skipped")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("m.txt:4:3:") && w.contains("1 cell that is not a number")),
                r.warnings().toString());
    }

    /**
     * Two columns of a quantity the analysis reads (a pressure cell renamed as the total force)
     * are an error naming both, as in the toolkit's CSV: which of them is the force cannot be
     * told. Two unknown columns of one name, which the analysis does not read, keep the first
     * with a warning.
     */
    @Test
    void moticonColumnsOfOneQuantityAreAnErrorWhereTheAnalysisReadsIt() throws IOException {
        Path twice = file("twice.txt", "# time\tleft total force[N]\tleft pressure 1[N/cm²]\tleft total force[N]\n"
                + "0.00\t1.0\t0.5\t2.0\n");
        DataFormatException e = readFails(twice, ReadOptions.DEFAULTS);
        assertEquals(twice + ":1:4: column 'left total force[N]' is left.insole.force_n, as column 2 'left total"
                + " force[N]' is: expected each quantity once; rename or delete one of them", e.getMessage());
        Path unknown = file("unknown.txt", "# time\tleft total force[N]\tleft mystery[V]\tleft mystery[V]\n"
                + "0.00\t1.0\t0.5\t2.0\n0.01\t1.0\t0.6\t2.0\n");
        Recording r = Recordings.read(unknown);
        assertArrayEquals(new float[] {0.5f, 0.6f}, r.channel("left.insole.mystery_v").samples());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("unknown.txt:1:4:") && w.contains("like an earlier"
                + " column; skipped")), r.warnings().toString());
    }
}
