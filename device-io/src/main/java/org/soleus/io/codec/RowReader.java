package org.soleus.io.codec;

import org.soleus.io.format.text.DecimalParser;

/**
 * Reads the rows of a line-protocol stream, for a {@link LineDecoder}: the cells of the
 * {@link TextLine} at the delimiter of the stream's header (or first row), the device clock
 * from the time column where there is one, and the values into one reused array. An empty cell,
 * {@code nan} or R's {@code NA} is a missing value (NaN); the time must not be missing.
 *
 * <p>No allocation per row. Not thread-safe.
 */
final class RowReader {
    /** Rows without a time column. */
    static final int NO_TIME_COLUMN = 0;
    /** The column of a {@code time_us} clock. */
    static final int TIME_US = 1;
    /** The column of a {@code time_ms} clock. */
    static final int TIME_MS = 2;
    /** The column of a {@code time_s} clock. */
    static final int TIME_S = 3;
    private static final long[] TIME_UNIT_US = {0, 1, 1_000, 1_000_000};

    private final TextLine text;
    private final DecimalParser number = new DecimalParser();

    private byte delimiter;
    private int timeColumn;
    private float[] values = new float[0];
    /** The time of the row just read, µs, as its time column gives it (0 without one). */
    private long timeUs;

    RowReader(TextLine text) {
        this.text = text;
    }

    /** The time column of the rows: {@link #NO_TIME_COLUMN}, {@link #TIME_US}, {@link #TIME_MS} or {@link #TIME_S}. */
    int timeColumn() {
        return timeColumn;
    }

    /** The values of the row just read, in channel order; reused by the next. */
    float[] values() {
        return values;
    }

    /** The time of the row just read, µs, as its time column gives it: not extended past a wrap. */
    long timeUs() {
        return timeUs;
    }

    /** Takes the rows of a new descriptor: their delimiter, their time column, and {@code width} values. */
    void layout(byte newDelimiter, int newTimeColumn, int width) {
        delimiter = newDelimiter;
        timeColumn = newTimeColumn;
        if (values.length != width) {
            values = new float[width];
        }
    }

    /** Reads the row that is the {@link #text} into {@link #values()} and {@link #timeUs()}; false when malformed. */
    boolean read() {
        byte d = delimiter;
        int to = text.to();
        int expected = values.length + (timeColumn == NO_TIME_COLUMN ? 0 : 1);
        timeUs = 0;
        int column = 0;
        int p = text.from();
        while (true) {
            int e = text.cellEnd(p, d);
            if (column >= expected) {
                // one empty cell after the last is a delimiter ending the row, as a print loop writes it
                return column == expected && e >= to && text.isBlank(p, e);
            }
            if (!cell(p, e, column)) {
                return false;
            }
            column++;
            if (e >= to) {
                break;
            }
            p = text.nextCell(e, d);
        }
        return column == expected;
    }

    /** Reads the cell {@code [p, e)}, without the spaces around it, as column {@code column}; false when malformed. */
    private boolean cell(int p, int e, int column) {
        byte[] l = text.bytes();
        int a = p;
        int b = e;
        while (a < b && l[a] == ' ') {
            a++;
        }
        while (b > a && l[b - 1] == ' ') {
            b--;
        }
        boolean isTime = timeColumn != NO_TIME_COLUMN && column == 0;
        int index = column - (timeColumn == NO_TIME_COLUMN ? 0 : 1);
        if (a == b || b - a == 2 && l[a] == 'N' && l[a + 1] == 'A') {   // empty or R's NA: missing
            if (isTime) {
                return false;
            }
            values[index] = Float.NaN;
        } else if (number.scan(l, a, b) != b) {
            return false;
        } else if (isTime) {
            double t = number.doubleValue() * TIME_UNIT_US[timeColumn];
            if (!Double.isFinite(t)) {
                return false;
            }
            timeUs = Math.round(t);
        } else {
            values[index] = number.floatValue();
        }
        return true;
    }
}
