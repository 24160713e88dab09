package org.soleus.io.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a text file all or nothing: the content goes to a temporary file in the target's
 * directory, is flushed to disk, and is then renamed over the target
 * ({@link StandardCopyOption#ATOMIC_MOVE}, falling back to
 * {@link StandardCopyOption#REPLACE_EXISTING} where the file system cannot rename atomically).
 * If the body throws, the temporary file is deleted and an existing target is left untouched;
 * if the JVM is stopped (Ctrl-C) while writing, the temporary file is deleted on exit.
 *
 * <p>Stateless and thread-safe; concurrent writes to the same target end with one complete
 * version of it.
 */
public final class AtomicFiles {

    /** Writes text to a {@link Writer}; the writer is closed by the caller. */
    @FunctionalInterface
    public interface TextBody {
        /** Writes the whole content. */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} as UTF-8 text produced by {@code body}.
     *
     * @param target the file to create or replace; its directory must exist
     * @param body   writes the content
     * @throws IOException from the body, or when the file cannot be written or renamed; the
     *                     target is then as it was before the call
     */
    public static void writeText(Path target, TextBody body) throws IOException {
        try (Staged staged = stage(target, body)) {
            staged.commit();
        }
    }

    /**
     * Writes the content for {@code target} into a temporary file beside it, flushed to disk,
     * without touching the target yet: {@link Staged#commit()} then replaces the target, and
     * {@link Staged#close()} deletes the temporary file if that has not happened. Lets several
     * files be written at the same time and still replace their targets in a set order.
     *
     * @param target the file to create or replace; its directory must exist
     * @param body   writes the content
     * @throws IOException from the body, or when the temporary file cannot be written (it is
     *                     then deleted)
     */
    public static Staged stage(Path target, TextBody body) throws IOException {
        Path tmp;
        try {
            tmp = createSibling(target);
        } catch (IOException e) {
            throw naming(target, e);
        }
        boolean written = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(
                         Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            written = true;
            return new Staged(tmp, target);
        } catch (IOException e) {
            throw naming(target, e);
        } finally {
            if (!written) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * A failure to write {@code target} that names it, not the hidden temporary file (whose name
     * means nothing to the user) nor nothing at all (a full disk says only "No space left on
     * device").
     */
    private static IOException naming(Path target, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "its folder does not exist"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException(target + ": cannot be written: " + reason, e);
    }

    /**
     * A complete temporary file waiting to replace its target. Not thread-safe: commit and
     * close it from one thread.
     */
    public static final class Staged implements Closeable {
        private final Path tmp;
        private final Path target;
        private boolean moved;

        private Staged(Path tmp, Path target) {
            this.tmp = tmp;
            this.target = target;
        }

        /**
         * Replaces the target with the temporary file.
         *
         * @throws IOException when the rename fails; the target is then as it was
         */
        public void commit() throws IOException {
            move(tmp, target);
            moved = true;
        }

        /** Deletes the temporary file unless it has replaced the target. */
        @Override
        public void close() throws IOException {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Creates a new empty hidden file beside {@code target}. {@link Files#createFile} rather
     * than {@link Files#createTempFile}: the file gets the usual permissions (umask), not
     * owner-only ones, and keeps them when renamed over the target.
     */
    private static Path createSibling(Path target) throws IOException {
        while (true) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.createFile(tmp);
                tmp.toFile().deleteOnExit();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // name taken by a concurrent writer: draw another
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
