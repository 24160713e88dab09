package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;
import org.soleus.io.MoticonExports;
import org.soleus.io.SampleData;

final class FormatDetectorTest {
    private static final Path DATA = SampleData.dir();

    @TempDir
    Path dir;

    @Test
    void recognisesTheSampleData() throws IOException {
        assertEquals(RecordingFormat.GAITPDB, FormatDetector.detect(DATA.resolve("physionet-gaitpdb/SiCo01_01.txt")));
        assertEquals(RecordingFormat.MOTICON, FormatDetector.detect(DATA.resolve("moticon-opengo/230927_102231.txt")));
        assertEquals(RecordingFormat.MOTICON, FormatDetector.detect(DATA.resolve("moticon-opengo/walk_data_with_events/text_export.txt")));
        assertEquals(RecordingFormat.GAITMAP, FormatDetector.detect(DATA.resolve("gaitmap-example/imu_sample.csv")));
    }

    @Test
    void recognisesContentNotNames() throws IOException {
        Path misnamed = dir.resolve("recording.csv");
        Files.copy(DATA.resolve("physionet-gaitpdb/JuCo01_01.txt"), misnamed);
        assertEquals(RecordingFormat.GAITPDB, FormatDetector.detect(misnamed));
        Path notData = dir.resolve("GaCo01_01.txt");
        Files.copy(DATA.resolve("physionet-gaitpdb/format.txt"), notData);
        DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(notData));
        assertTrue(e.getMessage().contains("not a known recording format"), e.getMessage());
    }

    /**
     * A spreadsheet's "Unicode text" export, in either byte order, with or without a byte order
     * mark (and with a character beyond Latin-1 in its header), is told as such, also when read
     * as a given format.
     */
    @Test
    void utf16TextIsToldAsSuch() throws IOException {
        String text = "# note: force \u2264 2000 N\ntime_s,left.insole.force_n\n0.00,1\n0.01,2\n";
        for (String mark : List.of("\uFEFF", "")) {
            for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                String label = charset.name() + (mark.isEmpty() ? " without" : " with") + " a byte order mark";
                Path p = Files.write(dir.resolve("unicode.txt"), (mark + text).getBytes(charset));
                DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(p), label);
                assertEquals(p + ":1: the file is UTF-16 text (what spreadsheets save as 'Unicode text'); save it as"
                        + " UTF-8 or plain text (CSV or TXT)", e.getMessage(), label);
                DataFormatException given = assertThrows(DataFormatException.class,
                        () -> Recordings.read(p, new ReadOptions(RecordingFormat.MOTICON, Double.NaN, 70)));
                assertEquals(e.getMessage(), given.getMessage(), "also when read as a given format: " + label);
            }
        }
    }

    /**
     * Binary data with a zero high byte in every pair (16-bit samples of 1 to 255, little-endian,
     * as WFDB format 16 stores them) is not taken for UTF-16 text.
     */
    @Test
    void binarySamplesAreNotTakenForUtf16() throws IOException {
        byte[] samples = new byte[512];
        for (int i = 0; i < samples.length; i += 2) {
            samples[i] = (byte) (1 + (i / 2) % 255);
        }
        Path p = Files.write(dir.resolve("samples.txt"), samples);
        DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(p));
        assertTrue(e.getMessage().contains("not a known recording format"), e.getMessage());
    }

    @Test
    void theGaitpdbCompanionFilesAreNamedAsSuchByNameAndContent() throws IOException {
        for (String name : new String[] {"demographics.txt", "format.txt"}) {
            Path companion = DATA.resolve("physionet-gaitpdb").resolve(name);
            assertEquals(Optional.of("a PhysioNet gaitpdb companion file, not a recording"), InputCompanions.of(List.of()).describe(companion));
            DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(companion));
            assertEquals(companion + ": a PhysioNet gaitpdb companion file, not a recording", e.getMessage());
        }
        Path renamed = Files.copy(DATA.resolve("physionet-gaitpdb/demographics.txt"), dir.resolve("subjects.txt"));
        assertEquals(Optional.empty(), InputCompanions.of(List.of()).describe(renamed), "the name counts");
        Path other = Files.writeString(dir.resolve("format.txt"), "Each line has 3 columns\n");
        assertEquals(Optional.empty(), InputCompanions.of(List.of()).describe(other), "the content counts");
        assertEquals(Optional.empty(), InputCompanions.of(List.of()).describe(DATA.resolve("physionet-gaitpdb/GaCo01_01.txt")));
    }

    @Test
    void anUnknownFormatIsOneShortLine() throws IOException {
        Path junk = Files.writeString(dir.resolve("j.txt"), "hello\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(junk));
        assertEquals("not a known recording format (known: soleus, gaitpdb, wfdb, moticon, gaitmap); choose one with"
                + " --format <name>", e.problem());
    }

    @Test
    void recognisesWfdbHeaders() throws IOException {
        Path lf = dir.resolve("control1.hea");
        Files.writeString(lf, "control1 2 300 90000\ncontrol1.let 212 3000 12 0 503 22230 0 left-foot\n"
                + "control1.rit 212 3000 12 0 -157 -17678 0 right-foot\n");
        assertEquals(RecordingFormat.WFDB, FormatDetector.detect(lf));
        Path crlf = dir.resolve("rec.hea");
        Files.writeString(crlf, "# comment\r\nrec 1 250/1000 5000 10:00:00\r\nrec.dat 212x2:3+512 200 12 0 0 0 0 ECG\r\n");
        assertEquals(RecordingFormat.WFDB, FormatDetector.detect(crlf));
        Path sixteen = dir.resolve("sixteen.hea");
        Files.writeString(sixteen, "rec 1 250 5000\nrec.dat 16 200 12 0 0 0 0 ECG\n");
        assertEquals(RecordingFormat.WFDB, FormatDetector.detect(sixteen));
        Path other = dir.resolve("other.hea");
        Files.writeString(other, "rec 1 250 5000\nrec.dat 310 200 12 0 0 0 0 ECG\n");
        assertEquals(RecordingFormat.WFDB, FormatDetector.detect(other), "by its name, so that the reader says why");
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(other));
        assertTrue(e.getMessage().startsWith(other + ":2:") && e.getMessage().contains("signal format 310 is not supported"),
                e.getMessage());
        Path notHea = Files.writeString(dir.resolve("other.txt"), "rec 1 250 5000\nrec.dat 310 200 12 0 0 0 0 ECG\n");
        assertThrows(DataFormatException.class, () -> FormatDetector.detect(notHea), "format 310 has no reader");
    }

    @Test
    void gaitpdbRowsSavedWithCommasOrSemicolonsForTabsAreToldSo() throws IOException {
        String row = Files.readAllLines(SampleData.of("physionet-gaitpdb", "GaCo01_01.txt")).get(0).strip();
        Path commas = Files.writeString(dir.resolve("GaCo02_01.txt"), row.replace('\t', ',') + "\n");
        assertEquals(commas + ":1: the 19 numbers of a gaitpdb row, but separated by commas; gaitpdb separates them with"
                + " tabs: save the file as tab-separated text", assertThrows(DataFormatException.class,
                () -> FormatDetector.detect(commas)).getMessage());
        Path semicolons = Files.writeString(dir.resolve("GaCo03_01.txt"),
                row.replace('.', ',').replace('\t', ';') + "\n");
        assertTrue(assertThrows(DataFormatException.class, () -> FormatDetector.detect(semicolons)).getMessage()
                .contains("but separated by semicolons; gaitpdb separates them with tabs"));
        Path spaces = Files.writeString(dir.resolve("GaCo04_01.txt"), row.replace("\t", "   ") + "\n");
        assertTrue(assertThrows(DataFormatException.class, () -> FormatDetector.detect(spaces)).getMessage()
                .endsWith(":1: the 19 numbers of a gaitpdb row, but separated by spaces; gaitpdb separates them with"
                        + " tabs: save the file as tab-separated text"));
    }

    /**
     * The header rows of a gaitmap-style IMU CSV saved with other separators, with quoted names
     * or with pandas' index column before them are told as such rather than as an unknown
     * format; the file itself is read.
     */
    @Test
    void gaitmapHeaderRowsSavedOtherwiseAreToldSo() throws IOException {
        List<String> lines = Files.readAllLines(SampleData.of("gaitmap-example", "imu_sample.csv")).subList(0, 5);
        assertEquals(RecordingFormat.GAITMAP, FormatDetector.detect(Files.write(dir.resolve("imu.csv"), lines)));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("tabs", ":1:7: the header rows of a gaitmap-style IMU CSV (sensor, axis), but separated by tabs;"
                + " expected commas: save the file as comma-separated values");
        cases.put("semicolons", ":1:7: the header rows of a gaitmap-style IMU CSV (sensor, axis), but separated by"
                + " semicolons; expected commas: save the file as comma-separated values, with decimal points");
        cases.put("index", ":1:1: a gaitmap-style IMU CSV with a column before its 'sensor' column, like the row index"
                + " that pandas' to_csv writes by default: save without it (index=False) or delete the column");
        cases.put("quotes", ":1:1: the header rows of a gaitmap-style IMU CSV, but with names in quotes; expected them"
                + " unquoted: save the file without quoting the names");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            List<String> edited = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                edited.add(switch (c.getKey()) {
                    case "tabs" -> line.replace(',', '\t');
                    case "semicolons" -> line.replace(',', ';');
                    case "index" -> (i < 2 ? "" : String.valueOf(i - 2)) + "," + line;
                    default -> i == 0 ? "\"" + line.replace(",", "\",\"") + "\"" : line;
                });
            }
            Path file = Files.write(dir.resolve(c.getKey() + ".csv"), edited);
            assertEquals(file + c.getValue(), assertThrows(DataFormatException.class, () -> FormatDetector.detect(file))
                    .getMessage(), c.getKey());
            assertEquals(file + c.getValue(), assertThrows(DataFormatException.class, () -> Recordings.read(file,
                    new ReadOptions(RecordingFormat.GAITMAP, 102.4, Double.NaN))).getMessage(), c.getKey() + ", --format");
        }
    }

    /**
     * A gaitpdb file with empty lines before its rows, or with a column deleted or added in a
     * spreadsheet, is told as such rather than as an unknown format; a table of numbers of
     * another width, or one that does not start at time 0, stays unknown.
     */
    @Test
    void gaitpdbFilesWithLeadingEmptyLinesOrAColumnOffAreToldSo() throws IOException {
        List<String> rows = Files.readAllLines(SampleData.of("physionet-gaitpdb", "GaCo01_01.txt")).subList(0, 5);
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n\n" + String.join("\n", rows) + "\n");
        assertEquals(blank + ":1: an empty line before the rows of a gaitpdb file (19 tab-separated numbers from line 3"
                + " on), which starts with its first row: delete the empty lines at its start",
                assertThrows(DataFormatException.class, () -> FormatDetector.detect(blank)).getMessage());
        Path narrow = Files.writeString(dir.resolve("narrow.txt"), rows.stream()
                .map(r -> r.substring(0, r.lastIndexOf('\t'))).collect(Collectors.joining("\n", "", "\n")));
        assertEquals(narrow + ":1: 18 tab-separated numbers from time 0, where a gaitpdb row has 19 (the time, 8 sensors"
                + " under each foot and each foot's total): one column is missing",
                assertThrows(DataFormatException.class, () -> FormatDetector.detect(narrow)).getMessage());
        Path wide = Files.writeString(dir.resolve("wide.txt"), rows.stream().map(r -> r.strip() + "\t1")
                .collect(Collectors.joining("\n", "", "\n")));
        assertTrue(assertThrows(DataFormatException.class, () -> FormatDetector.detect(wide)).getMessage()
                .endsWith(":1: 20 tab-separated numbers from time 0, where a gaitpdb row has 19 (the time, 8 sensors"
                        + " under each foot and each foot's total): one column too many"));
        Path other = Files.writeString(dir.resolve("other.txt"), "5\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14"
                + "\t15\t16\t17\n");
        assertTrue(assertThrows(DataFormatException.class, () -> FormatDetector.detect(other)).getMessage()
                .contains("not a known recording format"));
    }

    /** A compressed recording is told to be unpacked, naming the kind of compression. */
    @Test
    void aCompressedFileIsToldToBeUnpacked() throws IOException {
        Path gz = dir.resolve("walk.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(SampleData.of("physionet-gaitpdb", "GaCo01_01.txt")));
        }
        assertEquals(gz + ": not a known recording format: the file is compressed (gzip); unpack it and give the"
                + " recording in it", assertThrows(DataFormatException.class, () -> FormatDetector.detect(gz)).getMessage());
        Path zip = dir.resolve("walk.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("walk.txt"));
            out.write("0.0\t1\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(assertThrows(DataFormatException.class, () -> FormatDetector.detect(zip)).getMessage()
                .endsWith("the file is compressed (zip); unpack it and give the recording in it"));
    }

    /** A binary file (an image) is told as binary, not sent to a --format that cannot read it either. */
    @Test
    void aBinaryFileIsToldAsBinary() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Path image = Files.write(dir.resolve("walk.png"), png);
        DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(image));
        assertEquals(image + ": not a known recording format: the file is binary, and every format read is text (a WFDB"
                + " record's signal files through its .hea header)", e.getMessage());
        // random bytes without a zero among them, but with other control characters and carriage returns
        byte[] noise = new byte[300];
        new Random(5).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (noise[i] == 0 ? 1 : noise[i] == '\n' ? '\r' : noise[i]);
        }
        Path random = Files.write(dir.resolve("noise.bin"), noise);
        assertTrue(assertThrows(DataFormatException.class, () -> FormatDetector.detect(random)).getMessage()
                .endsWith(": the file is binary, and every format read is text (a WFDB record's signal files through its"
                        + " .hea header)"));
        // a stray control character in a text that nearly matches a format (an in-cell line break
        // in a Moticon export's notes, saved with semicolons) keeps the hint for that format
        Path moticon = Files.writeString(dir.resolve("semicolons.txt"), "# Notes: walk\u000Bturn\n# time;left total force[N]\n"
                + "0.00;1.0\n");
        String hint = assertThrows(DataFormatException.class, () -> FormatDetector.detect(moticon)).getMessage();
        assertTrue(!hint.contains("binary") && hint.contains("semicolon"), hint);
    }

    @Test
    void aSignalCountBeyondAnIntegerIsNoWfdbHeaderAndNoCrash() throws IOException {
        Path huge = Files.writeString(dir.resolve("b.dat"), "rec 99999999999 100 1000\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(huge));
        assertTrue(e.problem().startsWith("not a known recording format"), e.getMessage());
    }

    @Test
    void aLineTooLongToReadIsNamedWithItsNumberAndTheLimit() throws IOException {
        StringBuilder header = new StringBuilder("time_s");
        for (int c = 0; c < 20_000; c++) {
            header.append(",left.insole.cell").append(c).append("_n");
        }
        String rows = "0" + ",1".repeat(20_000) + "\n";
        Path first = Files.writeString(dir.resolve("wide.csv"), header + "\n" + rows);
        String limit = ": the line is too long (at most 65536 bytes with its line end)";
        assertEquals(first + ":1" + limit, assertThrows(DataFormatException.class, () -> FormatDetector.detect(first)).getMessage());
        Path third = Files.writeString(dir.resolve("wide-meta.csv"), "# subject: S1\n# site: lab\n" + header + "\n" + rows);
        assertEquals(third + ":3" + limit, assertThrows(DataFormatException.class, () -> FormatDetector.detect(third)).getMessage());
        Path longButReadable = Files.writeString(dir.resolve("long.txt"), "# note\n" + "x".repeat(65_000) + "\n"
                + "y".repeat(2_000) + "\n");
        assertEquals(longButReadable + ":1: not a known recording format (known: soleus, gaitpdb, wfdb, moticon, gaitmap);"
                + " choose one with --format <name>",
                assertThrows(DataFormatException.class, () -> FormatDetector.detect(longButReadable)).getMessage());
    }

    @Test
    void aFileOfBlankLinesIsEmpty() throws IOException {
        for (String content : new String[] {"", "\n\n", " \r\n\t\n  ", "\uFEFF\n"}) {
            Path blank = Files.writeString(dir.resolve("blank.csv"), content);
            assertEquals(blank + ": the file is empty",
                    assertThrows(DataFormatException.class, () -> FormatDetector.detect(blank)).getMessage(),
                    "'" + content + "'");
        }
    }

    @Test
    void aNamedPipeIsNotARegularFileAndIsNotOpened() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        // A writer that closes at once, so that a reader that wrongly opens the pipe reads nothing instead of waiting.
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        FileSystemException e = assertThrows(FileSystemException.class, () -> FormatDetector.detect(fifo));
        assertEquals(fifo + ": not a regular file (a named pipe, device or socket); save the data to a file and give that",
                e.getMessage());
        try (InputStream in = Files.newInputStream(fifo)) {
            assertEquals(-1, in.read(), "the writer wrote nothing");
        }
        writer.join();
    }

    @Test
    void everyFormatHasAReader() {
        for (RecordingFormat f : RecordingFormat.values()) {
            assertEquals(f, RecordingReaders.forFormat(f).format());
        }
    }

    @Test
    void explicitFormatSkipsDetection() throws IOException {
        Path p = dir.resolve("odd.txt");
        Files.writeString(p, "0.00\t1\t2\n0.01\t3\t4\n");
        assertThrows(DataFormatException.class, () -> FormatDetector.detect(p), "3 columns is not gaitpdb");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Recordings.read(p, new ReadOptions(RecordingFormat.GAITPDB, Double.NaN, Double.NaN)));
        assertEquals(1, e.line());
        assertEquals(p + ":1:4: expected 19 cells, found 3", e.getMessage());
    }

    @Test
    void aMoticonExportWithCommasSemicolonsOrSpacesForTabsIsToldSoByDetectionAndReader() throws IOException {
        String export = Files.readString(DATA.resolve("moticon-opengo/230927_102114.txt"));
        // a spreadsheet that saves with commas puts the one header line holding a comma in quotes
        String sensors = "# Sensor insoles: Left SN5968, Right SN9171";
        assertTrue(export.contains(sensors + "\n"));
        String sheet = export.replace(sensors, "\"" + sensors + "\"").replace('\t', ',');
        String[][] cases = {
                {"comma.txt", export.replace('\t', ','), "commas"},
                {"semicolon.txt", export.replace('\t', ';'), "semicolons"},
                {"sheet.csv", sheet, "commas"},
        };
        for (String[] c : cases) {
            Path p = Files.writeString(dir.resolve(c[0]), c[1]);
            String expected = p + ":9: a Moticon export's columns are separated by tabs and this line holds " + c[2]
                    + "; export it again from the Moticon software (or replace the " + c[2] + " by tabs)";
            assertEquals(expected, assertThrows(DataFormatException.class, () -> FormatDetector.detect(p)).getMessage());
            assertEquals(expected, assertThrows(DataFormatException.class,
                    () -> Recordings.read(p, new ReadOptions(RecordingFormat.MOTICON, Double.NaN, Double.NaN))).getMessage());
        }
        Path spaces = Files.writeString(dir.resolve("spaces.txt"), export.replace('\t', ' '));
        String spaced = spaces + ":9: a Moticon export's columns are separated by tabs and this line holds none, only"
                + " spaces; export it again from the Moticon software";
        assertEquals(spaced, assertThrows(DataFormatException.class, () -> FormatDetector.detect(spaces)).getMessage());
        assertEquals(spaced, assertThrows(DataFormatException.class,
                () -> Recordings.read(spaces, new ReadOptions(RecordingFormat.MOTICON, Double.NaN, Double.NaN))).getMessage());
        Path noTime = Files.writeString(dir.resolve("notime.txt"), "# Size: 5\n# left total force[N]\tright total force[N]\n1\t2\n");
        assertEquals(noTime + ":2:1: expected a 'time' column in the column line", assertThrows(DataFormatException.class,
                () -> Recordings.read(noTime, new ReadOptions(RecordingFormat.MOTICON, Double.NaN, Double.NaN))).getMessage());
    }

    /**
     * A Moticon export re-saved by a spreadsheet as tab-separated text: the header line that holds
     * a comma in quotes, padded with tabs like every line, Windows-1252 and CRLF. It is detected
     * and read as the export itself, the quoted line's facts too.
     */
    @Test
    void aMoticonExportResavedAsTabSeparatedTextByASpreadsheetIsReadAlike() throws IOException {
        Path original = DATA.resolve("moticon-opengo/230927_102114.txt");
        String sensors = "# Sensor insoles: Left SN5968, Right SN9171";
        String export = Files.readString(original);
        assertTrue(export.contains(sensors + "\n"));
        String sheet = export.replace(sensors, "\"" + sensors + "\"\t\t\t").replace("\n", "\r\n");
        Path p = Files.write(dir.resolve("sheet.txt"), sheet.getBytes(Charset.forName("windows-1252")));
        assertEquals(RecordingFormat.MOTICON, FormatDetector.detect(p));
        Recording expected = Recordings.read(original);
        Recording r = Recordings.read(p);
        assertEquals(expected.length(), r.length());
        assertArrayEquals(expected.channel("right.insole.force_n").samples(), r.channel("right.insole.force_n").samples());
        assertEquals("SN5968", r.metadata().properties().get("insole_serial_left"));
        assertEquals("SN9171", r.metadata().properties().get("insole_serial_right"));
        assertEquals("# a \"b\", c", MoticonReader.unquoted("\"# a \"\"b\"\", c\"\t\t"));
    }

    /**
     * A spreadsheet quotes the column line too when a name holds its separator: the export is
     * still detected as Moticon's, its columns read from inside the quotes as the reader reads them.
     */
    @Test
    void aMoticonExportWithItsColumnLineInQuotesIsDetected() throws IOException {
        Path original = DATA.resolve("moticon-opengo/230927_102114.txt");
        List<String> lines = Files.readAllLines(original);
        int columnLine = 0;
        while (lines.get(columnLine + 1).startsWith("#")) {
            columnLine++;
        }
        lines.set(columnLine, "\"" + lines.get(columnLine) + "\"");
        Path p = Files.write(dir.resolve("quoted-columns.txt"), lines);
        assertEquals(RecordingFormat.MOTICON, FormatDetector.detect(p));
        assertEquals(Recordings.read(original).length(), Recordings.read(p).length());
    }

    /**
     * A Moticon export with its time in milliseconds ({@code time[ms]}, {@code time [ms]}) or after
     * another column (a frame count) is detected and read as the export itself: the same samples at
     * the same times. A time in another unit is refused at its column.
     */
    @Test
    void aMoticonExportWithTimeInMillisecondsOrNotFirstIsDetectedAndReadAlike() throws IOException {
        Path original = DATA.resolve("moticon-opengo/230927_102114.txt");
        Recording expected = Recordings.read(original);
        for (Path p : List.of(MoticonExports.withTimeInMilliseconds(original, dir.resolve("ms.txt"), "time[ms]"),
                MoticonExports.withTimeInMilliseconds(original, dir.resolve("spaced.txt"), "time [ms]"),
                MoticonExports.withFrameColumn(original, dir.resolve("frame.txt")))) {
            assertEquals(RecordingFormat.MOTICON, FormatDetector.detect(p), p.toString());
            Recording r = Recordings.read(p);
            assertEquals(expected.sampleRateHz(), r.sampleRateHz(), p.toString());
            assertEquals(expected.startTimeS(), r.startTimeS(), 1e-9, p.toString());
            assertEquals(expected.length(), r.length(), p.toString());
            assertArrayEquals(expected.channel("left.insole.force_n").samples(), r.channel("left.insole.force_n").samples());
            assertEquals(List.of(expected.warnings().get(0).replace(original.toString(), p.toString())), r.warnings(),
                    "the gap, in seconds");
        }
        Path minutes = MoticonExports.withTimeInMilliseconds(original, dir.resolve("min.txt"), "time[min]");
        assertEquals(minutes + ":9:1: time column 'time[min]': expected the time in seconds ('time', 'time[s]') or"
                + " milliseconds ('time[ms]')", assertThrows(DataFormatException.class, () -> Recordings.read(minutes))
                .getMessage());
    }

    /** A Moticon export whose time column was deleted is told as such at its column line, not as an unknown format. */
    @Test
    void aMoticonExportWithoutItsTimeColumnIsToldAtItsColumnLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA.resolve("moticon-opengo/230927_102114.txt")));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            lines.set(i, i == 8 ? "# " + line.substring(line.indexOf('\t') + 1)
                    : line.startsWith("#") ? line : line.substring(line.indexOf('\t') + 1));
        }
        Path p = Files.write(dir.resolve("notime.txt"), lines);
        DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(p));
        assertEquals(p + ":9:1: a Moticon column line (names with units in brackets) without the 'time' column that"
                + " Moticon exports start with: expected a 'time' column", e.getMessage());
    }

    @Test
    void aHeaderRowOfChannelNamesThatOneCellSpoilsIsToldAsTheCsvReaderTellsIt() throws IOException {
        String rows = "0.00,1,2\n0.01,3,4\n";
        String[][] cases = {
                // name, content, expected problem at line 1 column 1 (or 2)
                {"pandas.csv", ",time_s,left.insole.force_n,right.insole.force_n\n0,0.00,1,2\n1,0.01,3,4\n",
                        "1:1: column 1 has no name, like the row index that pandas' to_csv and R's write.csv write by default:"
                                + " save without it (index=False, row.names=FALSE) or delete the column"},
                {"r.csv", "\"\",\"time_s\",\"left.insole.force_n\",\"right.insole.force_n\"\n\"1\",0.00,1,2\n",
                        "1:1: column 1 has no name, like the row index"},
                {"unnamed.csv", "Unnamed: 0,time_s,left.insole.force_n\n0,0.00,1\n", "1:1: column 1 is 'Unnamed: 0', like the row"},
                {"time.csv", "time,left.insole.force_n,right.insole.force_n\n" + rows,
                        "1:1: column 1 is 'time', but the time column must be named time_s (in seconds): rename it, converting"
                                + " the times to seconds if need be"},
                {"semicolons.csv", "# subject: S1\ntime_s;left.insole.force_n;right.insole.force_n\n" + rows.replace(',', ';'),
                        "2:1: columns are separated by commas and this line holds semicolons; save the file as comma-separated values"
                        + " with decimal points (semicolons usually come with decimal commas; a program set to English"
                        + " writes both as needed)"},
                {"tabs.csv", "time_s\tleft.insole.force_n\n0.00\t1\n", "1:1: columns are separated by commas and this line holds tabs"},
                {"named.csv", "time_s,Left Force\n0.00,1\n", "1:2: 'Left Force' is not a channel name of the form"},
                {"upper.csv", "time_s,Left.Insole.Force_N\n0.00,1\n", "1:2: 'Left.Insole.Force_N': channel names are lower"
                        + " case; rename it left.insole.force_n"},
        };
        for (String[] c : cases) {
            Path p = Files.writeString(dir.resolve(c[0]), c[1]);
            DataFormatException detected = assertThrows(DataFormatException.class, () -> FormatDetector.detect(p));
            assertTrue(detected.getMessage().startsWith(p + ":" + c[2]), detected.getMessage());
            DataFormatException read = assertThrows(DataFormatException.class,
                    () -> Recordings.read(p, new ReadOptions(RecordingFormat.SOLEUS_CSV, Double.NaN, Double.NaN)));
            assertEquals(read.getMessage(), detected.getMessage(), "detection tells it as the reader does");
        }
        Path padded = Files.writeString(dir.resolve("padded.csv"), "# format: soleus-csv 1;;;\n# sample_rate_hz: 100,0;;;\n"
                + "time_s;left.insole.force_n;;\n" + rows.replace(',', ';'));
        assertEquals(RecordingFormat.SOLEUS_CSV, FormatDetector.detect(padded));
        assertEquals(padded + ":1:23: the line is padded with semicolons, as a spreadsheet set to semicolons saves every"
                + " line; save the file as comma-separated values with decimal points (semicolons usually come with decimal"
                + " commas; a program set to English writes both as needed)",
                assertThrows(DataFormatException.class, () -> Recordings.read(padded)).getMessage());
        for (String other : new String[] {"a,b,c\n1,2,3\n", "time,force\n0,1\n", "time_s\n0.00\n"}) {
            Path p = Files.writeString(dir.resolve("other.csv"), other);
            DataFormatException e = assertThrows(DataFormatException.class, () -> FormatDetector.detect(p));
            assertTrue(e.problem().startsWith("not a known recording format"), e.getMessage());
        }
    }
}
