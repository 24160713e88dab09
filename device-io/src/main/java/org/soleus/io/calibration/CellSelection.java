package org.soleus.io.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * The cells a calibration covers: one raw channel the user named, or all raw insole channels
 * ({@code <side>.insole.<cell>_counts}) of a stream or a readings file. Stateless.
 */
public final class CellSelection {

    private CellSelection() {
    }

    /**
     * The channels of a stream to measure.
     *
     * @param header the stream's header
     * @param only   the one channel to measure, or null for all its raw insole channels
     * @param source the stream's name, for the messages
     * @throws IllegalArgumentException naming {@code source} when the stream has no raw insole
     *                                  channel, or not the one asked for
     */
    public static List<ChannelName> toMeasure(RecordingHeader header, ChannelName only, String source) {
        List<ChannelName> raw = new ArrayList<>();
        for (ChannelName n : header.channels()) {
            if (n.side() != Side.NONE && n.place().equals("insole") && n.unit().equals(CellCalibration.COUNTS)) {
                raw.add(n);
            }
        }
        if (only == null) {
            if (raw.isEmpty()) {
                throw new IllegalArgumentException(source + ": the stream has no raw insole channel (<side>.insole.<cell>"
                        + "_counts) to calibrate; its channels: " + header.channels());
            }
            return raw;
        }
        if (header.indexOf(only) < 0) {
            throw new IllegalArgumentException(source + ": the stream has no channel " + only + "; its raw insole channels: "
                    + raw);
        }
        return List.of(only);
    }

    /**
     * The readings to fit, in the file's order.
     *
     * @param all    the readings per channel ({@link ReadingsCsv#read})
     * @param only   the one channel to fit, or null for all
     * @param source the readings file, for the message
     * @throws IllegalArgumentException naming {@code source} when it has no readings of {@code only}
     */
    public static Map<ChannelName, List<CalibrationPoint>> ofReadings(Map<ChannelName, List<CalibrationPoint>> all,
                                                                      ChannelName only, String source) {
        if (only == null) {
            return new LinkedHashMap<>(all);
        }
        if (!all.containsKey(only)) {
            throw new IllegalArgumentException(source + ": no readings of " + only + "; it has " + all.keySet());
        }
        return Map.of(only, all.get(only));
    }
}
