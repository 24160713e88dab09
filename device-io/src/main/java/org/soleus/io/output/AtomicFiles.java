package org.soleus.io.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
        Path tmp = createSibling(target);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(
                         Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(tmp, target);
            moved = true;
        } finally {
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
