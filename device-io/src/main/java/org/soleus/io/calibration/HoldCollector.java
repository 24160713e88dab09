package org.soleus.io.calibration;

import java.util.List;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/**
 * Averages one channel's samples while asked to, after skipping the settling samples (which
 * also keeps out rows that were already on their way when the user confirmed the load);
 * ignores them otherwise.
 *
 * <p>No allocation per row. Not thread-safe.
 */
final class HoldCollector implements SampleSink {
    private final HoldAverage hold = new HoldAverage();
    private RecordingHeader header;
    private int index = -1;
    private int skip;
    private int wanted;

    /** Starts a hold: skips {@code settleSamples} rows, then averages {@code samples} of channel {@code channelIndex}. */
    void collect(int channelIndex, int settleSamples, int samples) {
        hold.reset();
        index = channelIndex;
        skip = settleSamples;
        wanted = samples;
    }

    /** Whether the hold asked for last has all its samples (or none was asked for). */
    boolean done() {
        return index < 0;
    }

    /** The readings of the last hold. */
    HoldAverage hold() {
        return hold;
    }

    /** The stream's header, or null before it started. */
    RecordingHeader header() {
        return header;
    }

    @Override
    public void start(RecordingHeader h) {
        header = h;
    }

    @Override
    public void accept(float[] row) {
        if (index >= 0 && skip > 0) {
            skip--;
        } else if (index >= 0) {
            hold.accept(row[index]);
            if (hold.count() + hold.missing() >= wanted) {
                index = -1;
            }
        }
    }

    @Override
    public void end(List<String> warnings) {
        // nothing is kept beyond the holds
    }
}
