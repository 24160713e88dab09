package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a line of a table as a spreadsheet saves it: split at the separator outside
 * double quotes, a doubled double quote inside them one double quote, each cell stripped of
 * blanks and of the double quotes around it. Stateless and thread-safe.
 */
final class QuotedCells {

    private QuotedCells() {
    }

    /** The cells of {@code line}, stripped of blanks and of the double quotes around them. */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
