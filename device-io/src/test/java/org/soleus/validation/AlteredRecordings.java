package org.soleus.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingReader;

/** Real recordings read with their samples altered, for robustness tests. */
final class AlteredRecordings {
    private AlteredRecordings() {
    }

    /**
     * Reads {@code file} with {@code reader}, each sample changed by {@code alteration}.
     *
     * @param ranges each channel's signal range, handed to the alteration; null for zeros
     */
    static Recording read(RecordingReader reader, Path file, Alteration alteration, double[] ranges) throws IOException {
        AlteringSink sink = new AlteringSink(alteration, ranges);
        reader.read(file, ReadOptions.DEFAULTS, sink);
        return sink.builder.build();
    }

    /**
     * The recording played {@code factor} times as slowly at the same sample rate: a walk of the
     * same steps at another tempo. Each channel is interpolated linearly at every
     * {@code 1 / factor}-th sample of the original; a sample between two whose one is missing is
     * missing. Metadata as read.
     */
    static Recording stretched(Recording recording, double factor) {
        int length = (int) Math.floor((recording.length() - 1) * factor) + 1;
        List<Channel> channels = new ArrayList<>();
        for (Channel channel : recording.channels()) {
            float[] original = channel.samples();
            float[] samples = new float[length];
            for (int j = 0; j < length; j++) {
                double position = Math.min(j / factor, original.length - 1);
                int i = (int) position;
                double fraction = position - i;
                samples[j] = fraction == 0 ? original[i]
                        : (float) ((1 - fraction) * original[i] + fraction * original[i + 1]);
            }
            channels.add(new Channel(channel.name(), samples));
        }
        return new Recording(recording.source(), recording.sampleRateHz(), recording.startTimeS(), channels,
                recording.metadata(), recording.warnings());
    }

    /** A change of sample {@code i} of a channel whose range is {@code range}. */
    @FunctionalInterface
    interface Alteration {
        Alteration NONE = (channel, i, value, range) -> value;

        double apply(int channel, long i, double value, double range);
    }

    /** Passes the reader's rows on to a recording, altered. */
    private static final class AlteringSink implements SampleSink {
        private final RecordingBuilder builder = new RecordingBuilder();
        private final Alteration alteration;
        private final double[] ranges;
        private float[] altered;
        private long index;

        AlteringSink(Alteration alteration, double[] ranges) {
            this.alteration = alteration;
            this.ranges = ranges;
        }

        /**
         * Passes the header on without the channels' range limits
         * ({@link RecordingMetadata#RANGE_MIN_PREFIX}): an altered signal stands for another
         * sensor's, whose converter's range is not known.
         */
        @Override
        public void start(RecordingHeader header) {
            Map<String, String> properties = new LinkedHashMap<>(header.metadata().properties());
            properties.keySet().removeIf(key -> key.startsWith(RecordingMetadata.RANGE_MIN_PREFIX));
            RecordingMetadata m = header.metadata();
            builder.start(new RecordingHeader(header.source(), header.sampleRateHz(), header.startTimeS(),
                    header.channels(), new RecordingMetadata(m.bodyMassKg(), m.layouts(), properties)));
            altered = new float[header.channels().size()];
        }

        @Override
        public void accept(float[] row) {
            for (int c = 0; c < row.length; c++) {
                altered[c] = (float) alteration.apply(c, index, row[c], ranges == null ? 0 : ranges[c]);
            }
            index++;
            builder.accept(altered);
        }

        @Override
        public void end(List<String> warnings) {
            builder.end(warnings);
        }
    }
}
