package org.soleus.io.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.ChannelName;

/**
 * The format rule of the toolkit's CSV ({@link SoleusCsvReader}): a {@code # format: soleus-csv}
 * line, or, after any {@code #} lines, a comma-separated header row of channel names
 * (optionally {@code time_s} first), blank lines before that row left out for the reader to
 * name; and its near miss, a header row of channel names that one cell spoils (an index column,
 * {@code time} for {@code time_s}, semicolons or tabs for commas), told as the reader tells it
 * ({@link ChannelNameProblems#notAChannelName}). Stateless and thread-safe.
 */
final class SoleusCsvRule {
    private SoleusCsvRule() {
    }

    /**
     * Whether the head is a toolkit CSV's, as it is or once the blank lines before its header row
     * are left out.
     *
     * @param firstData the index of the first line that is no {@code #} line
     */
    static boolean matches(List<String> lines, int firstData) {
        return isSoleusCsv(lines, firstData) || blankLinesInHead(lines);
    }

    /**
     * The error for a header row of channel names that a cell spoils, located at that cell, or
     * null when no cell is a channel name (nor names separated by tabs or semicolons) or none
     * spoils the row.
     *
     * @param firstData the index of the header row in the head
     * @param line      the header row, its bytes read as UTF-8
     */
    static DataFormatException headerRowNearMiss(Path path, int firstData, String line) {
        List<String> names = SoleusCsvHeaderRow.cells(line);
        boolean named = false;
        for (int c = 0; c < names.size() && !named; c++) {
            String name = names.get(c);
            named = ChannelName.isValid(name) || isLeadingTime(names, c)
                    || ChannelNameProblems.holdsNamesSeparatedBy(name, '\t')
                    || ChannelNameProblems.holdsNamesSeparatedBy(name, ';');
        }
        int bad = firstNonChannelColumn(names);
        return named && bad >= 0
                ? new DataFormatException(path, firstData + 1, bad + 1, ChannelNameProblems.notAChannelName(names.get(bad), bad))
                : null;
    }

    /**
     * What {@link #isSoleusCsv} takes for the format once the blank lines before its header row
     * (before, among or after its {@code #} lines) are left out: the reader then says where a
     * blank line is, rather than the file being of no known format.
     */
    private static boolean blankLinesInHead(List<String> lines) {
        List<String> rest = new ArrayList<>();
        boolean blank = false;
        int firstData = -1;
        for (String line : lines) {
            if (firstData < 0 && line.isBlank()) {
                blank = true;
            } else {
                if (firstData < 0 && !line.startsWith("#")) {
                    firstData = rest.size();
                }
                rest.add(line);
            }
        }
        return blank && firstData >= 0 && isSoleusCsv(rest, firstData);
    }

    private static boolean isSoleusCsv(List<String> lines, int firstData) {
        for (int i = 0; i < firstData; i++) {
            String body = lines.get(i).substring(1).strip();
            if (body.startsWith(SoleusCsv.KEY_FORMAT + ":")
                    && body.substring(SoleusCsv.KEY_FORMAT.length() + 1).strip().startsWith(SoleusCsv.FORMAT_NAME)) {
                return true;
            }
        }
        if (firstData >= lines.size()) {
            return false;
        }
        return firstNonChannelColumn(SoleusCsvHeaderRow.cells(lines.get(firstData))) < 0;
    }

    /** The 0-based index of the first header cell that is neither a channel name nor a leading time_s, or -1. */
    private static int firstNonChannelColumn(List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            if (!(ChannelName.isValid(names.get(c)) || isLeadingTime(names, c))) {
                return c;
            }
        }
        return -1;
    }

    /** Whether header cell {@code c} is time_s in the first column, followed by more. */
    private static boolean isLeadingTime(List<String> names, int c) {
        return c == 0 && names.get(c).equals(SoleusCsv.TIME_COLUMN) && names.size() > 1;
    }
}
