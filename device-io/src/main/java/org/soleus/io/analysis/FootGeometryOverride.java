package org.soleus.io.analysis;

import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.GivenFootGeometry;

/**
 * The foot dimensions a user gives for every input ({@link GivenFootGeometry}), either or both: a
 * part not given comes from each recording (its stated length or EU size, its heel-to-ankle
 * distance), else from the defaults. Whether the given parts are valid is checked here, each on
 * its own and, when both are given, together; a part given alone that does not fit a recording's
 * other part is an error of that recording's analysis. Stateless.
 */
public final class FootGeometryOverride {

    /** Which of the given values makes the geometry invalid. */
    public enum Fault {
        /** The insole length. */
        INSOLE_LENGTH,
        /** The heel-to-ankle distance. */
        HEEL_TO_ANKLE,
        /** Either: both were given, each valid alone, and the distance is half the length or more. */
        EITHER
    }

    private FootGeometryOverride() {
    }

    /**
     * {@code settings} with the given parts, or unchanged when neither is given.
     *
     * @param insoleLengthM insole (foot) length, m, or NaN when not given
     * @param heelToAnkleM  heel end of the insole to the ankle joint centre, m, or NaN when not given
     * @throws IllegalArgumentException when a given part is invalid ({@link #fault} says which)
     */
    public static LegLoadSettings apply(LegLoadSettings settings, double insoleLengthM, double heelToAnkleM) {
        if (Double.isNaN(insoleLengthM) && Double.isNaN(heelToAnkleM)) {
            return settings;
        }
        GivenFootGeometry given = new GivenFootGeometry(insoleLengthM, heelToAnkleM);
        if (!Double.isNaN(insoleLengthM) && !Double.isNaN(heelToAnkleM)) {
            new FootGeometry(insoleLengthM, heelToAnkleM);
        }
        return new LegLoadSettings(settings.plantarFlexion(), given, settings.soleus(), settings.calfRaise());
    }

    /** Which given part makes {@link #apply} fail. */
    public static Fault fault(double insoleLengthM, double heelToAnkleM) {
        if (!Double.isNaN(insoleLengthM) && !isValid(insoleLengthM, Double.NaN)) {
            return Fault.INSOLE_LENGTH;
        }
        if (!Double.isNaN(insoleLengthM) && isValid(Double.NaN, heelToAnkleM)) {
            return Fault.EITHER;
        }
        return Fault.HEEL_TO_ANKLE;
    }

    private static boolean isValid(double lengthM, double heelToAnkleM) {
        try {
            new GivenFootGeometry(lengthM, heelToAnkleM);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
