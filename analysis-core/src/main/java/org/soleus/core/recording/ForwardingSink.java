package org.soleus.core.recording;

import java.util.List;
import java.util.Objects;

/**
 * A {@link SampleSink} that passes the stream on to the next sink as it comes: a stage extends
 * it and overrides the calls it acts on (a row it maps, warnings it adds at the end). Thread-safe
 * as far as the next sink is.
 */
public abstract class ForwardingSink implements SampleSink {
    private final SampleSink next;

    /** @param next receives the stream */
    protected ForwardingSink(SampleSink next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void start(RecordingHeader header) {
        next.start(header);
    }

    @Override
    public void accept(float[] row) {
        next.accept(row);
    }

    @Override
    public void end(List<String> warnings) {
        next.end(warnings);
    }
}
