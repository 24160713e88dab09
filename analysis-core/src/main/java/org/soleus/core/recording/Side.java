package org.soleus.core.recording;

import java.util.Locale;

/** Body side a channel belongs to; {@link #NONE} for channels that belong to neither foot. */
public enum Side {
    LEFT, RIGHT, NONE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** Lower-case name as used in channel names and output files ({@code left}, {@code right}, {@code none}). */
    public String label() {
        return label;
    }

    /** The other foot; {@code NONE} stays {@code NONE}. */
    public Side opposite() {
        return switch (this) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            case NONE -> NONE;
        };
    }

    /**
     * Parses {@code left}, {@code right} or {@code none} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Side parse(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "left", "l" -> LEFT;
            case "right", "r" -> RIGHT;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException(
                    "unknown side '" + label + "': expected left, right or none");
        };
    }
}
