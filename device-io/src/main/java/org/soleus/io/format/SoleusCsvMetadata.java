package org.soleus.io.format;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.BodyMass;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * The metadata lines of a toolkit CSV ({@code # key: value}), or a stream's metadata entries,
 * parsed as they come: the format checked, the rate, start time and body mass read, insole
 * layouts ({@link InsoleLayoutLines}) and free properties collected, with the warnings and
 * errors of values that cannot be used. Then checked against the channels
 * ({@link #checkAgainstChannels}) and made into the recording's metadata ({@link #metadata}).
 */
final class SoleusCsvMetadata {
    /** The wall-clock time of the first sample, a free property the toolkit reads in one form. */
    private static final String START_TIME = "start_time";

    private final Path path;
    private final ReadOptions options;
    /** Whose values the given ones override, for the warnings: {@code the file's}, {@code the stream's}. */
    private final String whose;
    /**
     * Whether the command reading the lines has {@code --insole-length} and
     * {@code --heel-to-ankle} (a file's reader does, a stream's does not), for the errors of
     * unusable foot dimensions to name them.
     */
    private final boolean footFlags;
    private final Map<String, String> properties = new LinkedHashMap<>();
    /** Line and column of each property's value, for the messages of {@link FootGeometryProperties}. */
    private final Map<String, FootGeometryProperties.Position> propertyPositions = new HashMap<>();
    private final InsoleLayoutLines layouts;
    /** Warnings from the metadata lines, located: its {@code # warning:} lines and the values not used. */
    private final List<String> warnings = new ArrayList<>();
    /**
     * Warnings that come of the metadata and channels alone (see {@link #streamHeader}):
     * {@link #warnings} itself for a file, a list apart for a stream.
     */
    private final List<String> checks;
    private StatedRate rate = StatedRate.NONE;
    private double startS = Double.NaN;
    private double massKg = Double.NaN;
    /** Where the body mass is given ({@link #where}), for the warning of a mass the user gives instead. */
    private String massWhere;
    /** Whether a line whose value never ends in a comma ({@link #isReadKey}) does: a spreadsheet padded the lines. */
    private boolean paddedLines;
    /** Each key given so far (but {@code warning}, which may repeat): its line and value. */
    private final Map<String, Map.Entry<Long, String>> given = new HashMap<>();

    /**
     * @param path    the file or stream, named in messages
     * @param options values the user gives, which win over the metadata's
     * @param stream  whether the lines are a stream's ({@link #streamHeader}): its warnings of the
     *                metadata and channels alone are then kept apart rather than among the
     *                metadata's, and its errors name no foot-dimension flag
     */
    SoleusCsvMetadata(Path path, ReadOptions options, boolean stream) {
        this.path = path;
        this.whose = stream ? "the stream's" : "the file's";
        this.options = options;
        this.footFlags = !stream;
        this.checks = stream ? new ArrayList<>() : warnings;
        this.layouts = new InsoleLayoutLines(path, propertyPositions);
    }

    /**
     * Rebuilds a stream header from metadata lines given as key and value text (as
     * {@link SoleusCsv#metadataEntries} makes them), for streams that carry the recording
     * format's metadata, such as a serial device's descriptor.
     *
     * @param options  values the user gives, which win over the entries'
     * @param warnings receives the metadata's warnings: its {@code warning} entries, a given value
     *                 that overrides the entries', an entry's value that could not be used
     * @param checks   receives the warnings that come of the entries and channels alone, as a
     *                 recording of the stream keeps them (a layout cell that is not recorded, a key
     *                 a typo from a known one): the recording's reader gives them again, at its lines
     * @throws DataFormatException naming {@code source} and the key, when a value is malformed
     */
    static RecordingHeader streamHeader(Path source, double sampleRateHz, List<ChannelName> channels,
                                        Map<String, String> entries, ReadOptions options, List<String> warnings,
                                        List<String> checks) throws DataFormatException {
        SoleusCsvMetadata header = new SoleusCsvMetadata(source, options, true);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            // line 0: a stream's entries have no line a message could name (a binary descriptor has none at all)
            header.line("# " + e.getKey() + ": " + e.getValue(), 0);
        }
        header.checkAgainstChannels(channels);
        RecordingMetadata metadata = header.metadata(false, warnings);
        warnings.addAll(0, header.warnings);
        checks.addAll(header.checks);
        double startS = Double.isNaN(header.startS) ? 0 : header.startS;
        return new RecordingHeader(source.toString(), sampleRateHz, startS, channels, metadata);
    }

    /** The rate the lines state, and where. */
    StatedRate statedRate() {
        return rate;
    }

    /** The time of the first sample the lines state, s, or NaN. */
    double startS() {
        return startS;
    }

    /**
     * The warnings of the lines, located: their {@code # warning:} lines, the values not used
     * and, for a file, those of {@link #checkAgainstChannels} and {@link #metadata}.
     */
    List<String> warnings() {
        return warnings;
    }

    /** The location that begins a message about a metadata line: without line and column for a stream's (line 0). */
    private String where(long line, int column) {
        return DataFormatException.location(path, line, column) + ": ";
    }

    /**
     * Reads metadata line {@code line}, line {@code number} of the file (0 for a stream's): a
     * {@code # key: value} line sets its key, any other is a comment.
     *
     * @throws DataFormatException when the key was given before with another value, or its
     *                             value cannot be used and the user gives none instead
     */
    void line(String line, long number) throws DataFormatException {
        String body = line.substring(1).strip();
        int colon = body.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String key = body.substring(0, colon).strip();
        String raw = unpadded(key, body.substring(colon + 1).strip());
        int keyColumn = line.indexOf(key) + 1;
        int column = valueColumn(line);
        if (!key.equals(SoleusCsv.KEY_WARNING)) {
            requireOneValue(key, raw, number, keyColumn);
        }
        switch (key) {
            case SoleusCsv.KEY_FORMAT -> checkFormat(raw, number, column);
            case SoleusCsv.KEY_WARNING -> warnings.add(CommentWarnings.located(path, number, raw));
            case SoleusCsv.KEY_RATE -> rate(key, raw, number, column);
            case SoleusCsv.KEY_START -> start(key, raw, number, column);
            case SoleusCsv.KEY_MASS -> bodyMass(key, raw, number, column);
            default -> {
                if (key.startsWith(SoleusCsv.LAYOUT_PREFIX)) {
                    layouts.line(key, raw, number, keyColumn, column);
                } else {
                    property(key, raw, number, keyColumn, column);
                }
            }
        }
    }

    /**
     * {@code raw}, the value of {@code key}, without the commas a spreadsheet pads it with when
     * it never ends in a comma ({@link #isReadKey}); notes that the lines are padded.
     */
    private String unpadded(String key, String raw) {
        if (!isReadKey(key)) {
            return raw;
        }
        String unpadded = withoutTrailingCommas(raw);
        paddedLines |= unpadded.length() < raw.length() && raw.endsWith(",");
        return unpadded;
    }

    /** The 1-based column of the value of metadata line {@code line}: past its first colon and the blanks after it. */
    private static int valueColumn(String line) {
        int column = line.indexOf(':') + 1;
        while (column < line.length() && Character.isWhitespace(line.charAt(column))) {
            column++;
        }
        return column + 1;
    }

    /** Records the value of {@code key}; an error when an earlier line gave it another value. */
    private void requireOneValue(String key, String raw, long number, int keyColumn) throws DataFormatException {
        Map.Entry<Long, String> before = given.putIfAbsent(key, Map.entry(number, raw));
        if (before != null && !sameValue(key, before.getValue(), raw)) {
            throw new DataFormatException(path, number, keyColumn, key + " is given twice, '"
                    + before.getValue() + "' on line " + before.getKey() + " and '" + raw + "' here: keep the"
                    + " one that holds");
        }
    }

    /** The {@code sample_rate_hz} line. */
    private void rate(String key, String raw, long number, int column) throws DataFormatException {
        double hz = ReaderSupport.parseDoubleOrNaN(raw);
        String problem = ReaderSupport.rateProblem(key, raw, hz);
        if (problem == null) {
            rate = new StatedRate(hz, where(number, column));
        } else {
            unusable(number, column, Double.isNaN(hz) && !raw.equalsIgnoreCase("nan")
                    ? key + ": expected a number, found '" + raw + "'" : problem, options.sampleRateHz(),
                    options.sampleRateGivenBy(), " Hz");
        }
    }

    /** The {@code start_time_s} line. */
    private void start(String key, String raw, long number, int column) throws DataFormatException {
        startS = ReaderSupport.metadataNumber(path, raw, number, column, key);
        if (!Double.isFinite(startS)) {
            throw new DataFormatException(path, number, column, key + " must be a finite number of seconds, got '" + raw + "'");
        }
    }

    /** The {@code body_mass_kg} line. */
    private void bodyMass(String key, String raw, long number, int column) throws DataFormatException {
        double kg = ReaderSupport.parseDoubleOrNaN(raw);
        if (raw.isEmpty() || raw.equalsIgnoreCase("nan") || BodyMass.accepted(kg)) {
            massKg = kg;
            massWhere = where(number, column);
        } else {
            unusable(number, column, Double.isNaN(kg) ? key + ": expected a number, found '" + raw + "'"
                    : key + " must be " + BodyMass.RANGE + " or NaN, got '" + raw + "'", options.bodyMassKg(),
                    options.bodyMassGivenBy(), " kg");
        }
    }

    /**
     * A line of a key the format does not define: a free property, kept when its value is
     * usable, with a warning when the key is a typo of one the toolkit reads.
     */
    private void property(String key, String raw, long number, int keyColumn, int column) throws DataFormatException {
        if ((!key.equals(EventTiming.PROPERTY) || usableEventTiming(raw, number, column))
                && usableFreeValue(key, raw, number, column)) {
            properties.put(key, SoleusCsv.unescape(raw));
            propertyPositions.put(key, new FootGeometryProperties.Position(number, column));
            NearMissNames.key(key).ifPresent(known -> checks.add(where(number, keyColumn)
                    + "'" + key + "' is no key the toolkit reads, kept as a free"
                    + " property; did you mean " + known + "?"));
        }
    }

    /**
     * Whether an {@code event_timing} names a timing there is; one that does not is an error at
     * its value, or a warning where the user gives the timing ({@link ReadOptions#withGivenBy}),
     * and is then left out.
     */
    private boolean usableEventTiming(String raw, long number, int column) throws DataFormatException {
        try {
            EventTiming.of(raw);
            return true;
        } catch (IllegalArgumentException e) {
            DataFormatException error = new DataFormatException(path, number, column,
                    EventTiming.PROPERTY + ": " + e.getMessage());
            String by = options.givenBy().get(EventTiming.PROPERTY);
            if (by == null) {
                throw error;
            }
            warnings.add(error.getMessage() + "; not used: " + by + " is given");
            return false;
        }
    }

    /**
     * Whether the value of a property the toolkit reads in a given form has that form: a
     * {@code range_min.<channel>} a number, a {@code start_time} an ISO-8601 local date-time.
     * A range minimum that is not is left out, and a start time kept as
     * {@code start_time_text} (as the Moticon reader keeps a start time that is no date),
     * each with a warning at its value.
     */
    private boolean usableFreeValue(String key, String raw, long line, int column) {
        String where = where(line, column);
        if (key.startsWith(RecordingMetadata.RANGE_MIN_PREFIX)
                && Double.isNaN(ReaderSupport.parseDoubleOrNaN(raw))) {
            warnings.add(where + key + ": expected a number in the channel's unit, found '" + raw + "'; not used");
            return false;
        }
        if (key.equals(START_TIME)) {
            try {
                LocalDateTime.parse(raw);
            } catch (DateTimeParseException e) {
                warnings.add(where + START_TIME + ": expected an ISO-8601 local date-time such as"
                        + " 2023-09-27T10:21:14.922, found '" + raw + "'; kept as start_time_text");
                properties.put(START_TIME + "_text", SoleusCsv.unescape(raw));
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two values of {@code key} are the same: the same text, or, for a key the reader
     * reads as a number, the same number ({@code 100}, {@code 100.0}).
     */
    private static boolean sameValue(String key, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (!isReadKey(key)) {
            return false;
        }
        double x = ReaderSupport.parseDoubleOrNaN(a);
        return !Double.isNaN(x) && x == ReaderSupport.parseDoubleOrNaN(b);
    }

    /**
     * Whether {@code key} is one the reader reads: one of the format's own keys
     * ({@link SoleusCsv#isReserved}) or a foot dimension the analysis reads as a number. Their
     * values never end in a comma (a warning's text neither: the writer ends none so).
     */
    static boolean isReadKey(String key) {
        return SoleusCsv.isReserved(key) || key.equals(FootGeometry.INSOLE_LENGTH_PROPERTY)
                || key.equals(FootGeometry.HEEL_TO_ANKLE_PROPERTY) || key.equals(FootGeometry.INSOLE_SIZE_PROPERTY);
    }

    /** {@code value} without the commas (and blanks) a spreadsheet pads a line with. */
    private static String withoutTrailingCommas(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ',' || value.charAt(end - 1) == ' ')) {
            end--;
        }
        return value.substring(0, end);
    }

    /** The {@code format} line: {@code soleus-csv} of this major version. */
    private void checkFormat(String value, long line, int column) throws DataFormatException {
        String unpadded = value.replaceAll("[;\\s]+$", "");
        if (!unpadded.equals(value) && value.strip().endsWith(";") && unpadded.equals(SoleusCsv.FORMAT_VALUE)) {
            throw new DataFormatException(path, line, column + value.indexOf(';'), "the line is padded with semicolons,"
                    + " as a spreadsheet set to semicolons saves every line; " + SoleusCsv.SAVE_WITH_COMMAS_AND_POINTS);
        }
        int space = value.indexOf(' ');
        String name = space < 0 ? value : value.substring(0, space);
        String version = space < 0 ? "" : value.substring(space + 1).strip();
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        if (!name.equals(SoleusCsv.FORMAT_NAME) || !major.equals(String.valueOf(SoleusCsv.MAJOR_VERSION))) {
            throw new DataFormatException(path, line, column, "format '" + value + "' is not supported; expected '"
                    + SoleusCsv.FORMAT_VALUE + "'");
        }
    }

    /**
     * A value of the file's that cannot be used: an error, or a warning when the user gives
     * the value ({@code given} not NaN), which is then used instead.
     */
    private void unusable(long line, int column, String problem, double given, String option, String unit)
            throws DataFormatException {
        ReaderSupport.unusable(path, line, column, problem, given, option, unit, warnings);
    }

    /**
     * Warns of each line that names a channel the source does not record:
     * <ul>
     *   <li>a layout line whose cell has no channel ({@link InsoleLayoutLines#checkAgainstChannels});</li>
     *   <li>a {@code range_min.<channel>} of no channel, which then bounds nothing.</li>
     * </ul>
     * Warnings, not errors, so that such a device's stream, and the files recorded from it,
     * are still read.
     */
    void checkAgainstChannels(List<ChannelName> channels) {
        layouts.checkAgainstChannels(channels, checks);
        for (String key : properties.keySet()) {
            if (!key.startsWith(RecordingMetadata.RANGE_MIN_PREFIX)) {
                continue;
            }
            String channel = key.substring(RecordingMetadata.RANGE_MIN_PREFIX.length());
            if (channels.stream().noneMatch(c -> c.toString().equals(channel))) {
                FootGeometryProperties.Position at = propertyPositions.get(key);
                checks.add(where(at.line(), at.column()) + key + " names no channel that is"
                        + " recorded, so it bounds nothing");
            }
        }
    }

    /**
     * The metadata read. In a file that a spreadsheet saved, which pads every line to the width
     * of the widest with commas, free-text values lose their trailing commas too, so that
     * {@code insole_length_m: 0.27,,,} reads as 0.27: that is a file whose header row ends in a
     * comma ({@code headerRowPadded}) or one of whose lines with a value that never ends in a comma
     * ({@link #isReadKey}) does. A value of the toolkit's own files keeps them.
     */
    RecordingMetadata metadata(boolean headerRowPadded, List<String> warnings)
            throws DataFormatException {
        if (headerRowPadded || paddedLines) {
            properties.replaceAll((key, value) -> withoutTrailingCommas(value));
        }
        Map<Side, InsoleLayout> insoleLayouts = layouts.layouts();
        RecordingMetadata metadata = new RecordingMetadata(bodyMass(warnings), insoleLayouts, properties);
        FootGeometryProperties.check(path, metadata, propertyPositions, options, footFlags, this.warnings, checks);
        return metadata;
    }

    /**
     * The body mass to use: the user's over the lines' ({@link ReaderSupport#explicitBodyMass},
     * warning in {@code warnings} of one that differs), which then drops where the lines' came from.
     */
    private double bodyMass(List<String> warnings) {
        double mass = ReaderSupport.explicitBodyMass(massWhere, whose, massKg, options, warnings);
        if (!Double.isNaN(options.bodyMassKg())) {
            // the given mass replaces the file's or the stream's, and with it where that came from
            properties.remove(RecordingMetadata.BODY_MASS_SOURCE);
        }
        return mass;
    }
}
