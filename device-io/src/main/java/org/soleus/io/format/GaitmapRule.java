package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;

/**
 * The format rule of a gaitmap-style IMU CSV ({@link GaitmapReader}): line 1 starts with
 * {@code sensor,} and line 2 with {@code axis,}; and its near misses, header rows that would
 * match but for their separator, quotes around the names or a leading index column. Stateless
 * and thread-safe.
 */
final class GaitmapRule {
    private GaitmapRule() {
    }

    /** Whether the head's first two lines are a gaitmap-style IMU CSV's header rows. */
    static boolean matches(List<String> lines) {
        return lines.size() >= 2 && lines.get(0).startsWith("sensor,") && lines.get(1).startsWith("axis,");
    }

    /**
     * The error for a file whose first two lines would be a gaitmap-style IMU CSV's header rows
     * ({@code sensor,…} and {@code axis,…}) but for their separator (tabs or semicolons), quotes
     * around the names, or a leading index column (pandas' {@code to_csv} without
     * {@code index=False}), or null.
     */
    static DataFormatException nearMiss(Path path, List<String> lines) {
        if (lines.size() < 2) {
            return null;
        }
        String sensor = lines.get(0).replace("\"", "");
        String axis = lines.get(1).replace("\"", "");
        for (char separator : new char[] {'\t', ';'}) {
            if (sensor.startsWith("sensor" + separator) && axis.startsWith("axis" + separator)) {
                return new DataFormatException(path, 1, 7, "the header rows of a gaitmap-style IMU CSV (sensor, axis),"
                        + " but separated by " + (separator == ';' ? "semicolons" : "tabs") + "; expected commas:"
                        + " save the file as comma-separated values" + (separator == ';' ? ", with decimal points" : ""));
            }
        }
        int comma = sensor.indexOf(',');
        if (comma >= 0 && sensor.startsWith("sensor,", comma + 1) && axis.startsWith("axis,", axis.indexOf(',') + 1)) {
            return new DataFormatException(path, 1, 1, "a gaitmap-style IMU CSV with a column before its 'sensor'"
                    + " column, like the row index that pandas' to_csv writes by default: save without it"
                    + " (index=False) or delete the column");
        }
        if (!sensor.equals(lines.get(0)) && sensor.startsWith("sensor,") && axis.startsWith("axis,")) {
            return new DataFormatException(path, 1, 1, "the header rows of a gaitmap-style IMU CSV, but with names in"
                    + " quotes; expected them unquoted: save the file without quoting the names");
        }
        return null;
    }
}
