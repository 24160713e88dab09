package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;

/** Copies of a recording with some channels changed or left out, for tests that damage or strip one. */
final class RecordingEdits {
    private RecordingEdits() {
    }

    /**
     * {@code rec} with each channel replaced by what {@code edit} gives for it, in the same
     * order, or left out where that is null; source, rate, start, metadata and warnings kept.
     */
    static Recording mapChannels(Recording rec, UnaryOperator<Channel> edit) {
        List<Channel> channels = new ArrayList<>();
        for (Channel c : rec.channels()) {
            Channel edited = edit.apply(c);
            if (edited != null) {
                channels.add(edited);
            }
        }
        return new Recording(rec.source(), rec.sampleRateHz(), rec.startTimeS(), channels, rec.metadata(),
                rec.warnings());
    }

    /** {@code rec} with only the channels that {@code keep} accepts. */
    static Recording keep(Recording rec, Predicate<Channel> keep) {
        return mapChannels(rec, c -> keep.test(c) ? c : null);
    }
}
