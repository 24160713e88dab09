package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soleus.io.format.text.CommentedTextLines;

/**
 * A table of body masses per recording, for a batch of recordings that do not state their
 * subjects' masses (Moticon exports, gaitmap CSVs) or state them wrongly:
 *
 * <pre>
 * # the squad's masses, November
 * file,body_mass_kg,name
 * S01/walk.txt,71.5,Ann
 * 230927_102114.txt,68,Ben
 * hunt2,80
 * </pre>
 *
 * <p>The header row names the columns {@code file} and {@code body_mass_kg}, in any order, as a
 * spreadsheet saves them: separated by commas, semicolons or tabs (found from the header row),
 * a cell in double quotes or not, a decimal comma where the separator is not a comma. Other
 * columns (a name, a team) are not read. Lines starting with {@code #} and blank lines are
 * ignored. An empty mass gives none for that file.
 *
 * <p>A row's {@code file} is matched against the end of an input's path, by whole names: the
 * file's name ({@code walk.txt}), or its folders too where several inputs share a name
 * ({@code S01/walk.txt}); without an extension it matches any ({@code hunt2} is
 * {@code hunt2.hea}). Where several rows match an input, the one naming more of its folders wins,
 * then the one with the extension. Two rows naming the same path are an error. Errors name the
 * table's file, line and column.
 */
public final class BodyMassTable {
    /** The option that names the table, as the warnings about its masses name it. */
    public static final String OPTION = "--mass-table";
    private static final String FILE_COLUMN = "file";
    private static final String MASS_COLUMN = "body_mass_kg";
    private static final String EXPECTED_HEADER = "expected a header row with the columns " + FILE_COLUMN + " and "
            + MASS_COLUMN;

    private final Path file;
    private final List<Row> rows;

    private BodyMassTable(Path file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /**
     * One row: the file it names, as written and as a path, its body mass (NaN when empty) and
     * its line.
     */
    private record Row(String name, Path path, boolean hasExtension, double massKg, long line) {
    }

    /**
     * Reads a table.
     *
     * @throws DataFormatException naming file, line and column of what does not fit
     * @throws IOException         when the file cannot be read
     */
    public static BodyMassTable read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Columns> header = new ArrayList<>(1);
        CommentedTextLines.read(file, EXPECTED_HEADER + ", then a row per recording", (lineNo, line) -> {
            if (header.isEmpty()) {
                header.add(Columns.of(file, lineNo, line));
                return;
            }
            Columns columns = header.get(0);
            Row row = columns.row(file, lineNo, line);
            for (Row earlier : rows) {
                if (earlier.path().equals(row.path())) {
                    throw new DataFormatException(file, lineNo, columns.file() + 1, row.name() + " is listed on line "
                            + earlier.line() + " already (" + earlier.name() + "): expected one row per file");
                }
            }
            rows.add(row);
        });
        if (header.isEmpty()) {
            throw new DataFormatException(file, 0, 0, "no header row: " + EXPECTED_HEADER);
        }
        return new BodyMassTable(file, List.copyOf(rows));
    }

    /** The table's file, as given. */
    public Path file() {
        return file;
    }

    /**
     * The mass the table gives {@code input}, with what gives it as warnings name it
     * ({@code --mass-table masses.csv:4}); empty when no row matches it, or the row's mass is
     * empty.
     *
     */
    public Optional<GivenMass> massFor(Path input) {
        Row best = bestRow(input);
        if (best == null || Double.isNaN(best.massKg())) {
            return Optional.empty();
        }
        return Optional.of(new GivenMass(best.massKg(), OPTION + " " + file + ":" + best.line()));
    }

    /**
     * A body mass and what gives it.
     *
     * @param massKg  the mass, kg
     * @param givenBy what gives it, as warnings name it ({@link ReadOptions#bodyMassGivenBy})
     */
    public record GivenMass(double massKg, String givenBy) {
    }

    /**
     * The rows that match none of {@code inputs}, one line each
     * ({@code masses.csv:5: S07/walk.txt is none of the inputs}): a name mistyped, or a
     * recording left out.
     */
    public List<String> rowsMatchingNone(Collection<Path> inputs) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            if (inputs.stream().noneMatch(input -> matches(row, input))) {
                lines.add(file + ":" + row.line() + ": " + row.name() + " is none of the inputs");
            }
        }
        return lines;
    }

    /**
     * The row that names {@code input} most closely: with the most folders, then with the
     * extension; null when none names it. No two rows name it alike: rows of the same path are
     * refused on reading.
     */
    private Row bestRow(Path input) {
        Row best = null;
        for (Row row : rows) {
            if (matches(row, input) && (best == null || closer(row, best))) {
                best = row;
            }
        }
        return best;
    }

    private static boolean closer(Row row, Row than) {
        int names = row.path().getNameCount() - than.path().getNameCount();
        return names > 0 || names == 0 && row.hasExtension() && !than.hasExtension();
    }

    /** Whether {@code row} names {@code input}: the end of its path, by whole names, with its extension unless the row has none. */
    private static boolean matches(Row row, Path input) {
        Path path = input.toAbsolutePath().normalize();
        if (path.getFileName() == null) {
            return false;
        }
        if (row.hasExtension()) {
            return path.endsWith(row.path());
        }
        return path.resolveSibling(withoutExtension(path.getFileName().toString())).endsWith(row.path());
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Where the two columns read are, and the separator.
     *
     * @param file      the file column's index
     * @param mass      the mass column's index
     * @param separator the separator found from the header row
     */
    private record Columns(int file, int mass, char separator) {
        static Columns of(Path table, long lineNo, String line) throws DataFormatException {
            for (char separator : new char[] {',', ';', '\t'}) {
                List<String> names = cells(line, separator);
                int file = indexOf(names, FILE_COLUMN);
                int mass = indexOf(names, MASS_COLUMN);
                if (file >= 0 && mass >= 0) {
                    return new Columns(file, mass, separator);
                }
            }
            throw new DataFormatException(table, lineNo, 1, EXPECTED_HEADER + " (separated by commas, semicolons or"
                    + " tabs), found '" + line.strip() + "'");
        }

        private static int indexOf(List<String> names, String column) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).toLowerCase(Locale.ROOT).equals(column)) {
                    return i;
                }
            }
            return -1;
        }

        Row row(Path table, long lineNo, String line) throws DataFormatException {
            List<String> cells = cells(line, separator);
            int needed = Math.max(file, mass) + 1;
            if (cells.size() < needed) {
                throw new DataFormatException(table, lineNo, cells.size() + 1, "expected " + needed + " cells ("
                        + FILE_COLUMN + " in column " + (file + 1) + ", " + MASS_COLUMN + " in column " + (mass + 1)
                        + "), found " + cells.size());
            }
            String name = cells.get(file);
            if (name.isEmpty()) {
                throw new DataFormatException(table, lineNo, file + 1, "expected a recording's file name, found an"
                        + " empty cell");
            }
            Path path;
            try {
                path = Path.of(name.replace('\\', '/')).normalize();
            } catch (InvalidPathException e) {
                throw new DataFormatException(table, lineNo, file + 1, "expected a recording's file name, found '"
                        + name + "'");
            }
            if (path.isAbsolute() || path.getFileName() == null || path.startsWith("..")) {
                throw new DataFormatException(table, lineNo, file + 1, "expected a file name, with the folders"
                        + " above it where inputs share it (S01/walk.txt), found '" + name + "'");
            }
            return new Row(name, path, path.getFileName().toString().lastIndexOf('.') > 0,
                    massKg(table, lineNo, mass + 1, cells.get(mass)), lineNo);
        }

        private double massKg(Path table, long lineNo, int column, String text) throws DataFormatException {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            double kg;
            try {
                kg = Double.parseDouble(separator == ',' ? text : text.replace(',', '.'));
            } catch (NumberFormatException e) {
                kg = Double.NaN;
            }
            if (!(kg > 0 && kg < 500)) {
                throw new DataFormatException(table, lineNo, column, "expected a body mass in kg above 0 and below"
                        + " 500, or an empty cell, found '" + text + "'");
            }
            return kg;
        }

        /** The cells of {@code line}, stripped of blanks and of the double quotes around them. */
        private static List<String> cells(String line, char separator) {
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
}
