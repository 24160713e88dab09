package org.soleus.io.live;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.RecordingWriter;

/**
 * A live stream's recording file, created with the stream's first sample (so that a stream
 * that fails before one leaves no file behind, and an existing file it would replace is kept)
 * and written through a {@link RecordingWriter} that flushes every second of
 * samples; {@link #flushIfDue()} covers the seconds without samples. Every flush reaches the
 * disk.
 */
public final class RecordingFileSink implements SampleSink {
    private final Path path;
    private RecordingHeader header;
    private RecordingWriter writer;
    private double rateHz = Double.NaN;
    private long lastFlushNanos = System.nanoTime();

    /** A sink for the file at {@code path}, which is not touched before the first sample. */
    public RecordingFileSink(Path path) {
        this.path = path;
    }

    /** The stream's sample rate, Hz; NaN before it started. */
    public double rateHz() {
        return rateHz;
    }

    /** Channels per row of the file (the stream's, or those a stage before this sink made); 0 before it started. */
    public int channelCount() {
        return header == null ? 0 : header.channels().size();
    }

    /** Whether the file was created: a sample arrived. */
    public boolean written() {
        return writer != null;
    }

    @Override
    public void start(RecordingHeader h) {
        header = h;
        rateHz = h.sampleRateHz();
    }

    private void create() {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer = new RecordingWriter(new DurableFileOutput(path), new RecordingWriter.Options(true, 1.0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.start(header);
    }

    @Override
    public void accept(float[] row) {
        if (writer == null) {
            create();
        }
        writer.accept(row);
    }

    @Override
    public void end(List<String> warnings) {
        if (writer != null) {
            writer.end(warnings);
        }
    }

    /** Writes a {@code # warning:} line and flushes it to the disk; only once {@link #written()}. */
    public void warning(String text) {
        writer.warning(text);
        writer.flush();
    }

    /** Flushes to the disk when the last flush is a second old or more. */
    public void flushIfDue() {
        long now = System.nanoTime();
        if (writer != null && now - lastFlushNanos >= 1_000_000_000L) {
            writer.flush();
            lastFlushNanos = now;
        }
    }

    /**
     * A file whose {@link #flush()} forces the written bytes to the storage device, and whose
     * write errors name it (a full disk says only "No space left on device").
     */
    private static final class DurableFileOutput extends FileOutputStream {
        private final Path path;
        private boolean closing;

        DurableFileOutput(Path path) throws IOException {
            super(path.toFile());
            this.path = path;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                super.write(b);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void write(byte[] b) throws IOException {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                super.write(b, off, len);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                getChannel().force(false);
            } catch (IOException e) {
                throw named(e);
            }
        }

        /**
         * Forces what was written to the storage device before closing: the file's end and its
         * warnings too. Closing the stream closes its channel, which calls this again.
         */
        @Override
        public void close() throws IOException {
            if (closing) {
                super.close();
                return;
            }
            closing = true;
            try {
                flush();
            } finally {
                super.close();
            }
        }

        private IOException named(IOException e) {
            return new IOException(path + ": cannot write the recording: " + e.getMessage()
                    + "; the samples written before are in the file", e);
        }
    }
}
