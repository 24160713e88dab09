package org.soleus.io.format;

import java.util.LinkedHashMap;
import java.util.Map;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * Names and text rules of the toolkit's own CSV recording format, shared by
 * {@link SoleusCsvReader} and {@link RecordingWriter}. The format is specified in
 * {@code docs/recording-format.md}.
 */
final class SoleusCsv {
    /** Value of the {@code format} key written by this version. */
    static final String FORMAT_VALUE = "soleus-csv 1";
    static final String FORMAT_NAME = "soleus-csv";
    static final int MAJOR_VERSION = 1;

    static final String KEY_FORMAT = "format";
    static final String KEY_RATE = "sample_rate_hz";
    static final String KEY_START = "start_time_s";
    static final String KEY_MASS = "body_mass_kg";
    static final String LAYOUT_PREFIX = "layout.";
    static final String LAYOUT_UNIT = "unit";
    static final String LAYOUT_LENGTH = "length_m";
    static final String KEY_WARNING = "warning";
    static final String WARNING_PREFIX = KEY_WARNING + ":";
    static final String TIME_COLUMN = "time_s";
    /** What to do with a file saved with semicolons, as a spreadsheet set to another language saves it. */
    static final String SAVE_WITH_COMMAS_AND_POINTS = "save the file as comma-separated values with decimal points"
            + " (semicolons usually come with decimal commas; a program set to English writes both as needed)";

    private SoleusCsv() {
    }

    /** Whether {@code key} is one the format defines rather than a free property. */
    static boolean isReserved(String key) {
        return key.equals(KEY_FORMAT) || key.equals(KEY_RATE) || key.equals(KEY_START) || key.equals(KEY_MASS)
                || key.startsWith(LAYOUT_PREFIX) || key.equals(KEY_WARNING);
    }

    /** Whether {@code key} can be written as a property key. */
    static boolean isValidKey(String key) {
        if (key.isEmpty() || !key.equals(key.strip())) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ':' || c == '\n' || c == '\r' || c == '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Escapes a metadata value so it fits on one line and keeps its outer blanks:
     * {@code \\}, {@code \n}, {@code \r}, {@code \t}, and {@code \s} for a space at either end.
     */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case ' ' -> sb.append(i == 0 || i == value.length() - 1 ? "\\s" : " ");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Undoes {@link #escape}; an unknown escape keeps its character. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                sb.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 's' -> sb.append(' ');
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    /** The value of a cell line: {@code x=<x> y=<y>} and {@code area_m2=<a>} when the area is known. */
    static String cellValue(InsoleCell cell) {
        String xy = "x=" + cell.x() + " y=" + cell.y();
        return Double.isNaN(cell.areaM2()) ? xy : xy + " area_m2=" + cell.areaM2();
    }

    /**
     * The metadata lines of a header after {@code format} and {@code sample_rate_hz}, as key and
     * value text in file order: start time, body mass, insole layouts, then the properties
     * (values escaped with {@link #escape}).
     */
    static Map<String, String> metadataEntries(RecordingHeader header) {
        Map<String, String> lines = new LinkedHashMap<>();
        RecordingMetadata m = header.metadata();
        lines.put(KEY_START, Double.toString(header.startTimeS()));
        if (m.hasBodyMass()) {
            lines.put(KEY_MASS, Double.toString(m.bodyMassKg()));
        }
        for (Side side : Side.values()) {
            InsoleLayout layout = m.layout(side);
            if (layout == null) {
                continue;
            }
            String prefix = LAYOUT_PREFIX + side.label() + ".";
            lines.put(prefix + LAYOUT_UNIT, layout.coordinateUnit());
            if (!Double.isNaN(layout.lengthM())) {
                lines.put(prefix + LAYOUT_LENGTH, Double.toString(layout.lengthM()));
            }
            for (InsoleCell cell : layout.cells()) {
                lines.put(prefix + cell.quantity(), cellValue(cell));
            }
        }
        for (Map.Entry<String, String> e : m.properties().entrySet()) {
            lines.put(e.getKey(), escape(e.getValue()));
        }
        return lines;
    }
}
