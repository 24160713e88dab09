package org.soleus.io.format.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.io.format.DataFormatException;

final class DelimitedRowParserTest {
    private static final long SEED = 777L;
    private static final int SMALLEST_BUFFER = 2 * TextSource.MAX_LINE_BYTES;

    private static TextSource source(String text, int bufferBytes) {
        return new TextSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Path.of("t.txt"), bufferBytes);
    }

    private static DelimitedRowParser parser(TextSource src, int columns, char delimiter) {
        String[] labels = new String[columns];
        int[] targets = new int[columns];
        labels[0] = "time";
        targets[0] = DelimitedRowParser.TIME;
        for (int c = 1; c < columns; c++) {
            labels[c] = "c" + c;
            targets[c] = c - 1;
        }
        return new DelimitedRowParser(src, delimiter, labels, targets);
    }

    /** Rows across many buffer refills agree with a naive split-and-parse, cell by cell. */
    @Test
    void agreesWithNaiveParsingAcrossBufferRefills() throws IOException {
        Random rnd = new Random(SEED);
        StringBuilder sb = new StringBuilder();
        int columns = 7;
        int rows = 40_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i * 0.01);
            for (int c = 1; c < columns; c++) {
                sb.append('\t');
                switch (rnd.nextInt(7)) {
                    case 0 -> { }
                    case 1 -> sb.append(rnd.nextInt(2000) - 1000);
                    case 2 -> sb.append(rnd.nextGaussian() * 1e3);
                    case 3 -> sb.append((float) (rnd.nextGaussian() * 1e-5));
                    // an accelerometer's cells in a Moticon export, mostly of 9 bytes (-0.196777)
                    case 4 -> sb.append(String.format(java.util.Locale.ROOT, "%.6f", rnd.nextGaussian() * 5));
                    // other cells of 8 and 9 bytes
                    case 5 -> sb.append(new String[] {"-.1234567", "-12345678", "-1234567.", "-0.000000", "-0.1e-05",
                        "-9999.999", "-1234.567", ".1234567", "12345678", "1234567.", "0.000000", "0.1e-05",
                        "9999.999", "+1.23456", "0.974121", "-0.97412"}[rnd.nextInt(16)]);
                    default -> sb.append(String.format(java.util.Locale.ROOT, "%.2f", rnd.nextDouble() * 900));
                }
            }
            sb.append(rnd.nextBoolean() ? "\r\n" : "\n");
        }
        String text = sb.toString();
        String[] lines = text.split("\r?\n");
        DelimitedRowParser p = parser(source(text, SMALLEST_BUFFER), columns, '\t');
        float[] row = new float[columns - 1];
        for (int i = 0; i < rows; i++) {
            assertEquals(DelimitedRowParser.ROW, p.next(row), "seed " + SEED + ", row " + i);
            String[] cells = lines[i].split("\t", -1);
            assertEquals(Double.parseDouble(cells[0]), p.time(), "seed " + SEED + ", row " + i);
            for (int c = 1; c < columns; c++) {
                float expected = cells[c].isEmpty() ? Float.NaN : Float.parseFloat(cells[c]);
                assertEquals(expected, row[c - 1], "seed " + SEED + ", row " + i + ", cell " + c + " '" + cells[c] + "'");
            }
            assertEquals(i + 1, p.lastLine());
        }
        assertEquals(DelimitedRowParser.END, p.next(row));
    }

    /**
     * Spaces around a value, as a logger writing {@code 0.01, 342.3} puts them, are left out
     * where the delimiter is not a space: before and after numbers, times and {@code NA}, and a
     * cell of spaces alone is missing. Text among spaces is still an error, and a
     * space-separated file keeps its rule that each space separates.
     */
    @Test
    void spacesAroundValuesAreLeftOutUnlessTheyDelimit() throws IOException {
        for (char delimiter : new char[] {',', '\t', ';'}) {
            String d = String.valueOf(delimiter);
            String text = "0.00" + d + " 1.5" + d + "2\n 0.01 " + d + "3 " + d + "  -4.25  \n0.02" + d + " NA " + d + "   \n";
            DelimitedRowParser p = parser(source(text, SMALLEST_BUFFER), 3, delimiter);
            float[] row = new float[2];
            assertEquals(DelimitedRowParser.ROW, p.next(row));
            assertArrayEquals(new float[] {1.5f, 2f}, row);
            assertEquals(DelimitedRowParser.ROW, p.next(row));
            assertEquals(0.01, p.time());
            assertArrayEquals(new float[] {3f, -4.25f}, row);
            assertEquals(DelimitedRowParser.ROW, p.next(row));
            assertArrayEquals(new float[] {Float.NaN, Float.NaN}, row);
            assertEquals(DelimitedRowParser.END, p.next(row));

            DelimitedRowParser text2 = parser(source("0.00" + d + " x 1" + d + "2\n", SMALLEST_BUFFER), 3, delimiter);
            DataFormatException e = assertThrows(DataFormatException.class, () -> text2.next(new float[2]));
            assertTrue(e.getMessage().endsWith("column 2 (c1): expected a number, found 'x 1'"), e.getMessage());
        }
        DelimitedRowParser spaced = parser(source("0.00 1.5  2\n", SMALLEST_BUFFER), 3, ' ');
        DataFormatException e = assertThrows(DataFormatException.class, () -> spaced.next(new float[2]));
        assertTrue(e.getMessage().endsWith("expected 3 cells, found more: '2'"), e.getMessage());
    }

    /**
     * Values in double quotes, as a CSV writer that quotes every cell writes them, are read
     * without them (a time too), {@code ""} is missing, and spaces may stand around the quotes;
     * a quote left open, or text or a decimal comma within quotes, is an error showing the cell.
     */
    @Test
    void valuesInDoubleQuotesAreReadWithoutThem() throws IOException {
        DelimitedRowParser p = parser(source("\"0.00\",\"1.5\",\"2\"\n\"0.01\", \"-3e2\" ,\"\"\n", SMALLEST_BUFFER), 3, ',');
        float[] row = new float[2];
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertEquals(0.0, p.time());
        assertArrayEquals(new float[] {1.5f, 2f}, row);
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertEquals(0.01, p.time());
        assertArrayEquals(new float[] {-300f, Float.NaN}, row);
        assertEquals(DelimitedRowParser.END, p.next(row));
        for (String[] bad : new String[][] {{"\"1.5,2", "'\"1.5,2'"}, {"\"x\",2", "'\"x\"'"}, {"\"1.5\"x,2", "'\"1.5\"x'"},
                {"\"343,6\",2", "'\"343,6\"' (a decimal comma"}}) {
            DelimitedRowParser q = parser(source("0.00," + bad[0] + "\n", SMALLEST_BUFFER), 3, ',');
            DataFormatException e = assertThrows(DataFormatException.class, () -> q.next(new float[2]));
            assertTrue(e.getMessage().contains("column 2 (c1): expected a number, found " + bad[1]), e.getMessage());
        }
    }

    /** Cells that are zero or start like a zero cell, mostly the unloaded insole cell's "0". */
    private static final String[] ZERO_LIKE = {"0", "0", "0", "0", "-0", "00", "0.", "0.0", "0.5", "05"};

    /**
     * Rows of short plain cells (the one-loop path) with times of every length from 1 to 20
     * characters, some rows falling back to the column-by-column path part-way, agree with a
     * naive split-and-parse.
     */
    @Test
    void plainRowsAgreeWithNaiveParsing() throws IOException {
        Random rnd = new Random(SEED + 1);
        StringBuilder sb = new StringBuilder();
        int columns = 5;
        int rows = 30_000;
        for (int i = 0; i < rows; i++) {
            double t = i * 0.01 * Math.pow(10, rnd.nextInt(6));
            switch (rnd.nextInt(5)) {
                case 0 -> sb.append(t);
                case 1 -> sb.append(String.format(java.util.Locale.ROOT, "%.2f", t));
                case 2 -> sb.append(String.format(java.util.Locale.ROOT, "%.4f", t));
                case 3 -> sb.append((long) t).append('.');
                default -> sb.append((long) t);
            }
            for (int c = 1; c < columns; c++) {
                sb.append('\t');
                int kind = rnd.nextInt(40);
                if (kind == 0) {
                    sb.append(rnd.nextGaussian() * 1e5);
                } else if (kind < 4) {
                    sb.append(ZERO_LIKE[rnd.nextInt(ZERO_LIKE.length)]);
                } else if (kind < 10) {
                    sb.append('-').append(rnd.nextInt(1000)).append('.').append(rnd.nextInt(10));
                } else if (kind < 16) {
                    // 8 and 9 bytes, as a Moticon export's IMU columns (0.974121, -0.196777)
                    sb.append(String.format(java.util.Locale.ROOT, "%.6f", rnd.nextGaussian() * 3));
                } else {
                    sb.append(String.format(java.util.Locale.ROOT, "%.2f", rnd.nextDouble() * 9000));
                }
            }
            // rows that end in up to two empty cells, as many as the first (a Moticon export's end in two)
            sb.append("\t".repeat(i == 0 ? 2 : rnd.nextInt(3)));
            sb.append(rnd.nextBoolean() ? "\r\n" : "\n");
        }
        String text = sb.toString();
        String[] lines = text.split("\r?\n");
        DelimitedRowParser p = parser(source(text, SMALLEST_BUFFER), columns, '\t');
        float[] row = new float[columns - 1];
        for (int i = 0; i < rows; i++) {
            assertEquals(DelimitedRowParser.ROW, p.next(row), "seed " + (SEED + 1) + ", row " + i);
            String[] cells = lines[i].split("\t", -1);
            assertEquals(Double.parseDouble(cells[0]), p.time(), "seed " + (SEED + 1) + ", row " + i + " '" + cells[0] + "'");
            for (int c = 1; c < columns; c++) {
                assertEquals(Float.parseFloat(cells[c]), row[c - 1], "seed " + (SEED + 1) + ", row " + i + ", cell " + c);
            }
        }
        assertEquals(DelimitedRowParser.END, p.next(row));
    }

    @Test
    void skippedColumnsAreNotParsed() throws IOException {
        TextSource src = source("1,not a number,2.5\n2,#!,3.5\n", SMALLEST_BUFFER);
        DelimitedRowParser p = new DelimitedRowParser(src, ',', new String[] {"a", "b", "c"},
                new int[] {0, DelimitedRowParser.SKIP, 1});
        float[] row = new float[2];
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertEquals(1f, row[0]);
        assertEquals(2.5f, row[1]);
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertEquals(3.5f, row[1]);
        assertEquals(DelimitedRowParser.END, p.next(row));
    }

    @Test
    void commentLinesAreCollected() throws IOException {
        List<CommentLine> comments = new ArrayList<>();
        TextSource src = source("0,1\n# warning: x\n0.5,2\n", SMALLEST_BUFFER);
        DelimitedRowParser p = parser(src, 2, ',').comments('#', comments);
        float[] row = new float[1];
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertEquals(2f, row[0]);
        assertEquals(3, p.lastLine());
        assertEquals(List.of(new CommentLine(2, "# warning: x")), comments);
    }

    @Test
    void infiniteValuesAreErrorsOrMissingInLenientColumns() throws IOException {
        float[] row = new float[2];
        for (String cell : new String[] {"1e39", "-inf", "Infinity"}) {
            DelimitedRowParser p = parser(source("0,1,2\n0.01," + cell + ",3\n", SMALLEST_BUFFER), 3, ',');
            assertEquals(DelimitedRowParser.ROW, p.next(row));
            DataFormatException e = assertThrows(DataFormatException.class, () -> p.next(row), cell);
            assertEquals("t.txt:2:2: column 2 (c1): expected a finite number, found '" + cell + "'"
                    + (cell.equals("1e39") ? " (beyond the range of a float)" : ""), e.getMessage());
        }
        DelimitedRowParser time = parser(source("1e400,1,2\n", SMALLEST_BUFFER), 3, ',');
        DataFormatException e = assertThrows(DataFormatException.class, () -> time.next(row));
        assertEquals("t.txt:1:1: column 1 (time): expected a finite number, found '1e400' (beyond the range of a double)",
                e.getMessage());
        DelimitedRowParser inf = parser(source("inf,1,2\n", SMALLEST_BUFFER), 3, ',');
        assertEquals("t.txt:1:1: column 1 (time): expected a finite number, found 'inf'",
                assertThrows(DataFormatException.class, () -> inf.next(row)).getMessage());
        DelimitedRowParser lenient = parser(source("0,1e39,2\n", SMALLEST_BUFFER), 3, ',').lenient(1);
        assertEquals(DelimitedRowParser.ROW, lenient.next(row));
        assertTrue(Float.isNaN(row[0]));
        assertEquals(2f, row[1]);
        List<String> warnings = new ArrayList<>();
        lenient.addLenientWarnings(warnings);
        assertEquals(List.of("t.txt:1:2: column 'c1' holds 1 cell that is not a number (first on this line); read as"
                + " missing"), warnings);
    }

    @Test
    void aLongCellIsQuotedCutWithAnEllipsis() throws IOException {
        float[] row = new float[2];
        DelimitedRowParser p = parser(source("0,1,2\n0.01," + "9".repeat(60) + "x,3\n", SMALLEST_BUFFER), 3, ',');
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertEquals("t.txt:2:2: column 2 (c1): expected a number, found '" + "9".repeat(40) + "…'",
                assertThrows(DataFormatException.class, () -> p.next(row)).getMessage());
        // a character of two bytes across the 40th byte is left out whole, not split
        DelimitedRowParser u = parser(source("0," + "a".repeat(39) + "\u00fcber,2\n", SMALLEST_BUFFER), 3, ',');
        assertEquals("t.txt:1:2: column 2 (c1): expected a number, found '" + "a".repeat(39) + "…'",
                assertThrows(DataFormatException.class, () -> u.next(row)).getMessage());
        DelimitedRowParser whole = parser(source("0," + "a".repeat(40) + ",2\n", SMALLEST_BUFFER), 3, ',');
        assertEquals("t.txt:1:2: column 2 (c1): expected a number, found '" + "a".repeat(40) + "'",
                assertThrows(DataFormatException.class, () -> whole.next(row)).getMessage());
    }

    @Test
    void aTimeOfNaNIsAnError() throws IOException {
        float[] row = new float[2];
        for (String cell : new String[] {"NaN", "-nan"}) {
            DelimitedRowParser p = parser(source("0,1,2\n" + cell + ",1,2\n", SMALLEST_BUFFER), 3, ',');
            assertEquals(DelimitedRowParser.ROW, p.next(row));
            DataFormatException e = assertThrows(DataFormatException.class, () -> p.next(row), cell);
            assertEquals("t.txt:2:1: column 1 (time): a time must be a number, found '" + cell + "'", e.getMessage());
        }
    }

    /** R's write.csv writes a missing value as NA: missing like an empty cell or nan, but never a time. */
    @Test
    void naIsAMissingValueButNotATime() throws IOException {
        float[] row = new float[3];
        DelimitedRowParser p = parser(source("0,NA,1,na\r\n0.01,2,NA,3\nNA,1,2,3\n", SMALLEST_BUFFER), 4, ',');
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertTrue(Float.isNaN(row[0]) && row[1] == 1f && Float.isNaN(row[2]), Arrays.toString(row));
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        assertTrue(row[0] == 2f && Float.isNaN(row[1]) && row[2] == 3f, Arrays.toString(row));
        DataFormatException time = assertThrows(DataFormatException.class, () -> p.next(row));
        assertEquals("t.txt:3:1: column 1 (time): a time must be a number, found 'NA'", time.getMessage());
        for (String cell : new String[] {"NAB", "-NA", "N"}) {
            DelimitedRowParser q = parser(source("0," + cell + ",1,2\n", SMALLEST_BUFFER), 4, ',');
            DataFormatException e = assertThrows(DataFormatException.class, () -> q.next(row), cell);
            assertEquals("t.txt:1:2: column 2 (c1): expected a number, found '" + cell + "'", e.getMessage());
        }
    }

    /** A bad cell after zero cells (which the one-loop path takes in two bytes) is located exactly. */
    @Test
    void badCellAfterZeroCellsIsLocated() throws IOException {
        float[] row = new float[4];
        DelimitedRowParser p = parser(source("0\t0\t0\t0\t0\r\n0.01\t0\t0\t0x\t0\r\n", SMALLEST_BUFFER), 5, '\t');
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        DataFormatException bad = assertThrows(DataFormatException.class, () -> p.next(row));
        assertEquals("t.txt:2:4: column 4 (c3): expected a number, found '0x'", bad.getMessage());
    }

    @Test
    void missingTimeAndOverlongLinesAreErrors() throws IOException {
        float[] row = new float[1];
        DelimitedRowParser timed = parser(source("0,1\n,2\n", SMALLEST_BUFFER), 2, ',');
        assertEquals(DelimitedRowParser.ROW, timed.next(row));
        DataFormatException noTime = assertThrows(DataFormatException.class, () -> timed.next(row));
        assertEquals("t.txt:2:1: column 1 (time): expected a number, found an empty cell", noTime.getMessage());
        String longLine = "0,1\n0," + "1".repeat(TextSource.MAX_LINE_BYTES + 10) + "\n" + "0,1\n".repeat(40_000);
        DelimitedRowParser p = parser(source(longLine, SMALLEST_BUFFER), 2, ',');
        assertEquals(DelimitedRowParser.ROW, p.next(row));
        DataFormatException tooLong = assertThrows(DataFormatException.class, () -> p.next(row));
        assertEquals("t.txt:2: the line is too long (at most 65536 bytes with its line end)", tooLong.getMessage());
    }

    /**
     * A row ends in at most as many empty cells after its last column as allowed: none by
     * default, a number given, or as many as the first row ends in; the one-loop path (which
     * takes no row ending in a delimiter) and the cell-by-cell one agree, and a part of the
     * text keeps the allowance of the parser it was made from.
     */
    @Test
    void emptyCellsAfterTheLastColumnAreAllowedUpToThePadding() throws IOException {
        float[] row = new float[2];
        DelimitedRowParser none = parser(source("0,1,2\n0.01,3,\n0.02,,4,\n", SMALLEST_BUFFER), 3, ',');
        assertEquals(DelimitedRowParser.ROW, none.next(row));
        assertEquals(DelimitedRowParser.ROW, none.next(row));
        assertTrue(Float.isNaN(row[1]));
        DataFormatException shifted = assertThrows(DataFormatException.class, () -> none.next(row));
        assertEquals("t.txt:3:4: expected 3 cells, found 4", shifted.getMessage());

        DelimitedRowParser two = parser(source("0,1,2,,\n0.01,3,4\n0.02,5,6,\n0.03,7,8,,,,\n", SMALLEST_BUFFER), 3, ',')
                .trailingEmptyCells(2);
        for (int i = 0; i < 3; i++) {
            assertEquals(DelimitedRowParser.ROW, two.next(row), "row " + i);
        }
        assertEquals(6, row[1]);
        DataFormatException over = assertThrows(DataFormatException.class, () -> two.next(row));
        assertEquals("t.txt:4:6: expected 3 cells and at most 2 empty cells after them, found 7", over.getMessage());

        DelimitedRowParser rowsOnly = parser(source("0,1,2,\n0.01,3,4\n0.02,5,,,\n", SMALLEST_BUFFER), 3, ',')
                .trailingEmptyCells(0);
        assertEquals(DelimitedRowParser.ROW, rowsOnly.next(row));
        assertEquals(DelimitedRowParser.ROW, rowsOnly.next(row));
        assertEquals("t.txt:3:5: expected 3 cells and at most 1 empty cell after them, found 5",
                assertThrows(DataFormatException.class, () -> rowsOnly.next(row)).getMessage(),
                "the first row's padding is allowed beyond the header's");

        DelimitedRowParser first = parser(source("0\t1\t2\t\r\n0.01\t3\t4\r\n0.02\t5\t\t\t5\r\n", SMALLEST_BUFFER),
                3, '\t');
        assertThrows(IllegalStateException.class, () -> first.forPart(source("0\t1\t2\n", SMALLEST_BUFFER)));
        assertEquals(DelimitedRowParser.ROW, first.next(row));
        DelimitedRowParser part = first.forPart(source("0\t1\t2\t\n0\t1\t2\t\t\n", SMALLEST_BUFFER));
        assertEquals(DelimitedRowParser.ROW, part.next(row));
        assertEquals("t.txt:2:5: expected 3 cells and at most 1 empty cell after them, found 5",
                assertThrows(DataFormatException.class, () -> part.next(row)).getMessage());
        assertEquals(DelimitedRowParser.ROW, first.next(row));
        assertEquals(4, row[1]);
        assertEquals("t.txt:3:5: expected 3 cells, found more: '5'",
                assertThrows(DataFormatException.class, () -> first.next(row)).getMessage());
    }
}
