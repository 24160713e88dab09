package org.soleus.io.live;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.RecordingWriter;

/**
 * A live stream's recording file, created with the stream's first sample (so that a stream
 * that fails before one leaves no file behind, and an existing file it would replace is kept)
 * and written through a {@link RecordingWriter} that flushes every second of
 * samples; {@link #flushIfDue()} covers the seconds without samples. Every flush reaches the
 * disk. The file is locked while it is written ({@link FileChannel#tryLock()}), so that a second
 * recorder given the same file refuses it instead of writing into it: one that may not replace a
 * file finds it created, one that may finds it locked.
 */
public final class RecordingFileSink implements SampleSink {
    private final Path path;
    private final boolean replace;
    private RecordingHeader header;
    private RecordingWriter writer;
    private double rateHz = Double.NaN;
    private long lastFlushNanos = System.nanoTime();

    /**
     * A sink for the file at {@code path}, which is not touched before the first sample.
     *
     * @param replace whether a file that exists then is replaced; if not, its existence is an error
     */
    public RecordingFileSink(Path path, boolean replace) {
        this.path = path;
        this.replace = replace;
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
        RecordingWriter created;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            created = new RecordingWriter(new DurableFileOutput(path, replace), new RecordingWriter.Options(true, 1.0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            created.start(header);
            created.flush();
        } catch (UncheckedIOException e) {
            // not even the header fits (a full disk): no file is better than an empty one, which
            // a new recording would have to be forced to replace
            deleteQuietly(created);
            throw e;
        }
        writer = created;
    }

    /**
     * Deletes the file this sink created, for a stream found not to be in the expected protocol
     * ({@link org.soleus.io.serial.SerialPortException.Kind#NOTHING_DECODES}): what it decoded of
     * it is noise, and a file of noise would only have to be forced away.
     *
     * @return whether there was a file to delete
     */
    public boolean discard() {
        if (writer == null) {
            return false;
        }
        deleteQuietly(writer);
        writer = null;
        return true;
    }

    private void deleteQuietly(RecordingWriter w) {
        try {
            w.close();
        } catch (IOException | UncheckedIOException e) {
            // the file goes anyway
        }
        try {
            // only a file of its own: never a device, a pipe or what a link points to
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // left as it is; the error the caller reports names the file
        }
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
     * A file whose {@link #flush()} forces the written bytes to the storage device, whose write
     * errors name it (a full disk says only "No space left on device"), and which stays locked
     * until it is closed.
     */
    private static final class DurableFileOutput extends OutputStream {
        private final Path path;
        private final FileChannel channel;
        /** Whether a flush has reached the disk: until then a failure leaves nothing recorded. */
        private boolean flushed;
        private boolean closed;

        DurableFileOutput(Path path, boolean replace) throws IOException {
            this.path = path;
            try {
                channel = replace ? FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                        : FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(path + ": was created after the recording began (by another recorder?);"
                        + " pass --force to overwrite it, or give another file", e);
            } catch (IOException e) {
                throw new IOException(path + ": cannot create the recording: " + reason(e), e);
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                channel.close();
                throw named(e);
            }
            if (lock == null) {
                channel.close();
                throw new IOException(path + ": is being written by another recorder; give another file");
            }
            try {
                if (channel.size() > 0) {
                    channel.truncate(0);
                }
            } catch (IOException e) {
                channel.close();
                throw named(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(b, off, len);
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw named(e);
            }
            flushed = true;
        }

        /** Forces what was written to the storage device (the file's end and its warnings too), then closes it and so frees its lock. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                flush();
            } finally {
                channel.close();
            }
        }

        private IOException named(IOException e) {
            return new IOException(path + ": cannot write the recording: " + e.getMessage()
                    + (flushed ? "; the samples written before are in the file" : "; nothing was recorded"), e);
        }

        private static String reason(IOException e) {
            return e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "its folder does not exist"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
        }
    }
}
