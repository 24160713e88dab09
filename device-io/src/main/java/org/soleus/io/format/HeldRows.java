package org.soleus.io.format;

import java.io.IOException;
import org.soleus.io.format.text.DelimitedRowParser;

/**
 * The first rows of a file, up to {@value RowStreamer#LOOKAHEAD_ROWS}, that {@link RowStreamer}
 * holds back while the rate is settled and streams after it.
 */
final class HeldRows {
    /** Each row's samples, {@code width} values. */
    final float[][] values;
    /** Each row's time ({@link DelimitedRowParser#time}), where a column is the time or sample index. */
    final double[] times;
    /** Each row's line. */
    final long[] lines;
    /** How many rows are held. */
    int count;
    /**
     * What the last read of the parser returned: {@link DelimitedRowParser#ROW} when more rows
     * may follow the held ones, else {@link DelimitedRowParser#END} or {@link DelimitedRowParser#CUT}.
     */
    int status = DelimitedRowParser.ROW;

    HeldRows(int width) {
        values = new float[RowStreamer.LOOKAHEAD_ROWS][width];
        times = new double[RowStreamer.LOOKAHEAD_ROWS];
        lines = new long[RowStreamer.LOOKAHEAD_ROWS];
    }

    /** Reads rows from {@code rows} until {@value RowStreamer#LOOKAHEAD_ROWS} are held or the text ends. */
    void fill(DelimitedRowParser rows) throws IOException {
        while (count < RowStreamer.LOOKAHEAD_ROWS && (status = rows.next(values[count])) == DelimitedRowParser.ROW) {
            times[count] = rows.time();
            lines[count] = rows.lastLine();
            count++;
        }
    }
}
