package org.soleus.core.recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a sample stream into a {@link Recording}: one growable {@code float[]} per channel.
 * Pass an expected length when it is known (e.g. estimated from the file size) to avoid
 * regrowing. Not thread-safe.
 */
public final class RecordingBuilder implements SampleSink {
    private final int expectedLength;
    private RecordingHeader header;
    private float[][] columns;
    private int length;
    private Recording result;

    /** A builder with no size hint. */
    public RecordingBuilder() {
        this(1024);
    }

    /** @param expectedLength number of samples expected; a hint, not a limit */
    public RecordingBuilder(int expectedLength) {
        if (expectedLength < 0) {
            throw new IllegalArgumentException("expected length must be >= 0, got " + expectedLength);
        }
        this.expectedLength = Math.max(16, expectedLength);
    }

    @Override
    public void start(RecordingHeader recordingHeader) {
        if (header != null) {
            throw new IllegalStateException("start() was already called");
        }
        header = recordingHeader;
        columns = new float[recordingHeader.channels().size()][expectedLength];
    }

    @Override
    public void accept(float[] row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, header declares " + columns.length);
        }
        if (length == columns[0].length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, length + (length >> 1) + 16L);
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], grown);
            }
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c][length] = row[c];
        }
        length++;
    }

    @Override
    public void end(List<String> warnings) {
        if (header == null) {
            throw new IllegalStateException("end() before start()");
        }
        List<Channel> channels = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            float[] data = columns[c].length == length ? columns[c] : Arrays.copyOf(columns[c], length);
            columns[c] = null;
            channels.add(new Channel(header.channels().get(c), data));
        }
        result = new Recording(header.source(), header.sampleRateHz(), header.startTimeS(), channels,
                header.metadata(), warnings);
    }

    /** Samples accepted so far. */
    public int length() {
        return length;
    }

    /**
     * The recording built.
     *
     * @throws IllegalStateException before {@link #end}
     */
    public Recording build() {
        if (result == null) {
            throw new IllegalStateException("the stream has not ended yet");
        }
        return result;
    }
}
