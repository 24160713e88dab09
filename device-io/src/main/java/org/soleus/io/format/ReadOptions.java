package org.soleus.io.format;

import java.util.Map;

/**
 * What the user says about a file that the file may not say itself.
 *
 * @param format       the format to read, or null to detect it from the content
 * @param sampleRateHz sample rate given explicitly (wins over the file's own, with a warning on
 *                     conflict; a time column in the file must agree with it, else reading
 *                     fails), or NaN to take it from the file
 * @param bodyMassKg   body mass given explicitly (wins over the file's), or NaN
 * @param givenProperties metadata values the user gives for every file, by key (the foot
 *                     geometry's {@code insole_length_m}, {@code heel_to_ankle_m}, in metres): a
 *                     file's value of such a key that could not be used is a warning, not an
 *                     error, as are an unusable sample rate or body mass in a file when the
 *                     option gives them
 */
public record ReadOptions(RecordingFormat format, double sampleRateHz, double bodyMassKg,
                          Map<String, Double> givenProperties) {
    /** Detect everything from the file. */
    public static final ReadOptions DEFAULTS = new ReadOptions(null, Double.NaN, Double.NaN);

    /** The highest sample rate taken: far above any gait sensor's, low enough for sample counts to fit an int. */
    public static final double MAX_SAMPLE_RATE_HZ = 1e6;

    /** Options that give no metadata property. */
    public ReadOptions(RecordingFormat format, double sampleRateHz, double bodyMassKg) {
        this(format, sampleRateHz, bodyMassKg, Map.of());
    }

    public ReadOptions {
        if (givenProperties == null) {
            throw new IllegalArgumentException("givenProperties must not be null; give Map.of() for none");
        }
        givenProperties = Map.copyOf(givenProperties);
        if (!(Double.isNaN(sampleRateHz) || (sampleRateHz > 0 && sampleRateHz <= MAX_SAMPLE_RATE_HZ))) {
            throw new IllegalArgumentException("sample rate must be > 0 and at most " + (long) MAX_SAMPLE_RATE_HZ
                    + " Hz, got " + sampleRateHz);
        }
        if (!(Double.isNaN(bodyMassKg) || (bodyMassKg > 0 && bodyMassKg < 500))) {
            throw new IllegalArgumentException("body mass must be in (0, 500) kg, got " + bodyMassKg);
        }
    }
}
