package org.soleus.io.calibration;

import java.util.Locale;

/**
 * Which model {@link CalibrationFitter} fits: one of the two, or the better of both by the rule
 * of {@link CalibrationFitter#fit}.
 */
public enum ModelChoice {
    /** Always {@link CalibrationModel#LINEAR}. */
    LINEAR("linear"),
    /** Always {@link CalibrationModel#POWER}. */
    POWER("power"),
    /** {@link CalibrationModel#POWER} when it fits significantly better, else linear. */
    AUTO("auto");

    /** The name on the command line. */
    private final String id;

    ModelChoice(String id) {
        this.id = id;
    }

    /**
     * The choice named {@code id}.
     *
     * @throws IllegalArgumentException listing the choices when there is none of that name
     */
    public static ModelChoice fromId(String id) {
        for (ModelChoice c : values()) {
            if (c.id.equals(id.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "': expected linear, power or auto");
    }
}
