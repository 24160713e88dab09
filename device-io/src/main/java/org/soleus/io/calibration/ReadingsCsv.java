package org.soleus.io.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.format.DataFormatException;
import org.soleus.io.format.text.CommentedTextLines;

/**
 * Reads calibration readings from a CSV file, for fitting without a device:
 *
 * <pre>
 * # readings of the left insole, 2025-03-01
 * load_kg,left.insole.cell03_counts,left.insole.cell04_counts
 * 0,40.1,35.2
 * 5,328.7,
 * 10,497.6,512.0
 * </pre>
 *
 * The header row is {@code load_kg} and one raw insole channel ({@code <side>.insole.<cell>_counts})
 * per column; each row is a load in kg and the cells' readings in counts under it. An empty cell
 * means no reading of that cell at that load; a load may appear on several rows. Lines starting
 * with {@code #} and blank lines are ignored. As spreadsheets write such files: cells may stand
 * in double quotes, empty cells may pad the lines at the end, and the delimiter may be a
 * semicolon (then with decimal commas) or a tab, as the header row shows. Errors name file, line
 * and column. Stateless.
 */
public final class ReadingsCsv {
    private ReadingsCsv() {
    }

    /**
     * @return each channel's readings, in column order
     * @throws DataFormatException naming file, line and column of what does not fit
     */
    public static Map<ChannelName, List<CalibrationPoint>> read(Path file) throws IOException {
        Map<ChannelName, List<CalibrationPoint>> readings = new LinkedHashMap<>();
        List<ChannelName> columns = new ArrayList<>();
        String[] delimiter = {","};
        CommentedTextLines.read(file, "expected a CSV file of readings, load_kg,<side>.insole.<cell>_counts,...",
                (lineNo, line) -> {
                    if (columns.isEmpty()) {
                        delimiter[0] = delimiter(line);
                        columns.addAll(header(file, lineNo, cells(line, delimiter[0])));
                        columns.forEach(c -> readings.put(c, new ArrayList<>()));
                    } else {
                        row(file, lineNo, cells(line, delimiter[0]), columns, readings, delimiter[0].equals(";"));
                    }
                });
        if (columns.isEmpty()) {
            throw new DataFormatException(file, 0, 0, "no header row: expected load_kg,<side>.insole.<cell>_counts,...");
        }
        return readings;
    }

    /** The header row's delimiter: a comma, else a semicolon or a tab where the row has no comma. */
    private static String delimiter(String headerRow) {
        if (headerRow.indexOf(',') < 0) {
            if (headerRow.indexOf(';') >= 0) {
                return ";";
            }
            if (headerRow.indexOf('\t') >= 0) {
                return "\t";
            }
        }
        return ",";
    }

    /** The line's cells, stripped of blanks and of the double quotes around them, padding at the end left out. */
    private static String[] cells(String line, String delimiter) {
        String[] cells = line.split(delimiter, -1);
        int n = cells.length;
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c].strip();
            cells[c] = cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1).strip() : cell;
        }
        while (n > 1 && cells[n - 1].isEmpty()) {
            n--;
        }
        return n == cells.length ? cells : Arrays.copyOf(cells, n);
    }

    private static void row(Path file, long lineNo, String[] cells, List<ChannelName> columns,
                            Map<ChannelName, List<CalibrationPoint>> readings, boolean decimalComma)
            throws DataFormatException {
        if (cells.length > columns.size() + 1) {
            throw new DataFormatException(file, lineNo, columns.size() + 2, "expected " + (columns.size() + 1)
                    + " columns (load_kg and one per channel), found " + cells.length);
        }
        double load = number(file, lineNo, 1, cells[0], decimalComma);
        if (!(load >= 0) || Double.isInfinite(load)) {
            throw new DataFormatException(file, lineNo, 1, "expected a load in kg >= 0, found '" + cells[0] + "'");
        }
        for (int c = 1; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                double counts = number(file, lineNo, c + 1, cells[c], decimalComma);
                if (!Double.isFinite(counts)) {
                    throw new DataFormatException(file, lineNo, c + 1, "expected a finite number of counts, found '"
                            + cells[c] + "'");
                }
                readings.get(columns.get(c - 1)).add(new CalibrationPoint(load, counts));
            }
        }
    }

    private static List<ChannelName> header(Path file, long lineNo, String[] cells) throws DataFormatException {
        if (!cells[0].equals("load_kg")) {
            throw new DataFormatException(file, lineNo, 1, "expected the header load_kg,<channel>_counts,..., found '"
                    + cells[0] + "'");
        }
        if (cells.length < 2) {
            throw new DataFormatException(file, lineNo, 0, "expected at least one channel after load_kg");
        }
        List<ChannelName> columns = new ArrayList<>();
        for (int c = 1; c < cells.length; c++) {
            String name = cells[c];
            if (!ChannelName.isValid(name) || !ChannelName.parse(name).unit().equals(CellCalibration.COUNTS)
                    || !ChannelName.parse(name).place().equals("insole")) {
                throw new DataFormatException(file, lineNo, c + 1, "expected a raw insole channel name such as"
                        + " left.insole.cell03_counts, found '" + name + "'");
            }
            ChannelName channel = ChannelName.parse(name);
            if (columns.contains(channel)) {
                throw new DataFormatException(file, lineNo, c + 1, "channel " + name + " appears twice");
            }
            columns.add(channel);
        }
        return columns;
    }

    /** A decimal number ({@code decimalComma}: with a comma for the point); NaN and infinities as text are no numbers. */
    private static double number(Path file, long lineNo, int column, String text, boolean decimalComma)
            throws DataFormatException {
        String decimal = decimalComma ? text.replace(',', '.') : text;
        if (!decimal.isEmpty() && (Character.isDigit(decimal.charAt(decimal.length() - 1)) || decimal.endsWith("."))) {
            try {
                return Double.parseDouble(decimal);
            } catch (NumberFormatException e) {
                // told below
            }
        }
        throw new DataFormatException(file, lineNo, column, "expected a number, found '" + text + "'");
    }
}
