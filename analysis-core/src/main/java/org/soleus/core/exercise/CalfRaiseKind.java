package org.soleus.core.exercise;

/** How a calf-raise repetition was done, from the knee angle and the load on the foot. */
public enum CalfRaiseKind {
    /** Standing, knee (nearly) straight: gastrocnemius and soleus both work. */
    STRAIGHT_KNEE("straight_knee"),
    /** Standing with the knee bent: biased toward the soleus. */
    STANDING_BENT_KNEE("standing_bent_knee"),
    /** Seated, knee at about 90°, body weight mostly off the feet: soleus-dominant. */
    SEATED("seated"),
    /** Standing, but no knee angle was available to tell straight from bent. */
    UNKNOWN_KNEE("unknown_knee");

    private final String label;

    CalfRaiseKind(String label) {
        this.label = label;
    }

    /** Lower-case label as written to files, e.g. {@code standing_bent_knee}. */
    public String label() {
        return label;
    }
}
