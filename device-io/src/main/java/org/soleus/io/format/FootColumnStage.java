package org.soleus.io.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/**
 * A {@link SampleSink} stage that passes each row on with one value per foot appended, for the
 * feet the subclass chose when the stream started; with none, rows pass unchanged. No
 * allocation per row; not thread-safe.
 */
abstract class FootColumnStage implements SampleSink {
    private final SampleSink downstream;
    private float[] out;
    private int width;
    private int added;

    /** @param downstream receives the rows with the values appended */
    FootColumnStage(SampleSink downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** Starts the downstream with {@code header}'s channels and {@code appended} after them, one per foot chosen. */
    final void startDownstream(RecordingHeader header, List<ChannelName> appended) {
        width = header.channels().size();
        added = appended.size();
        out = new float[width + added];
        List<ChannelName> names = new ArrayList<>(header.channels());
        names.addAll(appended);
        downstream.start(added == 0 ? header : header.withChannels(names));
    }

    /** The value appended for foot {@code foot} (in the order of the appended channels) to {@code row}. */
    abstract float valueOf(int foot, float[] row);

    /** Passes {@code row} on with the appended values; a subclass may hold rows back and pass them later. */
    @Override
    public void accept(float[] row) {
        pass(row);
    }

    /** Passes {@code row} on at once, with the values {@link #valueOf} gives for it now. */
    final void pass(float[] row) {
        if (added == 0) {
            downstream.accept(row);
            return;
        }
        System.arraycopy(row, 0, out, 0, width);
        for (int f = 0; f < added; f++) {
            out[width + f] = valueOf(f, row);
        }
        downstream.accept(out);
    }

    /** Ends the downstream with {@code warnings}. */
    final void endDownstream(List<String> warnings) {
        downstream.end(warnings);
    }
}
