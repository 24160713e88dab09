package org.soleus.io.calibration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.format.DataFormatException;
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
 * Every error names the file and, for a bad value, the channel and key. Stateless; thread-safe.
 */
public final class CalibrationFile {
    /** The {@code format} value: name and major version. */
    public static final String FORMAT = "soleus-calibration 1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
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
        JsonNode root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataFormatException(file, at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()), "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(file, 0, 0, "expected a JSON object with format, device, date and channels");
        }
        String format = text(file, root, "format", "");
        if (!format.equals(FORMAT)) {
            throw new DataFormatException(file, 0, 0, "format is '" + format + "', expected '" + FORMAT + "'");
        }
        String device = text(file, root, "device", "");
        String dateText = text(file, root, "date", "");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new DataFormatException(file, 0, 0, "date '" + dateText + "' is not an ISO date (yyyy-mm-dd)");
        }
        JsonNode channels = root.get("channels");
        if (channels == null || !channels.isObject() || channels.isEmpty()) {
            throw new DataFormatException(file, 0, 0, "expected 'channels': an object with one entry per calibrated"
                    + " channel");
        }
        List<CellCalibration> cells = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            cells.add(cell(file, e.getKey(), e.getValue()));
        }
        try {
            return new Calibration(device, date, cells);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, 0, 0, e.getMessage());
        }
    }

    private static CellCalibration cell(Path file, String name, JsonNode node) throws DataFormatException {
        String where = "channel " + name + ": ";
        if (!ChannelName.isValid(name)) {
            throw new DataFormatException(file, 0, 0, where + "not a channel name of the form"
                    + " <side>.<place>.<quantity>_counts");
        }
        if (!node.isObject()) {
            throw new DataFormatException(file, 0, 0, where + "expected an object with model, a, b, ...");
        }
        CalibrationModel model;
        try {
            model = CalibrationModel.fromId(text(file, node, "model", where));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, 0, 0, where + e.getMessage());
        }
        JsonNode range = node.get("fit_range_counts");
        if (range == null || !range.isArray() || range.size() != 2 || !range.get(0).isNumber()
                || !range.get(1).isNumber()) {
            throw new DataFormatException(file, 0, 0, where + "expected 'fit_range_counts': [min, max]");
        }
        JsonNode points = node.get("points");
        if (points == null || !points.isIntegralNumber()) {
            throw new DataFormatException(file, 0, 0, where + "expected 'points': a whole number");
        }
        try {
            return new CellCalibration(ChannelName.parse(name), model, number(file, node, "a", where),
                    number(file, node, "b", where), number(file, node, "zero_offset_counts", where),
                    range.get(0).doubleValue(), range.get(1).doubleValue(), points.intValue(),
                    number(file, node, "rms_residual_n", where));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, 0, 0, where + e.getMessage());
        }
    }

    private static String text(Path file, JsonNode node, String key, String where) throws DataFormatException {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new DataFormatException(file, 0, 0, where + "expected '" + key + "': a string");
        }
        return v.textValue();
    }

    private static double number(Path file, JsonNode node, String key, String where) throws DataFormatException {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new DataFormatException(file, 0, 0, where + "expected '" + key + "': a number");
        }
        return v.doubleValue();
    }
}
