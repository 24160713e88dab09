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
