package org.soleus.core.load;

import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Side;

/**
 * Which channels give one foot's {@link PressureTrack}, for the file and the live driver alike.
 *
 * <ul>
 *   <li>With a cell layout: the summaries of the cells ({@link FootPressureChannels}): heel force
 *       and the centre of pressure in the layout's coordinate unit; the span is that of the cell
 *       positions.</li>
 *   <li>Without one: the centre of pressure that the insole's own software computed, in
 *       normalised insole coordinates ({@code <side>.insole.cop_x_norm}, {@code cop_y_norm}:
 *       −0.5 … +0.5 across the width and from heel to toe, as Moticon exports it), with the heel
 *       force where the recording has one (a reader may derive it, as Moticon's does). The span is
 *       the insole's length, 1.</li>
 * </ul>
 * A recording may lack the medio-lateral channel ({@code copX}): the track then has the
 * heel-to-toe progression but no path length. Without the heel force there is no heel share.
 *
 * @param heelForce    the heel-region force channel ({@link FootPressureChannels#heelForce})
 * @param heelRequired whether a track needs {@code heelForce} (a layout's summaries always have it)
 * @param copX         medio-lateral centre of pressure
 * @param copY         heel-to-toe centre of pressure
 * @param spanY        heel-to-toe span in the unit of {@code copY}, &ge; 0 (0: progression unknown)
 */
public record PressureTrackChannels(ChannelName heelForce, boolean heelRequired, ChannelName copX, ChannelName copY,
                                    double spanY) {
    /** The unit of a centre of pressure normalised to the insole's width and length. */
    public static final String NORMALISED_UNIT = "norm";

    /** Validates the names and the span. */
    public PressureTrackChannels {
        if (heelForce == null || copX == null || copY == null) {
            throw new IllegalArgumentException("heelForce, copX and copY channels are required");
        }
        if (!(spanY >= 0) || Double.isInfinite(spanY)) {
            throw new IllegalArgumentException("spanY must be finite and not negative, was " + spanY);
        }
    }

    /**
     * The channels that would carry the pressure track of {@code side}, given its cell layout (or
     * null for none); whether the recording has them is the caller's to look up.
     */
    public static PressureTrackChannels of(Side side, InsoleLayout layout) {
        if (layout != null) {
            return new PressureTrackChannels(FootPressureChannels.heelForce(side), true,
                    FootPressureChannels.copX(side, layout.coordinateUnit()),
                    FootPressureChannels.copY(side, layout.coordinateUnit()), layout.maxY() - layout.minY());
        }
        return new PressureTrackChannels(FootPressureChannels.heelForce(side), false,
                FootPressureChannels.copX(side, NORMALISED_UNIT), FootPressureChannels.copY(side, NORMALISED_UNIT),
                1.0);
    }
}
