package org.soleus.core.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/**
 * A {@link SampleSink} in front of another that hands on each row with its insole forces beyond
 * the range of {@link ForceRange} as NaN (missing), for a stream: the same samples that
 * {@link ForceRange#clean} takes out of a recording. Rows are handed on in a buffer of its own,
 * so the caller's row is left as it is. No allocation per sample; not thread-safe.
 */
public final class ForceRangeSink implements SampleSink {
    private final SampleSink downstream;
    private int[] forceColumns = new int[0];
    private double maxForceN;
    private float[] out = new float[0];

    /** @param downstream receives the rows */
    public ForceRangeSink(SampleSink downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    @Override
    public void start(RecordingHeader header) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < header.channels().size(); c++) {
            if (ForceRange.applies(header.channels().get(c))) {
                columns.add(c);
            }
        }
        forceColumns = columns.stream().mapToInt(Integer::intValue).toArray();
        maxForceN = ForceRange.maxForceN(header.metadata());
        out = new float[header.channels().size()];
        downstream.start(header);
    }

    @Override
    public void accept(float[] row) {
        System.arraycopy(row, 0, out, 0, out.length);
        for (int c : forceColumns) {
            if (ForceRange.beyond(out[c], maxForceN)) {
                out[c] = Float.NaN;
            }
        }
        downstream.accept(out);
    }

    @Override
    public void end(List<String> warnings) {
        downstream.end(warnings);
    }
}
