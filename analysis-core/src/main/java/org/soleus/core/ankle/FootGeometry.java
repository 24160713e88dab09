package org.soleus.core.ankle;

import java.util.Locale;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * Foot dimensions that turn a centre of pressure into a lever arm about the ankle.
 *
 * <p>Defaults: insole length {@value #DEFAULT_INSOLE_LENGTH_M} m (an adult EU size 40–41 insole,
 * near the middle of the adult range) and heel-to-ankle distance {@value #DEFAULT_HEEL_TO_ANKLE_M}
 * m, the value Moticon's open node uses. The heel-to-ankle distance is the horizontal distance
 * from the back of the heel to the ankle joint centre below the malleoli; it scales with foot
 * length, so for very small or large feet pass a measured value.
 *
 * @param insoleLengthM   insole (foot) length, heel to toe, m
 * @param heelToAnkleM    horizontal distance from the back of the heel to the ankle joint centre, m
 */
public record FootGeometry(double insoleLengthM, double heelToAnkleM) {
    /** Default insole length, m. */
    public static final double DEFAULT_INSOLE_LENGTH_M = 0.27;
    /** Default heel-to-ankle distance, m (Moticon open node). */
    public static final double DEFAULT_HEEL_TO_ANKLE_M = 0.055;
    /** The defaults. */
    public static final FootGeometry DEFAULT = new FootGeometry(DEFAULT_INSOLE_LENGTH_M, DEFAULT_HEEL_TO_ANKLE_M);

    /** Metadata property holding the insole length in metres, when a file states it. */
    public static final String INSOLE_LENGTH_PROPERTY = "insole_length_m";
    /** Metadata property holding the heel-to-ankle distance in metres, when a file states it. */
    public static final String HEEL_TO_ANKLE_PROPERTY = "heel_to_ankle_m";
    /** Metadata property holding the insole (shoe) size. */
    public static final String INSOLE_SIZE_PROPERTY = "insole_size";

    /** Length of one Paris point (EU shoe size step), m: two thirds of a centimetre. */
    private static final double PARIS_POINT_M = 0.02 / 3;

    public FootGeometry {
        if (!(insoleLengthM >= 0.10 && insoleLengthM <= 0.40)) {
            throw new IllegalArgumentException("insole length must be within 0.10–0.40 m, got " + insoleLengthM
                    + " (pass metres, not centimetres or millimetres)");
        }
        if (!(heelToAnkleM >= 0 && heelToAnkleM < insoleLengthM / 2)) {
            throw new IllegalArgumentException("heel-to-ankle distance must be at least 0 and less than half the insole length ("
                    + insoleLengthM / 2 + " m), got " + heelToAnkleM);
        }
    }

    /**
     * Lever arm of the centre of pressure about the ankle, m: positive in front of the ankle.
     *
     * @param copNorm heel-to-toe CoP as a fraction of insole length, −0.5 (heel) … +0.5 (toe)
     */
    public double leverM(double copNorm) {
        return insoleLengthM * (copNorm + 0.5) - heelToAnkleM;
    }

    /**
     * The geometry a recording states for one foot, falling back to the defaults. In order: the
     * insole layout's length ({@link InsoleLayout#lengthM()}), the {@value #INSOLE_LENGTH_PROPERTY}
     * property, the {@value #INSOLE_SIZE_PROPERTY} property read as an EU (Paris point) shoe size
     * from 30 to 50 (length = size × 2/3 cm, the last length that size is made on); anything else
     * (e.g. a vendor's own size code such as Moticon's 1–10) is not guessed at and gives the
     * default length. The heel-to-ankle distance is the {@value #HEEL_TO_ANKLE_PROPERTY} property
     * when stated, else the default scaled with the length (0.055 m at 0.27 m), since it grows
     * with the foot.
     *
     * @param metadata the recording's metadata
     * @param side     the foot
     */
    public static FootGeometry from(RecordingMetadata metadata, Side side) {
        return from(metadata, side, DEFAULT);
    }

    /**
     * As {@link #from(RecordingMetadata, Side)}, with {@code fallback} in place of the defaults:
     * its length when the recording states none, and its heel-to-ankle distance (scaled with the
     * length) when the recording states no heel-to-ankle distance.
     */
    public static FootGeometry from(RecordingMetadata metadata, Side side, FootGeometry fallback) {
        double length = statedInsoleLengthM(metadata, side);
        double statedHeelToAnkle = statedHeelToAnkleM(metadata);
        if (Double.isNaN(length)) {
            length = fallback.insoleLengthM();
        }
        double heelToAnkle = Double.isNaN(statedHeelToAnkle)
                ? fallback.heelToAnkleM() * length / fallback.insoleLengthM() : statedHeelToAnkle;
        return new FootGeometry(length, heelToAnkle);
    }

    /** The heel-to-ankle distance the recording states ({@value #HEEL_TO_ANKLE_PROPERTY}), or NaN. */
    public static double statedHeelToAnkleM(RecordingMetadata metadata) {
        return parse(metadata.properties().get(HEEL_TO_ANKLE_PROPERTY), 0, 0.2);
    }

    /**
     * The insole length that the recording states for {@code side}, in the order of
     * {@link #from(RecordingMetadata, Side)}, or NaN when it states none that can be used.
     */
    public static double statedInsoleLengthM(RecordingMetadata metadata, Side side) {
        InsoleLayout layout = metadata.layout(side);
        if (layout != null && layout.lengthM() >= 0.10 && layout.lengthM() <= 0.40) {
            return layout.lengthM();
        }
        double length = parse(metadata.properties().get(INSOLE_LENGTH_PROPERTY), 0.10, 0.40);
        if (Double.isNaN(length)) {
            length = insoleLengthOfEuSizeM(parse(metadata.properties().get(INSOLE_SIZE_PROPERTY), 30, 50));
        }
        return length;
    }

    /**
     * The insole length of an EU (Paris point) shoe size from 30 to 50: size × 2/3 cm, the last
     * length that size is made on; NaN for another size.
     */
    public static double insoleLengthOfEuSizeM(double euSize) {
        return euSize >= 30 && euSize <= 50 ? euSize * PARIS_POINT_M : Double.NaN;
    }

    private static double parse(String text, double min, double max) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text.trim().toLowerCase(Locale.ROOT));
            return v >= min && v <= max ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
