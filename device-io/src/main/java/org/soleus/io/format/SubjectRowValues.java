package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.recording.BodyMass;
import org.soleus.io.format.text.DecimalComma;

/**
 * What one row of a {@link SubjectTable} gives its recording ({@link SubjectTable.Entry}): its
 * cells read as numbers, with a decimal comma or point, held to the limits of the command line's
 * options for every file ({@code --mass}, {@code --insole-length}, {@code --heel-to-ankle},
 * {@code --rate}), and an EU insole size turned into an insole length. An empty cell, or a column
 * the table does not have, gives nothing. Errors name the table's file, line and column.
 */
final class SubjectRowValues {
    /** A number as a person writes it: no suffix ({@code 72d}), no hexadecimal, no word. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final Path table;
    private final long lineNo;
    private final List<String> cells;

    private SubjectRowValues(Path table, long lineNo, List<String> cells) {
        this.table = table;
        this.lineNo = lineNo;
        this.cells = cells;
    }

    /**
     * What the row of {@code cells}, on line {@code lineNo} of {@code table}, gives in the
     * {@code columns} read.
     *
     * @throws DataFormatException naming the first cell that does not fit
     */
    static SubjectTable.Entry read(Path table, long lineNo, List<String> cells, SubjectTable.Columns columns)
            throws DataFormatException {
        SubjectRowValues row = new SubjectRowValues(table, lineNo, cells);
        double massKg = row.value(columns.mass(), "a body mass of " + BodyMass.RANGE, BodyMass::accepted);
        double lengthM = row.insoleLengthM(columns.length(), columns.size());
        double heelToAnkleM = row.heelToAnkleM(columns.heelToAnkle(), lengthM);
        double rateHz = row.value(columns.rate(), ReadOptions.SAMPLE_RATES, ReadOptions::isSampleRate);
        return new SubjectTable.Entry(massKg, lengthM, heelToAnkleM, rateHz,
                SubjectTable.OPTION + " " + table + ":" + lineNo);
    }

    /**
     * The insole length, m: given in column {@code length}, or from the EU size in column
     * {@code size} ({@link FootGeometry#insoleLengthOfEuSizeM}); NaN where the row gives neither.
     *
     * @throws DataFormatException when the row gives both
     */
    private double insoleLengthM(int length, int size) throws DataFormatException {
        double lengthM = value(length, "an insole length in metres, 0.10–0.40 (a 27 cm"
                + " insole is 0.27)", m -> m >= 0.10 && m <= 0.40);
        double euSize = value(size, "an EU shoe size, 30–50", eu -> eu >= 30 && eu <= 50);
        if (!Double.isNaN(euSize)) {
            if (!Double.isNaN(lengthM)) {
                throw new DataFormatException(table, lineNo, size + 1, "expected "
                        + FootGeometry.INSOLE_LENGTH_PROPERTY + " or " + FootGeometry.INSOLE_SIZE_PROPERTY
                        + ", found both");
            }
            lengthM = FootGeometry.insoleLengthOfEuSizeM(euSize);
        }
        return lengthM;
    }

    /**
     * The distance from the heel end of the insole to the ankle joint centre, m, in column
     * {@code heelToAnkle}; NaN where the row gives none.
     *
     * @throws DataFormatException when it is not less than half the row's insole length {@code lengthM}
     */
    private double heelToAnkleM(int heelToAnkle, double lengthM) throws DataFormatException {
        double heelToAnkleM = value(heelToAnkle, "a distance from the heel end of the"
                + " insole to the ankle joint centre in metres, at least 0 and less than 0.2 (typically about 0.055)",
                m -> m >= 0 && m < 0.2);
        if (!(heelToAnkleM < lengthM / 2) && !Double.isNaN(heelToAnkleM) && !Double.isNaN(lengthM)) {
            throw new DataFormatException(table, lineNo, heelToAnkle + 1, String.format(Locale.ROOT, "expected less"
                    + " than half the row's insole length (%.3f m), found '%s'", lengthM, cells.get(heelToAnkle)));
        }
        return heelToAnkleM;
    }

    /** The number in column {@code index}; NaN where it is empty or the table has no such column. */
    private double value(int index, String expected, DoublePredicate valid) throws DataFormatException {
        if (index < 0 || cells.get(index).isEmpty()) {
            return Double.NaN;
        }
        String text = cells.get(index);
        String number = DecimalComma.holds(text) ? text.replace(',', '.') : text;
        double value = NUMBER.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
        if (!valid.test(value)) {
            throw new DataFormatException(table, lineNo, index + 1, "expected " + expected + ", or an empty cell,"
                    + " found '" + text + "'");
        }
        return value;
    }
}
