package org.soleus.io.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.soleus.io.format.WfdbTextFields.Field;

/**
 * The stride table ({@code .ts}) that the authors of the PhysioNet gaitndd database derived
 * from each record's footswitch signals (Hausdorff et al., J Appl Physiol 82:262, 1997 and
 * 88:2045, 2000): ground truth for stride, swing, stance and double-support times.
 *
 * <p>The file has no header row; each row holds 13 numbers separated by tabs (spaces are
 * accepted too): elapsed time (s); left and right stride interval (s); left and right swing
 * interval (s); left and right swing (% of stride); left and right stance interval (s); left
 * and right stance (% of stride); double support interval (s); double support (% of stride).
 * All 13 are checked; the times in seconds are kept, the percentages follow from them.
 *
 * <p>The elapsed time is the end of the row's left stride: consecutive elapsed times differ by
 * the later row's left stride interval, and the elapsed time falls on the left foot's contact
 * (observed on the data; see {@code sample-data/physionet-gaitndd/PROVENANCE.md}). The left
 * stride therefore spans {@link Stride#leftStrideStartS()} to {@link Stride#elapsedS()}.
 *
 * <p>Malformed rows fail the read with a {@link DataFormatException} naming file, line and
 * column: a row without 13 numbers, a value that is not a finite number ≥ 0, or an elapsed time
 * not after the previous row's. Blank lines are skipped. Immutable and thread-safe.
 *
 * <p>Ground truth for the validation tests only; the analysis reads no stride table
 * ({@link CompanionFiles} just recognises one beside a record and skips it).
 */
public final class GaitnddStrideTable {

    private static final int COLUMNS = CompanionFiles.GAITNDD_STRIDE_COLUMNS;

    private static final String[] COLUMN_NAMES = {
        "elapsed time (s)", "left stride interval (s)", "right stride interval (s)",
        "left swing interval (s)", "right swing interval (s)", "left swing (% of stride)",
        "right swing (% of stride)", "left stance interval (s)", "right stance interval (s)",
        "left stance (% of stride)", "right stance (% of stride)", "double support interval (s)",
        "double support (% of stride)",
    };

    /**
     * One row of the table: one left stride with the right-foot intervals the dataset authors
     * paired with it. All times in seconds.
     *
     * @param elapsedS       time of the left contact that ends the left stride, from the start of
     *                       the record
     * @param leftStrideS    left stride interval
     * @param rightStrideS   right stride interval
     * @param leftSwingS     left swing interval
     * @param rightSwingS    right swing interval
     * @param leftStanceS    left stance interval
     * @param rightStanceS   right stance interval
     * @param doubleSupportS double support interval
     */
    public record Stride(double elapsedS, double leftStrideS, double rightStrideS, double leftSwingS,
                         double rightSwingS, double leftStanceS, double rightStanceS, double doubleSupportS) {
        /** @throws IllegalArgumentException when a time is negative, infinite or NaN */
        public Stride {
            requireTime(elapsedS, "elapsedS");
            requireTime(leftStrideS, "leftStrideS");
            requireTime(rightStrideS, "rightStrideS");
            requireTime(leftSwingS, "leftSwingS");
            requireTime(rightSwingS, "rightSwingS");
            requireTime(leftStanceS, "leftStanceS");
            requireTime(rightStanceS, "rightStanceS");
            requireTime(doubleSupportS, "doubleSupportS");
        }

        private static void requireTime(double valueS, String name) {
            if (!(valueS >= 0) || Double.isInfinite(valueS)) {
                throw new IllegalArgumentException(name + " must be a finite time >= 0 s, got " + valueS);
            }
        }

        /** Time of the left contact that starts the left stride: {@code elapsedS - leftStrideS}. */
        public double leftStrideStartS() {
            return elapsedS - leftStrideS;
        }
    }

    private final Path source;
    private final List<Stride> strides;

    private GaitnddStrideTable(Path source, List<Stride> strides) {
        this.source = source;
        this.strides = List.copyOf(strides);
    }

    /**
     * Reads a gaitndd {@code .ts} file.
     *
     * @throws DataFormatException naming file, line and column of a malformed row, or when the
     *                             file holds no row
     * @throws IOException         when the file cannot be read
     */
    public static GaitnddStrideTable read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<Stride> strides = new ArrayList<>();
        double[] v = new double[COLUMNS];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String text;
            long line = 0;
            double previousElapsedS = Double.NEGATIVE_INFINITY;
            while ((text = in.readLine()) != null) {
                line++;
                List<Field> fields = WfdbTextFields.split(text);
                if (fields.isEmpty()) {
                    continue;
                }
                if (fields.size() != COLUMNS) {
                    throw new DataFormatException(file, line, 0, "expected " + COLUMNS
                            + " tab-separated numbers (elapsed time, then stride, swing, stance and double-support"
                            + " times), found " + fields.size() + " field(s)");
                }
                for (int c = 0; c < COLUMNS; c++) {
                    v[c] = parse(file, line, fields.get(c), c);
                }
                if (!(v[0] > previousElapsedS)) {
                    throw new DataFormatException(file, line, fields.get(0).column(), "expected an elapsed time after "
                            + "the previous row's " + previousElapsedS + " s, found " + fields.get(0).text() + " s");
                }
                previousElapsedS = v[0];
                strides.add(new Stride(v[0], v[1], v[2], v[3], v[4], v[7], v[8], v[11]));
            }
        }
        if (strides.isEmpty()) {
            throw new DataFormatException(file, 0, 0, "holds no stride row; expected rows of " + COLUMNS
                    + " tab-separated numbers");
        }
        return new GaitnddStrideTable(file, strides);
    }

    private static double parse(Path file, long line, Field field, int column) throws DataFormatException {
        double value;
        try {
            value = Double.parseDouble(field.text());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new DataFormatException(file, line, field.column(), "expected " + COLUMN_NAMES[column]
                    + " as a finite number >= 0, found '" + field.text() + "'");
        }
        return value;
    }

    /**
     * The table of the same walk played {@code factor} times as slowly: every time multiplied by
     * {@code factor} (the percentages, which follow from the times, stay as they are).
     */
    public GaitnddStrideTable stretched(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a stretch factor is a finite number > 0, got " + factor);
        }
        List<Stride> stretched = new ArrayList<>(strides.size());
        for (Stride s : strides) {
            stretched.add(new Stride(factor * s.elapsedS(), factor * s.leftStrideS(), factor * s.rightStrideS(),
                    factor * s.leftSwingS(), factor * s.rightSwingS(), factor * s.leftStanceS(),
                    factor * s.rightStanceS(), factor * s.doubleSupportS()));
        }
        return new GaitnddStrideTable(source, stretched);
    }

    /** The file read. */
    public Path source() {
        return source;
    }

    /** The rows in file order. */
    public List<Stride> strides() {
        return strides;
    }

    /** Number of rows. */
    public int size() {
        return strides.size();
    }

    /** Row {@code i} (0-based). */
    public Stride get(int i) {
        return strides.get(i);
    }
}
