package org.soleus.io.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingMetadata;

/**
 * The metadata of a recording read from a WFDB record, in this order: {@code source_format=wfdb},
 * {@code record}, {@link RecordingMetadata#SAMPLE_RATE_SOURCE} {@code default} when neither the
 * header nor the options give a rate, per channel its {@code description.<channel>} (as written)
 * and {@link RecordingMetadata#RANGE_MIN_PREFIX}{@code <channel>} (the physical value of the
 * lowest valid code, or for a negative gain, which turns the signal over, of the highest),
 * {@code comments} (the header's {@code #} lines joined by {@code " | "}), {@code base_time} and
 * {@code base_date} when given; then the subject's properties and body mass
 * ({@link WfdbSubject}). Stateless and thread-safe.
 */
final class WfdbMetadata {
    private WfdbMetadata() {
    }

    /**
     * The metadata of the record of {@code header}, whose signals are the channels {@code names}.
     *
     * @param warnings receives the subject description's warnings and the body mass override's
     */
    static RecordingMetadata of(WfdbHeader header, List<ChannelName> names, ReadOptions options,
                                List<String> warnings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("source_format", RecordingFormat.WFDB.id());
        properties.put("record", header.recordName());
        if (header.rateText() == null && Double.isNaN(options.sampleRateHz())) {
            properties.put(RecordingMetadata.SAMPLE_RATE_SOURCE, "default");   // WFDB's 250 Hz, told in a warning
        }
        putSignalProperties(header, names, properties);
        if (!header.comments().isEmpty()) {
            properties.put("comments", String.join(" | ", header.comments()));
        }
        if (header.baseTime() != null) {
            properties.put("base_time", header.baseTime());
        }
        if (header.baseDate() != null) {
            properties.put("base_date", header.baseDate());
        }
        double bodyMassKg = WfdbSubject.bodyMassKg(header, options, properties, warnings);
        return new RecordingMetadata(bodyMassKg, Map.of(), properties);
    }

    /** Each channel's description, when the header gives one, and the physical value of its lowest code. */
    private static void putSignalProperties(WfdbHeader header, List<ChannelName> names, Map<String, String> properties) {
        for (int s = 0; s < names.size(); s++) {
            WfdbSignalSpec spec = header.signals().get(s);
            String description = spec.description();
            if (!description.isEmpty()) {
                properties.put("description." + names.get(s), description);
            }
            int lowestCode = spec.gain() > 0 ? spec.invalidSample() + 1 : -spec.invalidSample() - 1;
            properties.put(RecordingMetadata.RANGE_MIN_PREFIX + names.get(s),
                    Float.toString(WfdbSignalSpec.physical(lowestCode, spec.baseline(), spec.gain())));
        }
    }
}
