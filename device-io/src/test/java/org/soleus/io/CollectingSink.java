package org.soleus.io;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/** A {@link SampleSink} for tests that keeps what it receives: the header, a copy of every row, the warnings. */
public final class CollectingSink implements SampleSink {
    /** The header of the last {@link #start}, or null before it. */
    public RecordingHeader header;
    /** Copies of the rows, in order. */
    public final List<float[]> rows = new ArrayList<>();
    /** The warnings given to {@link #end}, or null before it. */
    public List<String> warnings;

    @Override
    public void start(RecordingHeader given) {
        header = given;
    }

    @Override
    public void accept(float[] row) {
        rows.add(row.clone());
    }

    @Override
    public void end(List<String> given) {
        warnings = given;
    }
}
