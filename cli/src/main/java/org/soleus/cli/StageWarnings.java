package org.soleus.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.SampleSink;

/**
 * Keeps the warnings that a stream's stages add at its end (a force unit converted to newtons),
 * for {@code record} to tell once the file has them, where nobody reads them until
 * {@code analyze}: the warnings that come into the stages are left out, as the command tells
 * them itself (the header's as the recording starts, what the stream lost in its closing line, a
 * fault or an outage on a line of its own). They are kept rather than told as the stream ends,
 * so that a recording that was not written (nothing decoded, no sample came) is not warned about.
 */
final class StageWarnings {
    private final Set<String> cameIn = new HashSet<>();
    private final List<String> added = new ArrayList<>();
    private final SampleSink entry;

    /**
     * @param stages the stages, a function of the sink they pass on to
     * @param next   receives the stream after the stages
     */
    StageWarnings(UnaryOperator<SampleSink> stages, SampleSink next) {
        SampleSink staged = stages.apply(new ForwardingSink(next) {
            @Override
            public void end(List<String> warnings) {
                warnings.stream().filter(w -> !cameIn.contains(w)).forEach(added::add);
                super.end(warnings);
            }
        });
        entry = new ForwardingSink(staged) {
            @Override
            public void end(List<String> warnings) {
                cameIn.addAll(warnings);
                super.end(warnings);
            }
        };
    }

    /** The sink the stream goes into: the stages in front of the next sink. */
    SampleSink entry() {
        return entry;
    }

    /** The warnings the stages added at the end of the stream, in order; none before it ended. */
    List<String> added() {
        return List.copyOf(added);
    }
}
