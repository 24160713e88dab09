package org.soleus.io.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * The columns of a Moticon export's column line as the recording's channels, mapped as
 * {@link MoticonReader} describes: the time column and its unit, a column of text labels
 * skipped, a force in other units than newtons renamed and converted ({@link ForceUnits}), a
 * centre of pressure in percent of the insole or in another unit told apart, a quantity of the
 * export's own given twice refused; and, from them, the parser of the data rows and the stages
 * the rows pass through.
 */
final class MoticonColumns {
    /** Units of a centre of pressure normalised to the insole, spaces removed. */
    private static final Set<String> NORMALISED_TO_INSOLE = Set.of("", "-0.5...+0.5", "-0.5...0.5");
    /** Units of a centre of pressure in percent of the insole, spaces removed. */
    private static final Set<String> PERCENT_OF_INSOLE = Set.of("%", "-50...+50", "-50...50");

    private final Path path;
    private final long line;
    /** The column line's cells, the empty ones at its end among them. */
    private final List<String> cells;
    /** The column names, without the empty cells at the end of the line. */
    private final List<String> columns;
    /** Each column's name (and channel), for the row parser's messages. */
    private final String[] labels;
    /** Each column's place in a row of samples, {@link DelimitedRowParser#TIME} or {@link DelimitedRowParser#SKIP}. */
    private final int[] targets;
    private final List<ChannelName> channels = new ArrayList<>();
    /** The first column of each channel, 0-based. */
    private final Map<ChannelName, Integer> seen = new HashMap<>();
    /** The columns the export does not know, whose cells that are not numbers are read as NaN. */
    private final List<Integer> lenientColumns = new ArrayList<>();
    private final Set<ChannelName> copInPercent = new HashSet<>();
    private final ForceUnits forces = new ForceUnits();
    private boolean hasTime;
    private boolean timeInMs;

    private MoticonColumns(Path path, long line, String columnLine) {
        this.path = path;
        this.line = line;
        this.cells = ReaderSupport.tabCells(MoticonReader.stripHash(columnLine));
        this.columns = ReaderSupport.withoutTrailingEmptyCells(cells);
        this.labels = new String[columns.size()];
        this.targets = new int[columns.size()];
    }

    /**
     * The columns of {@code header}'s column line, in file order.
     *
     * @param warnings receives, in column order, one warning for each column skipped and each
     *                 centre of pressure not normalised to the insole, then the one that names
     *                 the forces converted
     * @throws DataFormatException at a second time column, a time column in other units than
     *                             seconds or milliseconds, or a second column of a quantity of
     *                             the export's own
     */
    static MoticonColumns of(Path path, MoticonHeaderLines header, List<String> warnings) throws DataFormatException {
        MoticonColumns columns = new MoticonColumns(path, header.columnLineNumber(), header.columnLine());
        for (int c = 0; c < columns.columns.size(); c++) {
            String column = columns.columns.get(c);
            columns.labels[c] = column;
            if (MoticonReader.isTimeColumn(column)) {
                columns.addTime(c);
            } else {
                columns.addColumn(c, warnings);
            }
        }
        if (!columns.forces.isEmpty()) {
            warnings.add(columns.forces.warning(path, columns.line));
        }
        return columns;
    }

    /** Column {@code c} (0-based), a time column, as the time: in seconds, or milliseconds. */
    private void addTime(int c) throws DataFormatException {
        String column = columns.get(c);
        if (hasTime) {
            throw new DataFormatException(path, line, c + 1, "a second time column '" + column + "'");
        }
        String unit = column.replace(" ", "").substring("time".length()).toLowerCase(Locale.ROOT);
        if (!(unit.isEmpty() || unit.equals("[s]") || unit.equals("[ms]"))) {
            throw new DataFormatException(path, line, c + 1, "time column '" + column
                    + "': expected the time in seconds ('time', 'time[s]') or milliseconds ('time[ms]')");
        }
        targets[c] = DelimitedRowParser.TIME;
        hasTime = true;
        timeInMs = unit.equals("[ms]");
    }

    /**
     * Column {@code c} (0-based) as the next channel, or skipped with a warning: a column of
     * text labels, or one whose channel an earlier column has and the export does not know.
     */
    private void addColumn(int c, List<String> warnings) throws DataFormatException {
        String column = columns.get(c);
        Mapping m = map(column);
        if (m == null) {
            skip(c, "holds text labels, not numbers", warnings);
            return;
        }
        ChannelName name = ForceUnits.inNewtons(m.name);
        Integer earlier = seen.putIfAbsent(name, c);
        if (earlier != null && m.known) {
            // two columns of one quantity the analysis reads: which is it? (a renamed column)
            throw new DataFormatException(path, line, c + 1, "column '" + column + "' is "
                    + name + ", as column " + (earlier + 1) + " '" + columns.get(earlier) + "' is: expected"
                    + " each quantity once; rename or delete one of them");
        }
        if (earlier != null) {
            skip(c, "maps to " + name + " like an earlier column", warnings);
            return;
        }
        addChannel(c, m, name, warnings);
    }

    /** Column {@code c} (0-based) skipped, with a warning that says why. */
    private void skip(int c, String why, List<String> warnings) {
        targets[c] = DelimitedRowParser.SKIP;
        warnings.add(path + ":" + line + ":" + (c + 1) + ": column '" + columns.get(c) + "' " + why + "; skipped");
    }

    /**
     * Column {@code c} (0-based) as the next channel, {@code name} (its mapping {@code m} in
     * newtons), with a warning when it is a centre of pressure not normalised to the insole.
     */
    private void addChannel(int c, Mapping m, ChannelName name, List<String> warnings) {
        String column = columns.get(c);
        targets[c] = channels.size();
        channels.add(forces.toNewtons(m.name, channels.size()));
        if (m.inPercent) {
            copInPercent.add(m.name);
        }
        labels[c] = column + " as " + name;
        if ((m.name.quantity().equals("cop_x") || m.name.quantity().equals("cop_y")) && !m.name.unit().equals("norm")) {
            warnings.add(path + ":" + line + ":" + (c + 1) + ": column '" + column + "' is not a"
                    + " centre of pressure normalised to the insole (−0.5…+0.5, or in %): read as " + m.name
                    + " and not used as a position on the insole");
        }
        if (!m.known) {
            lenientColumns.add(c);
        }
    }

    /** The channels, in the order of the rows' samples. */
    List<ChannelName> channels() {
        return channels;
    }

    /** Whether a column is the time. */
    boolean hasTime() {
        return hasTime;
    }

    /**
     * The parser of the data rows that follow the column line in {@code text}: the columns the
     * export does not know read leniently, the time in milliseconds where its column says so.
     */
    DelimitedRowParser rowParser(TextSource text) {
        DelimitedRowParser rows = new DelimitedRowParser(text, '\t', labels, targets)
                .trailingEmptyCells(cells.size() - columns.size()).columnsNamedOn(line)
                .shortRowHint("a Moticon export writes every cell of a row, empty where an insole sent no data:"
                        + " were the empty cells at the ends of the rows removed?");
        for (int c : lenientColumns) {
            rows.lenient(c);
        }
        if (timeInMs) {
            rows.timeInMilliseconds();
        }
        return rows;
    }

    /**
     * The reader's stages: forces converted to newtons where a column needs it, then the centre
     * of pressure's ({@link MoticonCentreOfPressure#stages}).
     */
    RowTransform stages() {
        return forces.inFrontOf(next -> MoticonCentreOfPressure.stages(next, copInPercent));
    }

    /**
     * A column's channel; {@code known} for a column of the export's own (read strictly), and
     * {@code inPercent} for a centre of pressure in percent of the insole.
     */
    private record Mapping(ChannelName name, boolean known, boolean inPercent) {
        Mapping(ChannelName name, boolean known) {
            this(name, known, false);
        }
    }

    /** The channel for a column, or null for a column of text labels. */
    private static Mapping map(String column) {
        int open = column.lastIndexOf('[');
        String words = (open >= 0 ? column.substring(0, open) : column).trim().toLowerCase(Locale.ROOT);
        String unit = open >= 0 ? column.substring(open + 1, column.endsWith("]") ? column.length() - 1 : column.length()).trim() : "";
        Side side = Side.NONE;
        if (words.startsWith("left ")) {
            side = Side.LEFT;
            words = words.substring(5).trim();
        } else if (words.startsWith("right ")) {
            side = Side.RIGHT;
            words = words.substring(6).trim();
        }
        if (words.equals("events label") || words.endsWith(" label")) {
            return null;
        }
        String last = words.isEmpty() ? "" : words.substring(words.lastIndexOf(' ') + 1);
        String head = words.length() > last.length() ? words.substring(0, words.length() - last.length()).trim() : "";
        if (head.equals("pressure") && ReaderSupport.isDigits(last, 3)) {
            int cell = Integer.parseInt(last);
            return known(side, (cell < 10 ? "cell0" : "cell") + cell, ReaderSupport.unitToken(unit));
        }
        if (head.equals("acceleration") && isAxis(last)) {
            return known(side, "acc_" + last, ReaderSupport.unitToken(unit));
        }
        if (head.equals("angular") && isAxis(last)) {
            return known(side, "gyr_" + last, ReaderSupport.unitToken(unit));
        }
        if (head.equals("center of pressure") && (last.equals("x") || last.equals("y"))) {
            return copMapping(side, last, unit);
        }
        switch (words) {
            case "total force":
                return known(side, "force", ReaderSupport.unitToken(unit));
            case "steps":
                return known(side, "vendor_step", "code");
            case "events":
                return known(side, "event", "code");
            default:
                return new Mapping(ChannelName.of(side, "insole", ReaderSupport.token(words, "column"), ReaderSupport.unitToken(unit)), false);
        }
    }

    /**
     * A centre-of-pressure column by its unit: normalised to the insole as the exports give it
     * ({@code [-0.5...+0.5]}, or no unit), in percent of the insole ({@code [%]},
     * {@code [-50...+50]}, scaled to it while reading), or in another unit ({@code [mm]}), which is
     * kept under its own unit ({@code left.insole.cop_y_mm}; {@code _au} where the unit makes no
     * name, as {@code [0...1]}) and not taken for a position on the insole.
     */
    private static Mapping copMapping(Side side, String moticonAxis, String unit) {
        String compact = unit.replace(" ", "");
        ChannelName normalised = MoticonReader.copChannel(side, moticonAxis);
        if (PERCENT_OF_INSOLE.contains(compact)) {
            return new Mapping(normalised, true, true);
        }
        if (NORMALISED_TO_INSOLE.contains(compact)) {
            return new Mapping(normalised, true);
        }
        String token = ReaderSupport.unitToken(unit);
        return known(side, normalised.quantity(), Character.isLetter(token.charAt(0)) ? token : "au");
    }

    private static Mapping known(Side side, String quantity, String unit) {
        return new Mapping(ChannelName.of(side, "insole", quantity, unit), true);
    }

    private static boolean isAxis(String s) {
        return s.equals("x") || s.equals("y") || s.equals("z");
    }
}
