package org.soleus.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.SampleSink;

/**
 * Tells the warnings that a stream's stages add at its end (a force unit converted to newtons),
 * for {@code record}, whose file keeps them at its end where nobody reads them until
 * {@code analyze}: the warnings that come into the stages are left out, as the command tells
 * them itself (the header's as the recording starts, what the stream lost in its closing line, a
 * fault or an outage on a line of its own).
 */
final class StageWarnings {
    private final Set<String> cameIn = new HashSet<>();

    private StageWarnings() {
    }

    /**
     * {@code stages} (a function of the sink they pass on to) in front of {@code next}, with the
     * warnings they add at the end handed to {@code tell} before {@code next} ends.
     */
    static SampleSink around(UnaryOperator<SampleSink> stages, SampleSink next, Consumer<String> tell) {
        StageWarnings told = new StageWarnings();
        SampleSink entry = stages.apply(new ForwardingSink(next) {
            @Override
            public void end(List<String> warnings) {
                warnings.stream().filter(w -> !told.cameIn.contains(w)).forEach(tell);
                super.end(warnings);
            }
        });
        return new ForwardingSink(entry) {
            @Override
            public void end(List<String> warnings) {
                told.cameIn.addAll(warnings);
                super.end(warnings);
            }
        };
    }
}
