package org.soleus.core.recording;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Facts about a recording that are not samples.
 *
 * @param bodyMassKg  the subject's body mass in kg, or NaN when unknown
 * @param layouts     insole cell layout per side, where known
 * @param properties  free-form key/value facts in file order: sensor placement, device, provenance
 *                    ({@code source_format}, {@code subject}, {@code insole_size}, ...)
 */
public record RecordingMetadata(double bodyMassKg, Map<Side, InsoleLayout> layouts, Map<String, String> properties) {

    /**
     * Prefix of the property that gives a channel's lowest value ({@code range_min.<channel>}):
     * what its sensor's converter writes at the bottom of its range, for every value at or below
     * it, as an ADC's lowest code. A sample at that value may lie anywhere below it.
     */
    public static final String RANGE_MIN_PREFIX = "range_min.";
    /** Property naming where the body mass came from (a subject table beside the file); gone where a given mass replaced it. */
    public static final String BODY_MASS_SOURCE = "body_mass_source";
    /**
     * Property naming where the sample rate came from when the file states none: {@code default},
     * the format's (WFDB's 250 Hz).
     */
    public static final String SAMPLE_RATE_SOURCE = "sample_rate_source";

    /** Metadata with nothing known. */
    public static final RecordingMetadata EMPTY = new RecordingMetadata(Double.NaN, Map.of(), Map.of());

    public RecordingMetadata {
        if (!(Double.isNaN(bodyMassKg) || BodyMass.accepted(bodyMassKg))) {
            throw new IllegalArgumentException("body mass must be " + BodyMass.RANGE + " or NaN, got " + bodyMassKg);
        }
        Objects.requireNonNull(layouts, "layouts");
        Objects.requireNonNull(properties, "properties");
        layouts = layouts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(layouts));
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Whether the body mass is known. */
    public boolean hasBodyMass() {
        return !Double.isNaN(bodyMassKg);
    }

    /** The insole layout of one side, or null when unknown. */
    public InsoleLayout layout(Side side) {
        return layouts.get(side);
    }

    /**
     * The lowest value of {@code channel}'s range ({@link #RANGE_MIN_PREFIX}), or NaN when the
     * recording does not give one or gives one that is not a number.
     */
    public double rangeMinimum(ChannelName channel) {
        String value = properties.get(RANGE_MIN_PREFIX + channel);
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Float.parseFloat(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A copy with the body mass replaced. */
    public RecordingMetadata withBodyMassKg(double massKg) {
        return new RecordingMetadata(massKg, layouts, properties);
    }

    /** A copy with one property added or replaced. */
    public RecordingMetadata withProperty(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put(key, value);
        return new RecordingMetadata(bodyMassKg, layouts, p);
    }
}
