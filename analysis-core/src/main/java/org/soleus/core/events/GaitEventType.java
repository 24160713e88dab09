package org.soleus.core.events;

/** The two contact events of each foot. */
public enum GaitEventType {
    /** Initial contact: the foot becomes loaded. */
    HEEL_STRIKE("heel_strike"),
    /** Terminal contact: the foot leaves the ground. */
    TOE_OFF("toe_off");

    private final String label;

    GaitEventType(String label) {
        this.label = label;
    }

    /** Name used in output files ({@code heel_strike}, {@code toe_off}). */
    public String label() {
        return label;
    }
}
