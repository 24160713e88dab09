package org.soleus.core.recording;

/**
 * The body masses the toolkit accepts, wherever one comes from (an option, a file's metadata, a
 * subject table, a device): from {@value #MIN_KG} kg, below anyone who walks on an insole, to
 * {@value #MAX_KG} kg. The range catches a mass in the wrong unit (grams, tonnes) or a stray
 * number; a mass that is plausible but wrong shows in the force-scale check of the analysis.
 */
public final class BodyMass {
    /** The lightest accepted body mass, kg. */
    public static final double MIN_KG = 5;
    /** The heaviest accepted body mass, kg. */
    public static final double MAX_KG = 500;
    /** The range as messages give it. */
    public static final String RANGE = "5 to 500 kg";

    private BodyMass() {
    }

    /** Whether {@code kg} is an accepted body mass (NaN is not). */
    public static boolean accepted(double kg) {
        return kg >= MIN_KG && kg <= MAX_KG;
    }
}
