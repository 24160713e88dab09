package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;

/**
 * The format rule of a Moticon OpenGo export ({@link MoticonReader}): {@code #} lines (or such
 * lines a spreadsheet put in quotes, {@code "# ..."}) of which the last names tab-separated
 * columns, one of them {@code time} (or {@code time[s]}, {@code time[ms]}), others with units in
 * brackets; and its near misses, an export whose columns are separated by commas or semicolons
 * or whose time column was deleted. Stateless and thread-safe.
 */
final class MoticonRule {
    private MoticonRule() {
    }

    /** Whether the head's {@code #} lines end in a Moticon column line ({@link #isColumnLine}). */
    static boolean matches(List<String> lines) {
        int headerLines = headerLineCount(lines);
        return headerLines > 0 && isColumnLine(lines.get(headerLines - 1));
    }

    /**
     * The error for a Moticon export, located at the line that misses the rule, or null: one
     * whose columns are separated by commas or semicolons ({@link MoticonReader#otherSeparator};
     * a spreadsheet saves it so, putting {@code #} lines that hold its separator in quotes) or
     * whose time column was deleted.
     *
     * @param firstData the index of the first line that is no {@code #} line
     */
    static DataFormatException nearMiss(Path path, List<String> lines, int firstData) {
        for (int i = 0; i < headerLineCount(lines); i++) {
            String problem = MoticonReader.otherSeparator(lines.get(i));
            if (problem != null) {
                return new DataFormatException(path, i + 1, 0, problem);
            }
        }
        if (firstData > 0 && isColumnLineWithoutTime(lines.get(firstData - 1))) {
            return new DataFormatException(path, firstData, 1, "a Moticon column line (names with units in brackets)"
                    + " without the 'time' column that Moticon exports start with: expected a 'time' column");
        }
        return null;
    }

    /** How many lines at the head's start are {@code #} lines, in quotes or not. */
    private static int headerLineCount(List<String> lines) {
        int count = 0;
        while (count < lines.size() && (lines.get(count).startsWith("#") || lines.get(count).startsWith("\"#"))) {
            count++;
        }
        return count;
    }

    /**
     * Whether a {@code #} line names Moticon columns: tab-separated, one of them the time column as
     * the reader takes it ({@link MoticonReader#isTimeColumn}), and another with a unit in brackets.
     */
    private static boolean isColumnLine(String line) {
        String[] columns = columnNames(line);
        boolean time = false;
        boolean unit = false;
        for (String column : columns) {
            boolean isTime = MoticonReader.isTimeColumn(column.strip());
            time |= isTime;
            unit |= !isTime && column.indexOf('[') > 0;
        }
        return time && unit;
    }

    /** Whether a {@code #} line names tab-separated columns, at least two with a unit in brackets, but no time column. */
    private static boolean isColumnLineWithoutTime(String line) {
        String[] columns = columnNames(line);
        int units = 0;
        for (String column : columns) {
            if (MoticonReader.isTimeColumn(column.strip())) {
                return false;
            }
            units += column.indexOf('[') > 0 && column.strip().endsWith("]") ? 1 : 0;
        }
        return units >= 2;
    }

    /**
     * The tab-separated names of a {@code #} line, its quotes removed first as the reader removes
     * them ({@link MoticonReader#unquoted}) when a spreadsheet put it in quotes.
     */
    private static String[] columnNames(String line) {
        String header = line.startsWith("\"") ? MoticonReader.unquoted(line) : line;
        return header.substring(1).strip().split("\t");
    }
}
