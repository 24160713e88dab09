package org.soleus.io.format.text;

import java.nio.charset.StandardCharsets;
import org.soleus.core.text.Counted;
import org.soleus.io.format.DataFormatException;

/**
 * The errors of the rows a {@link DelimitedRowParser} reads, as its class comment describes
 * them, each naming file, line and column. Only built on a malformed row, so nothing here costs
 * anything per cell. One per parser: the parser of each part of a file has its own.
 */
final class RowErrors {
    private final TextSource source;
    private final byte delimiter;
    private final String[] labels;
    private final int[] targets;
    private final int columns;
    /** Where the number of columns comes from, for messages ({@link #columnsNamedOn}); empty when not said. */
    private String columnsNamedBy = "";
    /** What the error of a row with too few cells adds: {@link #shortRowHint}. */
    private String shortRowHint = "";

    /**
     * @param source    the text whose lines are reported
     * @param delimiter the column separator
     * @param labels    a label per column
     * @param targets   per column: an index into the row array, {@link DelimitedRowParser#TIME} or
     *                  {@link DelimitedRowParser#SKIP}
     */
    RowErrors(TextSource source, byte delimiter, String[] labels, int[] targets) {
        this.source = source;
        this.delimiter = delimiter;
        this.labels = labels;
        this.targets = targets;
        this.columns = targets.length;
    }

    /** The errors of another part of the same text, with these messages' additions. */
    RowErrors forPart(TextSource part) {
        RowErrors errors = new RowErrors(part, delimiter, labels, targets);
        errors.columnsNamedBy = columnsNamedBy;
        errors.shortRowHint = shortRowHint;
        return errors;
    }

    /** See {@link DelimitedRowParser#columnsNamedOn}. */
    void columnsNamedOn(long line) {
        columnsNamedBy = " (as many as line " + line + " names)";
    }

    /** See {@link DelimitedRowParser#shortRowHint}. */
    void shortRowHint(String hint) {
        shortRowHint = "; " + hint;
    }

    /** The error for an empty line followed by more rows. */
    DataFormatException emptyLine(long line) {
        return source.error(line, 0, "empty line inside the data, expected " + Counted.of(columns, "cell")
                + " (empty lines are allowed only at the end of the file)");
    }

    /**
     * The error for a row with cells after its last column beyond the empty ones allowed
     * ({@code allowance}), located at the first cell not allowed: the first one that holds
     * text, named ({@code found more: '5'}), or the first empty one beyond the allowance, with
     * the row's number of cells ({@code found 54}); while the allowance is to come from this
     * row (a negative {@code allowance}), only text is not allowed. Only reached on such a row.
     *
     * @param trailing the index of the delimiter after the last column
     * @param p        the index of the first byte after the {@code empty} delimiters that follow
     */
    DataFormatException tooManyCells(byte[] b, int trailing, int p, int empty, int allowance) {
        int allowed = Math.max(allowance, 0);
        boolean text = b[p] != '\n' && b[p] != '\r';
        if (text && (allowance < 0 || empty <= allowed + 1)) {
            return source.error(columns + empty, "expected " + columns + " cells" + columnsNamedBy + ", found more: '"
                    + cellText(b, p) + "'");
        }
        int cells = columns;
        for (int q = trailing; b[q] != '\n'; q++) {
            if (b[q] == delimiter) {
                cells++;
            }
        }
        return source.error(columns + allowed + 1, "expected " + columns + " cells" + columnsNamedBy + (allowed == 0 ? ""
                : " and at most " + allowed + " empty cell" + (allowed == 1 ? "" : "s") + " after them")
                + ", found " + cells);
    }

    /**
     * The error for a carriage return that ends the last column but no line feed follows:
     * inside a line, or ending the lines of an old Mac OS file.
     *
     * @param p the index of the byte after the carriage return
     */
    DataFormatException returnAfterRow(byte[] b, int start, int p, int lim) {
        return b[p] == '\r' || returnInsideLine(b, p - 1, lim)
                ? source.error(columns, "carriage return inside a line, expected a line end")
                : TextSource.carriageReturnLineEnds(source.file(), source.lineNumber(), p - start);
    }

    /**
     * The error for a carriage return at {@code p} that more of the line follows, after
     * {@code found} cells of a row: inside a line, or ending the lines of an old Mac OS file.
     */
    DataFormatException returnInRow(byte[] b, int start, int p, int lim, int found, long line) {
        return returnInsideLine(b, p, lim)
                ? source.error(found, "column " + found + " (" + labels[found - 1] + "): carriage return inside a"
                    + " line, expected " + columns + " cells before the line end")
                : TextSource.carriageReturnLineEnds(source.file(), line, p - start + 1);
    }

    /**
     * Whether the carriage return at {@code p}, which neither a line feed nor the line's end
     * follows, stands inside a line that {@code \n} or {@code \r\n} ends (a stray one, however
     * many more the line holds), rather than ending a line of a file whose lines end in a carriage
     * return alone: a line feed follows it before {@code lim}, where the buffer's sentinel line
     * end stands (the buffer holds the whole current line, so a file with line feeds has one
     * there; one of carriage returns alone has none).
     */
    private static boolean returnInsideLine(byte[] b, int p, int lim) {
        for (int q = p + 1; q < lim; q++) {
            if (b[q] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** The error for the row on {@code line} that ends after {@code found} cells and is not the last. */
    DataFormatException shortRow(long line, int found) {
        return source.error(line, found + 1, "expected " + columns + " cells" + columnsNamedBy + ", found " + found
                + shortRowHint);
    }

    /** The error for an empty time cell, in column {@code c}. */
    DataFormatException emptyTime(int c) {
        return source.error(c + 1, "column " + (c + 1) + " (" + labels[c] + "): expected a number, found an empty cell");
    }

    /**
     * The error for a time cell at {@code p} that is no number ({@code nan} or {@code NA}; with
     * its quotes where {@code quoted}).
     */
    DataFormatException timeNotANumber(byte[] b, int p, int c, boolean quoted) {
        return source.error(c + 1, "column " + (c + 1) + " (" + labels[c] + "): a time must be a number, found '"
                + (quoted ? quotedText(b, p) : cellText(b, p)) + "'");
    }

    /**
     * The error for an infinite value in cell {@code [p, q)}, or for its line when that is too
     * long; {@code word} tells whether the cell is written as a word ({@code inf}) rather than
     * as a number beyond the range.
     */
    DataFormatException notFinite(byte[] b, int p, int q, int c, boolean word) {
        if (q - source.position() >= TextSource.MAX_LINE_BYTES) {
            return source.tooLong();
        }
        String found = "column " + (c + 1) + " (" + labels[c] + "): expected a finite number, found '" + cellText(b, p) + "'";
        return source.error(c + 1, word ? found
                : found + " (beyond the range of a " + (targets[c] == DelimitedRowParser.TIME ? "double" : "float") + ")");
    }

    /**
     * The error for a cell that is not a number; a quoted cell ({@code "343,6"}, as a spreadsheet
     * quotes a number with a decimal comma in a comma-separated file) is shown whole.
     */
    DataFormatException notANumber(byte[] b, int p, int c) {
        String cell = b[p] == '"' ? quotedText(b, p) : cellText(b, p);
        String unquoted = cell.length() >= 2 && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
        String hint = DecimalComma.holds(unquoted) ? " (" + DecimalComma.HINT + ")" : "";
        return source.error(c + 1, "column " + (c + 1) + " (" + labels[c] + "): expected a number, found '" + cell + "'"
                + hint);
    }

    /**
     * The quoted cell at {@code p} with its quotes and what follows them up to the delimiter, or
     * up to the line end when it is not closed; 40 bytes at most.
     */
    private String quotedText(byte[] b, int p) {
        int e = p + 1;
        while (e - p < 40 && b[e] != '"' && b[e] != '\n' && b[e] != '\r') {
            e++;
        }
        if (b[e] == '"') {
            e++;
            while (e - p < 40 && b[e] != delimiter && b[e] != '\n' && b[e] != '\r') {
                e++;
            }
        }
        return quotedPart(b, p, e);
    }

    private String cellText(byte[] b, int p) {
        int e = p;
        while (e - p < 40 && b[e] != delimiter && b[e] != '\n' && b[e] != '\r') {
            e++;
        }
        return quotedPart(b, p, e);
    }

    /**
     * The bytes {@code [p, e)} as text, with an ellipsis where the cell goes on beyond {@code e}
     * (cut at the 40 bytes a message quotes: a long cell must not read as a shorter one that is
     * whole), cut back to the start of a character so that none is split.
     */
    private String quotedPart(byte[] b, int p, int e) {
        if (b[e] == delimiter || b[e] == '\n' || b[e] == '\r') {
            return new String(b, p, e - p, StandardCharsets.UTF_8);
        }
        while (e > p && (b[e] & 0xC0) == 0x80) {
            e--;
        }
        return new String(b, p, e - p, StandardCharsets.UTF_8) + "…";
    }
}
