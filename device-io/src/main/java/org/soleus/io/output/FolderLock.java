package org.soleus.io.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the replacement of a results folder's files one step across processes: two analyses
 * into one folder (two terminals, a script run twice) would otherwise interleave their renames
 * and deletions and leave files of both. The lock is a file, {@value #NAME}, in the folder,
 * locked with {@link FileChannel#lock()} for the milliseconds of the step and deleted by its
 * holder before it lets go, so that it is there only meanwhile; the operating system drops the
 * lock when its holder dies, however it dies (the file then stays until the next step).
 *
 * <p>A run that waited on the lock may get it on a file its holder has just deleted, while a
 * third run locks the file created anew at that name. So the holder writes a random token into
 * the file it locked and reads the file at that name back: the token is there only when it is
 * the same file; if not, it locks the file now at that name. Within a JVM, one thread at a time
 * takes the step (a JVM's file lock does not keep out its own threads). Where the lock cannot be
 * had (a file system without locks, a folder it cannot create the file in), the step runs
 * without it, as it did before there was one.
 */
final class FolderLock implements AutoCloseable {
    /** The lock file's name. */
    static final String NAME = ".soleus.lock";
    private static final int TOKEN_BYTES = 16;
    /** Files deleted under it before the step runs without a lock (each deletion is another run's step, done). */
    private static final int MAX_ATTEMPTS = 1000;
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Path file;
    /** The locked lock file, or null when the step runs without it. */
    private final FileChannel channel;

    private FolderLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Waits for the step of any other analysis into {@code dir} to end, and holds it until {@link #close()}. */
    static FolderLock acquire(Path dir) {
        IN_THIS_JVM.lock();
        Path file = dir.resolve(NAME);
        try {
            return new FolderLock(file, lock(file));
        } catch (RuntimeException | Error e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** The locked channel of the file at {@code file}, or null when it cannot be locked. */
    private static FileChannel lock(Path file) {
        byte[] token = new byte[TOKEN_BYTES];
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.lock();
                ThreadLocalRandom.current().nextBytes(token);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(token), 0);
                if (Arrays.equals(token, readOrEmpty(file))) {
                    return channel;
                }
                channel.close(); // its holder deleted it: lock the one at that name now
            } catch (IOException e) {
                closeQuietly(channel);
                return null;
            }
        }
        return null;
    }

    private static byte[] readOrEmpty(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    /** Ends the step: deletes the lock file, then lets go of its lock. */
    @Override
    public void close() {
        try {
            if (channel != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left for the next step, which locks it as it finds it
                }
                closeQuietly(channel);
            }
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
