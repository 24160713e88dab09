package org.soleus.io.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.ChannelName;

/**
 * Reads the payload of a binary descriptor frame ({@link BinaryFormat}, {@code
 * docs/serial-protocol.md}) into a {@link StreamDescriptor}, for a {@link BinaryDecoder}, and
 * keeps why the last one it refused was refused.
 *
 * <p>Allocates the descriptor it reads. Parsing on one thread; {@link #problem()} from any.
 */
final class DescriptorParser {
    /** The rate the user gives ({@code --rate}), which wins over the descriptors', or NaN. */
    private final double rateOverrideHz;
    /** Whether the user gives the event timing, so that a descriptor's is left out. */
    private final boolean eventTimingGiven;
    /** Why the last descriptor refused was refused, or null; read by other threads. */
    private volatile String problem;

    DescriptorParser(double rateOverrideHz, boolean eventTimingGiven) {
        this.rateOverrideHz = rateOverrideHz;
        this.eventTimingGiven = eventTimingGiven;
    }

    /** Why the last descriptor that was refused was refused, or null when none was. */
    String problem() {
        return problem;
    }

    /** The descriptor in {@code frame[from .. end)}, or null when it is malformed (and {@link #problem()} says why). */
    StreamDescriptor parse(byte[] frame, int from, int end) {
        DescriptorReader r = new DescriptorReader(frame, from, end);
        int version = r.u8();
        if (version != BinaryFormat.VERSION) {
            return refused("protocol version " + version + ", expected " + BinaryFormat.VERSION);
        }
        long rateMilliHz = r.u32();
        List<ChannelSpec> channels = channels(r);
        Map<String, String> properties = channels == null ? null : properties(r, end);
        if (properties == null) {
            return null;
        }
        if (eventTimingGiven) {
            properties.remove(EventTiming.PROPERTY);
        }
        try {
            double statedHz = rateMilliHz == 0 ? Double.NaN : rateMilliHz / 1000.0;
            return new StreamDescriptor(Double.isNaN(rateOverrideHz) ? statedHz : rateOverrideHz, channels, properties);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
    }

    /** The channel count and the channels; null when refused. */
    private List<ChannelSpec> channels(DescriptorReader r) {
        int count = r.u16();
        if (r.failed() || count == 0 || count > BinaryFormat.MAX_CHANNELS) {
            return refused(r.failed() ? "it ends before its channel count" : "channel count " + count + ", expected 1 to "
                    + BinaryFormat.MAX_CHANNELS);
        }
        List<ChannelSpec> channels = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            ChannelSpec spec = channel(r, "channel " + (c + 1));
            if (spec == null) {
                return null;
            }
            channels.add(spec);
        }
        return channels;
    }

    /** One channel's encoding, scale, offset and name; null when refused. */
    private ChannelSpec channel(DescriptorReader r, String channel) {
        int code = r.u8();
        SampleEncoding encoding = SampleEncoding.fromCode(code);
        double scale = r.f32();
        double offset = r.f32();
        String name = r.text(r.u8());
        if (r.failed()) {
            return refused("it ends inside " + channel);
        }
        if (encoding == null) {
            return refused(channel + " ('" + name + "'): unknown encoding " + code);
        }
        if (!ChannelName.isValid(name)) {
            return refused(channel + ": '" + name + "' is not a channel name of the form"
                    + " <side>.<place>.<quantity>_<unit>, lower case");
        }
        if (!Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
            return refused(channel + " ('" + name + "'): scale " + scale + " and offset " + offset
                    + ", expected finite numbers and a scale other than 0");
        }
        return new ChannelSpec(ChannelName.parse(name), encoding, scale, offset);
    }

    /** The property count and the properties, which must end the payload at {@code end}; null when refused. */
    private Map<String, String> properties(DescriptorReader r, int end) {
        int propertyCount = r.u16();
        Map<String, String> properties = new LinkedHashMap<>();
        for (int k = 0; k < propertyCount && !r.failed(); k++) {
            String key = r.text(r.u8());
            String value = r.text(r.u16());
            properties.put(key, value);
        }
        if (r.failed() || r.position() != end || properties.size() != propertyCount) {
            return refused(r.failed() || r.position() > end ? "it ends inside its properties"
                    : properties.size() != propertyCount ? "a property key given twice"
                    : (end - r.position()) + " bytes after its properties");
        }
        return properties;
    }

    /** Notes why a descriptor was refused, for {@link #problem()}; returns null, the refusal. */
    private <T> T refused(String why) {
        problem = why;
        return null;
    }
}
