package org.soleus.core.recording;

import java.util.Objects;

/**
 * One pressure or force cell of an insole.
 *
 * <p>Coordinates are in the insole's own frame: {@code x} points laterally for the right foot
 * and medially for the left (as the source data gives it), {@code y} points from heel to toe.
 * Their unit is the layout's {@link InsoleLayout#coordinateUnit()}.
 *
 * @param quantity the channel quantity of this cell, e.g. {@code cell03}
 * @param x        medio-lateral position
 * @param y        heel-to-toe position
 * @param areaM2   sensing area in m², or NaN when unknown
 */
public record InsoleCell(String quantity, double x, double y, double areaM2) {
    public InsoleCell {
        Objects.requireNonNull(quantity, "quantity");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("cell " + quantity + " position must be finite, got (" + x + ", " + y + ")");
        }
        if (!(Double.isNaN(areaM2) || areaM2 > 0)) {
            throw new IllegalArgumentException("cell " + quantity + " area must be > 0 m² or NaN, got " + areaM2);
        }
    }
}
