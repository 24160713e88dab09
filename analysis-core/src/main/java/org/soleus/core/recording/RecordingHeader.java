package org.soleus.core.recording;

import java.util.List;
import java.util.Objects;

/**
 * What a stream of samples announces before its first sample.
 *
 * @param source       where the samples come from (file path, port name)
 * @param sampleRateHz common sample rate of every channel, &gt; 0
 * @param startTimeS   time of the first sample in seconds
 * @param channels     channel names in row order; no duplicates
 * @param metadata     body mass, insole layout and other facts
 */
public record RecordingHeader(String source, double sampleRateHz, double startTimeS,
                              List<ChannelName> channels, RecordingMetadata metadata) {
    public RecordingHeader {
        Objects.requireNonNull(source, "source");
        SampleRates.require(sampleRateHz);
        if (!Double.isFinite(startTimeS)) {
            throw new IllegalArgumentException("start time must be finite, got " + startTimeS);
        }
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a recording needs at least one channel");
        }
        if (channels.stream().distinct().count() != channels.size()) {
            throw new IllegalArgumentException("duplicate channel names in " + channels);
        }
        Objects.requireNonNull(metadata, "metadata");
    }

    /** This header with other channels in its rows (a stage that adds, drops or replaces channels). */
    public RecordingHeader withChannels(List<ChannelName> rowChannels) {
        return new RecordingHeader(source, sampleRateHz, startTimeS, rowChannels, metadata);
    }

    /** Index of the named channel in a row, or -1. */
    public int indexOf(ChannelName name) {
        return channels.indexOf(name);
    }
}
