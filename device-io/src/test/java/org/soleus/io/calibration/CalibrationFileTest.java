package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.format.DataFormatException;

final class CalibrationFileTest {
    static final Calibration CALIBRATION = new Calibration("soleus_insole 1.0 #7", LocalDate.of(2025, 3, 1), List.of(
            new CellCalibration(ChannelName.parse("left.insole.cell01_counts"), CalibrationModel.POWER, 0.0102,
                    1.4900000000000002, 40.2, 40.2, 767.5, 4, 0.41),
            new CellCalibration(ChannelName.parse("left.insole.cell02_counts"), CalibrationModel.LINEAR, 0.31, 1, 25,
                    24.5, 655.25, 5, 1.0 / 3)));

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackEveryValueExactly() throws IOException {
        Path file = dir.resolve("cal.json");
        Files.writeString(file, "old");
        CalibrationFile.write(file, CALIBRATION);
        assertEquals(CALIBRATION, CalibrationFile.read(file));
        String text = Files.readString(file);
        assertEquals(true, text.contains("\"format\" : \"soleus-calibration 1\""), text);
        assertEquals(true, text.contains("\"fit_range_counts\" : [ 40.2, 767.5 ]"), text);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void badFilesAreOneLineNamingFileAndWhatWasExpected() throws IOException {
        Path file = dir.resolve("cal.json");
        CalibrationFile.write(file, CALIBRATION);
        String good = Files.readString(file);
        assertMessage(file, "{\n  \"format\": \"soleus-calibration 1\",\n  \"device\": x\n}",
                file + ":3:", "not valid JSON");
        String[][] cases = {
            // replace, with, then the message after the file's name begins with
            {"soleus-calibration 1", "soleus-calibration 2",
                ":2:14: format is 'soleus-calibration 2', expected 'soleus-calibration 1'"},
            {"\"a\" : 0.31", "\"a\" : \"x\"", ":17:13: channel left.insole.cell02_counts: expected 'a': a number"},
            // a value its own checks refuse: at the channel's entry, the key named
            {"\"a\" : 0.31", "\"a\" : -0.31", ":15:35: channel left.insole.cell02_counts: coefficient a must be"},
            {"\"model\" : \"power\"", "\"model\" : \"cubic\"",
                ":7:17: channel left.insole.cell01_counts: unknown calibration model 'cubic'"},
            // a slip in the exponent (14.9 for 1.49): forces beyond any foot's
            {"1.4900000000000002", "14.9", ":6:35: channel left.insole.cell01_counts: a = 0.0102 and b = 14.9 make"
                + " 4.45e+40 N of the largest reading fitted, more than the 20000 N no foot puts on an insole"},
            {"\"zero_offset_counts\" : 25.0", "\"zero_offset_counts\" : 1.0E12", ":15:35: channel left.insole.cell02_counts:"
                + " the zero offset 1.0E12 must lie within the fit range [24.5, 655.25]"},
            {"2025-03-01", "1 March", ":4:12: date '1 March' is not an ISO date"},
            {"left.insole.cell02_counts", "left.insole.cell02_n",
                ":15:30: channel left.insole.cell02_n: calibrated channel left.insole.cell02_n must be in counts"},
            {"\"points\" : 4", "\"points\" : 99999999999",
                ":12:18: channel left.insole.cell01_counts: expected 'points': a whole number"},
            {",\n      \"rms_residual_n\" : 0.41", "",
                ":6:35: channel left.insole.cell01_counts: expected 'rms_residual_n': a number"},
        };
        for (String[] c : cases) {
            assertEquals(true, good.contains(c[0]), c[0]);
            assertMessage(file, good.replace(c[0], c[1]), file + c[2], "");
        }
        assertMessage(file, good.replace("\"rms_residual_n\" : 0.41", "\"rms_residual_n\" : 0.41, \"x\" : [ 1"),
                file + ":", "not valid JSON");
    }

    @Test
    void aJsonErrorNamesNoInternalsOfTheParser() throws IOException {
        Path file = dir.resolve("cal.json");
        Files.writeString(file, "{\n  \"format\": \"soleus-calibration 1\",\n  \"channels\": {\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CalibrationFile.read(file));
        assertEquals(true, e.getMessage().startsWith(file + ":4:") && e.getMessage().contains("not valid JSON: Unexpected"
                + " end-of-input") && e.getMessage().endsWith("(start marker at line 3, column 15)"), e.getMessage());
        assertEquals(false, e.getMessage().matches(".*(Source|REDACTED|Feature|`).*"), e.getMessage());
        String[][] cases = {
            // content, then the message after the file's name
            {"{\"format\": NaN}", ":1:15: not valid JSON: Non-standard token 'NaN' (JSON has no NaN or infinity)"},
            {"{\"format\": 1, // note\n}", ":1:15: not valid JSON: Unexpected character ('/' (code 47)) (JSON has no"
                + " comments)"},
            {"{\"format\": 1}{}", ":1:14: not valid JSON: more text after the end of the file's object; expected one"
                + " object"},
            {"{\"format\": +1}", ":1:13: not valid JSON: Unexpected character ('+' (code 43)) in numeric value: JSON spec"
                + " does not allow numbers to have plus signs"},
        };
        for (String[] c : cases) {
            Files.writeString(file, c[0]);
            DataFormatException refused = assertThrows(DataFormatException.class, () -> CalibrationFile.read(file));
            assertEquals(file + c[1], refused.getMessage());
            assertEquals(false, refused.getMessage().matches(".*(Source|REDACTED|Feature|`).*"), refused.getMessage());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreNamedAtTheirLineAndColumn() throws IOException {
        Path file = dir.resolve("cal.json");
        Files.write(file, "{\n  \"device\": \"s\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(file + ":2:15: not valid UTF-8 text; save the file as UTF-8",
                assertThrows(DataFormatException.class, () -> CalibrationFile.read(file)).getMessage());
        byte[] afterTwoAccents = "{\n  \"device\": \"\u00e9\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(afterTwoAccents, afterTwoAccents.length + 1);
        bad[afterTwoAccents.length] = (byte) 0xE9;
        Files.write(file, bad);
        assertEquals(file + ":2:16: not valid UTF-8 text; save the file as UTF-8",
                assertThrows(DataFormatException.class, () -> CalibrationFile.read(file)).getMessage(),
                "the column counts characters, not bytes");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        Path file = dir.resolve("cal.json");
        CalibrationFile.write(file, CALIBRATION);
        byte[] text = Files.readAllBytes(file);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        Files.write(file, withMark);
        assertEquals(CALIBRATION, CalibrationFile.read(file));
    }

    private static void assertMessage(Path file, String content, String start, String contains) throws IOException {
        Files.writeString(file, content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CalibrationFile.read(file));
        assertEquals(true, e.getMessage().startsWith(start) && e.getMessage().contains(contains), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
