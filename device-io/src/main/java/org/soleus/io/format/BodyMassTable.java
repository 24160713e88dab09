package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.soleus.io.format.text.CommentedTextLines;
import org.soleus.io.format.text.DecimalComma;

/**
 * A table of body masses per recording, for a batch of recordings that do not state their
 * subjects' masses (Moticon exports, gaitmap CSVs) or state them wrongly:
 *
 * <pre>
 * # the squad's masses, November
 * file,body_mass_kg,name
 * S01/walk.txt,71.5,Ann
 * S02/walk.txt,64,Ben
 * hunt2,80
 * </pre>
 *
 * <p>The header row names the columns {@code file} and {@code body_mass_kg}, in any order and
 * case, as a spreadsheet saves them: separated by commas, semicolons or tabs (found from the
 * header row), a cell in double quotes or not, a decimal comma ({@code 71,5}) where the separator
 * is not a comma or the cell is quoted. Other columns (a name, a team) are not read. Lines that are
 * blank, hold separators only (a spreadsheet's empty rows) or start with {@code #} are skipped. An
 * empty mass is as if the row were not there.
 *
 * <p>A row's {@code file} names the end of an input's path, by whole names: the file's name
 * ({@code walk.txt}), or its folders too where several inputs share a name ({@code S01/walk.txt}),
 * with or without the extension ({@code hunt2} is {@code hunt2.hea}); an absolute path names that
 * file only. Each input may be named by one row at most, each row may name one input at most
 * ({@link #requireOneRowPerInput}). Errors name the table's file, line and column.
 */
public final class BodyMassTable {
    /** The option that names the table, as the messages about its rows name it. */
    public static final String OPTION = "--mass-table";
    private static final String FILE_COLUMN = "file";
    private static final String MASS_COLUMN = "body_mass_kg";
    private static final String EXPECTED_HEADER = "expected a header row with the columns " + FILE_COLUMN + " and "
            + MASS_COLUMN;
    /** A number as a person writes it: no suffix ({@code 72d}), no hexadecimal, no word. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

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
    private record Row(String name, Path path, double massKg, long line) {
    }

    /**
     * What a row gives one input.
     *
     * @param massKg  the mass, kg, or NaN where the row's cell is empty
     * @param givenBy the row, as messages name it: {@code --mass-table masses.csv:4}
     */
    public record Entry(double massKg, String givenBy) {
        /** Whether the row gives a mass. */
        public boolean givesMass() {
            return !Double.isNaN(massKg);
        }
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
        CommentedTextLines.read(file, "expected a table of body masses, a header row with the columns " + FILE_COLUMN
                        + " and " + MASS_COLUMN + " and a row per recording",
                (lineNo, line) -> {
                    if (header.isEmpty()) {
                        header.add(Columns.of(file, lineNo, line));
                        return;
                    }
                    Columns columns = header.get(0);
                    Optional<Row> row = columns.row(file, lineNo, line);
                    if (row.isPresent()) {
                        requireNew(file, rows, row.get(), columns.file() + 1);
                        rows.add(row.get());
                    }
                });
        if (header.isEmpty()) {
            throw new DataFormatException(file, 0, 0, "no header row: " + EXPECTED_HEADER);
        }
        return new BodyMassTable(file, List.copyOf(rows));
    }

    private static void requireNew(Path file, List<Row> rows, Row row, int column) throws DataFormatException {
        for (Row earlier : rows) {
            if (earlier.path().equals(row.path())) {
                throw new DataFormatException(file, row.line(), column, row.name() + " is listed on line "
                        + earlier.line() + " already (" + earlier.name() + "): expected one row per file");
            }
        }
    }

    /** The table's file, as given. */
    public Path file() {
        return file;
    }

    /**
     * Checks that each of {@code inputs} is named by one row at most and each row names one of
     * them at most, so that no mass goes to a recording it was not meant for.
     *
     * @throws DataFormatException naming the first row at fault
     */
    public void requireOneRowPerInput(Collection<Path> inputs) throws DataFormatException {
        for (Row row : rows) {
            List<Path> named = inputs.stream().filter(input -> names(row, input)).toList();
            if (named.size() > 1) {
                throw new DataFormatException(file, row.line(), 0, row.name() + " names " + named.size()
                        + " inputs, " + named.get(0) + " and " + named.get(1) + ": expected one; give the folders"
                        + " above the file's name too (S01/walk.txt)");
            }
        }
        for (Path input : inputs) {
            Row first = null;
            for (Row row : rows) {
                if (!names(row, input)) {
                    continue;
                }
                if (first != null) {
                    throw new DataFormatException(file, row.line(), 0, row.name() + " and " + first.name() + " (line "
                            + first.line() + ") both name the input " + input + ": expected one row per recording");
                }
                first = row;
            }
        }
    }

    /** What the row that names {@code input} gives it; empty when no row names it. */
    public Optional<Entry> entryFor(Path input) {
        return rows.stream().filter(row -> names(row, input)).findFirst()
                .map(row -> new Entry(row.massKg(), OPTION + " " + file + ":" + row.line()));
    }

    /**
     * The rows that name none of {@code inputs}, one line each, with the input it would name but
     * for the case of its letters, if any
     * ({@code --mass-table masses.csv:5: S07/walk.txt names none of the inputs}): a name
     * mistyped, or a recording left out.
     */
    public List<String> rowsNamingNone(Collection<Path> inputs) {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            if (inputs.stream().noneMatch(input -> names(row, input))) {
                Row folded = new Row(row.name(), Path.of(lower(row.path().toString())), row.massKg(), row.line());
                Optional<Path> nearly = inputs.stream()
                        .filter(input -> names(folded, Path.of(lower(input.toAbsolutePath().toString())))).findFirst();
                lines.add(OPTION + " " + file + ":" + row.line() + ": " + row.name() + " names none of the inputs"
                        + nearly.map(input -> " (" + input + " differs in the case of its letters)").orElse(""));
            }
        }
        return lines;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code row} names {@code input}: the end of its path, by whole names, the last with
     * or without its extension; all of it for a row of an absolute path.
     */
    private static boolean names(Row row, Path input) {
        Path path = input.toAbsolutePath().normalize();
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String last = row.path().getFileName().toString();
        if (!last.equals(name.toString()) && !last.equals(withoutExtension(name.toString()))) {
            return false;
        }
        Path folders = row.path().getParent();
        if (row.path().isAbsolute()) {
            return folders.equals(path.getParent());
        }
        return folders == null || path.getParent() != null && path.getParent().endsWith(folders);
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
                if (lower(names.get(i)).equals(column)) {
                    return i;
                }
            }
            return -1;
        }

        /** The row on {@code line}; empty for a line of separators only. */
        Optional<Row> row(Path table, long lineNo, String line) throws DataFormatException {
            List<String> cells = cells(line, separator);
            if (cells.stream().allMatch(String::isEmpty)) {
                return Optional.empty();
            }
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
                path = null;
            }
            if (path == null || path.getFileName() == null || path.startsWith("..")) {
                throw new DataFormatException(table, lineNo, file + 1, "expected a recording's file name, with the"
                        + " folders above it where inputs share it (S01/walk.txt), found '" + name + "'");
            }
            return Optional.of(new Row(name, path, massKg(table, lineNo, mass + 1, cells.get(mass)), lineNo));
        }

        private static double massKg(Path table, long lineNo, int column, String text) throws DataFormatException {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            String number = DecimalComma.holds(text) ? text.replace(',', '.') : text;
            double kg = NUMBER.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
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
