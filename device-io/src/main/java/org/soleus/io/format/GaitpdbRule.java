package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import org.soleus.io.format.text.DecimalComma;

/**
 * The format rule of a PhysioNet gaitpdb file ({@link GaitpdbReader}): its first line is
 * {@value GaitpdbReader#COLUMNS} tab-separated numbers (empty trailing cells allowed); and its
 * near misses: empty lines before such rows, a column too few or too many, the numbers
 * separated by commas, semicolons or spaces, or written with decimal commas
 * ({@link DecimalComma}). Stateless and thread-safe.
 */
final class GaitpdbRule {
    private GaitpdbRule() {
    }

    /** Whether {@code line} is a gaitpdb row. */
    static boolean isRow(String line) {
        List<String> cells = ReaderSupport.tabCells(line);
        if (cells.size() < GaitpdbReader.COLUMNS) {
            return false;
        }
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (c < GaitpdbReader.COLUMNS ? !ReaderSupport.isNumber(cell) : !cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The error for a file that a gaitpdb file would be but for its start, its width or its
     * separators ({@link #startOrWidthNearMiss}, {@link #separatorNearMiss}), or null.
     *
     * @param firstData the index of the first line that is no {@code #} line
     * @param line      that line, its bytes read as UTF-8
     */
    static DataFormatException layoutNearMiss(Path path, List<String> lines, int firstData, String line) {
        DataFormatException startOrWidth = startOrWidthNearMiss(path, lines, firstData);
        if (startOrWidth != null || firstData > 0) {
            return startOrWidth;
        }
        return separatorNearMiss(path, line);
    }

    /**
     * The error for a file that a gaitpdb file would be but for its start or its width, or
     * null: empty lines before rows of 19 tab-separated numbers (gaitpdb files have none, and
     * empty lines are allowed only at a file's end), or a first line of tab-separated numbers
     * that starts at time 0 with a column too few or too many (a column deleted or added in a
     * spreadsheet).
     */
    private static DataFormatException startOrWidthNearMiss(Path path, List<String> lines, int firstData) {
        int firstText = firstData;
        while (firstText < lines.size() && lines.get(firstText).isBlank()) {
            firstText++;
        }
        if (firstText > firstData && firstText < lines.size() && isRow(lines.get(firstText))) {
            return new DataFormatException(path, firstData + 1, 0, "an empty line before the rows of a gaitpdb file"
                    + " (" + GaitpdbReader.COLUMNS + " tab-separated numbers from line " + (firstText + 1) + " on),"
                    + " which starts with its first row: delete the empty lines at its start");
        }
        if (firstData > 0) {
            return null;
        }
        List<String> cells = ReaderSupport.tabCells(lines.get(0));
        int width = cells.size();
        if (Math.abs(width - GaitpdbReader.COLUMNS) != 1 || !cells.stream().allMatch(ReaderSupport::isNumber)
                || Double.parseDouble(cells.get(0)) != 0) {
            return null;
        }
        return new DataFormatException(path, 1, 0, width + " tab-separated numbers from time 0, where a gaitpdb row"
                + " has " + GaitpdbReader.COLUMNS + " (the time, 8 sensors under each foot and each foot's total): one"
                + " column " + (width < GaitpdbReader.COLUMNS ? "is missing" : "too many"));
    }

    /** The error for a first line without tabs that is a gaitpdb row with commas, semicolons or spaces for tabs, or null. */
    private static DataFormatException separatorNearMiss(Path path, String line) {
        if (line.contains("\t")) {
            return null;
        }
        for (char separator : new char[] {',', ';', ' '}) {
            String tabbed = separator == ';' ? line.replace(',', '.').replace(';', '\t')
                    : separator == ' ' ? line.strip().replaceAll(" +", "\t") : line.replace(',', '\t');
            if (isRow(tabbed)) {
                return new DataFormatException(path, 1, 0, "the " + GaitpdbReader.COLUMNS + " numbers of a gaitpdb row,"
                        + " but separated by " + (separator == ',' ? "commas" : separator == ';' ? "semicolons"
                        : "spaces") + "; gaitpdb separates them with tabs: save the file as tab-separated text");
            }
        }
        return null;
    }

    /** The error for a first line that is a gaitpdb row but for a number with a decimal comma, located at it, or null. */
    static DataFormatException decimalCommaNearMiss(Path path, String line) {
        if (!isRow(line.replace(',', '.'))) {
            return null;
        }
        List<String> cells = ReaderSupport.tabCells(line);
        for (int c = 0; c < cells.size(); c++) {
            if (DecimalComma.holds(cells.get(c))) {
                return new DataFormatException(path, 1, c + 1, "a gaitpdb row (19 tab-separated numbers) but with '"
                        + cells.get(c) + "': " + DecimalComma.HINT);
            }
        }
        return null;
    }
}
