package org.soleus.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;

/** Edits of a recording-format CSV file's lines, for tests that bring the shipped session in another form. */
final class SessionCsv {
    private SessionCsv() {
    }

    /**
     * {@code lines} with every value of the columns whose name {@code column} accepts passed
     * through {@code change}; metadata lines, the header and empty cells as they are.
     */
    static List<String> mapValues(List<String> lines, Predicate<String> column, DoubleUnaryOperator change) {
        List<String> out = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("time_s,")) {
                String[] names = line.split(",");
                for (int c = 0; c < names.length; c++) {
                    if (column.test(names[c])) {
                        columns.add(c);
                    }
                }
            } else if (!line.startsWith("#") && !columns.isEmpty()) {
                String[] cells = line.split(",", -1);
                for (int c : columns) {
                    if (!cells[c].isEmpty()) {
                        cells[c] = Double.toString(change.applyAsDouble(Double.parseDouble(cells[c])));
                    }
                }
                line = String.join(",", cells);
            }
            out.add(line);
        }
        return out;
    }

    /** {@code lines} with each IMU's x and y axes swapped, z as it is: a left-handed frame. */
    static List<String> leftHanded(List<String> lines) {
        return lines.stream().map(line -> line.startsWith("time_s,")
                ? line.replaceAll("(gyr|acc)_x_", "$1_X_").replaceAll("(gyr|acc)_y_", "$1_x_").replaceAll("(gyr|acc)_X_", "$1_y_")
                : line).toList();
    }

    /** {@code lines} without the columns whose name {@code column} accepts; metadata lines as they are. */
    static List<String> withoutColumns(List<String> lines, Predicate<String> column) {
        List<String> out = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] cells = line.split(",", -1);
            if (line.startsWith("time_s,")) {
                for (int c = 0; c < cells.length; c++) {
                    if (!column.test(cells[c])) {
                        kept.add(c);
                    }
                }
            }
            out.add(String.join(",", kept.stream().map(c -> cells[c]).toList()));
        }
        return out;
    }
}
