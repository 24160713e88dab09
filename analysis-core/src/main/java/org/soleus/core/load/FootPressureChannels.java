package org.soleus.core.load;

import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;

/**
 * Names of the per-sample channels that summarise one insole's cells (see
 * {@link CellAggregator}): heel-region force and the centre of pressure.
 */
public final class FootPressureChannels {
    private FootPressureChannels() {
    }

    /** {@code <side>.insole.heel_force_n}: force on the cells of the heel region, N. */
    public static ChannelName heelForce(Side side) {
        return ChannelName.of(side, "insole", "heel_force", "n");
    }

    /** {@code <side>.insole.cop_x_<unit>}: medio-lateral centre of pressure in the layout's unit. */
    public static ChannelName copX(Side side, String coordinateUnit) {
        return ChannelName.of(side, "insole", "cop_x", coordinateUnit);
    }

    /** {@code <side>.insole.cop_y_<unit>}: heel-to-toe centre of pressure in the layout's unit. */
    public static ChannelName copY(Side side, String coordinateUnit) {
        return ChannelName.of(side, "insole", "cop_y", coordinateUnit);
    }

    /** The cell channel of a layout cell: {@code <side>.insole.<cell>_n}. */
    public static ChannelName cell(Side side, String cellQuantity) {
        return ChannelName.of(side, "insole", cellQuantity, "n");
    }
}
