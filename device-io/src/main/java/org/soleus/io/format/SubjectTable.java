package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.io.format.text.CommentedTextLines;

/**
 * A table of the subject of each recording, for a batch of recordings that do not state their
 * subjects' body masses or foot dimensions (Moticon exports, gaitmap CSVs), or state them wrongly:
 *
 * <pre>
 * # the squad, November
 * file,body_mass_kg,insole_length_m,name
 * S01/walk.txt,71.5,0.265,Ann
 * S02/walk.txt,64,0.25,Ben
 * hunt2,80,
 * </pre>
 *
 * <p>The header row names the column {@code file} and at least one of {@code body_mass_kg},
 * {@code insole_length_m}, {@code insole_size} (an EU shoe size, 30–50, for the insole length, as
 * in a recording's metadata; a row gives one of the two), {@code heel_to_ankle_m} (from the
 * heel end of the insole to the ankle joint centre) and {@code sample_rate_hz} (for a file that
 * states none, a gaitmap CSV, in a batch with files that do), in any order and case, as a
 * spreadsheet saves them: separated by commas,
 * semicolons or tabs (found from the header row), a cell in double quotes or not, a decimal comma
 * ({@code 71,5}) where the separator is not a comma or the cell is quoted. Other columns (a name, a
 * team) are not read. Lines that are blank, hold separators only (a spreadsheet's empty rows) or
 * start with {@code #} are skipped. An empty cell gives nothing: as if the column were not there
 * for that row. The values are held to the limits of the command line's options for every file
 * ({@code --mass}, {@code --insole-length}, {@code --heel-to-ankle}, {@code --rate}).
 *
 * <p>A row's {@code file} names the end of an input's path, by whole names: the file's name
 * ({@code walk.txt}), or its folders too where several inputs share a name ({@code S01/walk.txt}),
 * with or without the extension ({@code hunt2} is {@code hunt2.hea}); an absolute path names that
 * file only. Each input may be named by one row at most, each row may name one input at most
 * ({@link #requireOneRowPerInput}). Errors name the table's file, line and column.
 */
public final class SubjectTable {
    /** The option that names the table, as the messages about its rows name it. */
    public static final String OPTION = "--subjects";
    private static final String FILE_COLUMN = "file";
    private static final String MASS_COLUMN = "body_mass_kg";
    private static final String LENGTH_COLUMN = FootGeometry.INSOLE_LENGTH_PROPERTY;
    private static final String SIZE_COLUMN = FootGeometry.INSOLE_SIZE_PROPERTY;
    private static final String HEEL_TO_ANKLE_COLUMN = FootGeometry.HEEL_TO_ANKLE_PROPERTY;
    private static final String RATE_COLUMN = ReadOptions.SAMPLE_RATE_KEY;
    private static final String EXPECTED_HEADER = "expected a header row with the column " + FILE_COLUMN
            + " and at least one of " + MASS_COLUMN + ", " + LENGTH_COLUMN + ", " + SIZE_COLUMN + ", "
            + HEEL_TO_ANKLE_COLUMN + " and " + RATE_COLUMN;

    private final Path file;
    private final List<Row> rows;
    private final Columns columns;

    private SubjectTable(Path file, List<Row> rows, Columns columns) {
        this.file = file;
        this.rows = rows;
        this.columns = columns;
    }

    /** One row: the file it names, as written and as a path, what it gives and its line. */
    private record Row(String name, Path path, Entry entry, long line) {
    }

    /**
     * What a row gives one input.
     *
     * @param massKg        body mass, kg, or NaN where the row gives none
     * @param insoleLengthM insole (foot) length, m, given or from the EU size given, or NaN where
     *                      the row gives neither
     * @param heelToAnkleM  from the heel end of the insole to the ankle joint centre, m, or NaN
     *                      where the row gives none
     * @param sampleRateHz  the recording's sample rate, Hz, or NaN where the row gives none
     * @param givenBy       the row, as messages name it: {@code --subjects subjects.csv:4}
     */
    public record Entry(double massKg, double insoleLengthM, double heelToAnkleM, double sampleRateHz, String givenBy) {
        /** Whether the row gives a body mass. */
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
    public static SubjectTable read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Columns> header = new ArrayList<>(1);
        String expected = "expected a table of subjects, " + EXPECTED_HEADER.substring("expected ".length())
                + ", then a row per recording";
        CommentedTextLines.read(file, expected, (lineNo, line) -> {
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
        return new SubjectTable(file, List.copyOf(rows), header.get(0));
    }

    private static void requireNew(Path file, List<Row> rows, Row row, int column) throws DataFormatException {
        for (Row earlier : rows) {
            if (earlier.path().equals(row.path())) {
                throw new DataFormatException(file, row.line(), column, row.name() + " is listed on line "
                        + earlier.line() + " already (" + earlier.name() + "): expected one row per file");
            }
        }
    }

    /** Whether the table has a {@code body_mass_kg} column. */
    public boolean hasMassColumn() {
        return columns.mass() >= 0;
    }

    /** The {@code body_mass_kg} column as messages number it, from 1, or 0 where the table has none. */
    public int massColumnNumber() {
        return columns.mass() + 1;
    }

    /** Whether the table has a {@code sample_rate_hz} column. */
    public boolean hasRateColumn() {
        return columns.rate() >= 0;
    }

    /** The {@code sample_rate_hz} column as messages number it, from 1, or 0 where the table has none. */
    public int rateColumnNumber() {
        return columns.rate() + 1;
    }

    /** An input's name with the folder it is in, as a row would give it: {@code S01/walk.txt}. */
    private static String withFolder(Path input) {
        Path folder = input.toAbsolutePath().normalize().getParent();
        return (folder == null || folder.getFileName() == null ? "" : folder.getFileName() + "/") + input.getFileName();
    }

    /**
     * Checks that each of {@code inputs} is named by one row at most and each row names one of
     * them at most, so that no value goes to a recording it was not meant for.
     *
     * @throws DataFormatException naming the first row at fault
     */
    public void requireOneRowPerInput(Collection<Path> inputs) throws DataFormatException {
        for (Row row : rows) {
            List<Path> named = inputs.stream().filter(input -> names(row, input)).toList();
            if (named.size() > 1) {
                throw new DataFormatException(file, row.line(), 0, row.name() + " names " + named.size()
                        + " inputs, " + named.get(0) + " and " + named.get(1) + ": expected one; give the folders"
                        + " above the file's name too (" + withFolder(named.get(0)) + ")");
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
        return rows.stream().filter(row -> names(row, input)).findFirst().map(Row::entry);
    }

    /**
     * The rows that name none of {@code inputs}, one line each, with the input it would name but
     * for the case of its letters, if any
     * ({@code --subjects subjects.csv:5: S07/walk.txt names none of the inputs}): a name
     * mistyped, or a recording left out.
     */
    public List<String> rowsNamingNone(Collection<Path> inputs) {
        List<Path> unnamed = inputs.stream().filter(input -> rows.stream().noneMatch(row -> names(row, input))).toList();
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            if (inputs.stream().noneMatch(input -> names(row, input))) {
                Row folded = new Row(row.name(), Path.of(lower(row.path().toString())), row.entry(), row.line());
                Optional<Path> nearly = unnamed.stream()
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
     * Where the columns read are (-1 where the table has none), and the separator.
     *
     * @param file          the file column's index
     * @param mass          the body mass column's index
     * @param length        the insole length column's index
     * @param size          the EU insole size column's index
     * @param heelToAnkle   the heel-to-ankle column's index
     * @param rate          the sample rate column's index
     * @param width         the number of the header row's cells
     * @param separator     the separator found from the header row
     */
    record Columns(int file, int mass, int length, int size, int heelToAnkle, int rate, int width,
                   char separator) {
        static Columns of(Path table, long lineNo, String line) throws DataFormatException {
            for (char separator : new char[] {',', ';', '\t'}) {
                List<String> names = QuotedCells.split(line, separator);
                Columns columns = new Columns(indexOf(names, FILE_COLUMN), indexOf(names, MASS_COLUMN),
                        indexOf(names, LENGTH_COLUMN), indexOf(names, SIZE_COLUMN), indexOf(names, HEEL_TO_ANKLE_COLUMN),
                        indexOf(names, RATE_COLUMN), names.size(), separator);
                if (columns.file() >= 0 && IntStream.of(columns.mass(), columns.length(), columns.size(),
                        columns.heelToAnkle(), columns.rate()).max().getAsInt() >= 0) {
                    requireOnce(table, lineNo, names);
                    return columns;
                }
            }
            throw new DataFormatException(table, lineNo, 1, EXPECTED_HEADER + " (separated by commas, semicolons or"
                    + " tabs), found '" + line.strip() + "'");
        }

        /** Throws when a column read appears twice in the header row {@code names}. */
        private static void requireOnce(Path table, long lineNo, List<String> names) throws DataFormatException {
            for (String column : List.of(FILE_COLUMN, MASS_COLUMN, LENGTH_COLUMN, SIZE_COLUMN, HEEL_TO_ANKLE_COLUMN,
                    RATE_COLUMN)) {
                int first = indexOf(names, column);
                for (int i = first + 1; first >= 0 && i < names.size(); i++) {
                    if (lower(names.get(i)).equals(column)) {
                        throw new DataFormatException(table, lineNo, i + 1, "column " + column + " appears twice (also"
                                + " column " + (first + 1) + "): expected it once");
                    }
                }
            }
        }

        private static int indexOf(List<String> names, String column) {
            for (int i = 0; i < names.size(); i++) {
                if (lower(names.get(i)).equals(column)) {
                    return i;
                }
            }
            return -1;
        }

        /** The index of the last column read. */
        int lastRead() {
            return IntStream.of(file, mass, length, size, heelToAnkle, rate).max().getAsInt();
        }

        /** The row on {@code line}; empty for a line of separators only. */
        Optional<Row> row(Path table, long lineNo, String line) throws DataFormatException {
            List<String> cells = QuotedCells.split(line, separator);
            if (cells.stream().allMatch(String::isEmpty)) {
                return Optional.empty();
            }
            requireCellCount(table, lineNo, cells);
            String name = cells.get(file);
            Path path = recordingPath(table, lineNo, name);
            Entry entry = SubjectRowValues.read(table, lineNo, cells, this);
            return Optional.of(new Row(name, path, entry, lineNo));
        }

        /**
         * Throws when a row has fewer cells than up to the last column read, or a cell that is not
         * empty beyond the header row's width.
         */
        private void requireCellCount(Path table, long lineNo, List<String> cells) throws DataFormatException {
            int needed = lastRead() + 1;
            if (cells.size() < needed) {
                throw new DataFormatException(table, lineNo, cells.size() + 1, "expected at least " + needed + " cells"
                        + (needed == width ? ", as the header row has" : " (up to the header's last column read, of "
                        + width + ")") + ", found " + cells.size());
            }
            for (int i = width; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    throw new DataFormatException(table, lineNo, i + 1, "expected at most " + width + " cells, as the"
                            + " header row has, found '" + cells.get(i) + "' in cell " + (i + 1)
                            + (separator == ',' ? " (a number with a decimal comma must be in double quotes)" : ""));
                }
            }
        }

        /**
         * The recording a row's file cell {@code name} names, as a normalised path with {@code /}
         * for {@code \}.
         *
         * @throws DataFormatException when the cell is empty, is no path, or climbs above its start
         */
        private Path recordingPath(Path table, long lineNo, String name) throws DataFormatException {
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
            return path;
        }
    }
}
