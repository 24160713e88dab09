package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.DelimitedRowParser;
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
    /** Units of a centre of pressure normalised to the insole, spaces removed. */
    private static final Set<String> NORMALISED_TO_INSOLE = Set.of("", "-0.5...+0.5", "-0.5...0.5");
    /** Units of a centre of pressure in percent of the insole, spaces removed. */
    private static final Set<String> PERCENT_OF_INSOLE = Set.of("%", "-50...+50", "-50...50");
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss[.SSS]", Locale.ROOT);

    @Override
    public RecordingFormat format() {
        return RecordingFormat.MOTICON;
    }

    @Override
    public void read(Path path, ReadOptions options, SampleSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (TextSource text = TextSource.open(path)) {
            if (text.atEnd()) {
                throw new DataFormatException(path, 0, 0, "the file is empty");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("source_format", "moticon-opengo");
            properties.put("source_file", String.valueOf(path.getFileName()));
            properties.put("sensor_placement", "insole");
            properties.put(EventTiming.PROPERTY, EventTiming.LOAD_LEVELS.id());
            Set<String> fromHeader = new HashSet<>();
            String columnLine = null;
            long columnLineNumber = 0;
            long firstNotUtf8 = 0;
            while (text.peek() == '#' || text.peek() == '"') {
                long factLineNumber = columnLineNumber;
                columnLineNumber = text.lineNumber();
                String line = text.readLineOrWindows1252();
                if (text.lastLineMalformed() && firstNotUtf8 == 0) {
                    firstNotUtf8 = columnLineNumber;
                }
                if (line.startsWith("\"")) {
                    line = unquoted(line);
                    if (!line.startsWith("#")) {
                        throw new DataFormatException(path, columnLineNumber, 1, "expected a '#' header line, found a"
                                + " quoted cell");
                    }
                }
                if (columnLine != null) {
                    headerFact(columnLine, path + ":" + factLineNumber + ": ", properties, fromHeader, warnings);
                }
                columnLine = line;
            }
            if (firstNotUtf8 > 0) {
                warnings.add(path + ":" + firstNotUtf8 + ": the header is not UTF-8 text (as the Moticon software"
                        + " writes it) and was read as Windows-1252, as a spreadsheet program re-saves it");
            }
            if (columnLine == null) {
                throw new DataFormatException(path, 1, 1, "expected '#' header lines, the last naming the columns");
            }
            List<String> cells = ReaderSupport.tabCells(stripHash(columnLine));
            List<String> columns = ReaderSupport.withoutTrailingEmptyCells(cells);
            int n = columns.size();
            String[] labels = new String[n];
            int[] targets = new int[n];
            List<ChannelName> channels = new ArrayList<>();
            Map<ChannelName, Integer> seen = new HashMap<>();
            List<Integer> lenientColumns = new ArrayList<>();
            Set<ChannelName> copInPercent = new HashSet<>();
            ForceUnits forces = new ForceUnits();
            boolean hasTime = false;
            boolean timeInMs = false;
            for (int c = 0; c < n; c++) {
                String column = columns.get(c);
                labels[c] = column;
                if (isTimeColumn(column)) {
                    if (hasTime) {
                        throw new DataFormatException(path, columnLineNumber, c + 1, "a second time column '" + column + "'");
                    }
                    String unit = column.replace(" ", "").substring("time".length()).toLowerCase(Locale.ROOT);
                    if (!(unit.isEmpty() || unit.equals("[s]") || unit.equals("[ms]"))) {
                        throw new DataFormatException(path, columnLineNumber, c + 1, "time column '" + column
                                + "': expected the time in seconds ('time', 'time[s]') or milliseconds ('time[ms]')");
                    }
                    targets[c] = DelimitedRowParser.TIME;
                    hasTime = true;
                    timeInMs = unit.equals("[ms]");
                    continue;
                }
                Mapping m = map(column);
                if (m == null) {
                    targets[c] = DelimitedRowParser.SKIP;
                    warnings.add(path + ":" + columnLineNumber + ":" + (c + 1) + ": column '" + column
                            + "' holds text labels, not numbers; skipped");
                    continue;
                }
                ChannelName name = ForceUnits.inNewtons(m.name);
                Integer earlier = seen.putIfAbsent(name, c);
                if (earlier != null && m.known) {
                    // two columns of one quantity the analysis reads: which is it? (a renamed column)
                    throw new DataFormatException(path, columnLineNumber, c + 1, "column '" + column + "' is "
                            + name + ", as column " + (earlier + 1) + " '" + columns.get(earlier) + "' is: expected"
                            + " each quantity once; rename or delete one of them");
                }
                if (earlier != null) {
                    targets[c] = DelimitedRowParser.SKIP;
                    warnings.add(path + ":" + columnLineNumber + ":" + (c + 1) + ": column '" + column
                            + "' maps to " + name + " like an earlier column; skipped");
                    continue;
                }
                targets[c] = channels.size();
                channels.add(forces.toNewtons(m.name, channels.size()));
                if (m.inPercent) {
                    copInPercent.add(m.name);
                }
                labels[c] = column + " as " + name;
                if ((m.name.quantity().equals("cop_x") || m.name.quantity().equals("cop_y")) && !m.name.unit().equals("norm")) {
                    warnings.add(path + ":" + columnLineNumber + ":" + (c + 1) + ": column '" + column + "' is not a"
                            + " centre of pressure normalised to the insole (−0.5…+0.5, or in %): read as " + m.name
                            + " and not used as a position on the insole");
                }
                if (!m.known) {
                    lenientColumns.add(c);
                }
            }
            if (!hasTime) {
                throw noTimeColumn(path, text, columnLine, columnLineNumber);
            }
            if (channels.isEmpty()) {
                throw new DataFormatException(path, columnLineNumber, 0, "no data columns besides time");
            }
            DelimitedRowParser rows = new DelimitedRowParser(text, '\t', labels, targets)
                    .trailingEmptyCells(cells.size() - n).columnsNamedOn(columnLineNumber)
                    .shortRowHint("a Moticon export writes every cell of a row, empty where an insole sent no data:"
                            + " were the empty cells at the ends of the rows removed?");
            for (int c : lenientColumns) {
                rows.lenient(c);
            }
            if (timeInMs) {
                rows.timeInMilliseconds();
            }
            double massKg = options.bodyMassKg();
            RecordingMetadata metadata = new RecordingMetadata(massKg, Map.of(), properties);
            if (!forces.isEmpty()) {
                warnings.add(forces.warning(path, columnLineNumber));
            }
            RowTransform stages = forces.inFrontOf(next -> MoticonCentreOfPressure.stages(next, copInPercent));
            new RowStreamer(path, rows, channels.size(), true).stream(path.toString(), channels, metadata,
                    Double.NaN, Double.NaN, options, "pass the rate explicitly (--rate 100 for Moticon OpenGo)",
                    RecordingAssembly.behindStages(sink, stages, MoticonCellForce.passesUnchanged(channels),
                            UnaryOperator.identity()), warnings);
        }
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

    private static String stripHash(String line) {
        int i = 1;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return line.substring(Math.min(i, line.length()));
    }

    /**
     * A {@code # Key: value} header line into {@code properties}, over what the reader set by
     * default ({@code event_timing}); a start time that is no date is kept as
     * {@code start_time_text}, and a key that an earlier header line gave ({@code fromHeader})
     * with another value keeps that value, each with a warning at {@code where} (the file and
     * line).
     */
    private static void headerFact(String line, String where, Map<String, String> properties, Set<String> fromHeader,
                                   List<String> warnings) {
        String body = stripHash(line);
        int colon = body.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String label = body.substring(0, colon).trim();
        String key = label.toLowerCase(Locale.ROOT);
        String value = body.substring(colon + 1).trim();
        if (value.isEmpty()) {
            return;
        }
        Map<String, String> fact = new LinkedHashMap<>();
        switch (key) {
            case "start time" -> {
                try {
                    fact.put("start_time", LocalDateTime.parse(value, START_TIME).toString());
                } catch (DateTimeParseException e) {
                    warnings.add(where + "'" + label + "' " + value + " is not a date and time as dd.MM.yyyy"
                            + " HH:mm:ss.SSS; kept as start_time_text, not as start_time");
                    fact.put("start_time_text", value);
                }
            }
            case "start timestamp" -> fact.put("start_timestamp_ms", value);
            case "size" -> fact.put("insole_size", value);
            case "sensor insoles" -> serials(value, fact);
            default -> {
                String token = ReaderSupport.token(key, "property");
                fact.put(SoleusCsv.isReserved(token) ? "moticon_" + token : token, value);
            }
        }
        fact.forEach((property, text) -> {
            if (fromHeader.add(property)) {
                properties.put(property, text);
            } else if (!properties.get(property).equals(text)) {
                warnings.add(where + "'" + label + "' is given again, as " + value + "; the first is kept (" + property
                        + " " + properties.get(property) + ")");
            }
        });
    }

    /** {@code Left SN5968, Right SN9171} → {@code insole_serial_left}, {@code insole_serial_right}. */
    private static void serials(String value, Map<String, String> properties) {
        boolean any = false;
        for (String part : ReaderSupport.cells(value, ',')) {
            int space = part.indexOf(' ');
            String side = space > 0 ? part.substring(0, space).toLowerCase(Locale.ROOT) : "";
            if (side.equals("left") || side.equals("right")) {
                properties.put("insole_serial_" + side, part.substring(space + 1).trim());
                any = true;
            }
        }
        if (!any) {
            properties.put("sensor_insoles", value);
        }
    }

    /**
     * A column's channel; {@code known} for a column of the export's own (read strictly), and
     * {@code inPercent} for a centre of pressure in percent of the insole.
     */
    private record Mapping(ChannelName name, boolean known, boolean inPercent) {
        Mapping(ChannelName name, boolean known) {
            this(name, known, false);
        }
    }

    /** The channel for a column, or null for a column of text labels. */
    private static Mapping map(String column) {
        int open = column.lastIndexOf('[');
        String words = (open >= 0 ? column.substring(0, open) : column).trim().toLowerCase(Locale.ROOT);
        String unit = open >= 0 ? column.substring(open + 1, column.endsWith("]") ? column.length() - 1 : column.length()).trim() : "";
        Side side = Side.NONE;
        if (words.startsWith("left ")) {
            side = Side.LEFT;
            words = words.substring(5).trim();
        } else if (words.startsWith("right ")) {
            side = Side.RIGHT;
            words = words.substring(6).trim();
        }
        if (words.equals("events label") || words.endsWith(" label")) {
            return null;
        }
        String last = words.isEmpty() ? "" : words.substring(words.lastIndexOf(' ') + 1);
        String head = words.length() > last.length() ? words.substring(0, words.length() - last.length()).trim() : "";
        if (head.equals("pressure") && isNumber(last)) {
            int cell = Integer.parseInt(last);
            return known(side, (cell < 10 ? "cell0" : "cell") + cell, ReaderSupport.unitToken(unit));
        }
        if (head.equals("acceleration") && isAxis(last)) {
            return known(side, "acc_" + last, ReaderSupport.unitToken(unit));
        }
        if (head.equals("angular") && isAxis(last)) {
            return known(side, "gyr_" + last, ReaderSupport.unitToken(unit));
        }
        if (head.equals("center of pressure") && (last.equals("x") || last.equals("y"))) {
            return copMapping(side, last, unit);
        }
        switch (words) {
            case "total force":
                return known(side, "force", ReaderSupport.unitToken(unit));
            case "steps":
                return known(side, "vendor_step", "code");
            case "events":
                return known(side, "event", "code");
            default:
                return new Mapping(ChannelName.of(side, "insole", ReaderSupport.token(words, "column"), ReaderSupport.unitToken(unit)), false);
        }
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

    /**
     * A centre-of-pressure column by its unit: normalised to the insole as the exports give it
     * ({@code [-0.5...+0.5]}, or no unit), in percent of the insole ({@code [%]},
     * {@code [-50...+50]}, scaled to it while reading), or in another unit ({@code [mm]}), which is
     * kept under its own unit ({@code left.insole.cop_y_mm}; {@code _au} where the unit makes no
     * name, as {@code [0...1]}) and not taken for a position on the insole.
     */
    private static Mapping copMapping(Side side, String moticonAxis, String unit) {
        String compact = unit.replace(" ", "");
        ChannelName normalised = copChannel(side, moticonAxis);
        if (PERCENT_OF_INSOLE.contains(compact)) {
            return new Mapping(normalised, true, true);
        }
        if (NORMALISED_TO_INSOLE.contains(compact)) {
            return new Mapping(normalised, true);
        }
        String token = ReaderSupport.unitToken(unit);
        return known(side, normalised.quantity(), Character.isLetter(token.charAt(0)) ? token : "au");
    }

    private static Mapping known(Side side, String quantity, String unit) {
        return new Mapping(ChannelName.of(side, "insole", quantity, unit), true);
    }

    private static boolean isAxis(String s) {
        return s.equals("x") || s.equals("y") || s.equals("z");
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
