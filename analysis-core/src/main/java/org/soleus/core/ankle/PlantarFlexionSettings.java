package org.soleus.core.ankle;

import java.util.Objects;

/**
 * How plantar-flexion load is computed.
 *
 * @param geometry          foot dimensions for the lever arm
 * @param momentArm         Achilles tendon moment arm
 * @param thresholdNmPerKg  moment above which a sample counts towards "time above threshold",
 *                          N·m/kg; the default {@value #DEFAULT_THRESHOLD_NM_PER_KG} (about 30 % of
 *                          the 1.7 N·m/kg walking peak) is a convention, not a physiological limit
 */
public record PlantarFlexionSettings(FootGeometry geometry, AchillesMomentArm momentArm, double thresholdNmPerKg) {
    /** Default threshold, N·m/kg. */
    public static final double DEFAULT_THRESHOLD_NM_PER_KG = 0.5;
    /** Default geometry, constant 37 mm moment arm, default threshold. */
    public static final PlantarFlexionSettings DEFAULTS = new PlantarFlexionSettings(FootGeometry.DEFAULT,
            AchillesMomentArm.DEFAULT, DEFAULT_THRESHOLD_NM_PER_KG);

    public PlantarFlexionSettings {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(momentArm, "momentArm");
        if (!(thresholdNmPerKg >= 0) || Double.isInfinite(thresholdNmPerKg)) {
            throw new IllegalArgumentException("moment threshold must be a finite number >= 0 N·m/kg, got " + thresholdNmPerKg);
        }
    }
}
