package org.soleus.io.codec;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.ChannelName;

/**
 * What a live stream declares about its frames: the sample rate, the channels in frame order,
 * and metadata as the recording format's {@code key: value} lines (start time, body mass,
 * insole layouts, device facts; see {@link org.soleus.io.format.MetadataLines}).
 *
 * @param sampleRateHz nominal sample rate, Hz, or NaN when the stream does not say
 * @param channels     channels in frame order; at least one, no duplicate names
 * @param properties   metadata lines in order, key to value text; an {@code event_timing} must name
 *                     one ({@link EventTiming})
 */
public record StreamDescriptor(double sampleRateHz, List<ChannelSpec> channels, Map<String, String> properties) {
    public StreamDescriptor {
        if (!(Double.isNaN(sampleRateHz) || (sampleRateHz > 0 && !Double.isInfinite(sampleRateHz)))) {
            throw new IllegalArgumentException("sample rate must be > 0 Hz or NaN (unknown), got " + sampleRateHz);
        }
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a stream needs at least one channel");
        }
        Set<ChannelName> seen = new HashSet<>();
        for (ChannelSpec c : channels) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("channel " + c.name() + " is declared twice");
            }
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties, "properties")));
        String timing = properties.get(EventTiming.PROPERTY);
        if (timing != null) {
            try {
                EventTiming.of(timing);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(EventTiming.PROPERTY + ": " + e.getMessage(), e);
            }
        }
    }

    /** Number of channels, the length of every frame's value array. */
    public int width() {
        return channels.size();
    }

    /** The channel names in frame order. */
    public List<ChannelName> channelNames() {
        return channels.stream().map(ChannelSpec::name).toList();
    }

    /** Whether the stream states its sample rate. */
    public boolean hasSampleRate() {
        return !Double.isNaN(sampleRateHz);
    }
}
