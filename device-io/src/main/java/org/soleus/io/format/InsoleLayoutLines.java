package org.soleus.io.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Side;

/**
 * The {@code layout.<side>.<item>} metadata lines of a toolkit CSV or a stream's metadata,
 * parsed as they come, and the insole layouts they describe: a unit, a length and the cells'
 * positions per insole.
 */
final class InsoleLayoutLines {
    private final Path path;
    /** Line and column of each property's value, shared with the other metadata lines. */
    private final Map<String, FootGeometryProperties.Position> propertyPositions;
    private final Map<Side, String> layoutUnit = new EnumMap<>(Side.class);
    private final Map<Side, Double> layoutLength = new EnumMap<>(Side.class);
    private final Map<Side, List<InsoleCell>> layoutCells = new EnumMap<>(Side.class);
    private final Map<Side, Long> layoutLine = new EnumMap<>(Side.class);

    /**
     * @param path              the file or stream, for messages
     * @param propertyPositions receives the position of each length and cell line
     */
    InsoleLayoutLines(Path path, Map<String, FootGeometryProperties.Position> propertyPositions) {
        this.path = path;
        this.propertyPositions = propertyPositions;
    }

    /**
     * The line of {@code key} ({@code layout.<side>.unit}, {@code layout.<side>.length_m} or
     * {@code layout.<side>.<cell>}) with value {@code raw}, at line {@code line}; the key starts
     * at {@code keyColumn}, the value at {@code column}.
     */
    void line(String key, String raw, long line, int keyColumn, int column) throws DataFormatException {
        String rest = key.substring(SoleusCsv.LAYOUT_PREFIX.length());
        int dot = rest.indexOf('.');
        Side side = dot > 0 ? side(rest.substring(0, dot)) : null;
        if (side == null) {
            throw new DataFormatException(path, line, 1, "layout key '" + key + "' must be layout.left.<item> or layout.right.<item>");
        }
        String item = rest.substring(dot + 1);
        layoutLine.putIfAbsent(side, line);
        if (item.equals(SoleusCsv.LAYOUT_UNIT)) {
            if (!raw.equals("m") && !raw.equals("au")) {
                throw new DataFormatException(path, line, column, key + " must be 'm' or 'au', got '" + raw + "'");
            }
            layoutUnit.put(side, raw);
        } else if (item.equals(SoleusCsv.LAYOUT_LENGTH)) {
            double lengthM = ReaderSupport.metadataNumber(path, raw, line, column, key);
            if (!(Double.isNaN(lengthM) || lengthM > 0)) {
                throw new DataFormatException(path, line, column, key + " must be > 0 m or NaN, got '" + raw + "'");
            }
            layoutLength.put(side, lengthM);   // whether it is an insole's: FootGeometryProperties
            propertyPositions.put(key, new FootGeometryProperties.Position(line, column));
        } else {
            layoutCells.computeIfAbsent(side, s -> new ArrayList<>()).add(cell(item, raw, line, column, key));
            propertyPositions.put(key, new FootGeometryProperties.Position(line, keyColumn));
        }
    }

    private static Side side(String text) {
        return text.equals("left") ? Side.LEFT : text.equals("right") ? Side.RIGHT : null;
    }

    /** {@code x=<x> y=<y> [area_m2=<a>]}. */
    private InsoleCell cell(String quantity, String raw, long line, int column, String key) throws DataFormatException {
        if (!ChannelName.isValid("left.insole." + quantity + "_n")) {
            throw new DataFormatException(path, line, 1, "layout cell '" + quantity + "' must be a channel quantity such as cell03");
        }
        double x = Double.NaN;
        double y = Double.NaN;
        double area = Double.NaN;
        for (String part : ReaderSupport.cells(raw, ' ')) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            double v = eq < 0 ? Double.NaN
                    : ReaderSupport.metadataNumber(path, part.substring(eq + 1), line, column, key + " " + name);
            switch (name) {
                case "x" -> x = v;
                case "y" -> y = v;
                case "area_m2" -> area = v;
                default -> throw new DataFormatException(path, line, column, key + ": unknown item '" + part
                        + "', expected x=<x> y=<y> [area_m2=<m²>]");
            }
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(Double.isNaN(area) || area > 0)) {
            throw new DataFormatException(path, line, column, key + ": expected x=<x> y=<y> [area_m2=<m²>] with finite"
                    + " x and y and a positive area, found '" + raw + "'");
        }
        return new InsoleCell(quantity, x, y, area);
    }

    /**
     * Warns of the layout lines whose cell has no channel: a layout places the cells the source
     * records, and a cell too many leaves the whole insole's cells unsummarised (no heel share or
     * centre of pressure from them), as a device whose descriptor lists more cells than it
     * streams does. One warning an insole, at its first such line.
     *
     * @param checks receives the warnings, each located at its line
     */
    void checkAgainstChannels(List<ChannelName> channels, List<String> checks) {
        for (Map.Entry<Side, List<InsoleCell>> e : layoutCells.entrySet()) {
            List<String> unrecorded = unrecordedCells(e.getKey(), e.getValue(), channels);
            if (!unrecorded.isEmpty()) {
                checks.add(unrecordedWarning(e.getKey().label(), unrecorded));
            }
        }
    }

    /** The quantities of {@code cells}, of the insole on {@code side}, that no channel records. */
    private static List<String> unrecordedCells(Side side, List<InsoleCell> cells, List<ChannelName> channels) {
        List<String> unrecorded = new ArrayList<>();
        for (InsoleCell cell : cells) {
            if (channels.stream().noneMatch(c -> c.side() == side && c.place().equals("insole")
                    && c.quantity().equals(cell.quantity()))) {
                unrecorded.add(cell.quantity());
            }
        }
        return unrecorded;
    }

    /** The warning for the {@code unrecorded} cells of the insole on {@code side}, at the first one's line. */
    private String unrecordedWarning(String side, List<String> unrecorded) {
        // one warning an insole, at its first such line: a descriptor may list many cells it does not stream
        String key = SoleusCsv.LAYOUT_PREFIX + side + "." + unrecorded.get(0);
        FootGeometryProperties.Position at = propertyPositions.get(key);
        String what = unrecorded.size() == 1
                ? key + " places a cell that is not recorded (no " + side + ".insole." + unrecorded.get(0)
                        + "_<unit> channel)"
                : key + " and " + (unrecorded.size() - 1) + " more layout lines place cells that are not recorded"
                        + " (" + String.join(", ", unrecorded) + ": no " + side + ".insole.<cell>_<unit> channel)";
        return DataFormatException.location(path, at.line(), at.column()) + ": " + what + ", so the " + side
                + " insole's cells are not summarised: no heel share or centre of pressure from them";
    }

    /**
     * The layouts the lines describe, by side.
     *
     * @throws DataFormatException at the first line of an insole's layout that lacks its unit or
     *                             has no cell
     */
    Map<Side, InsoleLayout> layouts() throws DataFormatException {
        Map<Side, InsoleLayout> layouts = new EnumMap<>(Side.class);
        for (Map.Entry<Side, Long> e : layoutLine.entrySet()) {
            Side side = e.getKey();
            String unit = layoutUnit.get(side);
            List<InsoleCell> cells = layoutCells.get(side);
            if (unit == null || cells == null) {
                throw new DataFormatException(path, e.getValue(), 0, "the " + side.label() + " insole layout needs a "
                        + "layout." + side.label() + ".unit line and at least one cell line");
            }
            layouts.put(side, new InsoleLayout(unit, layoutLength.getOrDefault(side, Double.NaN), cells));
        }
        return layouts;
    }
}
