package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;

final class StageWarningsTest {

    /** A stage that adds one warning at the end, after those that came in. */
    private static SampleSink stage(SampleSink next, String warning) {
        return new ForwardingSink(next) {
            @Override
            public void end(List<String> warnings) {
                List<String> all = new ArrayList<>(warnings);
                all.add(warning);
                super.end(all);
            }
        };
    }

    @Test
    void keepsWhatTheStagesAddedInOrderAndNotWhatCameIn() {
        List<String> reached = new ArrayList<>();
        SampleSink next = new SampleSink() {
            @Override
            public void start(RecordingHeader header) {
            }

            @Override
            public void accept(float[] row) {
            }

            @Override
            public void end(List<String> warnings) {
                reached.addAll(warnings);
            }
        };
        StageWarnings stages = new StageWarnings(s -> stage(stage(s, "second"), "first"), next);
        stages.entry().start(new RecordingHeader("/dev/ttyX", 100, 0, List.of(ChannelName.parse("left.insole.force_n")),
                RecordingMetadata.EMPTY));
        stages.entry().accept(new float[] {1});
        assertEquals(List.of(), stages.added(), "nothing before the end");
        stages.entry().end(List.of("lost frames"));
        assertEquals(List.of("first", "second"), stages.added());
        assertEquals(List.of("lost frames", "first", "second"), reached, "the next sink gets every warning");
    }
}
