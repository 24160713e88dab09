package org.soleus.io.format;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.recording.BodyMass;

/**
 * What the user says about a file that the file may not say itself.
 *
 * @param format       the format to read, or null to detect it from the content
 * @param sampleRateHz sample rate given explicitly (wins over the file's own, with a warning on
 *                     conflict; a time column in the file must agree with it, else reading
 *                     fails), or NaN to take it from the file; {@link #isSampleRate} says
 *                     which rates are taken, here and in a file; by {@link #RATE_OPTION} unless
 *                     {@link #givenBy} says otherwise
 * @param bodyMassKg   body mass given explicitly (wins over the file's), or NaN; by
 *                     {@link #MASS_OPTION} unless {@link #givenBy} says otherwise
 * @param givenProperties metadata values the user gives for the file, by key (the foot
 *                     geometry's {@code insole_length_m}, {@code heel_to_ankle_m}, in metres), by
 *                     an option for every file or a row of a table of subjects ({@link #givenBy}):
 *                     a file's value of such a key that could not be used is a warning, not an
 *                     error, as are an unusable sample rate or body mass in a file when they are
 *                     given
 * @param timeColumnIgnored whether a time column is taken for the first row's time only (and for
 *                     the rate, as the mean step, when neither the file nor the user states
 *                     one): the rows are evenly spaced at the rate, their times not checked, no
 *                     gap found. For times stamped on arrival (a Bluetooth link, a phone app),
 *                     whose jitter or bursts no sampling clock explains
 * @param givenBy      what gives the sample rate (key {@link #SAMPLE_RATE_KEY}), the body mass
 *                     (key {@link #BODY_MASS_KEY}) and each given property, by key, as the
 *                     warnings about them name it, where it is not the command line's option for
 *                     every file: a row of a table of subjects per recording
 *                     ({@code --subjects subjects.csv:4})
 */
public record ReadOptions(RecordingFormat format, double sampleRateHz, double bodyMassKg,
                          Map<String, Double> givenProperties, boolean timeColumnIgnored, Map<String, String> givenBy) {
    /** The option that gives a body mass for every file: what gives it unless {@link #givenBy} says otherwise. */
    public static final String MASS_OPTION = "--mass";
    /** The key of the body mass in {@link #givenBy}. */
    public static final String BODY_MASS_KEY = "body_mass_kg";
    /** The option that gives a sample rate for every file: what gives it unless {@link #givenBy} says otherwise. */
    public static final String RATE_OPTION = "--rate";
    /** The key of the sample rate in {@link #givenBy}. */
    public static final String SAMPLE_RATE_KEY = "sample_rate_hz";
    /** Detect everything from the file. */
    public static final ReadOptions DEFAULTS = new ReadOptions(null, Double.NaN, Double.NaN);

    /**
     * The lowest sample rate taken, given or stated in a file: a sample every 1000 s, far below
     * any sensor's, and high enough that every sample's time stays a finite number of seconds
     * (a rate of 1e-300 Hz would time the second sample at 1e300 s, beyond a float).
     */
    public static final double MIN_SAMPLE_RATE_HZ = 1e-3;
    /** The highest sample rate taken: far above any gait sensor's, low enough for sample counts to fit an int. */
    public static final double MAX_SAMPLE_RATE_HZ = 1e6;
    /**
     * The sample rates taken ({@link #isSampleRate}), as messages say what was expected:
     * {@code a rate in Hz from 0.001 to 1000000}.
     */
    public static final String SAMPLE_RATES = "a rate in Hz from " + plain(MIN_SAMPLE_RATE_HZ) + " to "
            + plain(MAX_SAMPLE_RATE_HZ);

    /** Options that give no metadata property. */
    public ReadOptions(RecordingFormat format, double sampleRateHz, double bodyMassKg) {
        this(format, sampleRateHz, bodyMassKg, Map.of());
    }

    /** Options that check a time column. */
    public ReadOptions(RecordingFormat format, double sampleRateHz, double bodyMassKg, Map<String, Double> givenProperties) {
        this(format, sampleRateHz, bodyMassKg, givenProperties, false);
    }

    /** Options whose values are given by the command line's options for every file. */
    public ReadOptions(RecordingFormat format, double sampleRateHz, double bodyMassKg, Map<String, Double> givenProperties,
                       boolean timeColumnIgnored) {
        this(format, sampleRateHz, bodyMassKg, givenProperties, timeColumnIgnored, Map.of());
    }

    /** These options with the format given. */
    public ReadOptions withFormat(RecordingFormat given) {
        return new ReadOptions(given, sampleRateHz, bodyMassKg, givenProperties, timeColumnIgnored, givenBy);
    }

    /** These options with the body mass {@code kg} given by {@code by} ({@link #givenBy}). */
    public ReadOptions withBodyMass(double kg, String by) {
        return new ReadOptions(format, sampleRateHz, kg, givenProperties, timeColumnIgnored, with(givenBy, BODY_MASS_KEY, by));
    }

    /** These options with the sample rate {@code hz} given by {@code by} ({@link #givenBy}). */
    public ReadOptions withSampleRate(double hz, String by) {
        return new ReadOptions(format, hz, bodyMassKg, givenProperties, timeColumnIgnored,
                with(givenBy, SAMPLE_RATE_KEY, by));
    }

    /** These options with the property {@code key} given the value {@code value} by {@code by} ({@link #givenBy}). */
    public ReadOptions withGivenProperty(String key, double value, String by) {
        Map<String, Double> properties = new HashMap<>(givenProperties);
        properties.put(key, value);
        return new ReadOptions(format, sampleRateHz, bodyMassKg, properties, timeColumnIgnored, with(givenBy, key, by));
    }

    /**
     * These options with a value for the property {@code key} given by {@code by} outside the
     * file, which the reader does not take (the event timing that {@code --event-timing} gives the
     * analysis): a file's value of that key that could not be used is then a warning, not an error.
     */
    public ReadOptions withGivenBy(String key, String by) {
        return new ReadOptions(format, sampleRateHz, bodyMassKg, givenProperties, timeColumnIgnored, with(givenBy, key, by));
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** What gives the body mass, as warnings name it: {@link #MASS_OPTION} unless {@link #givenBy} says otherwise. */
    public String bodyMassGivenBy() {
        return givenBy.getOrDefault(BODY_MASS_KEY, MASS_OPTION);
    }

    /** What gives the sample rate, as messages name it: {@link #RATE_OPTION} unless {@link #givenBy} says otherwise. */
    public String sampleRateGivenBy() {
        return givenBy.getOrDefault(SAMPLE_RATE_KEY, RATE_OPTION);
    }

    /**
     * Whether the sample rate given is not {@link #RATE_OPTION}'s but another's, such as a row of
     * a table of subjects.
     */
    public boolean sampleRateGivenByOther() {
        return givenBy.containsKey(SAMPLE_RATE_KEY);
    }

    /** What gives the property {@code key}, as warnings name it: {@code option} unless {@link #givenBy} says otherwise. */
    public String propertyGivenBy(String key, String option) {
        return givenBy.getOrDefault(key, option);
    }

    public ReadOptions {
        if (givenProperties == null) {
            throw new IllegalArgumentException("givenProperties must not be null; give Map.of() for none");
        }
        givenProperties = Map.copyOf(givenProperties);
        givenBy = Map.copyOf(Objects.requireNonNull(givenBy, "givenBy"));
        if (!(Double.isNaN(sampleRateHz) || isSampleRate(sampleRateHz))) {
            throw new IllegalArgumentException("sample rate: expected " + SAMPLE_RATES + ", got " + sampleRateHz);
        }
        if (!(Double.isNaN(bodyMassKg) || BodyMass.accepted(bodyMassKg))) {
            throw new IllegalArgumentException("body mass must be " + BodyMass.RANGE + ", got " + bodyMassKg);
        }
    }

    /**
     * Whether {@code hz} is a sample rate the readers take, from {@link #MIN_SAMPLE_RATE_HZ} to
     * {@link #MAX_SAMPLE_RATE_HZ}: the limit of the {@code sampleRateHz} given here and of the
     * rate a file states or its time column gives.
     */
    public static boolean isSampleRate(double hz) {
        return hz >= MIN_SAMPLE_RATE_HZ && hz <= MAX_SAMPLE_RATE_HZ;
    }

    /** {@code v} without an exponent or trailing zeros: {@code 0.001}, {@code 1000000}. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
