package org.soleus.io.calibration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.format.DataFormatException;
import org.soleus.io.format.text.TextSource;
import org.soleus.io.output.AtomicFiles;

/**
 * Reads and writes a {@link Calibration} as a JSON file ({@code soleus-calibration 1}; format:
 * {@code docs/calibration.md}):
 *
 * <pre>{@code
 * {
 *   "format" : "soleus-calibration 1",
 *   "device" : "soleus_insole 1.0 left #7",
 *   "date" : "2025-03-01",
 *   "channels" : {
 *     "left.insole.cell03_counts" : {
 *       "model" : "power",
 *       "a" : 0.0102,
 *       "b" : 1.49,
 *       "zero_offset_counts" : 40.2,
 *       "fit_range_counts" : [ 40.2, 767.5 ],
 *       "points" : 4,
 *       "rms_residual_n" : 0.41
 *     }
 *   }
 * }
 * }</pre>
 *
 * Every error names the file, with the line and column of the value at fault (of the object that
 * lacks it, or of the channel's entry for a value out of its range) and, for a channel's value, the
 * channel and key. Stateless; thread-safe.
 */
public final class CalibrationFile {
    /** The {@code format} value: name and major version. */
    public static final String FORMAT = "soleus-calibration 1";

    private static final String CHANNELS = "channels";
    /** Where Jackson's own messages place a token: {@code [Source: ...; line: 3, column: 5]}. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /** The parser's advice to enable a feature for NaN and infinities. */
    private static final Pattern NON_NUMERIC_FEATURE = Pattern.compile(": enable `JsonReadFeature\\.ALLOW_NON_NUMERIC_NUMBERS` to"
            + " allow");
    /** The parser's advice to enable any other feature, which says nothing JSON has. */
    private static final Pattern OTHER_FEATURE = Pattern.compile(" ?\\(?(: )?enable `JsonReadFeature\\.[A-Z_]+` to allow\\)?");
    /** The parser's note that comments are a feature not enabled. */
    private static final Pattern COMMENT_FEATURE = Pattern.compile(
            ": maybe a \\(non-standard\\) comment\\? \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)");

    /** The mapper's refusal of a second value after the file's object. */
    private static final Pattern TRAILING = Pattern.compile("Trailing token \\(of type [A-Z_]+\\) found after value.*");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CalibrationFile() {
    }

    /**
     * Writes {@code calibration} to {@code target} all or nothing ({@link AtomicFiles}): an
     * existing file is replaced only once the new one is complete on disk.
     */
    public static void write(Path target, Calibration calibration) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("device", calibration.device());
        root.put("date", calibration.date().toString());
        ObjectNode channels = root.putObject("channels");
        for (CellCalibration c : calibration.cells()) {
            ObjectNode cell = channels.putObject(c.channel().toString());
            cell.put("model", c.model().id());
            cell.put("a", c.coefficient());
            cell.put("b", c.exponent());
            cell.put("zero_offset_counts", c.zeroOffsetCounts());
            ArrayNode range = cell.putArray("fit_range_counts");
            range.add(c.fitMinCounts());
            range.add(c.fitMaxCounts());
            cell.put("points", c.points());
            cell.put("rms_residual_n", c.rmsResidualN());
        }
        AtomicFiles.writeText(target, out -> {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
            out.write('\n');
        });
    }

    /**
     * Reads a calibration file.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws DataFormatException               naming the file (and line and column for bad
     *                                           JSON, channel and key for a bad value)
     */
    public static Calibration read(Path file) throws IOException {
        String json = utf8Text(file);
        JsonNode root;
        JsonValueLocations at;
        try {
            root = MAPPER.readTree(json);
            at = JsonValueLocations.of(MAPPER.createParser(json));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new DataFormatException(file, location == null ? 0 : Math.max(0, location.getLineNr()),
                    location == null ? 0 : Math.max(0, location.getColumnNr()), "not valid JSON: " + plain(e.getOriginalMessage()));
        }
        Located in = new Located(file, at);
        if (root == null || !root.isObject()) {
            throw in.error("", "expected a JSON object with format, device, date and channels");
        }
        String format = in.text(root, "", "format");
        if (!format.equals(FORMAT)) {
            throw in.error(JsonValueLocations.pointer("format"), "format is '" + format + "', expected '" + FORMAT + "'");
        }
        String device = in.text(root, "", "device");
        String dateText = in.text(root, "", "date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw in.error(JsonValueLocations.pointer("date"), "date '" + dateText + "' is not an ISO date (yyyy-mm-dd)");
        }
        JsonNode channels = root.get(CHANNELS);
        if (channels == null || !channels.isObject() || channels.isEmpty()) {
            throw in.error(JsonValueLocations.pointer(CHANNELS), "expected 'channels': an object with one entry per"
                    + " calibrated channel");
        }
        List<CellCalibration> cells = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : channels.properties()) {
            cells.add(cell(in, e.getKey(), e.getValue()));
        }
        try {
            return new Calibration(device, date, cells);
        } catch (IllegalArgumentException e) {
            throw in.error(JsonValueLocations.pointer(CHANNELS), e.getMessage());
        }
    }

    /**
     * The file's text, without a byte order mark at its start (Windows editors write one); bytes
     * that are not UTF-8 are an error at their line and column (in characters).
     */
    private static String utf8Text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = TextSource.byteOrderMarkLength(bytes, bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            long line = 1;
            int lineStart = start;
            for (int i = start; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new DataFormatException(file, line, column, "not valid UTF-8 text; save the file as UTF-8");
        }
        return out.flip().toString();
    }

    /**
     * A message of the JSON parser without its internals: where it places a token
     * ({@code [Source: ...; line: 3, column: 5]}) as {@code line 3, column 5}, the parser
     * features it names as what JSON does not have, and its refusal of a second value as such.
     */
    private static String plain(String parserMessage) {
        String message = SOURCE.matcher(parserMessage).replaceAll("line $1, column $2");
        message = NON_NUMERIC_FEATURE.matcher(message).replaceAll(" (JSON has no NaN or infinity)");
        message = OTHER_FEATURE.matcher(message).replaceAll("");
        message = COMMENT_FEATURE.matcher(message).replaceAll(" (JSON has no comments)");
        return TRAILING.matcher(message).replaceAll("more text after the end of the file's object; expected one object");
    }

    private static CellCalibration cell(Located in, String name, JsonNode node) throws DataFormatException {
        String where = "channel " + name + ": ";
        String pointer = JsonValueLocations.pointer(CHANNELS, name);
        if (!ChannelName.isValid(name)) {
            throw in.error(pointer, where + "not a channel name of the form <side>.<place>.<quantity>_counts");
        }
        if (!node.isObject()) {
            throw in.error(pointer, where + "expected an object with model, a, b, ...");
        }
        CalibrationModel model;
        try {
            model = CalibrationModel.fromId(in.text(node, pointer, "model"));
        } catch (IllegalArgumentException e) {
            throw in.error(JsonValueLocations.pointer(CHANNELS, name, "model"), where + e.getMessage());
        }
        JsonNode range = node.get("fit_range_counts");
        if (range == null || !range.isArray() || range.size() != 2 || !range.get(0).isNumber()
                || !range.get(1).isNumber()) {
            throw in.error(JsonValueLocations.pointer(CHANNELS, name, "fit_range_counts"),
                    where + "expected 'fit_range_counts': [min, max]");
        }
        JsonNode points = node.get("points");
        if (points == null || !points.isIntegralNumber() || !points.canConvertToInt()) {
            throw in.error(JsonValueLocations.pointer(CHANNELS, name, "points"), where + "expected 'points': a whole number"
                    + " (of at most " + Integer.MAX_VALUE + ")");
        }
        try {
            return new CellCalibration(ChannelName.parse(name), model, in.number(node, pointer, "a"),
                    in.number(node, pointer, "b"), in.number(node, pointer, "zero_offset_counts"),
                    range.get(0).doubleValue(), range.get(1).doubleValue(), points.intValue(),
                    in.number(node, pointer, "rms_residual_n"));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw in.error(pointer, message.startsWith(name + ": ") ? "channel " + message : where + message);
        }
    }

    /** A calibration file with where its values lie, for errors that name line and column. */
    private record Located(Path file, JsonValueLocations at) {
        DataFormatException error(String pointer, String problem) {
            JsonLocation location = at.at(pointer);
            return new DataFormatException(file, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()),
                    problem);
        }

        String text(JsonNode node, String pointer, String key) throws DataFormatException {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual()) {
                throw error(pointer + JsonValueLocations.pointer(key), prefix(pointer) + "expected '" + key + "': a string");
            }
            return v.textValue();
        }

        double number(JsonNode node, String pointer, String key) throws DataFormatException {
            JsonNode v = node.get(key);
            if (v == null || !v.isNumber()) {
                throw error(pointer + JsonValueLocations.pointer(key), prefix(pointer) + "expected '" + key + "': a number");
            }
            return v.doubleValue();
        }

        /** {@code channel <name>: } for a pointer into a channel's entry, else nothing. */
        private static String prefix(String pointer) {
            String channels = JsonValueLocations.pointer(CHANNELS) + "/";
            return pointer.startsWith(channels)
                    ? "channel " + JsonPointer.compile(pointer).tail().getMatchingProperty() + ": " : "";
        }
    }
}
