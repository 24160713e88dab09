package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * Reads foot-IMU CSV files as the gaitmap project writes them (pandas with a two-level column
 * index): a {@code sensor,...} row naming each column's sensor, an {@code axis,...} row naming
 * its axis, then one row per sample whose first column is the sample index (0, 1, 2, …).
 *
 * <p>The index is checked like a time column ({@link TimeSteps#ofSampleIndex}): it must be a
 * number and rise by exactly 1 per row; a row whose index skips {@code k} values follows a gap
 * of {@code k} missing samples, filled with NaN and named in a warning; an index that does not
 * rise or rises by a fraction is an error naming line and column. It gives neither the rate nor
 * the start time (the recording starts at 0 s). Columns whose sensor and axis are both empty at
 * the end of the header rows are a spreadsheet's padding, not columns: the rows may end in as
 * many empty cells, or in as many as the first row ends in if that is more, and no more.
 *
 * <p>Sensor {@code left_sensor} (any name starting with {@code left}) → side {@code left},
 * {@code right…} → {@code right}, any other name → side {@code none} with the name as place;
 * the place of a left or right sensor is {@code foot}. Axis {@code acc_x} → {@code acc_x_mps2}
 * (gaitmap's accelerations are in m/s²), {@code gyr_x} → {@code gyr_x_dps} (deg/s), and the same
 * for y and z; other axes keep their name with unit {@code au} and a warning. Example:
 * {@code left_sensor, acc_x} → {@code left.foot.acc_x_mps2}.
 *
 * <p>The file has no time column and states no rate, so {@link ReadOptions#sampleRateHz()} is
 * required (gaitmap's example data: 204.8 Hz). Stateless and thread-safe.
 */
public final class GaitmapReader implements RecordingReader {
    /** What the error says when no rate is given: the file states none and has no time column. */
    private static final String NO_RATE_ADVICE = "gaitmap IMU files have no time column; pass the sample rate with"
            + " --rate <Hz> (gaitmap's example data was recorded at 204.8 Hz)";

    @Override
    public RecordingFormat format() {
        return RecordingFormat.GAITMAP;
    }

    /**
     * Reads the two header rows ({@link #readHeaderRows}) and their columns ({@link #columns}),
     * then streams the rows into {@code sink} ({@link #streamRows}).
     */
    @Override
    public void read(Path path, ReadOptions options, SampleSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (TextSource text = TextSource.open(path)) {
            if (text.atEnd()) {
                throw new DataFormatException(path, 0, 0, "the file is empty");
            }
            HeaderRows header = readHeaderRows(text, path);
            Columns columns = columns(header, path, warnings);
            streamRows(text, path, options, header, columns, sink, warnings);
        }
    }

    /**
     * The sensor and axis rows, split into their cells.
     *
     * @param sensors the cells of the first row, {@code sensor} first
     * @param axes    the cells of the second row, {@code axis} first, as many
     */
    private record HeaderRows(List<String> sensors, List<String> axes) {
        /** How many columns the rows name: the cells but the empty ones at the end of both rows. */
        int width() {
            return Math.max(ReaderSupport.withoutTrailingEmptyCells(sensors).size(),
                    ReaderSupport.withoutTrailingEmptyCells(axes).size());
        }
    }

    /**
     * Reads the sensor and axis rows from the start of {@code text}.
     *
     * @throws DataFormatException when the first row does not start with {@code sensor} (a near
     *                             miss of the format named, {@link GaitmapRule#nearMiss}),
     *                             the second not with {@code axis}, or the two differ in length
     */
    private static HeaderRows readHeaderRows(TextSource text, Path path) throws IOException {
        String sensorLine = text.readLine();
        List<String> sensors = ReaderSupport.cells(sensorLine, ',');
        String axisLine = text.readLine();
        List<String> axes = ReaderSupport.cells(axisLine, ',');
        if (sensors.isEmpty() || !sensors.get(0).equalsIgnoreCase("sensor")) {
            DataFormatException otherwise = axisLine == null ? null
                    : GaitmapRule.nearMiss(path, List.of(sensorLine, axisLine));
            throw otherwise != null ? otherwise
                    : new DataFormatException(path, 1, 1, "expected a first header row starting with 'sensor,'");
        }
        if (axisLine == null || !axes.get(0).equalsIgnoreCase("axis")) {
            throw new DataFormatException(path, 2, 1, "expected a second header row starting with 'axis,'");
        }
        if (axes.size() != sensors.size()) {
            throw new DataFormatException(path, 2, Math.min(axes.size(), sensors.size()) + 1, "the axis row has "
                    + axes.size() + " columns but the sensor row has " + sensors.size());
        }
        return new HeaderRows(sensors, axes);
    }

    /**
     * The columns of the header rows: the first the row index, each other a channel.
     *
     * @param labels   each column's names in the file and its channel, for the row parser's messages
     * @param targets  each column's place in a row of samples, or {@link DelimitedRowParser#TIME}
     * @param channels the channels, in the order of the rows' samples
     */
    private record Columns(String[] labels, int[] targets, List<ChannelName> channels) {
    }

    /**
     * The columns of {@code header}.
     *
     * @param warnings receives, in column order, one warning for each axis not known and each
     *                 sensor that names no side (once a sensor)
     * @throws DataFormatException at the second column of a channel, or when there is no sensor column
     */
    private static Columns columns(HeaderRows header, Path path, List<String> warnings) throws DataFormatException {
        List<String> sensors = header.sensors();
        List<String> axes = header.axes();
        int n = header.width();
        String[] labels = new String[n];
        int[] targets = new int[n];
        labels[0] = "row index";
        targets[0] = DelimitedRowParser.TIME;
        List<ChannelName> channels = new ArrayList<>();
        Set<ChannelName> seen = new HashSet<>();
        Set<String> sideless = new HashSet<>();
        for (int c = 1; c < n; c++) {
            ChannelName name = channel(sensors.get(c), axes.get(c), path, c, warnings);
            if (name.side() == Side.NONE && sideless.add(sensors.get(c))) {
                warnings.add(noSideWarning(path, c, sensors.get(c), name));
            }
            if (!seen.add(name)) {
                throw new DataFormatException(path, 2, c + 1, "sensor '" + sensors.get(c) + "' axis '" + axes.get(c)
                        + "' appears twice (" + name + ")");
            }
            // the file's names, as the error of a cell shows them beside the channel's (as the Moticon reader's do)
            labels[c] = sensors.get(c) + " " + axes.get(c) + " as " + name;
            targets[c] = channels.size();
            channels.add(name);
        }
        if (channels.isEmpty()) {
            throw new DataFormatException(path, 1, 2, "no sensor columns after the row index");
        }
        return new Columns(labels, targets, channels);
    }

    /** The warning for sensor {@code sensor} of column {@code c} (0-based), whose channel {@code name} has no side. */
    private static String noSideWarning(Path path, int c, String sensor, ChannelName name) {
        return path + ":1:" + (c + 1) + ": sensor '" + sensor + "' names no side (left… or right…): read as "
                + name.side().label() + "." + name.place() + ".*, which the gait analysis does not use as a foot";
    }

    /** Streams the data rows into {@code sink}, their index checked as a time column. */
    private static void streamRows(TextSource text, Path path, ReadOptions options, HeaderRows header,
                                   Columns columns, SampleSink sink, List<String> warnings) throws IOException {
        List<ChannelName> channels = columns.channels();
        DelimitedRowParser rows = new DelimitedRowParser(text, ',', columns.labels(), columns.targets())
                .trailingEmptyCells(header.sensors().size() - header.width()).columnsNamedOn(2);
        RowStreamer.withSampleIndex(path, rows, channels.size()).stream(path.toString(), channels, metadata(path, options),
                StatedRate.NONE, Double.NaN, options, NO_RATE_ADVICE, sink, warnings);
    }

    /** The recording's metadata: the body mass given, and where the file comes from. */
    private static RecordingMetadata metadata(Path path, ReadOptions options) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("source_format", "gaitmap");
        properties.put("source_file", String.valueOf(path.getFileName()));
        properties.put("sensor_placement", "foot");
        return new RecordingMetadata(options.bodyMassKg(), Map.of(), properties);
    }

    /**
     * The channel of column {@code column} (0-based) of sensor {@code sensor} and axis
     * {@code axis}, with a warning in {@code warnings} when the axis is none gaitmap writes.
     */
    private static ChannelName channel(String sensor, String axis, Path path, int column, List<String> warnings) {
        String lowerSensor = sensor.toLowerCase(Locale.ROOT);
        Side side = lowerSensor.startsWith("left") ? Side.LEFT : lowerSensor.startsWith("right") ? Side.RIGHT : Side.NONE;
        String place = side == Side.NONE ? ReaderSupport.placeToken(sensor, "sensor") : "foot";
        String quantity = ReaderSupport.token(axis, "axis");
        String unit;
        if (quantity.matches("acc_[xyz]")) {
            unit = "mps2";
        } else if (quantity.matches("gyr_[xyz]")) {
            unit = "dps";
        } else {
            unit = "au";
            warnings.add(path + ":2:" + (column + 1) + ": axis '" + axis + "' is none of acc_x, acc_y, acc_z, gyr_x,"
                    + " gyr_y and gyr_z; read as " + quantity + "_au");
        }
        return ChannelName.of(side, place, quantity, unit);
    }
}
