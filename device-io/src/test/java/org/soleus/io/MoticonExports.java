package org.soleus.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Copies of Moticon OpenGo exports as the vendor software writes them with other columns chosen. */
public final class MoticonExports {
    private MoticonExports() {
    }

    /**
     * Writes {@code copy}: {@code export} without the columns whose header names contain
     * {@code column} (from the column line, the last {@code #} line, and from every row).
     *
     * @return {@code copy}
     * @throws IllegalArgumentException when no column matches
     */
    public static Path withoutColumns(Path export, Path copy, String column) throws IOException {
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        int columnLine = columnLine(lines);
        String[] names = lines.get(columnLine).substring(2).split("\t", -1);
        Set<Integer> dropped = new TreeSet<>();
        for (int c = 0; c < names.length; c++) {
            if (names[c].contains(column)) {
                dropped.add(c);
            }
        }
        if (dropped.isEmpty()) {
            throw new IllegalArgumentException("no column named like '" + column + "' in " + export);
        }
        List<String> out = new ArrayList<>(lines.subList(0, columnLine));
        out.add("# " + kept(names, dropped));
        for (String line : lines.subList(columnLine + 1, lines.size())) {
            out.add(line.isEmpty() ? line : kept(line.split("\t", -1), dropped));
        }
        Files.write(copy, out, StandardCharsets.UTF_8);
        return copy;
    }

    /**
     * Writes {@code copy}: {@code export} with its centre-of-pressure columns in {@code unit}, their
     * values times {@code factor} (empty cells stay empty), as other versions of the vendor
     * software export them ({@code [%]}).
     *
     * @return {@code copy}
     */
    public static Path withCentreOfPressureIn(Path export, Path copy, String unit, double factor) throws IOException {
        return withColumnsIn(export, copy, "center of pressure", "[-0.5...+0.5]", "[" + unit + "]", factor);
    }

    /**
     * Writes {@code copy}: {@code export} with the columns whose names hold {@code words} named
     * with {@code unit} instead of {@code exportUnit} (brackets included), their values times
     * {@code factor} (empty cells stay empty).
     *
     * @return {@code copy}
     */
    public static Path withColumnsIn(Path export, Path copy, String words, String exportUnit, String unit, double factor)
            throws IOException {
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        int columnLine = columnLine(lines);
        String[] names = lines.get(columnLine).split("\t", -1);
        Set<Integer> changed = new TreeSet<>();
        for (int c = 0; c < names.length; c++) {
            if (names[c].contains(words)) {
                changed.add(c);
                names[c] = names[c].replace(exportUnit, unit);
            }
        }
        List<String> out = new ArrayList<>(lines.subList(0, columnLine));
        out.add(String.join("\t", names));
        for (String line : lines.subList(columnLine + 1, lines.size())) {
            String[] cells = line.split("\t", -1);
            for (int c : changed) {
                if (c < cells.length && !cells[c].isBlank()) {
                    cells[c] = Double.toString(Double.parseDouble(cells[c]) * factor);
                }
            }
            out.add(String.join("\t", cells));
        }
        Files.write(copy, out, StandardCharsets.UTF_8);
        return copy;
    }

    /**
     * Writes {@code copy}: {@code export} with its time column named {@code timeName}
     * ({@code time[ms]}, {@code time [ms]}) and its times in milliseconds.
     *
     * @return {@code copy}
     */
    public static Path withTimeInMilliseconds(Path export, Path copy, String timeName) throws IOException {
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        int columnLine = columnLine(lines);
        List<String> out = new ArrayList<>(lines.subList(0, columnLine));
        out.add(lines.get(columnLine).replace("# time\t", "# " + timeName + "\t"));
        for (String row : lines.subList(columnLine + 1, lines.size())) {
            int tab = row.indexOf('\t');
            out.add(tab < 0 ? row : new BigDecimal(row.substring(0, tab)).movePointRight(3).toPlainString() + row.substring(tab));
        }
        Files.write(copy, out, StandardCharsets.UTF_8);
        return copy;
    }

    /**
     * Writes {@code copy}: {@code export} with a frame count (0, 1, 2, …) as its first column,
     * before the time.
     *
     * @return {@code copy}
     */
    public static Path withFrameColumn(Path export, Path copy) throws IOException {
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        int columnLine = columnLine(lines);
        List<String> out = new ArrayList<>(lines.subList(0, columnLine));
        out.add(lines.get(columnLine).replace("# time\t", "# Frame\ttime\t"));
        int frame = 0;
        for (String row : lines.subList(columnLine + 1, lines.size())) {
            out.add(row.isEmpty() ? row : frame++ + "\t" + row);
        }
        Files.write(copy, out, StandardCharsets.UTF_8);
        return copy;
    }

    /** The index of the column line: the last {@code #} line. */
    private static int columnLine(List<String> lines) {
        int columnLine = -1;
        for (int i = 0; i < lines.size() && lines.get(i).startsWith("#"); i++) {
            columnLine = i;
        }
        return columnLine;
    }

    private static String kept(String[] cells, Set<Integer> dropped) {
        List<String> kept = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            if (!dropped.contains(c)) {
                kept.add(cells[c]);
            }
        }
        return String.join("\t", kept);
    }
}
