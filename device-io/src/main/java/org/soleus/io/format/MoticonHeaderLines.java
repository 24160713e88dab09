package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.soleus.io.format.text.TextSource;

/**
 * The {@code #} header lines at the start of a Moticon OpenGo export: each {@code # Key: value}
 * line a fact of the recording's properties, the last line the column line. A line that a
 * spreadsheet put in quotes is read without them ({@link MoticonReader#unquoted}), and lines
 * that are not UTF-8 are read as Windows-1252, with a warning.
 *
 * @param columnLine       the last header line, which names the columns
 * @param columnLineNumber its line number
 */
record MoticonHeaderLines(String columnLine, long columnLineNumber) {
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss[.SSS]", Locale.ROOT);

    /**
     * Reads the header lines from {@code text}, positioned at the start of the file, and leaves it
     * at the first line after them.
     *
     * @param properties receives the facts of the header lines, over what the reader set by default
     * @param warnings   receives, in this order, the warnings of the facts ({@link #fact}) and one
     *                   when some header lines are not UTF-8
     * @throws DataFormatException when a quoted line is no {@code #} line, or the file starts with none
     */
    static MoticonHeaderLines read(TextSource text, Path path, Map<String, String> properties, List<String> warnings)
            throws IOException {
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
            line = withoutQuotes(line, path, columnLineNumber);
            // a line is a fact once a later header line shows it is not the column line
            if (columnLine != null) {
                fact(columnLine, path + ":" + factLineNumber + ": ", properties, fromHeader, warnings);
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
        return new MoticonHeaderLines(columnLine, columnLineNumber);
    }

    /**
     * A header line without the quotes a spreadsheet put around it, or as it is when unquoted.
     *
     * @throws DataFormatException when the quoted text is no {@code #} line
     */
    private static String withoutQuotes(String line, Path path, long lineNumber) throws DataFormatException {
        if (!line.startsWith("\"")) {
            return line;
        }
        String unquoted = MoticonReader.unquoted(line);
        if (!unquoted.startsWith("#")) {
            throw new DataFormatException(path, lineNumber, 1, "expected a '#' header line, found a quoted cell");
        }
        return unquoted;
    }

    /**
     * A {@code # Key: value} header line into {@code properties}, over what the reader set by
     * default ({@code event_timing}); a start time that is no date is kept as
     * {@code start_time_text}, and a key that an earlier header line gave ({@code fromHeader})
     * with another value keeps that value, each with a warning at {@code where} (the file and
     * line).
     */
    private static void fact(String line, String where, Map<String, String> properties, Set<String> fromHeader,
                             List<String> warnings) {
        String body = MoticonReader.stripHash(line);
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
            case "start time" -> startTime(label, value, where, fact, warnings);
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

    /**
     * {@code 27.09.2023 10:21:14.922} → {@code start_time} (ISO-8601 local time); a value that is
     * no such date as {@code start_time_text}, with a warning at {@code where}.
     */
    private static void startTime(String label, String value, String where, Map<String, String> fact,
                                  List<String> warnings) {
        try {
            fact.put("start_time", LocalDateTime.parse(value, START_TIME).toString());
        } catch (DateTimeParseException e) {
            warnings.add(where + "'" + label + "' " + value + " is not a date and time as dd.MM.yyyy"
                    + " HH:mm:ss.SSS; kept as start_time_text, not as start_time");
            fact.put("start_time_text", value);
        }
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
}
