package org.soleus.io.format.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.soleus.io.format.DataFormatException;

/**
 * Parses delimited numeric rows in place from a {@link TextSource}: one pass over the bytes, no
 * objects per row or cell. A cell of up to 7 bytes of the form {@code [-]digits[.digits]} is
 * measured and converted 8 bytes at a time ({@link AsciiDigits}) when the delimiter is below
 * {@code '-'} in ASCII (tab, comma, space); every other cell goes through a
 * {@link DecimalParser}. Both convert exactly (the nearest float, ties to even). Rows whose
 * columns are an optional time followed by values in row order, all in that short form, take a
 * loop without per-column dispatch; any other row is parsed column by column.
 *
 * <p>Each column has a target: an index into the caller's {@code float[]} row, {@link #TIME}
 * (parsed as a double, read with {@link #time()}) or {@link #SKIP} (not parsed at all). An
 * empty cell, {@code nan} or {@code NA} (R's missing value, as {@code write.csv} writes it; any
 * case; in double quotes too) is a missing value (NaN); a missing, {@code nan} or {@code NA}
 * time is an error, and so is an infinite value ({@code inf}, or a number beyond the float
 * range such as {@code 1e39}),
 * which no sensor gives (in a lenient column it is missing and counted). A row may end in
 * as many empty cells after the last column as the file pads its rows with, which its header
 * row's empty names or its first row tell ({@link #trailingEmptyCells}: a spreadsheet ends every
 * line with the delimiter when a column beyond the data was ever used), and no more: with any
 * number allowed, a delimiter doubled in
 * a row whose last cell is empty would shift the rest of the row by a column unnoticed. A row
 * with fewer columns than expected is an error, except when it is the file's last line: that
 * line was cut off while being written, and {@link #next} reports {@link #CUT}; empty lines may
 * follow it (allowed at the end of a file). A last line without a line end is treated the same
 * way, whatever its content, since its last number may be cut short, but for a carriage return
 * followed by more text: a file of old Mac OS line ends reads as one line without a line end;
 * and but for a comment line (where comments are read), which holds no sample.
 * Empty lines are allowed only at the end of the file.
 *
 * <p>Errors name file, line and column (1-based column index and the column's label). A row
 * with too few cells is reported at the column of its first missing cell
 * ({@code expected 19 cells, found 12} at column 13), one with too many at the first extra one
 * ({@code expected 53 cells, found 54} at column 54, or {@code found more: '5'} when it holds
 * text). A row that a carriage return alone ends, followed by more text (a file of old Mac OS
 * line ends), is an error saying so at that byte ({@link TextSource#carriageReturnLineEnds}).
 *
 * <p>A large file can be parsed in parts ({@link TextSource#range}), each by its own parser
 * from {@link #forPart}; {@link #absorb} then adds what a part's parser counted to the whole
 * file's, and {@link #firstContentLine()} and {@link #pendingBlankLine()} let the caller apply
 * the rule on empty lines across parts. Not thread-safe.
 */
public final class DelimitedRowParser {
    /** Column target: do not parse the column. */
    public static final int SKIP = -1;
    /** Column target: the time column, parsed as a double. */
    public static final int TIME = -2;

    /** {@link #next} result: a row was parsed. */
    public static final int ROW = 1;
    /** {@link #next} result: the input is exhausted. */
    public static final int END = 0;
    /** {@link #next} result: the last line was cut short and left out; see {@link #cutLine()}. */
    public static final int CUT = 2;

    /** Digits of a time read on the fast path: below 2^53, so exact in a double. */
    static final int MAX_TIME_DIGITS = 15;

    private final TextSource source;
    private final byte delimiter;
    private final int[] targets;
    private final String[] labels;
    private final int columns;
    private final LenientColumns lenient;
    private final RowErrors errors;
    private final CellParser cells;
    /**
     * Where the numeric columns start when the row is laid out plainly: column {@code c} goes
     * to {@code row[c - plainFrom]} from {@code plainFrom} on, and column 0 is the time when
     * {@code plainFrom} is 1; -1 for any other layout. See {@link #plainRow}.
     */
    private final int plainFrom;
    /** The fewest empty cells allowed after the last column ({@link #trailingEmptyCells}). */
    private int trailingEmptyFloor;
    /**
     * Empty cells allowed after the last column: {@link #trailingEmptyFloor} or as many as the
     * first row ends in, whichever is more; -1 until the first row is parsed.
     */
    private int trailingEmpty = -1;
    /**
     * {@link #plainFrom}, or -1 while {@link #trailingEmpty} is not known, so that the first row
     * takes {@link #parseRow}.
     */
    private int fastFrom = -1;
    private byte commentByte;
    private List<CommentLine> comments;
    private double time = Double.NaN;
    /** How many of the time column's units make a second: 1, or 1000 for milliseconds. */
    private double timeUnitsPerSecond = 1;
    private long blankLine;
    private long cutLine;
    private long firstContentLine;

    /**
     * @param source    the text
     * @param delimiter the column separator, e.g. {@code ','} or {@code '\t'}
     * @param labels    a label per column for error messages (e.g. the channel name)
     * @param targets   per column: an index into the row array, {@link #TIME} or {@link #SKIP}
     */
    public DelimitedRowParser(TextSource source, char delimiter, String[] labels, int[] targets) {
        this.source = Objects.requireNonNull(source, "source");
        if (delimiter > 127 || delimiter == '\n' || delimiter == '\r' || Character.isLetterOrDigit(delimiter)
                || delimiter == '.' || delimiter == '-' || delimiter == '+') {
            throw new IllegalArgumentException("delimiter '" + delimiter + "' must be an ASCII punctuation or white-space character other than . - +");
        }
        if (labels.length != targets.length || targets.length == 0) {
            throw new IllegalArgumentException("need one label per target and at least one column, got "
                    + labels.length + " labels and " + targets.length + " targets");
        }
        this.delimiter = (byte) delimiter;
        this.labels = labels.clone();
        this.targets = targets.clone();
        this.columns = targets.length;
        this.lenient = new LenientColumns(columns);
        this.errors = new RowErrors(source, this.delimiter, this.labels, this.targets);
        this.cells = new CellParser(source, this.delimiter, lenient, errors);
        this.plainFrom = plainFrom(this.targets);
    }

    /** {@link #plainFrom} of a column layout. */
    private static int plainFrom(int[] targets) {
        int from = targets[0] == TIME ? 1 : 0;
        if (targets.length - from < 1 || targets.length > 1 << 12) {
            return -1;
        }
        for (int c = from; c < targets.length; c++) {
            if (targets[c] != c - from) {
                return -1;
            }
        }
        return from;
    }

    /** A parser of {@code part} with the settings of {@code template} and nothing counted yet. */
    private DelimitedRowParser(DelimitedRowParser template, TextSource part) {
        this.source = Objects.requireNonNull(part, "part");
        this.delimiter = template.delimiter;
        this.labels = template.labels;
        this.targets = template.targets;
        this.columns = template.columns;
        this.plainFrom = template.plainFrom;
        this.trailingEmptyFloor = template.trailingEmptyFloor;
        this.trailingEmpty = template.trailingEmpty;
        this.fastFrom = template.fastFrom;
        this.lenient = template.lenient.forPart();
        this.errors = template.errors.forPart(part);
        this.cells = new CellParser(part, delimiter, lenient, errors);
        this.commentByte = template.commentByte;
        this.comments = template.comments == null ? null : new ArrayList<>();
        this.timeUnitsPerSecond = template.timeUnitsPerSecond;
    }

    /**
     * A parser of another part of the same text, with this parser's delimiter, columns,
     * lenient columns, comment marker and allowance of empty cells after the last column, and
     * nothing counted yet: its comments go to a list of its own, which {@link #absorb} appends
     * to this parser's.
     *
     * @throws IllegalStateException when no row has been parsed yet: the allowance depends on
     *                               the first row, and every part must have the same one
     */
    public DelimitedRowParser forPart(TextSource part) {
        if (trailingEmpty < 0) {
            throw new IllegalStateException("the empty cells allowed after the last column come from the first row,"
                    + " which has not been parsed yet: parse it before parsing the other parts");
        }
        return new DelimitedRowParser(this, part);
    }

    /**
     * Adds what the parser of a later part counted (lenient cells and comments) to this one's,
     * as if this parser had read that part itself. Parts must be absorbed in file order.
     *
     * @param part       a parser from {@link #forPart}, done with its part
     * @param lineOffset the number of lines before the part's first line
     */
    public void absorb(DelimitedRowParser part, long lineOffset) {
        if (part.columns != columns) {
            throw new IllegalArgumentException("part has " + part.columns + " columns, this parser " + columns);
        }
        lenient.absorb(part.lenient, lineOffset);
        if (comments != null && part.comments != null) {
            for (CommentLine comment : part.comments) {
                comments.add(comment.movedDown(lineOffset));
            }
        }
    }

    /** The text this parser reads. */
    public TextSource source() {
        return source;
    }

    /**
     * Takes the time column as milliseconds: {@link #time()} gives seconds, a thousandth of the
     * value written.
     */
    public DelimitedRowParser timeInMilliseconds() {
        timeUnitsPerSecond = 1000;
        return this;
    }

    /**
     * Makes a column lenient: a cell that is not a number becomes NaN instead of an error, and
     * is counted for {@link #addLenientWarnings}. For vendor columns whose content is not known.
     */
    public DelimitedRowParser lenient(int column) {
        lenient.allow(column);
        return this;
    }

    /**
     * Allows rows to end in up to {@code cells} empty cells after the last column, or in as
     * many as the first row ends in if that is more: {@code cells} is the number of empty names
     * after a header row's last one, with which a spreadsheet pads every line of a file it
     * saves; some exports end their rows, but not their header, with the delimiter. Without
     * this call, the first row's number.
     */
    public DelimitedRowParser trailingEmptyCells(int cells) {
        if (cells < 0) {
            throw new IllegalArgumentException("the empty cells allowed after the last column must be >= 0, got "
                    + cells);
        }
        trailingEmptyFloor = cells;
        return this;
    }

    /**
     * Collects lines that start with {@code marker} into {@code sink} (without their line end,
     * with their line number in the whole file) instead of parsing them as rows.
     */
    public DelimitedRowParser comments(char marker, List<CommentLine> sink) {
        commentByte = (byte) marker;
        comments = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /**
     * Names the line whose column names set the number of cells, for the error of a row with
     * another number ({@code expected 52 cells (as many as line 9 names), found more: '11.00'}):
     * a column name missing from that line shows first in a row that fills every column.
     */
    public DelimitedRowParser columnsNamedOn(long line) {
        errors.columnsNamedOn(line);
        return this;
    }

    /**
     * What the error of a row with too few cells adds, after {@code "; "}: what the format
     * writes, where a short row is likely an edited file's rather than the device's.
     */
    public DelimitedRowParser shortRowHint(String hint) {
        errors.shortRowHint(hint);
        return this;
    }

    /** The 1-based column whose target is {@link #TIME}, or 0 when none is. */
    public int timeColumn() {
        for (int c = 0; c < columns; c++) {
            if (targets[c] == TIME) {
                return c + 1;
            }
        }
        return 0;
    }

    /** The time of the last row parsed, in seconds, when a column is {@link #TIME}. */
    public double time() {
        return time / timeUnitsPerSecond;
    }

    /** The line number of the row last returned. */
    public long lastLine() {
        return source.lineNumber() - 1;
    }

    /** The line left out when {@link #next} returned {@link #CUT}. */
    public long cutLine() {
        return cutLine;
    }

    /**
     * The first line parsed as a row (successfully or not), or 0: the line at which an earlier
     * empty line becomes an error.
     */
    public long firstContentLine() {
        return firstContentLine;
    }

    /**
     * The first empty line seen, or 0. After {@link #next} has returned {@link #END}, a
     * non-zero value is an empty line after the last row: allowed at the end of the file, an
     * error ({@link #emptyLineError}) when a later part of the file holds rows.
     */
    public long pendingBlankLine() {
        return blankLine;
    }

    /** The error for an empty line followed by more rows. */
    public DataFormatException emptyLineError(long line) {
        return errors.emptyLine(line);
    }

    /**
     * Parses the next row into {@code row}.
     *
     * @return {@link #ROW}, {@link #END} or {@link #CUT}
     * @throws DataFormatException naming line and column when the row is malformed
     */
    public int next(float[] row) throws IOException {
        for (;;) {
            source.ensureLine();
            int p = source.position();
            int lim = source.limit();
            if (p >= lim) {
                return END;
            }
            byte[] b = source.buffer();
            // a comment line without a line end is taken as it is: no sample is in it
            if (source.atUnterminatedLastLine() && !(commentByte != 0 && b[p] == commentByte)) {
                cutLine = source.lineNumber();
                source.readLine();
                return CUT;
            }
            byte first = b[p];
            if (first == '\n' || (first == '\r' && b[p + 1] == '\n')) {
                if (blankLine == 0) {
                    blankLine = source.lineNumber();
                }
                source.readLine();
                continue;
            }
            if (commentByte != 0 && first == commentByte) {
                long line = source.lineNumber();
                comments.add(new CommentLine(line, source.readLine()));
                continue;
            }
            if (firstContentLine == 0) {
                firstContentLine = source.lineNumber();
            }
            if (blankLine != 0) {
                throw emptyLineError(blankLine);
            }
            if (fastFrom >= 0) {
                int next = plainRow(b, p, row);
                if (next > 0) {
                    source.advanceLine(next);
                    return ROW;
                }
            }
            return parseRow(b, p, lim, row);
        }
    }

    /**
     * A time cell {@code digits[.digits]} at {@code start}: up to 8 bytes at once
     * ({@link AsciiDigits#unsignedDecimal}), longer ones digit by digit (up to
     * {@value #MAX_TIME_DIGITS} digits); sets {@link #time}.
     *
     * @return the index after the cell, or -1 when it is not of that form
     */
    private int plainTime(byte[] b, int start) {
        long word = AsciiDigits.load(b, start);
        int length = AsciiDigits.fieldLength(word);
        if (length < Long.BYTES || (b[start + Long.BYTES] & 0xFF) < '-') {
            double t = AsciiDigits.unsignedDecimal(word, Math.max(length, 1));
            if (length == 0 || Double.isNaN(t)) {
                return -1;
            }
            time = t;
            return start + length;
        }
        int p = start;
        int point = -1;
        long m = 0;
        for (;; p++) {
            int d = b[p] - '0';
            if ((char) d < 10) {
                m = m * 10 + d;
            } else if (b[p] == '.' && point < 0) {
                point = p;
            } else {
                break;
            }
        }
        int digits = p - start - (point < 0 ? 0 : 1);
        if (digits == 0 || digits > MAX_TIME_DIGITS) {
            return -1;
        }
        time = DecimalParser.exactDouble(m, point < 0 ? 0 : p - point - 1);
        return p;
    }

    /**
     * The fastest path, for rows laid out plainly ({@link #plainFrom}) whose cells all take the
     * short-cell form of {@link AsciiDigits#smallDecimal} and whose time, if any, is a plain
     * decimal: a loop without per-column dispatch, ending in a line end right after the last
     * cell (a time of up to 8 bytes is read with {@link AsciiDigits#unsignedDecimal}). A cell
     * that is just {@code 0}, an unloaded insole cell and the commonest value in pressure data
     * (39 % of the gaitpdb trials' cells), is taken in its two bytes without conversion. Gives
     * up (returns -1, having changed nothing but {@code row} and the time) at anything else, so
     * that {@link #parseRow} parses the row again with every rule.
     *
     * @return the index after the row's line end, or -1
     */
    private int plainRow(byte[] b, int start, float[] row) {
        final byte delim = delimiter;
        int p = start;
        if (plainFrom == 1) {
            p = plainTime(b, p);
            if (p < 0 || b[p] != delim) {
                return -1;
            }
            p++;
        }
        // A cell of 8 bytes or more (fieldLength 8) passes length 0 to smallDecimal, which gives
        // NaN for it, so the NaN test also rejects those; one branch per cell, on both tests.
        final int last = columns - 1 - plainFrom;
        final int zeroCell = '0' | delim << Byte.SIZE;
        for (int c = 0; c < last; c++) {
            long word = AsciiDigits.load(b, p);
            if (((int) word & 0xFFFF) == zeroCell) {
                row[c] = 0f;
                p += 2;
                continue;
            }
            int length = AsciiDigits.fieldLength(word);
            float v = AsciiDigits.smallDecimal(word, length & 7);
            if ((((int) (word >>> ((length & 7) << 3)) & 0xFF) != delim) | v != v) {
                return -1;
            }
            row[c] = v;
            p += length + 1;
        }
        long word = AsciiDigits.load(b, p);
        int length = AsciiDigits.fieldLength(word);
        float v = AsciiDigits.smallDecimal(word, length & 7);
        if (v != v) {
            return -1;
        }
        p += length;
        if (b[p] == '\r') {
            p++;
        }
        if (b[p] != '\n' || p - start >= TextSource.MAX_LINE_BYTES) {
            return -1;
        }
        row[last] = v;
        return p + 1;
    }

    /** Whether {@code ch} ends a cell: the delimiter or a line end. */
    private boolean isCellEnd(byte ch) {
        return ch == delimiter || ch == '\n' || ch == '\r';
    }

    private int parseRow(byte[] b, int start, int lim, float[] row) throws IOException {
        final byte delim = delimiter;
        int p = start;
        final int[] tg = targets;
        final int last = columns - 1;
        for (int c = 0; ; c++) {
            int t = tg[c];
            byte ch;
            if (t >= 0) {
                // Fast path for the common cell, [-]digits[.digits] in at most 7 bytes: its
                // length comes from one 8-byte word before its value is known, so the next cell
                // can start while this one is converted; then for one of 8 bytes (0.974121) or,
                // negative, 9 (-0.196777). Anything else goes to cell() below.
                long word = AsciiDigits.load(b, p);
                int length = AsciiDigits.fieldLength(word);
                int end = length < 8 ? (int) (word >>> (length << 3)) & 0xFF : 0;
                float v = length > 0 && (end == delim || end == '\n' || end == '\r')
                        ? AsciiDigits.smallDecimal(word, length) : Float.NaN;
                if (!Float.isNaN(v)) {
                    row[t] = v;
                    p += length;
                    ch = (byte) end;
                } else if (length == Long.BYTES && isCellEnd(b[p + Long.BYTES])
                        && !Float.isNaN(v = AsciiDigits.eightByteDecimal(word))) {
                    row[t] = v;
                    p += Long.BYTES;
                    ch = b[p];
                } else if (length == Long.BYTES && b[p] == '-' && isCellEnd(b[p + Long.BYTES + 1])
                        && !Float.isNaN(v = AsciiDigits.eightByteDecimal(AsciiDigits.load(b, p + 1)))) {
                    row[t] = -v;
                    p += Long.BYTES + 1;
                    ch = b[p];
                } else {
                    p = cells.cell(b, p, lim, c, t, row);
                    ch = b[p];
                }
            } else if (t == TIME) {
                p = cells.timeCell(b, p, lim, c, row);
                time = cells.time();
                ch = b[p];
            } else {
                ch = b[p];
                while (ch != delim && ch != '\n' && ch != '\r') {
                    ch = b[++p];
                }
            }
            if (c == last) {
                break;
            }
            if (ch != delim) {
                return shortRow(b, start, p, lim, c + 1);
            }
            p++;
        }
        byte ch = b[p];
        int trailing = p;
        while (ch == delim) {
            ch = b[++p];
        }
        int empty = p - trailing;
        if (ch == '\r') {
            ch = b[++p];
            if (ch != '\n') {
                throw errors.returnAfterRow(b, start, p, lim);
            }
        }
        if (ch != '\n') {
            // every cell ends at a delimiter or a line end, so text here follows empty cells
            throw errors.tooManyCells(b, trailing, p, empty, trailingEmpty);
        }
        if (p - start >= TextSource.MAX_LINE_BYTES) {
            throw source.tooLong();
        }
        if (trailingEmpty < 0) {
            trailingEmpty = Math.max(trailingEmptyFloor, empty);
            fastFrom = plainFrom;
        } else if (empty > trailingEmpty) {
            throw errors.tooManyCells(b, trailing, p, empty, trailingEmpty);
        }
        source.advanceLine(p + 1);
        return ROW;
    }

    /**
     * A row that ends after {@code found} cells: {@link #CUT} when it is the last line of the
     * input but for empty lines, else an error located at the column where the first missing
     * cell should have been ({@code found + 1}). Only reached on a short row, so the work here
     * costs nothing per cell.
     */
    private int shortRow(byte[] b, int start, int p, int lim, int found) throws IOException {
        long line = source.lineNumber();
        if (b[p] == '\r' && b[p + 1] != '\n') {
            // not the end of a short row: a carriage return that more of the line follows
            throw errors.returnInRow(b, start, p, lim, found, line);
        }
        while (b[p] != '\n') {
            p++;
        }
        if (p - start >= TextSource.MAX_LINE_BYTES) {
            throw source.tooLong();
        }
        source.advanceLine(Math.min(p + 1, lim));
        source.skipEmptyLines();
        if (source.atInputEnd()) {
            cutLine = line;
            return CUT;
        }
        throw errors.shortRow(line, found);
    }

    /** Adds one warning per lenient column that held non-numbers, with their count and first line. */
    public void addLenientWarnings(List<String> warnings) {
        lenient.addWarnings(warnings, source.file(), labels);
    }
}
