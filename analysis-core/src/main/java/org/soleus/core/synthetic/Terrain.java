package org.soleus.core.synthetic;

/**
 * What a synthetic walk goes over; sets the knee, hip and centre-of-pressure profiles.
 */
public enum Terrain {
    /** Level ground: knee 3–20° in loaded stance, 65° in swing. */
    LEVEL("level"),
    /** Walking uphill: knee about 35–40° in loading response. */
    HILL_UP("hill_up"),
    /** Climbing stairs: knee about 65° at foot contact, straightening through stance; forefoot landing. */
    STAIRS_UP("stairs_up");

    private final String label;

    Terrain(String label) {
        this.label = label;
    }

    /** Name used in truth files. */
    public String label() {
        return label;
    }
}
