package org.soleus.io.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.BodyMass;

/**
 * Looks up one subject in a PhysioNet gaitndd {@code subject-description.txt}: tab separated,
 * a header row whose first cell is empty (the record-name column) followed by column names such
 * as {@code GROUP}, {@code AGE(YRS)}, {@code HEIGHT(meters)}, {@code Weight(kg)}, then one row
 * per subject keyed by record name. Columns are found by their header name, never by position.
 *
 * <p>The file only adds metadata to a recording, so its problems (a file that cannot be read,
 * no row for the record, no weight column, a weight such as {@code MISSING}) become warnings
 * and an unknown body mass, never a failed read. Stateless and thread-safe.
 */
final class GaitnddSubjectTable {

    /** The file name the gaitndd database uses. */
    static final String FILE_NAME = "subject-description.txt";
    /** Header of the body-mass column. */
    static final String WEIGHT_COLUMN = "Weight(kg)";

    /**
     * One subject's row.
     *
     * @param fields     cell per column header (the key column left out), in file order;
     *                   columns the row lacks are absent
     * @param bodyMassKg the {@code Weight(kg)} cell, or NaN when absent or not a valid mass
     */
    record Subject(Map<String, String> fields, double bodyMassKg) {
        Subject {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    private GaitnddSubjectTable() {
    }

    /**
     * The row of {@code recordName} in {@code file}, or null when there is none or the file
     * cannot be read (a warning then says so). Problems with the row's weight are added to
     * {@code warnings}.
     */
    static Subject find(Path file, String recordName, List<String> warnings) {
        try {
            return read(file, recordName, warnings);
        } catch (IOException e) {
            warnings.add(file + ": cannot be read (" + ReaderSupport.reason(e) + ")" + Recordings.BODY_MASS_UNKNOWN);
            return null;
        }
    }

    private static Subject read(Path file, String recordName, List<String> warnings) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                warnings.add(file + ": empty subject description" + Recordings.BODY_MASS_UNKNOWN);
                return null;
            }
            String[] header = headerLine.split("\t", -1);
            int weightColumn = -1;
            for (int c = 1; c < header.length; c++) {
                if (header[c].strip().equals(WEIGHT_COLUMN)) {
                    weightColumn = c;
                }
            }
            String text;
            long line = 1;
            while ((text = in.readLine()) != null) {
                line++;
                String[] cells = text.split("\t", -1);
                if (!cells[0].strip().equals(recordName)) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 1; c < Math.min(header.length, cells.length); c++) {
                    fields.put(header[c].strip(), cells[c].strip());
                }
                return new Subject(fields, bodyMass(file, line, cells, weightColumn, warnings));
            }
            warnings.add(file + ": no row for record '" + recordName + "'" + Recordings.BODY_MASS_UNKNOWN);
            return null;
        }
    }

    private static double bodyMass(Path file, long line, String[] cells, int weightColumn,
                                   List<String> warnings) {
        if (weightColumn < 0) {
            warnings.add(file + ":1: no '" + WEIGHT_COLUMN + "' column" + Recordings.BODY_MASS_UNKNOWN);
            return Double.NaN;
        }
        if (weightColumn >= cells.length) {
            warnings.add(file + ":" + line + ": the row has " + cells.length + " cells, no '" + WEIGHT_COLUMN
                    + "' cell" + Recordings.BODY_MASS_UNKNOWN);
            return Double.NaN;
        }
        int column = 1;
        for (int c = 0; c < weightColumn; c++) {
            column += cells[c].length() + 1;
        }
        String cell = cells[weightColumn].strip();
        double massKg;
        try {
            massKg = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            massKg = Double.NaN;
        }
        if (!BodyMass.accepted(massKg)) {
            warnings.add(file + ":" + line + ":" + column + ": expected a body mass of " + BodyMass.RANGE + " in column '"
                    + WEIGHT_COLUMN + "', found '" + cell + "'" + Recordings.BODY_MASS_UNKNOWN);
            return Double.NaN;
        }
        return massKg;
    }
}
