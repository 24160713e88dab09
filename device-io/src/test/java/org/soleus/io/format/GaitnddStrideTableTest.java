package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GaitnddStrideTableTest {

    private static final String ROW =
            "21.9300\t1.0667\t1.0600\t0.3633\t0.3833\t34.06\t36.16\t0.7033\t0.6767\t65.94\t63.84\t0.3200\t30.00";

    @TempDir
    Path dir;

    private DataFormatException failure(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.ts"), content, StandardCharsets.US_ASCII);
        DataFormatException e = assertThrows(DataFormatException.class, () -> GaitnddStrideTable.read(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    @Test
    void readsControl1() throws IOException {
        GaitnddStrideTable t = GaitnddStrideTable.read(GaitnddSampleData.dir().resolve("control1.ts"));
        assertEquals(259, t.size());
        assertEquals(new GaitnddStrideTable.Stride(21.93, 1.0667, 1.06, 0.3633, 0.3833, 0.7033, 0.6767, 0.32),
                t.get(0));
        assertEquals(new GaitnddStrideTable.Stride(298.6, 1.04, 1.0467, 0.3167, 0.3867, 0.7233, 0.66, 0.3367),
                t.get(258));
        assertEquals(21.93 - 1.0667, t.get(0).leftStrideStartS(), 1e-12);
        for (int i = 0; i < t.size(); i++) {
            GaitnddStrideTable.Stride s = t.get(i);
            assertEquals(s.leftStrideS(), s.leftSwingS() + s.leftStanceS(), 2e-4, "row " + i);
            assertEquals(s.rightStrideS(), s.rightSwingS() + s.rightStanceS(), 2e-4, "row " + i);
            if (i > 0) {
                assertEquals(t.get(i - 1).elapsedS(), s.leftStrideStartS(), 2e-4, "row " + i);
            }
        }
    }

    @Test
    void skipsBlankLinesAndAcceptsSpaces() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.ts"), "\n" + ROW.replace('\t', ' ') + "\r\n\n",
                StandardCharsets.US_ASCII);
        assertEquals(1, GaitnddStrideTable.read(file).size());
    }

    @Test
    void wrongNumberOfColumnsNamesTheLine() throws IOException {
        DataFormatException e = failure(ROW + "\n" + ROW.substring(0, ROW.lastIndexOf('\t')) + "\n");
        assertEquals(2, e.line());
        assertEquals(dir.resolve("bad.ts") + ":2: expected 13 tab-separated numbers (elapsed time, then stride, swing,"
                + " stance and double-support times), found 12 field(s)", e.getMessage());
    }

    @Test
    void nonNumberNamesLineColumnAndWhatWasExpected() throws IOException {
        DataFormatException e = failure(ROW.replace("1.0600", "1,06"));
        assertEquals(1, e.line());
        assertEquals(16, e.column());
        assertEquals(dir.resolve("bad.ts") + ":1:16: expected right stride interval (s) as a finite number >= 0,"
                + " found '1,06'", e.getMessage());
    }

    @Test
    void negativeTimeIsRejected() throws IOException {
        DataFormatException e = failure(ROW.replace("0.3200", "-0.3200"));
        assertEquals(1, e.line());
        assertEquals(ROW.indexOf("0.3200") + 1, e.column());
    }

    @Test
    void elapsedTimeMustIncrease() throws IOException {
        DataFormatException e = failure(ROW + "\n" + ROW + "\n");
        assertEquals(2, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        assertEquals(0, failure("\n\n").line());
    }

    @Test
    void strideRecordValidatesItsTimes() {
        assertThrows(IllegalArgumentException.class,
                () -> new GaitnddStrideTable.Stride(1, Double.NaN, 1, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new GaitnddStrideTable.Stride(1, 1, 1, 1, 1, 1, 1, -0.1));
    }
}
