package org.soleus.io.format;

import java.util.Arrays;
import java.util.List;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/**
 * Collects a stream's samples column by column in arrays that are reused from one stream to
 * the next: the store of one part of a file read in parts ({@link ParallelRowReader}), emptied
 * into the recording once the part is joined. Grows as needed; no allocation per sample once
 * it has grown to the size of a part. Not thread-safe.
 */
final class ColumnBlock implements SampleSink {
    private float[][] columns = new float[0][];
    private int capacity;
    private int length;

    /** @param capacity samples per channel to hold before growing */
    ColumnBlock(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 sample, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Empties the block for a new stream of {@code header}'s channels. */
    @Override
    public void start(RecordingHeader header) {
        int width = header.channels().size();
        if (columns.length != width) {
            columns = new float[width][capacity];
        }
        length = 0;
    }

    @Override
    public void accept(float[] row) {
        if (length == capacity) {
            capacity = capacity + (capacity >> 1) + 16;
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], capacity);
            }
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c][length] = row[c];
        }
        length++;
    }

    /** Nothing to do: the warnings of a part are gathered by the reader. */
    @Override
    public void end(List<String> warnings) {
    }

    /** One array per channel; samples {@code 0 … length() − 1} are this stream's. */
    float[][] columns() {
        return columns;
    }

    /** Samples collected since {@link #start}. */
    int length() {
        return length;
    }
}
