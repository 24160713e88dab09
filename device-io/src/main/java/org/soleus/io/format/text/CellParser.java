package org.soleus.io.format.text;

import org.soleus.io.format.DataFormatException;

import static org.soleus.io.format.text.DelimitedRowParser.MAX_TIME_DIGITS;
import static org.soleus.io.format.text.DelimitedRowParser.TIME;

/**
 * Parses the cells of a {@link DelimitedRowParser}'s rows that its short-cell path does not
 * take, one at a time: the time column's, and any other form of number, empty cell, {@code NA}
 * or, in a lenient column, text. One per parser; not thread-safe.
 */
final class CellParser {
    private final TextSource source;
    private final byte delimiter;
    private final LenientColumns lenient;
    private final RowErrors errors;
    private final DecimalParser number = new DecimalParser();
    /** The time of the last time cell parsed ({@link #timeCell}), in the column's units. */
    private double time;

    /**
     * @param source    the text, for the line of a lenient cell
     * @param delimiter the column separator
     * @param lenient   the lenient columns, where cells that are not numbers are counted
     * @param errors    the errors of the rows
     */
    CellParser(TextSource source, byte delimiter, LenientColumns lenient, RowErrors errors) {
        this.source = source;
        this.delimiter = delimiter;
        this.lenient = lenient;
        this.errors = errors;
    }

    /** The time of the last time cell parsed, in the column's units. */
    double time() {
        return time;
    }

    /**
     * The time cell at {@code p}: a plain {@code digits.digits} of up to 15 digits (whose digit
     * loop is well predicted, as times keep their length from row to row) converted exactly
     * with Clinger's fast path; anything else through {@link #cell}.
     *
     * @return the index of the byte after the cell
     */
    int timeCell(byte[] b, int p, int lim, int c, float[] row) throws DataFormatException {
        int q = p;
        int point = -1;
        long m = 0;
        for (;; q++) {
            int d = b[q] - '0';
            if ((char) d < 10) {
                m = m * 10 + d;
            } else if (b[q] == '.' && point < 0) {
                point = q;
            } else {
                break;
            }
        }
        int digits = q - p - (point < 0 ? 0 : 1);
        byte end = b[q];
        if (digits == 0 || digits > MAX_TIME_DIGITS || (end != delimiter && end != '\n' && end != '\r')) {
            return cell(b, p, lim, c, TIME, row);
        }
        time = DecimalParser.exactDouble(m, point < 0 ? 0 : q - point - 1);
        return q;
    }

    /**
     * Parses any cell at {@code p}: empty or {@code NA} (NaN), any number of the
     * {@link DecimalParser} grammar, or, in a lenient column, text (NaN, counted). Spaces before
     * and after the value are left out where the delimiter is not a space, as a logger that
     * writes {@code 0.01, 342.3} puts them (and as the header's names and a live line stream's
     * cells are read), and so are double quotes around it, as a CSV writer that quotes every
     * cell puts them ({@code "342.3"}; {@code ""} is empty).
     *
     * @return the index of the byte after the cell
     */
    int cell(byte[] b, int p, int lim, int c, int t, float[] row) throws DataFormatException {
        p = afterSpaces(b, p);
        // a number in double quotes, as a CSV writer that quotes every cell writes it
        int quote = b[p] == '"' && delimiter != '"' ? p++ : -1;
        byte ch = b[p];
        int emptyEnd = quote < 0 ? p : ch == '"' ? afterSpaces(b, p + 1) : -1;
        if (emptyEnd >= 0 && (b[emptyEnd] == delimiter || b[emptyEnd] == '\n' || b[emptyEnd] == '\r')) {
            if (t == TIME) {
                throw errors.emptyTime(c);
            }
            row[t] = Float.NaN;
            return emptyEnd;
        }
        int q = number.scan(b, p, lim);
        if (q >= 0 && quote >= 0) {
            q = b[q] == '"' ? q + 1 : -1;
        }
        if (q >= 0) {
            q = afterSpaces(b, q);
            ch = b[q];
            if (ch == delimiter || ch == '\n' || ch == '\r') {
                if (t == TIME) {
                    timeValue(b, p, q, c);
                } else {
                    float v = number.floatValue();
                    row[t] = Float.isInfinite(v) ? infinite(b, p, q, c) : v;
                }
                return q;
            }
        }
        return nonNumber(b, quote >= 0 ? quote : p, q, quote >= 0, c, t, row);
    }

    /**
     * Takes the number just scanned in cell {@code [p, q)} of column {@code c} as the time.
     *
     * @throws DataFormatException when it is {@code nan} or infinite
     */
    private void timeValue(byte[] b, int p, int q, int c) throws DataFormatException {
        time = number.doubleValue();
        if (Double.isNaN(time)) {
            throw errors.timeNotANumber(b, p, c, false);
        }
        if (Double.isInfinite(time)) {
            throw errors.notFinite(b, p, q, c, number.wasWord());
        }
    }

    /**
     * The value of the infinite number in cell {@code [p, q)}: in a lenient column a missing
     * one, counted.
     *
     * @throws DataFormatException in any other column
     */
    private float infinite(byte[] b, int p, int q, int c) throws DataFormatException {
        if (!lenient.allows(c)) {
            throw errors.notFinite(b, p, q, c, number.wasWord());
        }
        lenient.count(c, source.lineNumber());
        return Float.NaN;
    }

    /**
     * A cell at {@code p} (its opening quote where {@code quoted}) that holds no number ({@code q}
     * is where the number scanned ends, or -1): {@code NA}, or text in a lenient column (NaN,
     * counted).
     *
     * @return the index of the byte after the cell
     * @throws DataFormatException when it is text in any other column, or in the time column
     */
    private int nonNumber(byte[] b, int p, int q, boolean quoted, int c, int t, float[] row) throws DataFormatException {
        if (q < 0 && isNotAvailable(b, quoted ? p + 1 : p, quoted)) {
            return notAvailable(b, p, c, t, row, quoted);
        }
        if (!lenient.allows(c) || t == TIME) {
            throw errors.notANumber(b, p, c);
        }
        lenient.count(c, source.lineNumber());
        row[t] = Float.NaN;
        byte ch = b[p];
        while (ch != delimiter && ch != '\n' && ch != '\r') {
            ch = b[++p];
        }
        return p;
    }

    /** The index of the first byte at or after {@code p} that is not a space, or {@code p} where the delimiter is a space. */
    private int afterSpaces(byte[] b, int p) {
        if (delimiter != ' ') {
            while (b[p] == ' ') {
                p++;
            }
        }
        return p;
    }

    /**
     * Whether the cell at {@code p} is {@code NA} in any case, R's missing value, or, where
     * {@code quoted}, {@code NA"} after the cell's opening quote. Only asked once the number paths
     * have given up on a cell (no number, nan or inf starts there), so cells of numbers never pay
     * for it; the line's sentinel line end keeps the reads within the buffer.
     */
    private boolean isNotAvailable(byte[] b, int p, boolean quoted) {
        if ((b[p] | 0x20) != 'n' || (b[p + 1] | 0x20) != 'a' || (quoted && b[p + 2] != '"')) {
            return false;
        }
        byte after = b[afterSpaces(b, p + (quoted ? 3 : 2))];
        return after == delimiter || after == '\n' || after == '\r';
    }

    /**
     * The {@code NA} cell at {@code p} (with its quotes where {@code quoted}): a missing value, or
     * an error in the time column.
     *
     * @return the index of the byte after the cell
     */
    private int notAvailable(byte[] b, int p, int c, int t, float[] row, boolean quoted) throws DataFormatException {
        if (t == TIME) {
            throw errors.timeNotANumber(b, p, c, quoted);
        }
        row[t] = Float.NaN;
        return afterSpaces(b, p + (quoted ? 4 : 2));
    }
}
