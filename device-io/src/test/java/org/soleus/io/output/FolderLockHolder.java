package org.soleus.io.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process's analysis in its commit step, for {@link FolderLockTest}: takes the step of
 * the folder given, prints {@code locked}, holds it until a line arrives on standard input,
 * then lets go.
 */
final class FolderLockHolder {
    private FolderLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FolderLock step = FolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }
}
