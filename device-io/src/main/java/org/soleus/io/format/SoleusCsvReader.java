package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.BodyMass;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.CommentLine;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * Reads the toolkit's own CSV recording format ({@code docs/recording-format.md}): {@code #}
 * metadata lines ({@code # key: value}), a header row of channel names (in double quotes or
 * not) with an optional {@code time_s} first column, one comma-separated row per sample, empty
 * cell, {@code NaN} or {@code NA} = missing. A metadata line that is not valid UTF-8 is read
 * with replacement characters and a warning names it.
 * Force in kN, kgf or lbf is converted to newtons while reading ({@link ForceUnits}); a
 * spreadsheet's trailing commas are ignored (the rows may end in as many empty cells as the
 * header row or the first row, whichever is more, and no more). {@code # warning: ...} lines become the
 * recording's warnings, located like the reader's own ({@code walk.csv:5352: the recording
 * ended early}), before those. Moticon insole cells ({@code <side>.insole.cell01_ncm2} …) give the
 * forces the Moticon reader and a live Moticon stream derive from them
 * ({@link MoticonCellForce#withHeelForce}), so that a file holding them is analysed as the stream it
 * was recorded from would be: an insole without its force gets one from its cells, and the heel
 * force is derived where it is missing. Other channels, a centre of pressure among them, are read
 * as written. Stateless and thread-safe.
 */
public final class SoleusCsvReader implements RecordingReader {
    /** What to do with a file saved with semicolons, as a spreadsheet set to another language saves it. */
    private static final String SAVE_WITH_COMMAS_AND_POINTS = "save the file as comma-separated values with decimal points"
            + " (semicolons usually come with decimal commas; a program set to English writes both as needed)";
    /** The wall-clock time of the first sample, a free property the toolkit reads in one form. */
    private static final String START_TIME = "start_time";
    /** The form of a channel name, as errors state it. */
    private static final String CHANNEL_NAME_FORM = "<side>.<place>.<quantity>_<unit>, e.g. left.insole.force_n";

    @Override
    public RecordingFormat format() {
        return RecordingFormat.SOLEUS_CSV;
    }

    @Override
    public void read(Path path, ReadOptions options, SampleSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (TextSource text = TextSource.open(path)) {
            if (text.atEnd()) {
                throw new DataFormatException(path, 0, 0, "the file is empty");
            }
            Header header = new Header(path, "the file's", options, false);
            long firstMalformed = 0;
            int malformed = 0;
            long cutInMetadata = 0;
            while (text.peek() == '#') {
                long line = text.lineNumber();
                cutInMetadata = text.atUnterminatedLastLine() ? line : 0;
                header.line(text.readLine(), line);
                if (text.lastLineMalformed() && malformed++ == 0) {
                    firstMalformed = line;
                }
            }
            if (malformed > 0) {
                warnings.add(path + ":" + firstMalformed + ": the line is not valid UTF-8 and was read with replacement"
                        + " characters" + (malformed > 1 ? " (and " + (malformed - 1) + " more metadata lines)" : "")
                        + "; save the file as UTF-8");
            }
            long headerLine = text.lineNumber();
            boolean cutInHeader = text.atUnterminatedLastLine();
            String columnLine = text.readLine();
            if (columnLine == null && cutInMetadata > 0) {
                throw new DataFormatException(path, cutInMetadata, 0, "the file ends in this metadata line, without a"
                        + " line end (cut short while it was written?); expected a header row of channel names after the"
                        + " metadata lines");
            }
            if (columnLine == null || columnLine.isBlank() && text.atEnd()) {
                throw new DataFormatException(path, headerLine, 0, "expected a header row of channel names after the metadata lines");
            }
            if (columnLine.isBlank()) {
                throw new DataFormatException(path, headerLine, 1, "a blank line where the header row of channel names"
                        + (headerLine > 1 ? " or a # metadata line" : "") + " was expected: the metadata lines and the"
                        + " header row come first, without blank lines before or among them");
            }
            boolean headerMalformed = text.lastLineMalformed();
            List<String> columns = headerCells(columnLine);
            boolean hasTime = columns.get(0).equals(SoleusCsv.TIME_COLUMN);
            String[] labels = new String[columns.size()];
            int[] targets = new int[columns.size()];
            List<ChannelName> channels = new ArrayList<>();
            Set<ChannelName> seen = new HashSet<>();
            ForceUnits forces = new ForceUnits();
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                labels[c] = name;
                if (c == 0 && hasTime) {
                    targets[c] = DelimitedRowParser.TIME;
                    continue;
                }
                if (!ChannelName.isValid(name)) {
                    throw new DataFormatException(path, headerLine, c + 1, headerMalformed && name.indexOf('\uFFFD') >= 0
                            ? "column " + (c + 1) + "'s name is not valid UTF-8 text; expected a channel name "
                                + CHANNEL_NAME_FORM + " (save the file as UTF-8)"
                            : notAChannelName(name, c) + (cutInHeader ? "; the file ends in its header row, without a"
                                + " line end: cut short while it was written?" : ""));
                }
                ChannelName channel = forces.toNewtons(ChannelName.parse(name), channels.size());
                int column = c + 1;
                // (a misspelt place of a force is told with the foot it leaves without one: FootWithoutForce)
                Optional<String> place = channel.quantity().equals("force") ? Optional.empty()
                        : NearMissNames.place(channel.place());
                place.ifPresent(known -> warnings.add(path + ":" + headerLine + ":"
                        + column + ": " + name + ": place '" + channel.place() + "' is none the analysis looks for, so"
                        + " the channel is kept as it is and not analysed; did you mean " + known + "?"));
                if (!seen.add(channel)) {
                    throw new DataFormatException(path, headerLine, c + 1, name.equals(channel.toString())
                            ? "channel " + name + " appears twice"
                            : "channel " + name + " is " + channel + " in newtons, which the file has already");
                }
                targets[c] = channels.size();
                channels.add(channel);
            }
            if (channels.isEmpty()) {
                throw new DataFormatException(path, headerLine, 0, "the header row names no channels");
            }
            if (!forces.isEmpty()) {
                warnings.add(forces.warning(path, headerLine));
            }
            header.checkAgainstChannels(channels);
            RecordingMetadata metadata = header.metadata(columnLine.stripTrailing().endsWith(","), warnings);
            List<CommentLine> comments = new ArrayList<>();
            DelimitedRowParser rows = new DelimitedRowParser(text, ',', labels, targets).comments('#', comments)
                    .trailingEmptyCells(ReaderSupport.cells(columnLine, ',').size() - columns.size())
                    .columnsNamedOn(headerLine);
            RowTransform stages = forces.isEmpty() ? MoticonCellForce::withHeelForce
                    : next -> forces.wrap(MoticonCellForce.withHeelForce(next));
            SampleSink out = RecordingAssembly.behindStages(sink, stages, MoticonCellForce.passesUnchanged(channels),
                    whole -> new CommentWarnings(whole, path, header.warnings, comments));
            new RowStreamer(path, rows, channels.size(), hasTime).stream(path.toString(), channels, metadata,
                    header.rateHz, header.startS, options,
                    "add a '# sample_rate_hz: <Hz>' line or a time_s column, or pass the rate with --rate <Hz>",
                    out, warnings);
        }
    }

    /**
     * The header row's cells, split at commas and trimmed, each without the double quotes
     * around it that R's {@code write.csv} and some spreadsheets put there
     * ({@code "time_s","left.insole.force_n"}), and without the empty cells at its end that a
     * spreadsheet writes (a trailing comma): the data rows may end in as many empty cells.
     */
    static List<String> headerCells(String line) {
        List<String> cells = ReaderSupport.cells(line, ',');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell.length() >= 2 && cell.charAt(0) == '"' && cell.charAt(cell.length() - 1) == '"') {
                cells.set(c, cell.substring(1, cell.length() - 1).strip());
            }
        }
        return ReaderSupport.withoutTrailingEmptyCells(cells);
    }

    /**
     * Why header cell {@code name} at 0-based index {@code c} is not a channel name, and what was
     * expected; in column 1, a nameless column (or pandas' {@code Unnamed: 0}) is taken for the
     * row index that pandas and R write unless told not to, and {@code time}, {@code t} or
     * another name starting with {@code time} for a time column named otherwise.
     */
    static String notAChannelName(String name, int c) {
        String expected = CHANNEL_NAME_FORM;
        for (char sep : new char[] {'\t', ';', ' '}) {
            if (holdsNamesSeparatedBy(name, sep)) {
                return "columns are separated by commas and this line holds " + (sep == '\t' ? "tabs"
                        : sep == ';' ? "semicolons" : "spaces") + "; " + (sep == ';' ? SAVE_WITH_COMMAS_AND_POINTS
                        : "save the file as comma-separated values");
            }
        }
        if (name.equals(SoleusCsv.TIME_COLUMN)) {
            return "time_s must be the first column; found in column " + (c + 1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (c == 0 && (name.isEmpty() || name.startsWith("Unnamed: "))) {
            return "column 1 " + (name.isEmpty() ? "has no name" : "is '" + name + "'") + ", like the row index that"
                    + " pandas' to_csv and R's write.csv write by default: save without it (index=False,"
                    + " row.names=FALSE) or delete the column";
        }
        if (c == 0 && (lower.equals("t") || lower.startsWith("time"))) {
            return "column 1 is '" + name + "', but the time column must be named time_s (in seconds): rename it,"
                    + " converting the times to seconds if need be";
        }
        if (name.isEmpty()) {
            return "column " + (c + 1) + " has no name; expected a channel name " + expected;
        }
        if (!lower.equals(name) && (ChannelName.isValid(lower) || c == 0 && lower.equals(SoleusCsv.TIME_COLUMN))) {
            return ReaderSupport.quoted(name) + ": channel names are lower case; rename it " + lower;
        }
        return ReaderSupport.quoted(name) + " is not a channel name of the form " + expected + (c == 0 ? " (or time_s)" : "");
    }

    /**
     * Whether {@code cell} splits at {@code sep} into several cells of which one is a channel
     * name or time_s; for spaces, every piece must be one (a name followed by its unit in
     * brackets, {@code left.insole.force_n (N)}, is no row of names).
     */
    static boolean holdsNamesSeparatedBy(String cell, char sep) {
        List<String> parts = ReaderSupport.cells(cell, sep).stream().filter(p -> sep != ' ' || !p.isEmpty()).toList();
        return parts.size() > 1 && (sep == ' ' ? parts.stream().allMatch(SoleusCsvReader::isNameOrTime)
                : parts.stream().anyMatch(SoleusCsvReader::isNameOrTime));
    }

    private static boolean isNameOrTime(String part) {
        return part.equals(SoleusCsv.TIME_COLUMN) || ChannelName.isValid(part);
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
    static RecordingHeader header(Path source, double sampleRateHz, List<ChannelName> channels,
                                  Map<String, String> entries, ReadOptions options, List<String> warnings,
                                  List<String> checks) throws DataFormatException {
        Header header = new Header(source, "the stream's", options, true);
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

    /**
     * Passes the stream on, putting the file's {@code # warning:} lines (those of the metadata,
     * then those among and after the rows) before the reader's warnings at the end.
     */
    private static final class CommentWarnings extends ForwardingSink {
        private final Path path;
        private final List<String> headerWarnings;
        private final List<CommentLine> comments;

        CommentWarnings(SampleSink sink, Path path, List<String> headerWarnings, List<CommentLine> comments) {
            super(sink);
            this.path = path;
            this.headerWarnings = headerWarnings;
            this.comments = comments;
        }

        @Override
        public void end(List<String> warnings) {
            List<String> all = new ArrayList<>(headerWarnings);
            for (CommentLine comment : comments) {
                String body = comment.text().substring(1).strip();
                if (body.startsWith(SoleusCsv.WARNING_PREFIX)) {
                    all.add(located(path, comment.line(), body.substring(SoleusCsv.WARNING_PREFIX.length())));
                } else if (definesKey(body)) {
                    all.add(path + ":" + comment.line() + ": '" + body + "' comes after the header row, where metadata"
                            + " lines are comments: not read (move it above the header row)");
                }
            }
            all.addAll(warnings);
            super.end(all);
        }
    }

    /** Whether a comment's body sets a key the format defines ({@code body_mass_kg: 72}), as a metadata line would. */
    private static boolean definesKey(String body) {
        int colon = body.indexOf(':');
        return colon > 0 && SoleusCsv.isReserved(body.substring(0, colon).strip());
    }

    /** A {@code # warning:} line's text as a warning located at its line. */
    private static String located(Path path, long line, String rawText) {
        return DataFormatException.location(path, line, 0) + ": " + SoleusCsv.unescape(rawText.strip());
    }

    /** The metadata lines, parsed as they come. */
    private static final class Header {
        private final Path path;
        private final ReadOptions options;
        /** Whose values the given ones override, for the warnings: {@code the file's}, {@code the stream's}. */
        private final String whose;
        private final Map<String, String> properties = new LinkedHashMap<>();
        /** Line and column of each property's value, for the messages of {@link FootGeometryProperties}. */
        private final Map<String, FootGeometryProperties.Position> propertyPositions = new HashMap<>();
        private final Map<Side, String> layoutUnit = new EnumMap<>(Side.class);
        private final Map<Side, Double> layoutLength = new EnumMap<>(Side.class);
        private final Map<Side, List<InsoleCell>> layoutCells = new EnumMap<>(Side.class);
        private final Map<Side, Long> layoutLine = new EnumMap<>(Side.class);
        /** Warnings from the metadata lines, located: its {@code # warning:} lines and the values not used. */
        private final List<String> warnings = new ArrayList<>();
        /**
         * Warnings that come of the metadata and channels alone (see {@link SoleusCsvReader#header}):
         * {@link #warnings} itself for a file, a list apart for a stream.
         */
        private final List<String> checks;
        private double rateHz = Double.NaN;
        private double startS = Double.NaN;
        private double massKg = Double.NaN;
        /** Whether a line whose value never ends in a comma ({@link #isReserved}) does: a spreadsheet padded the lines. */
        private boolean paddedLines;
        /** Each key given so far (but {@code warning}, which may repeat): its line and value. */
        private final Map<String, Map.Entry<Long, String>> given = new HashMap<>();

        Header(Path path, String whose, ReadOptions options, boolean checksApart) {
            this.path = path;
            this.whose = whose;
            this.options = options;
            this.checks = checksApart ? new ArrayList<>() : warnings;
        }

        /** The location that begins a message about a metadata line: without line and column for a stream's (line 0). */
        private String where(long line, int column) {
            return DataFormatException.location(path, line, column) + ": ";
        }

        void line(String line, long number) throws DataFormatException {
            String body = line.substring(1).strip();
            int colon = body.indexOf(':');
            if (colon <= 0) {
                return;
            }
            String key = body.substring(0, colon).strip();
            String raw = body.substring(colon + 1).strip();
            if (isReserved(key)) {
                String unpadded = withoutTrailingCommas(raw);
                paddedLines |= unpadded.length() < raw.length() && raw.endsWith(",");
                raw = unpadded;
            }
            int column = line.indexOf(':') + 1;
            while (column < line.length() && Character.isWhitespace(line.charAt(column))) {
                column++;
            }
            column++; // 1-based: the value's first character
            if (!key.equals(SoleusCsv.KEY_WARNING)) {
                Map.Entry<Long, String> before = given.putIfAbsent(key, Map.entry(number, raw));
                if (before != null && !sameValue(key, before.getValue(), raw)) {
                    throw new DataFormatException(path, number, line.indexOf(key) + 1, key + " is given twice, '"
                            + before.getValue() + "' on line " + before.getKey() + " and '" + raw + "' here: keep the"
                            + " one that holds");
                }
            }
            switch (key) {
                case SoleusCsv.KEY_FORMAT -> checkFormat(raw, number, column);
                case SoleusCsv.KEY_WARNING -> warnings.add(located(path, number, raw));
                case SoleusCsv.KEY_RATE -> {
                    double hz = ReaderSupport.parseDoubleOrNaN(raw);
                    String problem = ReaderSupport.rateProblem(key, raw, hz);
                    if (problem == null) {
                        rateHz = hz;
                    } else {
                        unusable(number, column, Double.isNaN(hz) && !raw.equalsIgnoreCase("nan")
                                ? key + ": expected a number, found '" + raw + "'" : problem, options.sampleRateHz(),
                                options.sampleRateGivenBy(), " Hz");
                    }
                }
                case SoleusCsv.KEY_START -> {
                    startS = number(raw, number, column, key);
                    if (!Double.isFinite(startS)) {
                        throw new DataFormatException(path, number, column, key + " must be a finite number of seconds, got '" + raw + "'");
                    }
                }
                case SoleusCsv.KEY_MASS -> {
                    double kg = ReaderSupport.parseDoubleOrNaN(raw);
                    if (raw.isEmpty() || raw.equalsIgnoreCase("nan") || BodyMass.accepted(kg)) {
                        massKg = kg;
                    } else {
                        unusable(number, column, Double.isNaN(kg) ? key + ": expected a number, found '" + raw + "'"
                                : key + " must be " + BodyMass.RANGE + " or NaN, got '" + raw + "'", options.bodyMassKg(),
                                options.bodyMassGivenBy(), " kg");
                    }
                }
                default -> {
                    if (key.startsWith(SoleusCsv.LAYOUT_PREFIX)) {
                        layout(key, raw, number, line.indexOf(key) + 1, column);
                    } else if ((!key.equals(EventTiming.PROPERTY) || usableEventTiming(raw, number, column))
                            && usableFreeValue(key, raw, number, column)) {
                        properties.put(key, SoleusCsv.unescape(raw));
                        propertyPositions.put(key, new FootGeometryProperties.Position(number, column));
                        NearMissNames.key(key).ifPresent(known -> checks.add(where(number, line.indexOf(key) + 1)
                                + "'" + key + "' is no key the toolkit reads, kept as a free"
                                + " property; did you mean " + known + "?"));
                    }
                }
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
            if (!isReserved(key)) {
                return false;
            }
            double x = ReaderSupport.parseDoubleOrNaN(a);
            return !Double.isNaN(x) && x == ReaderSupport.parseDoubleOrNaN(b);
        }

        /**
         * Whether {@code key} is one of the format's own keys or a foot dimension the analysis
         * reads as a number, whose values never end in a comma (a warning's text neither: the
         * writer ends none so).
         */
        private static boolean isReserved(String key) {
            return key.equals(SoleusCsv.KEY_FORMAT) || key.equals(SoleusCsv.KEY_RATE) || key.equals(SoleusCsv.KEY_START)
                    || key.equals(SoleusCsv.KEY_MASS) || key.equals(SoleusCsv.KEY_WARNING) || key.startsWith(SoleusCsv.LAYOUT_PREFIX)
                    || key.equals(FootGeometry.INSOLE_LENGTH_PROPERTY) || key.equals(FootGeometry.HEEL_TO_ANKLE_PROPERTY)
                    || key.equals(FootGeometry.INSOLE_SIZE_PROPERTY);
        }

        /** {@code value} without the commas (and blanks) a spreadsheet pads a line with. */
        private static String withoutTrailingCommas(String value) {
            int end = value.length();
            while (end > 0 && (value.charAt(end - 1) == ',' || value.charAt(end - 1) == ' ')) {
                end--;
            }
            return value.substring(0, end);
        }

        private void checkFormat(String value, long line, int column) throws DataFormatException {
            String unpadded = value.replaceAll("[;\\s]+$", "");
            if (!unpadded.equals(value) && value.strip().endsWith(";") && unpadded.equals(SoleusCsv.FORMAT_VALUE)) {
                throw new DataFormatException(path, line, column + value.indexOf(';'), "the line is padded with semicolons,"
                        + " as a spreadsheet set to semicolons saves every line; " + SAVE_WITH_COMMAS_AND_POINTS);
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

        private double number(String raw, long line, int column, String key) throws DataFormatException {
            double v = ReaderSupport.parseDoubleOrNaN(raw);
            if (Double.isNaN(v) && !raw.equalsIgnoreCase("nan")) {
                throw new DataFormatException(path, line, column, key + ": expected a number, found '" + raw + "'");
            }
            return v;
        }

        /** {@code layout.<side>.unit}, {@code layout.<side>.length_m} or {@code layout.<side>.<cell>}. */
        private void layout(String key, String raw, long line, int keyColumn, int column) throws DataFormatException {
            String rest = key.substring(SoleusCsv.LAYOUT_PREFIX.length());
            int dot = rest.indexOf('.');
            Side side = dot > 0 ? side(rest.substring(0, dot)) : null;
            if (side == null) {
                throw new DataFormatException(path, line, 1, "layout key '" + key + "' must be layout.left.<item> or layout.right.<item>");
            }
            String item = rest.substring(dot + 1);
            layoutLine.putIfAbsent(side, line);
            if (item.equals(SoleusCsv.LAYOUT_UNIT)) {
                if (!raw.equals("m") && !raw.equals("au")) {
                    throw new DataFormatException(path, line, column, key + " must be 'm' or 'au', got '" + raw + "'");
                }
                layoutUnit.put(side, raw);
            } else if (item.equals(SoleusCsv.LAYOUT_LENGTH)) {
                double lengthM = number(raw, line, column, key);
                if (!(Double.isNaN(lengthM) || lengthM > 0)) {
                    throw new DataFormatException(path, line, column, key + " must be > 0 m or NaN, got '" + raw + "'");
                }
                layoutLength.put(side, lengthM);   // whether it is an insole's: FootGeometryProperties
                propertyPositions.put(key, new FootGeometryProperties.Position(line, column));
            } else {
                layoutCells.computeIfAbsent(side, s -> new ArrayList<>()).add(cell(item, raw, line, column, key));
                propertyPositions.put(key, new FootGeometryProperties.Position(line, keyColumn));
            }
        }

        /**
         * Warns of each line that names a channel the source does not record:
         * <ul>
         *   <li>a layout line whose cell has no channel. A layout places the cells the source
         *       records, and a cell too many leaves the whole insole's cells unsummarised (no heel
         *       share or centre of pressure from them), as a device whose descriptor lists more
         *       cells than it streams does;</li>
         *   <li>a {@code range_min.<channel>} of no channel, which then bounds nothing.</li>
         * </ul>
         * Warnings, not errors, so that such a device's stream, and the files recorded from it,
         * are still read.
         */
        void checkAgainstChannels(List<ChannelName> channels) {
            for (Map.Entry<Side, List<InsoleCell>> e : layoutCells.entrySet()) {
                String side = e.getKey().label();
                List<String> unrecorded = new ArrayList<>();
                for (InsoleCell cell : e.getValue()) {
                    if (channels.stream().noneMatch(c -> c.side() == e.getKey() && c.place().equals("insole")
                            && c.quantity().equals(cell.quantity()))) {
                        unrecorded.add(cell.quantity());
                    }
                }
                if (unrecorded.isEmpty()) {
                    continue;
                }
                // one warning an insole, at its first such line: a descriptor may list many cells it does not stream
                String key = SoleusCsv.LAYOUT_PREFIX + side + "." + unrecorded.get(0);
                FootGeometryProperties.Position at = propertyPositions.get(key);
                String what = unrecorded.size() == 1
                        ? key + " places a cell that is not recorded (no " + side + ".insole." + unrecorded.get(0)
                                + "_<unit> channel)"
                        : key + " and " + (unrecorded.size() - 1) + " more layout lines place cells that are not recorded"
                                + " (" + String.join(", ", unrecorded) + ": no " + side + ".insole.<cell>_<unit> channel)";
                checks.add(where(at.line(), at.column()) + what + ", so the " + side + " insole's cells are not"
                        + " summarised: no heel share or centre of pressure from them");
            }
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

        private static Side side(String text) {
            return text.equals("left") ? Side.LEFT : text.equals("right") ? Side.RIGHT : null;
        }

        /** {@code x=<x> y=<y> [area_m2=<a>]}. */
        private InsoleCell cell(String quantity, String raw, long line, int column, String key) throws DataFormatException {
            if (!ChannelName.isValid("left.insole." + quantity + "_n")) {
                throw new DataFormatException(path, line, 1, "layout cell '" + quantity + "' must be a channel quantity such as cell03");
            }
            double x = Double.NaN;
            double y = Double.NaN;
            double area = Double.NaN;
            for (String part : ReaderSupport.cells(raw, ' ')) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                double v = eq < 0 ? Double.NaN : number(part.substring(eq + 1), line, column, key + " " + name);
                switch (name) {
                    case "x" -> x = v;
                    case "y" -> y = v;
                    case "area_m2" -> area = v;
                    default -> throw new DataFormatException(path, line, column, key + ": unknown item '" + part
                            + "', expected x=<x> y=<y> [area_m2=<m²>]");
                }
            }
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(Double.isNaN(area) || area > 0)) {
                throw new DataFormatException(path, line, column, key + ": expected x=<x> y=<y> [area_m2=<m²>] with finite"
                        + " x and y and a positive area, found '" + raw + "'");
            }
            return new InsoleCell(quantity, x, y, area);
        }

        /**
         * The metadata read. In a file that a spreadsheet saved, which pads every line to the width
         * of the widest with commas, free-text values lose their trailing commas too, so that
         * {@code insole_length_m: 0.27,,,} reads as 0.27: that is a file whose header row ends in a
         * comma ({@code headerRowPadded}) or one of whose lines with a value that never ends in a comma
         * ({@link #isReserved}) does. A value of the toolkit's own files keeps them.
         */
        RecordingMetadata metadata(boolean headerRowPadded, List<String> warnings)
                throws DataFormatException {
            if (headerRowPadded || paddedLines) {
                properties.replaceAll((key, value) -> withoutTrailingCommas(value));
            }
            Map<Side, InsoleLayout> layouts = new EnumMap<>(Side.class);
            for (Map.Entry<Side, Long> e : layoutLine.entrySet()) {
                Side side = e.getKey();
                String unit = layoutUnit.get(side);
                List<InsoleCell> cells = layoutCells.get(side);
                if (unit == null || cells == null) {
                    throw new DataFormatException(path, e.getValue(), 0, "the " + side.label() + " insole layout needs a "
                            + "layout." + side.label() + ".unit line and at least one cell line");
                }
                layouts.put(side, new InsoleLayout(unit, layoutLength.getOrDefault(side, Double.NaN), cells));
            }
            double mass = ReaderSupport.explicitBodyMass(path, whose, massKg, options, warnings);
            if (!Double.isNaN(options.bodyMassKg())) {
                // the given mass replaces the file's or the stream's, and with it where that came from
                properties.remove(RecordingMetadata.BODY_MASS_SOURCE);
            }
            RecordingMetadata metadata = new RecordingMetadata(mass, layouts, properties);
            FootGeometryProperties.check(path, metadata, propertyPositions, options, this.warnings, checks);
            return metadata;
        }
    }
}
