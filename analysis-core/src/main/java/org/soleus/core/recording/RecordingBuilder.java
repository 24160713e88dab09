package org.soleus.core.recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a sample stream into a {@link Recording}: one growable {@code float[]} per channel.
 * Pass an expected length when it is known (e.g. estimated from the file size) to avoid
 * regrowing. Samples arrive one row at a time ({@link #accept}) or as blocks of columns
 * ({@link #acceptColumns}), in any mix. Once a block has come, the {@link Channel#stats()
 * statistics} are taken block by block, while each is in the cache (a parallel reader's blocks,
 * joined while the next ones are parsed), instead of in a pass over each day-long channel
 * afterwards. Not thread-safe.
 */
public final class RecordingBuilder implements SampleSink {
    private int expectedLength;
    private RecordingHeader header;
    private float[][] columns;
    private int length;
    /** The statistics of each channel's first {@link #statsLength} samples. */
    private SampleStats[] stats;
    private int statsLength;
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
        stats = new SampleStats[columns.length];
        Arrays.fill(stats, SampleStats.NONE);
    }

    @Override
    public void accept(float[] row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, header declares " + columns.length);
        }
        if (length == columns[0].length) {
            grow(1);
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c][length] = row[c];
        }
        length++;
    }

    /**
     * Appends {@code count} samples given column by column: the same as passing rows
     * {@code 0 … count − 1} of {@code block} to {@link #accept} in turn.
     *
     * @param block one array per channel, in header order, each holding at least {@code count}
     *              samples; only read
     * @param count number of samples to append
     */
    public void acceptColumns(float[][] block, int count) {
        if (block.length != columns.length) {
            throw new IllegalArgumentException("block has " + block.length + " channels, header declares " + columns.length);
        }
        if (count < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + count);
        }
        for (float[] column : block) {
            if (column.length < count) {
                throw new IllegalArgumentException("a column of the block holds " + column.length + " samples, fewer than "
                        + count);
            }
        }
        if (count > columns[0].length - length) {
            grow(count);
        }
        takeStats();
        for (int c = 0; c < columns.length; c++) {
            System.arraycopy(block[c], 0, columns[c], length, count);
            stats[c] = stats[c].then(SampleStats.of(block[c], 0, count));
        }
        length += count;
        statsLength = length;
    }

    /**
     * Updates the expected number of samples, e.g. once part of a file has been read and its
     * rows per byte are known: when the columns next have to grow, they grow to this length if
     * that is enough, instead of by half. A hint, not a limit.
     */
    public void expectLength(int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("expected length must be >= 0, got " + samples);
        }
        expectedLength = samples;
    }

    /** Brings the statistics up to the samples so far (those that came one row at a time). */
    private void takeStats() {
        for (int c = 0; c < columns.length; c++) {
            stats[c] = stats[c].then(SampleStats.of(columns[c], statsLength, length));
        }
        statsLength = length;
    }

    /** Grows every column to the expected length if that is enough, else by half (at least by {@code needed}). */
    private void grow(int needed) {
        long least = length + (long) needed;
        long grown = Math.min(Integer.MAX_VALUE - 8,
                expectedLength >= least ? expectedLength : Math.max(least, length + (length >> 1) + 16L));
        if (grown < least) {
            throw new IllegalStateException("a recording holds at most " + (Integer.MAX_VALUE - 8)
                    + " samples per channel; " + length + " + " + needed + " do not fit");
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Arrays.copyOf(columns[c], (int) grown);
        }
    }

    @Override
    public void end(List<String> warnings) {
        if (header == null) {
            throw new IllegalStateException("end() before start()");
        }
        boolean withStats = statsLength > 0;
        if (withStats) {
            takeStats();
        }
        List<Channel> channels = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            float[] data = columns[c].length == length ? columns[c] : Arrays.copyOf(columns[c], length);
            columns[c] = null;
            channels.add(new Channel(header.channels().get(c), data, withStats ? stats[c] : null));
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
