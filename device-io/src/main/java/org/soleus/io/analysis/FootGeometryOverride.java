package org.soleus.io.analysis;

import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.ankle.FootGeometry;

/**
 * A foot geometry that overrides the recordings', of which the user may give one part only: a
 * missing insole length is the default {@value FootGeometry#DEFAULT_INSOLE_LENGTH_M} m, a missing
 * heel-to-ankle distance the default {@value FootGeometry#DEFAULT_HEEL_TO_ANKLE_M} m scaled with
 * the length. Stateless.
 */
public final class FootGeometryOverride {

    /** Which of the given values makes the geometry invalid. */
    public enum Fault {
        /** The insole length, whatever the distance. */
        INSOLE_LENGTH,
        /** The heel-to-ankle distance. */
        HEEL_TO_ANKLE,
        /** Either: both were given and the distance is invalid only for the length given (more than half of it). */
        EITHER
    }

    private FootGeometryOverride() {
    }

    /**
     * {@code settings} with the geometry of the given parts, or unchanged when neither is given.
     *
     * @param insoleLengthM insole (foot) length, m, or NaN when not given
     * @param heelToAnkleM  heel end of the insole to the ankle joint centre, m, or NaN when not given
     * @throws IllegalArgumentException when the geometry is invalid ({@link #fault} says which part)
     */
    public static LegLoadSettings apply(LegLoadSettings settings, double insoleLengthM, double heelToAnkleM) {
        if (Double.isNaN(insoleLengthM) && Double.isNaN(heelToAnkleM)) {
            return settings;
        }
        FootGeometry geometry = new FootGeometry(length(insoleLengthM), distance(insoleLengthM, heelToAnkleM));
        return new LegLoadSettings(settings.plantarFlexion(), geometry, settings.soleus(), settings.calfRaise());
    }

    /**
     * Which given part makes {@link #apply} fail: the insole length when it is invalid whatever
     * the distance, else the distance; either when both were given and the distance is invalid
     * only for the length given.
     */
    public static Fault fault(double insoleLengthM, double heelToAnkleM) {
        double length = length(insoleLengthM);
        if (!Double.isNaN(insoleLengthM) && !isValid(length, 0)) {
            return Fault.INSOLE_LENGTH;
        }
        if (!Double.isNaN(insoleLengthM) && !Double.isNaN(heelToAnkleM) && distance(insoleLengthM, heelToAnkleM) >= 0) {
            return Fault.EITHER;
        }
        return Fault.HEEL_TO_ANKLE;
    }

    private static double length(double insoleLengthM) {
        return Double.isNaN(insoleLengthM) ? FootGeometry.DEFAULT_INSOLE_LENGTH_M : insoleLengthM;
    }

    private static double distance(double insoleLengthM, double heelToAnkleM) {
        return Double.isNaN(heelToAnkleM)
                ? FootGeometry.DEFAULT_HEEL_TO_ANKLE_M * length(insoleLengthM) / FootGeometry.DEFAULT_INSOLE_LENGTH_M
                : heelToAnkleM;
    }

    private static boolean isValid(double lengthM, double heelToAnkleM) {
        try {
            new FootGeometry(lengthM, heelToAnkleM);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
