package org.soleus.io.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the replacement of a results folder's files one step across processes: two analyses
 * into one folder (two terminals, a script run twice) would otherwise interleave their renames
 * and deletions and leave files of both. The lock is a file locked with
 * {@link FileChannel#lock()} for the milliseconds of the step; the operating system drops the
 * lock when its holder dies, however it dies. The file is never deleted (deleting it would let a
 * run that opened it before the deletion and one that created it anew hold two locks on one
 * name), so it stands outside the results, in the user's cache folder
 * ({@code $XDG_CACHE_HOME/soleus/locks}, else {@code ~/.cache/soleus/locks}: no other user can
 * put a file there first). It is one of {@value #BUCKETS}, chosen by the results folder's
 * identity (its device and inode where the file system has them, else its real path), which
 * every path to the folder shares: two folders that draw the same one take their steps in turn,
 * which costs nothing, and the files do not pile up.
 *
 * <p>Within a JVM, one thread at a time takes the step: a JVM's file lock does not keep out its
 * own threads, and closing any channel of a locked file drops the JVM's locks on it, so the lock
 * file is opened once per step and by nothing else. Where the lock cannot be had (a file system
 * without locks, a cache folder that cannot be written), the step runs without it, as it did
 * before there was one. Not kept apart: analyses of two users, or of two machines or containers
 * that share the folder but not the cache.
 */
final class FolderLock implements AutoCloseable {
    /** How many lock files there are. */
    static final int BUCKETS = 256;
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    /** The locked lock file, or null when the step runs without it. */
    private final FileChannel channel;

    private FolderLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Waits for the step of any other analysis into {@code dir} to end, and holds it until {@link #close()}. */
    static FolderLock acquire(Path dir) {
        IN_THIS_JVM.lock();
        FileChannel channel = null;
        try {
            Path file = lockFile(dir);
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new FolderLock(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            return new FolderLock(null);
        } catch (RuntimeException | Error e) {
            closeQuietly(channel);
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** The lock file of the results folder {@code dir}, which must exist. */
    static Path lockFile(Path dir) throws IOException {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        String identity = key != null ? key.toString() : dir.toRealPath().toString();
        String cache = System.getenv("XDG_CACHE_HOME");
        Path folder = cache != null && Path.of(cache).isAbsolute() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return folder.resolve("soleus").resolve("locks").resolve(String.format("results-%02x.lock", bucket(identity)));
    }

    /** Which of the {@value #BUCKETS} lock files a folder of this identity takes. */
    private static int bucket(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return Byte.toUnsignedInt(digest[0]) % BUCKETS;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Ends the step: closing the lock file drops its lock. */
    @Override
    public void close() {
        try {
            closeQuietly(channel);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel either way
        }
    }
}
