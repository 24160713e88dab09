package org.soleus.core.analysis;

import java.util.List;
import java.util.function.LongConsumer;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/** Hands a recording to a sink row by row, as a live source does. */
final class RecordingRows {
    private RecordingRows() {
    }

    /**
     * Starts {@code sink} with the recording's header and gives it every row, calling
     * {@code beforeRow} with the row's index before each; the sink is not ended.
     */
    static void stream(Recording rec, SampleSink sink, LongConsumer beforeRow) {
        sink.start(new RecordingHeader(rec.source(), rec.sampleRateHz(), rec.startTimeS(), rec.channelNames(),
                rec.metadata()));
        List<Channel> channels = rec.channels();
        float[] row = new float[channels.size()];
        for (int i = 0; i < rec.length(); i++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = channels.get(c).get(i);
            }
            beforeRow.accept(i);
            sink.accept(row);
        }
    }
}
