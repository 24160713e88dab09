package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.format.DataFormatException;

final class ReadingsCsvTest {
    @TempDir
    Path dir;

    @Test
    void readsEachChannelsReadingsSkippingEmptyCells() throws IOException {
        Path file = Files.writeString(dir.resolve("r.csv"), "# rig\nload_kg,left.insole.cell03_counts,"
                + "right.insole.cell01_counts\n0,40.5,12\n5,300,\n\n10, 480 ,200\n");
        Map<ChannelName, List<CalibrationPoint>> r = ReadingsCsv.read(file);
        assertEquals(List.of(ChannelName.parse("left.insole.cell03_counts"), ChannelName.parse("right.insole.cell01_counts")),
                List.copyOf(r.keySet()));
        assertEquals(List.of(new CalibrationPoint(0, 40.5), new CalibrationPoint(5, 300), new CalibrationPoint(10, 480)),
                r.get(ChannelName.parse("left.insole.cell03_counts")));
        assertEquals(List.of(new CalibrationPoint(0, 12), new CalibrationPoint(10, 200)),
                r.get(ChannelName.parse("right.insole.cell01_counts")));
    }

    @Test
    void aSpreadsheetsByteOrderMarkAndLineEndsAreRead() throws IOException {
        Path file = Files.writeString(dir.resolve("excel.csv"), "\uFEFFload_kg,left.insole.cell03_counts\r\n0,40\r\n5,300\r\n");
        assertEquals(List.of(new CalibrationPoint(0, 40), new CalibrationPoint(5, 300)),
                ReadingsCsv.read(file).get(ChannelName.parse("left.insole.cell03_counts")));
    }

    /**
     * As spreadsheets write readings: quoted cells (R's write.csv), lines padded with empty cells,
     * semicolons with decimal commas (a German Excel) or tabs.
     */
    @Test
    void aSpreadsheetsQuotesPaddingAndDelimitersAreRead() throws IOException {
        List<CalibrationPoint> expected = List.of(new CalibrationPoint(0, 40.5), new CalibrationPoint(5, 300));
        String[] files = {
            "\"load_kg\",\"left.insole.cell03_counts\"\n\"0\",\"40.5\"\n5,300\n",
            "load_kg,left.insole.cell03_counts,,\n0,40.5,,\n5,300,,\n",
            "load_kg;left.insole.cell03_counts\n0;40,5\n5;300\n",
            "load_kg\tleft.insole.cell03_counts\n0\t40.5\n5\t300\n",
        };
        for (String content : files) {
            Path file = Files.writeString(dir.resolve("s.csv"), content);
            assertEquals(expected, ReadingsCsv.read(file).get(ChannelName.parse("left.insole.cell03_counts")), content);
        }
    }

    @Test
    void aFileThatIsNotTextSaysSo() throws IOException {
        Path file = Files.write(dir.resolve("b.csv"), new byte[] {'l', 'o', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> ReadingsCsv.read(file));
        assertEquals(file + ":1: not UTF-8 text (save it as CSV UTF-8): expected a CSV file of readings, load_kg,<side>.insole.<cell>_counts,...",
                e.getMessage());
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        assertError("load_kg,left.insole.cell03_counts\n0,40\n5,abc\n", ":3:2: expected a number, found 'abc'");
        assertError("load_kg,left.insole.cell03_counts\n-1,40\n", ":2:1: expected a load in kg >= 0, found '-1'");
        assertError("load_kg,left.insole.cell03_n\n", ":1:2: expected a raw insole channel name");
        assertError("load_kg,right.shank.gyr_x_counts\n", ":1:2: expected a raw insole channel name");
        assertError("kg,left.insole.cell03_counts\n", ":1:1: expected the header load_kg");
        assertError("load_kg,left.insole.cell03_counts\n0,1,2\n", ":2:3: expected 2 columns");
        assertError("load_kg,left.insole.cell03_counts\n0,NaN\n", ":2:2: expected a number, found 'NaN'");
        assertError("load_kg,left.insole.cell03_counts\n0,nan\n", ":2:2: expected a number, found 'nan'");
        assertError("load_kg,left.insole.cell03_counts\n0,1d\n", ":2:2: expected a number, found '1d'");
        assertError("# nothing\n", ": no header row");
    }

    private void assertError(String content, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> ReadingsCsv.read(file));
        assertEquals(true, e.getMessage().startsWith(file + expected), e.getMessage());
    }
}
