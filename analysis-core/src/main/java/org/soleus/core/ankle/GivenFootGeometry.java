package org.soleus.core.ankle;

import java.util.Locale;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * Foot dimensions given for every recording, either or both: a given part wins over what a
 * recording states, a part not given (NaN) comes from the recording as
 * {@link FootGeometry#from(RecordingMetadata, Side, FootGeometry)} finds it. So a heel-to-ankle
 * distance given alone keeps the insole length the recording states, and an insole length given
 * alone keeps the recording's heel-to-ankle distance, or scales the default one with it.
 *
 * @param insoleLengthM insole (foot) length, m, within 0.10–0.40, or NaN for the recording's
 * @param heelToAnkleM  heel end of the insole to the ankle joint centre, m, at least 0, or NaN for
 *                      the recording's
 */
public record GivenFootGeometry(double insoleLengthM, double heelToAnkleM) {
    /** Nothing given: every recording's own geometry. */
    public static final GivenFootGeometry NONE = new GivenFootGeometry(Double.NaN, Double.NaN);

    /**
     * Checks each given part on its own; whether the two fit together depends, for a part not
     * given, on the recording ({@link #of}).
     */
    public GivenFootGeometry {
        if (!Double.isNaN(insoleLengthM) && !(insoleLengthM >= 0.10 && insoleLengthM <= 0.40)) {
            throw new IllegalArgumentException("insole length must be within 0.10–0.40 m, got " + insoleLengthM
                    + " (pass metres, not centimetres or millimetres)");
        }
        if (!Double.isNaN(heelToAnkleM) && !(heelToAnkleM >= 0 && heelToAnkleM < 0.20)) {
            throw new IllegalArgumentException("heel-to-ankle distance must be at least 0 and less than 0.20 m, got "
                    + heelToAnkleM);
        }
    }

    /** Whether the insole length is given. */
    public boolean givesLength() {
        return !Double.isNaN(insoleLengthM);
    }

    /** Whether either part is given. */
    public boolean givesAny() {
        return givesLength() || !Double.isNaN(heelToAnkleM);
    }

    /**
     * The geometry of one foot of a recording: the given parts, the others from the recording, or
     * from {@code fallback} where it states none.
     *
     * @throws IllegalArgumentException when the given and the recording's parts do not fit together
     *                                  (a heel-to-ankle distance of half the length or more)
     */
    public FootGeometry of(RecordingMetadata metadata, Side side, FootGeometry fallback) {
        if (!givesAny()) {
            return FootGeometry.from(metadata, side, fallback);
        }
        double stated = FootGeometry.statedInsoleLengthM(metadata, side);
        double length = givesLength() ? insoleLengthM : Double.isNaN(stated) ? fallback.insoleLengthM() : stated;
        double heelToAnkle = heelToAnkleM;
        if (Double.isNaN(heelToAnkle)) {
            heelToAnkle = FootGeometry.statedHeelToAnkleM(metadata);
        }
        if (Double.isNaN(heelToAnkle)) {
            heelToAnkle = fallback.heelToAnkleM() * length / fallback.insoleLengthM();
        }
        if (!(heelToAnkle < length / 2)) {
            String lengthFrom = givesLength() ? "given"
                    : Double.isNaN(stated) ? "the default, as the recording states none"
                    : "the recording's";
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s heel-to-ankle distance %s m is half the"
                    + " %s insole's length (%.3f m, %s) or more; it must be less than half the length",
                    Double.isNaN(heelToAnkleM) ? "recording's" : "given", heelToAnkle, side.label(), length, lengthFrom));
        }
        return new FootGeometry(length, heelToAnkle);
    }
}
