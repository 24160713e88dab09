package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.TextSource;

/**
 * Reads Moticon OpenGo text exports: {@code #} header lines ({@code # Key: value}), the last of
 * which names the tab-separated columns with their units in brackets, then one row per sample
 * at 100 Hz. Rows hold empty cells where one insole sent no data; they are read as missing.
 * Empty names at the end of the column line are padding, not columns: the rows may end in as
 * many empty cells after the last column, or in as many as the first row ends in if that is
 * more, and no more.
 *
 * <p>Column mapping (side from the first word, place {@code insole}):
 * <ul>
 *   <li>{@code time} → the time column (the rate is derived from it), in seconds, or in
 *       milliseconds when named {@code time[ms]} (another unit is an error);</li>
 *   <li>{@code left pressure 1[N/cm²]} … {@code 16} → {@code left.insole.cell01_ncm2} …;</li>
 *   <li>{@code left acceleration X[g]} → {@code left.insole.acc_x_g};</li>
 *   <li>{@code left angular X[dps]} → {@code left.insole.gyr_x_dps};</li>
 *   <li>{@code left total force[N]} → {@code left.insole.force_n}; a force in kN, kgf or lbf is
 *       converted to newtons while reading, with a warning ({@link ForceUnits});</li>
 *   <li>{@code left center of pressure X[-0.5...+0.5]} → {@code left.insole.cop_y_norm} and
 *       {@code Y} → {@code left.insole.cop_x_norm}: Moticon's x runs along the insole (−0.5 heel …
 *       +0.5 toe) and its y across it, the toolkit's the other way round ({@link #copChannel}); the
 *       0, 0 it writes below 50 N is read as missing ({@link MoticonCentreOfPressure}); a column
 *       in percent of the insole ({@code [%]}, {@code [-50...+50]}) is scaled to −0.5…+0.5, and one
 *       in another unit ({@code [mm]}) keeps it ({@code left.insole.cop_y_mm}), with a warning, and
 *       is not taken for a normalised position;</li>
 *   <li>{@code right steps[]} → {@code right.insole.vendor_step_code}: the vendor software's step
 *       events (11/15 = left heel strike/toe off, 21/25 = right), NaN elsewhere;</li>
 *   <li>{@code Right Events[]} → {@code right.insole.event_code}: hand-set events
 *       (1 = heel strike, 2 = mid-stance minimum in the shipped example), NaN elsewhere;</li>
 *   <li>{@code Right Events label[]} (text) → skipped, with a warning;</li>
 *   <li>and, added: {@code <side>.insole.heel_force_n}, the heel region's force from the cells
 *       ({@link MoticonHeelForce}); for insoles exported without their total force,
 *       {@code <side>.insole.force_au}, the cells' area-weighted mean pressure, proportional to the
 *       force, which the gait events then come from, or, when the other insole has its force,
 *       {@code <side>.insole.force_n} from the sensing area that insole gives
 *       ({@link MoticonCellForce});</li>
 *   <li>anything else → {@code <side>.insole.<words>_<unit>} from its words and unit
 *       ({@code left COP velocity[1]} → {@code left.insole.cop_velocity_au}), read leniently:
 *       cells that are not numbers become NaN with a warning.</li>
 * </ul>
 * Two columns that map to one channel of the list above (a pressure cell renamed as the total
 * force) are an error naming both: which of them holds the quantity cannot be told. Two columns
 * of one name that the list does not know keep the first, with a warning.
 * Header facts become metadata properties: {@code start_time} (ISO-8601 local time),
 * {@code start_timestamp_ms}, {@code duration}, {@code insole_size}, {@code insole_serial_left},
 * {@code insole_serial_right}, {@code recording_type}, {@code name}, {@code notes}, {@code tag},
 * and any other key as a lower-case token (prefixed {@code moticon_} where it would clash with a
 * key of the toolkit's CSV format). A start time that is no date is kept as
 * {@code start_time_text}, and a key given twice keeps its first value, each with a warning.
 * Header lines that are not UTF-8, as the export is written,
 * are read as Windows-1252 with a warning: a spreadsheet program on Windows re-saves the file so,
 * and {@code N/cm²} must stay {@code ncm2} for the heel force to find its cells. Stateless and
 * thread-safe.
 */
public final class MoticonReader implements RecordingReader {
    /** What the error says when no rate is known (the time column has one row only to derive it from). */
    private static final String NO_RATE_ADVICE = "pass the rate explicitly (--rate 100 for Moticon OpenGo)";

    @Override
    public RecordingFormat format() {
        return RecordingFormat.MOTICON;
    }

    /**
     * Reads the header lines ({@link MoticonHeaderLines}) and the columns of the last of them
     * ({@link MoticonColumns}), then streams the rows into {@code sink} ({@link #streamRows}).
     */
    @Override
    public void read(Path path, ReadOptions options, SampleSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (TextSource text = TextSource.open(path)) {
            if (text.atEnd()) {
                throw new DataFormatException(path, 0, 0, "the file is empty");
            }
            Map<String, String> properties = defaultProperties(path);
            MoticonHeaderLines header = MoticonHeaderLines.read(text, path, properties, warnings);
            MoticonColumns columns = MoticonColumns.of(path, header, warnings);
            if (!columns.hasTime()) {
                throw noTimeColumn(path, text, header.columnLine(), header.columnLineNumber());
            }
            if (columns.channels().isEmpty()) {
                throw new DataFormatException(path, header.columnLineNumber(), 0, "no data columns besides time");
            }
            RecordingMetadata metadata = new RecordingMetadata(options.bodyMassKg(), Map.of(), properties);
            streamRows(text, path, options, columns, metadata, sink, warnings);
        }
    }

    /** The properties every export gets before its header lines': where it comes from, how its events are timed. */
    private static Map<String, String> defaultProperties(Path path) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("source_format", "moticon-opengo");
        properties.put("source_file", String.valueOf(path.getFileName()));
        properties.put("sensor_placement", "insole");
        properties.put(EventTiming.PROPERTY, EventTiming.LOAD_LEVELS.id());
        return properties;
    }

    /**
     * Streams the data rows into {@code sink}, behind the reader's stages
     * ({@link MoticonColumns#stages}) and the forces the cells give ({@link MoticonCellForce}).
     */
    private static void streamRows(TextSource text, Path path, ReadOptions options, MoticonColumns columns,
                                   RecordingMetadata metadata, SampleSink sink, List<String> warnings)
            throws IOException {
        List<ChannelName> channels = columns.channels();
        SampleSink out = RecordingAssembly.behindStages(sink, columns.stages(),
                MoticonCellForce.passesUnchanged(channels), UnaryOperator.identity());
        new RowStreamer(path, columns.rowParser(text), channels.size(), true).stream(path.toString(), channels,
                metadata, StatedRate.NONE, Double.NaN, options, NO_RATE_ADVICE, out, warnings);
    }

    /**
     * Whether a column of the column line is the time: {@code time}, or with a unit in brackets
     * ({@code time[s]}, {@code time [ms]}; the reader takes seconds and milliseconds).
     */
    static boolean isTimeColumn(String column) {
        String compact = column.replace(" ", "").toLowerCase(Locale.ROOT);
        return compact.equals("time") || compact.startsWith("time[");
    }

    /**
     * The error for a column line without a time column: that the columns are separated by
     * commas or semicolons ({@link #otherSeparator}) when this line or a later {@code #} line
     * says so (a spreadsheet puts a line that holds its separator in quotes, which ends the
     * {@code #} lines early), else that the time column is missing.
     */
    private static DataFormatException noTimeColumn(Path path, TextSource text, String columnLine, long columnLineNumber)
            throws IOException {
        long line = columnLineNumber;
        String problem = otherSeparator(columnLine);
        while (problem == null && (text.peek() == '#' || text.peek() == '"')) {
            line = text.lineNumber();
            problem = otherSeparator(text.readLine());
        }
        return problem != null ? new DataFormatException(path, line, 0, problem)
                : new DataFormatException(path, columnLineNumber, 1, "expected a 'time' column in the column line");
    }

    /**
     * What is wrong with {@code line} when it is a Moticon column line whose columns are
     * separated by commas or semicolons instead of tabs, as a spreadsheet saves an export
     * ({@code # time,left pressure 1[N/cm²],...}), or by spaces alone, or null when it is not one.
     */
    static String otherSeparator(String line) {
        if (line == null || !line.startsWith("#")) {
            return null;
        }
        String body = stripHash(line);
        int comma = body.indexOf(',');
        int semicolon = body.indexOf(';');
        int at = comma < 0 ? semicolon : semicolon < 0 ? comma : Math.min(comma, semicolon);
        if (at < 0) {
            // the column names hold spaces themselves, so only a line without a tab tells
            boolean spaced = body.indexOf('\t') < 0 && body.toLowerCase(Locale.ROOT).startsWith("time ")
                    && body.indexOf('[') > 0;
            return spaced ? "a Moticon export's columns are separated by tabs and this line holds none, only spaces;"
                    + " export it again from the Moticon software" : null;
        }
        String first = body.substring(0, at).strip().toLowerCase(Locale.ROOT);
        if (!(first.equals("time") || first.startsWith("time[")) || body.indexOf('[', at) < 0) {
            return null;
        }
        String found = body.charAt(at) == ',' ? "commas" : "semicolons";
        return "a Moticon export's columns are separated by tabs and this line holds " + found
                + "; export it again from the Moticon software (or replace the " + found + " by tabs)";
    }

    /**
     * The text of a header line that a spreadsheet put in quotes because it holds a comma
     * ({@code "# Sensor insoles: Left SN5968, Right SN9171"}, then the tabs that pad every line
     * of the sheet): the quoted text, doubled quotes read as one.
     */
    static String unquoted(String line) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    i++;
                } else {
                    break;
                }
            }
            text.append(c);
        }
        return text.toString();
    }

    /** A {@code #} line's text after the {@code #} and the spaces that follow it. */
    static String stripHash(String line) {
        int i = 1;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return line.substring(Math.min(i, line.length()));
    }

    /**
     * The toolkit's channel for a Moticon centre-of-pressure axis ({@code x} or {@code y}, in
     * normalised insole coordinates, −0.5 … +0.5). Moticon's x is the heel-to-toe axis: in every
     * stance of the shipped exports it travels from about −0.36 at heel strike to about +0.3 at
     * toe off (0.58–0.69 per stance), while y stays within ±0.3 (0.08–0.28 per stance). The
     * toolkit's {@code cop_y} is heel-to-toe and {@code cop_x} across the foot, so Moticon's x
     * becomes {@code <side>.insole.cop_y_norm} and its y {@code cop_x_norm}.
     */
    public static ChannelName copChannel(Side side, String moticonAxis) {
        switch (moticonAxis) {
            case "x":
                return ChannelName.of(side, "insole", "cop_y", "norm");
            case "y":
                return ChannelName.of(side, "insole", "cop_x", "norm");
            default:
                throw new IllegalArgumentException("Moticon centre-of-pressure axis must be x or y, was '" + moticonAxis + "'");
        }
    }
}
