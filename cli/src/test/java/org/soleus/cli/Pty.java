package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.soleus.io.serial.PtyPair;

/**
 * Two connected pseudo-terminals made by socat ({@link PtyPair}), at {@code dir/device} and
 * {@code dir/host}, and a wait for a command to have opened the host end. Without socat the
 * tests are skipped, except under CI ({@code CI=true}), where they fail.
 */
final class Pty implements AutoCloseable {
    final Path device;
    final Path host;
    private final PtyPair pair;

    Pty(Path dir) throws IOException, InterruptedException {
        pair = PtyPair.start(dir);
        device = pair.device();
        host = pair.host();
    }

    /**
     * Waits until this process (a command run in it) has opened the host end, so that what is
     * written to the device end next is read: the open file descriptors under
     * {@code /proc/self/fd}. Without {@code /proc} (not Linux), waits half a second instead.
     * The 10-s bound only keeps a broken command from hanging the test.
     */
    void awaitHostOpened() throws IOException, InterruptedException {
        awaitHostOpened("self");
    }

    /** {@link #awaitHostOpened()} by another process ({@code Process.pid()}). */
    void awaitHostOpenedBy(long pid) throws IOException, InterruptedException {
        awaitHostOpened(Long.toString(pid));
    }

    private void awaitHostOpened(String process) throws IOException, InterruptedException {
        Path fds = Path.of("/proc", process, "fd");
        if (!Files.isDirectory(fds)) {
            Thread.sleep(500);
            return;
        }
        Path terminal = host.toRealPath();
        for (int i = 0; i < 2000; i++) {
            try (DirectoryStream<Path> open = Files.newDirectoryStream(fds)) {
                for (Path fd : open) {
                    try {
                        if (Files.readSymbolicLink(fd).equals(terminal)) {
                            return;
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor was closed while listing: not the port
                    }
                }
            }
            Thread.sleep(5);
        }
        fail("nothing in process " + process + " opened " + host + " (" + terminal + ") within 10 s");
    }

    @Override
    public void close() throws InterruptedException {
        pair.close();
    }
}
