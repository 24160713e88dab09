package org.soleus.core.load;

import java.util.List;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;

/**
 * Batch driver of {@link CellAggregatingSink}: summarises the cells of a recording already in
 * memory, sample by sample through the same code as a stream.
 */
public final class CellAggregation {
    private CellAggregation() {
    }

    /**
     * @return a new recording with each complete insole's cells replaced by heel force and CoP
     *         (a copy of the input when no insole has a complete layout)
     */
    public static Recording summarise(Recording recording) {
        List<Channel> channels = recording.channels();
        RecordingBuilder builder = new RecordingBuilder(recording.length());
        CellAggregatingSink sink = new CellAggregatingSink(builder);
        sink.start(new RecordingHeader(recording.source(), recording.sampleRateHz(), recording.startTimeS(),
                recording.channelNames(), recording.metadata()));
        float[] row = new float[channels.size()];
        float[][] columns = new float[channels.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = channels.get(c).samples();
        }
        for (int i = 0; i < recording.length(); i++) {
            for (int c = 0; c < columns.length; c++) {
                row[c] = columns[c][i];
            }
            sink.accept(row);
        }
        sink.end(recording.warnings());
        return builder.build();
    }
}
