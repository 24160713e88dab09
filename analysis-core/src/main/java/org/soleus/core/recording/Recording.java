package org.soleus.core.recording;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A multi-channel recording on one uniform time base: sample {@code i} of every channel was
 * taken at {@code startTimeS + i / sampleRateHz}. Channels are stored as primitive arrays
 * (structure of arrays); missing samples are NaN. Build one with {@link RecordingBuilder}.
 *
 * <p>Immutable and thread-safe once built, as long as nobody writes into the arrays that
 * {@link Channel#samples()} exposes.
 */
public final class Recording {
    private final String source;
    private final double sampleRateHz;
    private final double startTimeS;
    private final int length;
    private final Map<ChannelName, Channel> channels;
    private final RecordingMetadata metadata;
    private final List<String> warnings;

    /**
     * @param source       where the data came from
     * @param sampleRateHz common sample rate
     * @param startTimeS   time of sample 0
     * @param channels     channels, all of the same length
     * @param metadata     body mass, layouts, properties
     * @param warnings     data-quality remarks from reading
     */
    public Recording(String source, double sampleRateHz, double startTimeS, List<Channel> channels,
                     RecordingMetadata metadata, List<String> warnings) {
        this.source = Objects.requireNonNull(source, "source");
        SampleRates.require(sampleRateHz);
        this.sampleRateHz = sampleRateHz;
        this.startTimeS = startTimeS;
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a recording needs at least one channel");
        }
        this.length = channels.get(0).length();
        Map<ChannelName, Channel> map = new LinkedHashMap<>();
        for (Channel c : channels) {
            if (c.length() != length) {
                throw new IllegalArgumentException("channel " + c.name() + " has " + c.length()
                        + " samples but " + channels.get(0).name() + " has " + length);
            }
            if (map.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate channel " + c.name());
            }
        }
        this.channels = Collections.unmodifiableMap(map);
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.warnings = List.copyOf(warnings);
    }

    public String source() {
        return source;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    public double startTimeS() {
        return startTimeS;
    }

    /** Number of samples per channel. */
    public int length() {
        return length;
    }

    /** Duration covered by the samples, {@code length / sampleRateHz}. */
    public double durationS() {
        return length / sampleRateHz;
    }

    /** Time of sample {@code i} in seconds. */
    public double timeS(int i) {
        return startTimeS + i / sampleRateHz;
    }

    public RecordingMetadata metadata() {
        return metadata;
    }

    /** Data-quality remarks made while reading (e.g. a truncated last row left out). */
    public List<String> warnings() {
        return warnings;
    }

    /** All channels in file order. */
    public List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    /** The channel names in file order. */
    public List<ChannelName> channelNames() {
        return List.copyOf(channels.keySet());
    }

    /** The named channel, if present. */
    public Optional<Channel> find(ChannelName name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** The named channel, if present. */
    public Optional<Channel> find(String name) {
        return ChannelName.isValid(name) ? find(ChannelName.parse(name)) : Optional.empty();
    }

    /**
     * The named channel.
     *
     * @throws IllegalArgumentException naming the channels that do exist
     */
    public Channel channel(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "no channel '" + name + "' in " + source + "; channels: " + channels.keySet()));
    }

    /** Channels of one side and place, in file order (e.g. all {@code left.insole} channels). */
    public List<Channel> channels(Side side, String place) {
        List<Channel> out = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (c.name().side() == side && c.name().place().equals(place)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Recording[" + source + ", " + length + " samples at " + sampleRateHz + " Hz, channels=" + channels.keySet() + "]";
    }
}
