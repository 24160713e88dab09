package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.soleus.io.format.text.TextSource;

/**
 * The header row of a toolkit CSV, the line after its metadata lines: read with the errors of a
 * file that ends or holds a blank line where it is due, and split into its cells.
 *
 * @param line      its line number
 * @param text      the line as read
 * @param cells     its cells ({@link #cells(String)})
 * @param cutAtEnd  whether it is the file's last line, without a line end (cut short while written?)
 * @param malformed whether it is not valid UTF-8 and was read with replacement characters
 */
record SoleusCsvHeaderRow(long line, String text, List<String> cells, boolean cutAtEnd, boolean malformed) {

    /**
     * Reads the header row from {@code text}, positioned after the metadata lines.
     *
     * @param cutInMetadata the line of a last metadata line without a line end, or 0
     * @throws DataFormatException when the file ends or holds a blank line instead
     */
    static SoleusCsvHeaderRow read(TextSource text, Path path, long cutInMetadata) throws IOException {
        long line = text.lineNumber();
        boolean cutAtEnd = text.atUnterminatedLastLine();
        String columnLine = text.readLine();
        if (columnLine == null && cutInMetadata > 0) {
            throw new DataFormatException(path, cutInMetadata, 0, "the file ends in this metadata line, without a"
                    + " line end (cut short while it was written?); expected a header row of channel names after the"
                    + " metadata lines");
        }
        if (columnLine == null || columnLine.isBlank() && text.atEnd()) {
            throw new DataFormatException(path, line, 0, "expected a header row of channel names after the metadata lines");
        }
        if (columnLine.isBlank()) {
            throw new DataFormatException(path, line, 1, "a blank line where the header row of channel names"
                    + (line > 1 ? " or a # metadata line" : "") + " was expected: the metadata lines and the"
                    + " header row come first, without blank lines before or among them");
        }
        return new SoleusCsvHeaderRow(line, columnLine, cells(columnLine), cutAtEnd, text.lastLineMalformed());
    }

    /**
     * The header row's cells, split at commas and trimmed, each without the double quotes
     * around it that R's {@code write.csv} and some spreadsheets put there
     * ({@code "time_s","left.insole.force_n"}), and without the empty cells at its end that a
     * spreadsheet writes (a trailing comma): the data rows may end in as many empty cells.
     */
    static List<String> cells(String line) {
        List<String> cells = ReaderSupport.cells(line, ',');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell.length() >= 2 && cell.charAt(0) == '"' && cell.charAt(cell.length() - 1) == '"') {
                cells.set(c, cell.substring(1, cell.length() - 1).strip());
            }
        }
        return ReaderSupport.withoutTrailingEmptyCells(cells);
    }

    /** Whether the first column is the time column, {@code time_s}. */
    boolean hasTime() {
        return cells.get(0).equals(SoleusCsv.TIME_COLUMN);
    }

    /** Whether the row ends in a comma, as a spreadsheet pads every line to the widest. */
    boolean padded() {
        return text.stripTrailing().endsWith(",");
    }

    /** How many empty cells the row ends in, which the data rows may end in too. */
    int trailingEmptyCells() {
        return ReaderSupport.cells(text, ',').size() - cells.size();
    }
}
