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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 *
 * <p>A file that may be replaced (there or not yet) stays as it was until the stream has shown
 * that it is a recording ({@link #commit()}): until then the samples go to {@code <file>.part}
 * beside it, created anew and locked, which then takes the file's place in one rename and is
 * written on. A part file is never opened for writing once it is there: a recorder that would
 * reopen it could, between its opening and its lock, find it renamed into the file's place by
 * the recorder that made it, and empty a finished recording. A stream found to be noise
 * ({@link #discard()}) leaves the file as it was. A process killed before the commit leaves
 * both, the file as it was and the first seconds of the new recording in {@code <file>.part};
 * so does a rename that fails, with the whole recording in it. The next recorder of the file
 * refuses to start until the part file is moved or deleted.
 */
public final class RecordingFileSink implements SampleSink {
    /** The suffix of the file a replacing recording is written to until {@link #commit()}. */
    public static final String PART_SUFFIX = ".part";

    private final Path path;
    private final boolean replace;
    private RecordingHeader header;
    private RecordingWriter writer;
    /** The file being written: {@link #path}, or the part file beside the file it is to replace. */
    private Path written;
    /** The file the part file is to replace (links followed), or null when the samples go to it directly. */
    private Path replaced;
    /** Why the part file could not replace {@link #replaced}: the recording stays in it. */
    private IOException commitFailure;
    /** Whether the recording stays in the part file and the file it was to replace as it is ({@link #keepAside()}). */
    private boolean keptAside;
    /** Whether the file this sink created was deleted ({@link #discard()}): later rows are not recorded. */
    private boolean discarded;
    /** Whether the file to be replaced was there when the part file was created: if not, the part file never replaces one. */
    private boolean replacedExisted;
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
            // a device or a pipe given as the file is written as it is; a file that may be replaced
            // (there or not yet) only through the part file beside it (beside the file a link leads to)
            boolean direct = !replace || Files.exists(path) && !Files.isRegularFile(path);
            replaced = direct ? null : replacedFile(path);
            replacedExisted = replaced != null && Files.exists(replaced);
            written = direct ? path : partFile(replaced);
            DurableFileOutput output;
            try {
                output = new DurableFileOutput(written, path, direct && replace);
            } catch (FileAlreadyExistsException e) {
                throw direct ? new IOException(path + ": was created after the recording began (by another"
                        + " recorder?); pass --force to overwrite it, or give another file", e) : partExists(path, written);
            }
            if (replaced != null && Files.exists(replaced)) {
                refuseIfBeingWritten(replaced, output);
            }
            created = new RecordingWriter(output, new RecordingWriter.Options(true, 1.0));
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
     * Refuses a recording that is to replace the file at {@code path} while a part file is there
     * already ({@link #partExists}): the check a recorder makes before it opens its port, so that
     * it says so before the device sends, not once the walk has begun. (The part file is looked
     * for again when the recording is created.)
     */
    public static void refuseLeftoverPart(Path path) throws IOException {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            return; // a device or a pipe is written as it is, without a part file
        }
        Path part = partFile(replacedFile(path));
        if (Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
            throw partExists(path, part);
        }
    }

    /** The file a recording that may replace the file at {@code path} replaces: the one a link leads to. */
    private static Path replacedFile(Path path) throws IOException {
        return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath();
    }

    private static Path partFile(Path replaced) {
        return replaced.resolveSibling(replaced.getFileName() + PART_SUFFIX);
    }

    /**
     * The error for a part file {@code part} of the file at {@code path} that is there already:
     * another recorder's, which holds it locked, or one an earlier recording left (killed before
     * its commit, or unable to replace the file), which may hold its samples, even a whole
     * recording, and is never opened for writing, let alone emptied.
     */
    private static IOException partExists(Path path, Path part) {
        boolean locked;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            locked = channel.tryLock() == null;
        } catch (OverlappingFileLockException e) {
            locked = true;
        } catch (IOException e) {
            locked = false;
        }
        return new IOException(locked ? path + ": is being written by another recorder; give another file"
                : part + ": exists, left by an earlier recording of " + path + " (killed, stopped before its"
                        + " check, or unable to replace it), and may hold its samples: move or delete it, then record"
                        + " again");
    }

    /**
     * Refuses to go on when another recorder writes the file that the part file is to replace
     * (it holds the file's lock): the part file, locked by this sink, goes.
     */
    private void refuseIfBeingWritten(Path file, DurableFileOutput part) throws IOException {
        boolean locked;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            locked = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            locked = true;
        } catch (IOException e) {
            part.close();
            Files.deleteIfExists(written);
            throw new IOException(path + ": cannot replace it: " + DurableFileOutput.reason(e), e);
        }
        if (locked) {
            part.close();
            Files.deleteIfExists(written);
            throw new IOException(path + ": is being written by another recorder; give another file");
        }
    }

    /**
     * Puts the recording in the place of the file it replaces, once the stream has shown that it
     * is one: one rename (for a file that was not there when the recording began, a hard link that
     * fails where one has been created since: {@link #takeTheNewName()}), while the part file is
     * still open and locked (so that no other
     * recorder can take it over between its close and the rename), after which the samples go on
     * into the same file; nothing when no file was replaced, when this was done already, or when
     * it failed before. Call it once the stream has shown that it is a recording; {@link #end}
     * calls it before it closes the file. A rename that fails (the file
     * mounted over, another user's in a folder that keeps them) does not stop the recording,
     * which goes on in the part file: {@link #notReplaced()} then says so.
     */
    public void commit() {
        if (replaced == null || writer == null || commitFailure != null) {
            return;
        }
        try {
            if (replacedExisted) {
                Files.move(written, replaced, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                takeTheNewName();
            }
        } catch (FileAlreadyExistsException e) {
            commitFailure = new IOException(path + ": was created while the recording was being checked (by another"
                    + " recorder?), and is left as it is; the recording is in " + written, e);
            return;
        } catch (IOException e) {
            commitFailure = new IOException(path + ": cannot replace it with the recording ("
                    + DurableFileOutput.reason(e) + "); the recording is in " + written, e);
            return;
        }
        written = replaced;
        replaced = null;
    }

    /**
     * Leaves the file that the recording was to replace as it is: the recording stays in the part
     * file, which {@link #end} then closes without {@link #commit()}. For a recording stopped
     * before its stream has shown that it is one (a stop at once is more likely a wrong file
     * name than a recording of a second or two); nothing once the part file has replaced it.
     */
    public void keepAside() {
        keptAside = replaced != null;
    }

    /** Whether the recording was kept in the part file beside the file it was to replace ({@link #keepAside()}). */
    public boolean keptAside() {
        return keptAside;
    }

    /**
     * Gives the part file the name of a file that was not there when the recording began: a hard
     * link, which fails where a file has been created under that name meanwhile (another recorder
     * without {@code --force}, whose recording a rename would have replaced), then the part file's
     * name goes. Where the file system has no hard links, a rename after a look that no file is
     * there (a narrow race is left).
     *
     * @throws FileAlreadyExistsException when a file of that name is there now
     */
    private void takeTheNewName() throws IOException {
        try {
            Files.createLink(replaced, written);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            if (Files.exists(replaced, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(replaced.toString());
            }
            Files.move(written, replaced, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.delete(written);
    }

    /** Why the part file could not replace the file, naming both; null when it did or was not to. */
    public IOException notReplaced() {
        return commitFailure;
    }

    /** The file that holds the recording: the one given, or the part file beside it until {@link #commit()}. */
    public Path file() {
        return written != null ? written : path;
    }

    /** Whether the samples go to a part file that is to replace an existing file ({@link #commit()}). */
    public boolean replacing() {
        return replaced != null && Files.exists(replaced);
    }

    /**
     * Deletes the file this sink created, for a stream found not to be in the expected protocol
     * ({@link org.soleus.io.serial.SerialPortException.Kind#NOTHING_DECODES}): what it decoded of
     * it is noise, and a file of noise would only have to be forced away. A file it was to
     * replace ({@link #replacing()}) stays as it was. The judgment is final: rows and warnings
     * that still come are not recorded.
     *
     * @return whether there was a file to delete
     */
    public boolean discard() {
        discarded = true;
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
            if (Files.isRegularFile(written, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(written);
            }
        } catch (IOException e) {
            // left as it is; the error the caller reports names the file
        }
    }

    /** Writes a row; after {@link #discard()}, none (the file of noise is gone and must not come back). */
    @Override
    public void accept(float[] row) {
        if (discarded) {
            return;
        }
        if (writer == null) {
            create();
        }
        writer.accept(row);
    }

    /**
     * Ends the file with the warnings and closes it, after {@link #commit()} (unless kept aside):
     * the part file takes the file's place while it is still locked.
     */
    @Override
    public void end(List<String> warnings) {
        if (writer != null) {
            if (!keptAside) {
                commit();
            }
            writer.end(warnings);
        }
    }

    /** Writes a {@code # warning:} line and flushes it to the disk; nothing before {@link #written()} or after {@link #discard()}. */
    public void warning(String text) {
        if (writer != null) {
            writer.warning(text);
            writer.flush();
        }
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
     * errors name the recording (a full disk says only "No space left on device"), and which
     * stays locked until it is closed.
     */
    private static final class DurableFileOutput extends OutputStream {
        /** The recording's file as the user gave it, for messages: the part file becomes it. */
        private final Path path;
        private final FileChannel channel;
        /** Whether a flush has reached the disk: until then a failure leaves nothing recorded. */
        private boolean flushed;
        private boolean closed;

        /**
         * @param file    the file to write: the recording's, or the part file beside it
         * @param path    the recording's file as the user gave it
         * @param replace whether {@code file} may exist (it is then emptied); if not, its existence is
         *                a {@link FileAlreadyExistsException}
         */
        DurableFileOutput(Path file, Path path, boolean replace) throws IOException {
            this.path = path;
            try {
                channel = replace ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                        : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                throw e;
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

        static String reason(IOException e) {
            return e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException n ? (folderExists(n) ? "no file can be created in its folder"
                            : "its folder does not exist")
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : String.valueOf(e.getMessage());
        }

        /** Whether the folder of the file that was not found exists (one that takes no files, as /proc). */
        private static boolean folderExists(NoSuchFileException e) {
            Path parent = e.getFile() == null ? null : Path.of(e.getFile()).toAbsolutePath().getParent();
            return parent != null && Files.isDirectory(parent);
        }
    }
}
