package org.soleus.core.recording;

import java.util.List;
import java.util.Objects;

/**
 * Where the cells of one insole sit, enough to compute a centre of pressure and a
 * heel/forefoot split.
 *
 * @param coordinateUnit {@code m} when cell positions are in metres, {@code au} when they are
 *                       in arbitrary units (only ratios and normalised positions are meaningful)
 * @param lengthM        insole length in metres, or NaN when unknown
 * @param cells          the cells, in any order
 */
public record InsoleLayout(String coordinateUnit, double lengthM, List<InsoleCell> cells) {
    public InsoleLayout {
        Objects.requireNonNull(coordinateUnit, "coordinateUnit");
        if (!coordinateUnit.equals("m") && !coordinateUnit.equals("au")) {
            throw new IllegalArgumentException("coordinate unit must be 'm' or 'au', got '" + coordinateUnit + "'");
        }
        if (!(Double.isNaN(lengthM) || lengthM > 0)) {
            throw new IllegalArgumentException("insole length must be > 0 m or NaN, got " + lengthM);
        }
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("an insole layout needs at least one cell");
        }
    }

    /** The cell with the given quantity name, or null. */
    public InsoleCell cell(String quantity) {
        for (InsoleCell c : cells) {
            if (c.quantity().equals(quantity)) {
                return c;
            }
        }
        return null;
    }

    /** Smallest heel-to-toe coordinate of any cell. */
    public double minY() {
        return cells.stream().mapToDouble(InsoleCell::y).min().orElseThrow();
    }

    /** Largest heel-to-toe coordinate of any cell. */
    public double maxY() {
        return cells.stream().mapToDouble(InsoleCell::y).max().orElseThrow();
    }
}
