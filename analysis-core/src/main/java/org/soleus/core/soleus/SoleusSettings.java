package org.soleus.core.soleus;

import org.soleus.core.recording.Gravity;

/**
 * When a sample counts as soleus-dominant: knee flexion above {@code kneeFlexionDeg} while the
 * plantar-flexor moment is above {@code momentFraction} × body weight × foot length. A
 * convention, not a measurement (see the package documentation for its basis).
 *
 * <p>Defaults: 40° (inside the 30–45° range clinics use to bias calf raises toward the soleus;
 * level walking rarely exceeds about 20° in loaded stance, so it mostly stays out) and 0.1 of
 * body weight × foot length (for 70 kg and 0.27 m, 18.5 N·m or 0.26 N·m/kg, about 15 % of the
 * walking peak; standing quietly on both feet stays below it).
 *
 * @param kneeFlexionDeg knee flexion above which the knee counts as bent, degrees
 * @param momentFraction moment threshold as a fraction of body weight × foot length
 */
public record SoleusSettings(double kneeFlexionDeg, double momentFraction) {
    /** Default knee flexion threshold, degrees. */
    public static final double DEFAULT_KNEE_FLEXION_DEG = 40;
    /** Default moment fraction of body weight × foot length. */
    public static final double DEFAULT_MOMENT_FRACTION = 0.1;
    /** The defaults. */
    public static final SoleusSettings DEFAULTS = new SoleusSettings(DEFAULT_KNEE_FLEXION_DEG, DEFAULT_MOMENT_FRACTION);

    public SoleusSettings {
        if (!(kneeFlexionDeg >= 0 && kneeFlexionDeg < 150)) {
            throw new IllegalArgumentException("knee flexion threshold must be within 0–150°, got " + kneeFlexionDeg);
        }
        if (!(momentFraction >= 0 && momentFraction < 1)) {
            throw new IllegalArgumentException("moment fraction must be within 0 and 1 (of body weight × foot length), got "
                    + momentFraction);
        }
    }

    /**
     * The moment threshold in N·m.
     *
     * @param bodyMassKg  body mass, kg
     * @param footLengthM foot (insole) length, m
     */
    public double momentThresholdNm(double bodyMassKg, double footLengthM) {
        if (!(bodyMassKg > 0) || !(footLengthM > 0)) {
            throw new IllegalArgumentException("the soleus moment threshold needs a known body mass and foot length, got "
                    + bodyMassKg + " kg and " + footLengthM + " m");
        }
        return momentFraction * bodyMassKg * Gravity.STANDARD_MPS2 * footLengthM;
    }
}
