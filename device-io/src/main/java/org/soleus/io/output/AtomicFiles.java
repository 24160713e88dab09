package org.soleus.io.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a text file all or nothing: the content goes to a temporary file in the target's
 * directory, is flushed to disk, and is then renamed over the target
 * ({@link StandardCopyOption#ATOMIC_MOVE}, falling back to
 * {@link StandardCopyOption#REPLACE_EXISTING} where the file system cannot rename atomically).
 * If the body throws, the temporary file is deleted and an existing target is left untouched;
 * if the JVM is stopped (Ctrl-C) while writing, the temporary file is deleted on exit.
 *
 * <p><b>Abandoned temporary files.</b> A process killed outright (SIGKILL, a power cut) cannot
 * delete its temporary files; {@link #removeAbandoned} clears them on the next write into the
 * folder. A temporary file is named {@code .<target name>.<13 base-36 digits>.tmp} and is
 * locked ({@link FileChannel#tryLock()}) by its writer from creation until it has replaced its
 * target or been deleted; the operating system drops the lock when the writer dies, however it
 * dies. So a file of that name that can be locked has no writer left, and one that cannot is
 * being written: a lock rather than an age, because an age safe for every writer (a slow disk,
 * a paused process, a large file) would keep a killed run's files for as long, and a clock
 * says nothing about whether a writer is alive. File systems without locks keep their
 * temporary files (nothing is deleted when locking fails). Temporary files this JVM writes are
 * never even opened by the cleaner: closing any channel of a file drops every lock the JVM
 * holds on it ({@link java.nio.channels.FileLock}).
 *
 * <p>Thread-safe; concurrent writes to the same target end with one complete version of it.
 */
public final class AtomicFiles {

    /** Digits of the random part of a temporary file's name: a 64-bit number in base 36. */
    private static final int RANDOM_DIGITS = 13;
    /** The random part of a temporary file's name. */
    private static final Pattern RANDOM_PART = Pattern.compile("[0-9a-z]{" + RANDOM_DIGITS + "}");
    private static final String PREFIX = ".";
    private static final String SUFFIX = ".tmp";

    /** Temporary files being written by this JVM (real paths): never opened by the cleaner. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    /** Writes text to a {@link Writer}; the writer is closed by the caller. */
    @FunctionalInterface
    public interface TextBody {
        /** Writes the whole content. */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} as UTF-8 text produced by {@code body}, after removing the
     * temporary files of {@code target} that earlier writers abandoned ({@link #removeAbandoned}).
     *
     * @param target the file to create or replace; its directory must exist
     * @param body   writes the content
     * @throws IOException from the body, or when the file cannot be written or renamed; the
     *                     target is then as it was before the call
     */
    public static void writeText(Path target, TextBody body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) {
            removeAbandoned(dir, List.of(String.valueOf(target.getFileName())));
        }
        try (Staged staged = stage(target, body)) {
            staged.commit();
        }
    }

    /**
     * Replaces the targets of {@code files} with them, in order, as one step that stopping the
     * JVM (Ctrl-C, SIGTERM) does not cut in two ({@link CommitGuard}): after checking that each
     * target can be replaced ({@link Staged#checkReplaceable}), so that a folder in the way of one
     * leaves all of them as they were.
     *
     * @throws IOException when a target cannot be replaced (those before it have been), or when
     *                     the JVM has begun to stop (none has been)
     */
    public static void commitTogether(List<Staged> files) throws IOException {
        CommitGuard.JVM.run(() -> {
            for (Staged file : files) {
                file.checkReplaceable();
            }
            for (Staged file : files) {
                file.commit();
            }
        });
    }

    /**
     * Deletes the temporary files that writers of the files named {@code targetNames} in
     * {@code dir} left behind when they were killed: files named like this class names them
     * ({@code .<target name>.<13 base-36 digits>.tmp}), regular files (not links), that no
     * living writer holds locked (see the class comment). Touches nothing else: not another
     * name, not a file being written by this or another process, not a file it cannot lock.
     * A best effort that never fails: a folder that cannot be listed, or a file that cannot be
     * locked or deleted, is left as it is.
     *
     * @param dir         the folder
     * @param targetNames file names (not paths) whose temporary files to look for
     * @return the number of files deleted
     */
    public static int removeAbandoned(Path dir, Collection<String> targetNames) {
        Path realDir;
        try {
            realDir = dir.toRealPath();
        } catch (IOException e) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(realDir, PREFIX + "*" + SUFFIX)) {
            for (Path file : entries) {
                if (isTemporaryName(String.valueOf(file.getFileName()), targetNames) && !WRITING.contains(file)
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && deleteIfAbandoned(file)) {
                    removed++;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // a folder that cannot be listed keeps what it holds; the write itself will say why
        }
        return removed;
    }

    /** Whether {@code name} is that of a temporary file of one of {@code targetNames}. */
    private static boolean isTemporaryName(String name, Collection<String> targetNames) {
        int randomStart = name.length() - SUFFIX.length() - RANDOM_DIGITS;
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || randomStart < PREFIX.length() + 2
                || name.charAt(randomStart - 1) != '.'
                || !RANDOM_PART.matcher(name.substring(randomStart, randomStart + RANDOM_DIGITS)).matches()) {
            return false;
        }
        return targetNames.contains(name.substring(PREFIX.length(), randomStart - 1));
    }

    /** Deletes {@code file} when it can be locked, holding the lock while deleting. */
    private static boolean deleteIfAbandoned(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            Files.delete(file);
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            // gone meanwhile (renamed over its target), being written, or not ours to lock: leave it
            return false;
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
        Staged staged;
        try {
            staged = createSibling(target);
        } catch (IOException e) {
            throw naming(target, e);
        }
        boolean written = false;
        try {
            // closing it leaves the channel open, and the lock held until the rename
            Writer out = new Utf8ChannelWriter(staged.channel);
            body.writeTo(out);
            out.close();
            staged.channel.force(true);
            written = true;
            return staged;
        } catch (IOException e) {
            throw naming(target, e);
        } finally {
            if (!written) {
                staged.close();
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
     * A complete temporary file waiting to replace its target, open and locked until then. Not
     * thread-safe: commit and close it from one thread.
     */
    public static final class Staged implements Closeable {
        private final Path tmp;
        private final Path target;
        private final FileChannel channel;
        private final Path writingKey;
        private boolean moved;
        private boolean closed;

        private Staged(Path tmp, Path target, FileChannel channel, Path writingKey) {
            this.tmp = tmp;
            this.target = target;
            this.channel = channel;
            this.writingKey = writingKey;
        }

        /**
         * Fails, naming the target, when replacing it is bound to fail: a folder has its name. A
         * set of files checks each before the first replaces its target, so that such a failure
         * leaves all of their targets as they were.
         *
         * @throws IOException when a folder has the target's name
         */
        public void checkReplaceable() throws IOException {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target + ": cannot be written: a folder of that name is in the way");
            }
        }

        /**
         * Replaces the target with the temporary file.
         *
         * @throws IOException naming the target when the rename fails; the target is then as it was
         */
        public void commit() throws IOException {
            if (closed) {
                throw new IllegalStateException("commit() after close()");
            }
            try {
                move(tmp, target);
            } catch (IOException e) {
                throw naming(target, e);
            }
            moved = true;
        }

        /**
         * Deletes the temporary file unless it has replaced the target, then releases it (its
         * lock, its channel).
         */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!moved) {
                    Files.deleteIfExists(tmp);
                }
            } finally {
                try {
                    channel.close();
                } finally {
                    WRITING.remove(writingKey);
                }
            }
        }
    }

    /**
     * Creates a new empty hidden file beside {@code target}, open for writing and locked (see the
     * class comment). {@link FileChannel#open} with {@code CREATE_NEW} rather than
     * {@link Files#createTempFile}: the file gets the usual permissions (umask), not owner-only
     * ones, and keeps them when renamed over the target.
     */
    private static Staged createSibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path realDir = dir == null ? null : dir.toRealPath();
        while (true) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            String name = PREFIX + target.getFileName() + "." + "0".repeat(RANDOM_DIGITS - random.length()) + random + SUFFIX;
            Path tmp = target.resolveSibling(name);
            Path key = realDir == null ? tmp.toAbsolutePath() : realDir.resolve(name);
            if (!WRITING.add(key)) {
                continue;
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                tmp.toFile().deleteOnExit();
                if (lockedAndStillThere(channel, tmp)) {
                    return new Staged(tmp, target, channel, key);
                }
                // a cleaner took it between creation and locking: it deletes it; draw another name
            } catch (FileAlreadyExistsException e) {
                // name taken by a concurrent writer: draw another
            } catch (IOException | RuntimeException e) {
                WRITING.remove(key);
                if (channel != null) {
                    channel.close();
                    Files.deleteIfExists(tmp);
                }
                throw e;
            }
            if (channel != null) {
                channel.close();
            }
            WRITING.remove(key);
        }
    }

    /**
     * Locks a new temporary file; false when a cleaner holds it or has deleted it meanwhile. A
     * file system without locks gives an unlocked file, which cleaners leave alone there too.
     */
    private static boolean lockedAndStillThere(FileChannel channel, Path tmp) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException e) {
            return true;
        }
        return lock != null && Files.exists(tmp, LinkOption.NOFOLLOW_LINKS);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
