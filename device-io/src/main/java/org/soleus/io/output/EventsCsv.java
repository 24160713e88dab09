package org.soleus.io.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.soleus.core.events.GaitEvent;

/**
 * Writes gait events as CSV: header {@value #HEADER}, one row per event in time order, side
 * as {@code left}/{@code right}, event as {@code heel_strike}/{@code toe_off}, time in seconds
 * with 4 decimals, source as {@code insole}, {@code imu} or {@code insole_imu} (the sensors the
 * event comes from). Stateless and thread-safe.
 */
public final class EventsCsv {

    /** The header line. */
    public static final String HEADER = "side,event,time_s,sample_index,source";

    private EventsCsv() {
    }

    /**
     * Writes the header and one row per event, sorted by time (ties keep their given order).
     * Does not close {@code out}.
     */
    public static void write(List<GaitEvent> events, Writer out) throws IOException {
        List<GaitEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(GaitEvent::timeS));
        out.write(HEADER);
        out.write('\n');
        CsvLine row = new CsvLine(64);
        for (GaitEvent e : sorted) {
            row(e, row).writeTo(out);
        }
    }

    /** One event's row with its line end, in {@code row} (cleared first); compiled apart from the loop. */
    private static CsvLine row(GaitEvent e, CsvLine row) {
        row.clear().append(e.side().label()).append(',').append(e.type().label()).append(',');
        return Decimals.append(row, e.timeS(), 4).append(',').append(e.sampleIndex()).append(',')
                .append(e.source().label()).append('\n');
    }
}
