package org.soleus.io.format;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.text.Counted;
import org.soleus.io.format.text.DecimalFormatter;

/**
 * Writes a sample stream in the toolkit's CSV recording format ({@code docs/recording-format.md}),
 * row by row as samples arrive: the sink a live recorder writes to, and what
 * {@link #write(Recording, Path, Options)} uses for a whole recording.
 *
 * <p>Samples are written in the shortest decimal form that reads back as the same float
 * ({@link DecimalFormatter#writeFloat}), so write → read gives identical channels; NaN is an
 * empty cell. Rows collect in a reused byte buffer; they reach the output stream when the buffer
 * is full, at {@link #flush()}, every {@link Options#flushIntervalS()} seconds of samples, and
 * at {@link #end}, which also closes the stream. {@code end}'s warnings are written as
 * {@code # warning:} lines after the data. No allocation per sample.
 *
 * <p>{@link SampleSink} methods cannot throw {@link IOException}: output errors surface as
 * {@link UncheckedIOException}. Not thread-safe.
 */
public final class RecordingWriter implements SampleSink, Flushable, Closeable {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_TIME_DECIMALS = 9;

    /**
     * How to write.
     *
     * @param timeColumn     whether to write a {@code time_s} first column (for people and other
     *                       tools; the reader does not need it)
     * @param flushIntervalS push rows to the output stream every this many seconds of samples
     *                       (e.g. 1 for a live recorder), or 0 to flush only when the buffer is full
     */
    public record Options(boolean timeColumn, double flushIntervalS) {
        /** A time column, no periodic flush. */
        public static final Options DEFAULTS = new Options(true, 0);

        public Options {
            if (!(flushIntervalS >= 0) || Double.isInfinite(flushIntervalS)) {
                throw new IllegalArgumentException("flush interval must be >= 0 s (0 = only when the buffer is full), got " + flushIntervalS);
            }
        }
    }

    private final OutputStream out;
    private final Options options;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int length;
    private RecordingHeader header;
    private int width;
    private long rows;
    private long flushEveryRows;
    private int timeDecimals;
    /** Infinite values written as missing, told at the end. */
    private long infiniteValues;
    private boolean ended;
    private boolean closed;

    /**
     * @param out     where to write; closed at {@link #end} or {@link #close()}
     * @param options what to write
     */
    public RecordingWriter(OutputStream out, Options options) {
        this.out = Objects.requireNonNull(out, "out");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Writes a whole recording to a file, its warnings included. */
    public static void write(Recording recording, Path file, Options options) throws IOException {
        write(recording, Files.newOutputStream(file), options);
    }

    /** Writes a whole recording to a stream, which is closed afterwards. */
    public static void write(Recording recording, OutputStream out, Options options) throws IOException {
        List<Channel> channels = recording.channels();
        float[][] columns = new float[channels.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = channels.get(c).samples();
        }
        try (RecordingWriter w = new RecordingWriter(out, options)) {
            w.start(new RecordingHeader(recording.source(), recording.sampleRateHz(), recording.startTimeS(),
                    recording.channelNames(), recording.metadata()));
            float[] row = new float[columns.length];
            for (int i = 0; i < recording.length(); i++) {
                for (int c = 0; c < columns.length; c++) {
                    row[c] = columns[c][i];
                }
                w.accept(row);
            }
            w.end(recording.warnings());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes the metadata lines and the header row.
     *
     * @throws IllegalArgumentException when a property key cannot be written (empty, with a
     *                                  {@code :} or line break, or one of the format's own keys)
     */
    @Override
    public void start(RecordingHeader recordingHeader) {
        if (header != null) {
            throw new IllegalStateException("start() was already called");
        }
        RecordingMetadata m = recordingHeader.metadata();
        for (String key : m.properties().keySet()) {
            if (!SoleusCsv.isValidKey(key) || SoleusCsv.isReserved(key)) {
                throw new IllegalArgumentException("property key '" + key + "' cannot be written: keys must be non-empty,"
                        + " without ':' or line breaks, and not one of the format's own keys (format, sample_rate_hz,"
                        + " start_time_s, body_mass_kg, layout.*, warning); rename it");
            }
        }
        header = recordingHeader;
        width = recordingHeader.channels().size();
        double rateHz = recordingHeader.sampleRateHz();
        timeDecimals = Math.max(3, Math.min(MAX_TIME_DECIMALS, (int) Math.ceil(Math.log10(rateHz)) + 3));
        flushEveryRows = options.flushIntervalS() > 0 ? Math.max(1, (long) Math.ceil(options.flushIntervalS() * rateHz)) : 0;
        int maxRow = (width + 1) * (Math.max(DecimalFormatter.MAX_FLOAT_BYTES, DecimalFormatter.MAX_FIXED_BYTES) + 1) + 2;
        if (maxRow > buffer.length / 2) {
            buffer = new byte[2 * maxRow];
        }

        StringBuilder sb = new StringBuilder();
        metadataLine(sb, SoleusCsv.KEY_FORMAT, SoleusCsv.FORMAT_VALUE);
        metadataLine(sb, SoleusCsv.KEY_RATE, Double.toString(rateHz));
        for (Map.Entry<String, String> e : SoleusCsv.metadataEntries(recordingHeader).entrySet()) {
            metadataLine(sb, e.getKey(), e.getValue());
        }
        boolean first = true;
        if (options.timeColumn()) {
            sb.append(SoleusCsv.TIME_COLUMN);
            first = false;
        }
        for (ChannelName name : recordingHeader.channels()) {
            if (!first) {
                sb.append(',');
            }
            sb.append(name);
            first = false;
        }
        sb.append('\n');
        writeText(sb.toString());
    }

    private static void metadataLine(StringBuilder sb, String key, String value) {
        sb.append("# ").append(key).append(": ").append(value).append('\n');
    }

    /** Writes one row: one value per channel in header order, NaN = missing (an infinite value too, counted). */
    @Override
    public void accept(float[] row) {
        if (header == null || ended) {
            throw new IllegalStateException(header == null ? "accept() before start()" : "accept() after end()");
        }
        if (row.length != width) {
            throw new IllegalArgumentException("row has " + row.length + " values, header declares " + width);
        }
        byte[] b = buffer;
        if (b.length - length < (width + 1) * (DecimalFormatter.MAX_FIXED_BYTES + 1) + 2) {
            drain();
        }
        int p = length;
        if (options.timeColumn()) {
            p = DecimalFormatter.writeFixed(header.startTimeS() + rows / header.sampleRateHz(), timeDecimals, b, p);
            b[p++] = ',';
        }
        for (int c = 0; c < width; c++) {
            float v = row[c];
            if (Float.isInfinite(v)) {
                // no magnitude, and a cell the format's readers refuse: written as missing, and told
                v = Float.NaN;
                infiniteValues++;
            }
            p = DecimalFormatter.writeFloat(v, b, p);
            b[p++] = ',';
        }
        b[p - 1] = '\n';
        length = p;
        rows++;
        if (flushEveryRows > 0 && rows % flushEveryRows == 0) {
            flush();
        }
    }

    /**
     * Writes a {@code # warning:} line between the rows written so far and the next, e.g. where
     * a live stream had a gap; the reader collects it with the warnings at the end.
     */
    public void warning(String text) {
        if (header == null || ended) {
            throw new IllegalStateException(header == null ? "warning() before start()" : "warning() after end()");
        }
        writeText("# " + SoleusCsv.WARNING_PREFIX + ' ' + SoleusCsv.escape(text) + '\n');
    }

    /** Writes the warnings as {@code # warning:} lines, flushes and closes the output. */
    @Override
    public void end(List<String> warnings) {
        if (header == null) {
            throw new IllegalStateException("end() before start()");
        }
        if (ended) {
            throw new IllegalStateException("end() was already called");
        }
        ended = true;
        StringBuilder sb = new StringBuilder();
        List<String> all = new ArrayList<>(warnings);
        if (infiniteValues > 0) {
            all.add(Counted.of(infiniteValues, "infinite value") + " (a device's inf, or a value beyond a float's range)"
                    + " written as missing");
        }
        for (String w : all) {
            sb.append("# ").append(SoleusCsv.WARNING_PREFIX).append(' ').append(SoleusCsv.escape(w)).append('\n');
        }
        try {
            writeText(sb.toString());
        } finally {
            // closed even when the warnings cannot be written (a full disk), so that no handle is left open
            try {
                close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Pushes the buffered rows to the output stream and flushes it. */
    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the output (without warnings when {@link #end} was not called). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
        } catch (UncheckedIOException e) {
            out.close();
            throw e.getCause();
        }
        out.close();
    }

    private void writeText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > buffer.length - length) {
            drain();
        }
        if (bytes.length > buffer.length) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void drain() {
        if (length == 0) {
            return;
        }
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        length = 0;
    }
}
