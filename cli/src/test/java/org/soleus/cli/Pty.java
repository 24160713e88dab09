package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Two connected pseudo-terminals made by socat, at {@code dir/device} and {@code dir/host}.
 * Without socat the tests are skipped, except under CI ({@code CI=true}), where they fail.
 */
final class Pty implements AutoCloseable {
    final Path device;
    final Path host;
    private final Process socat;

    Pty(Path dir) throws IOException, InterruptedException {
        String path = System.getenv("PATH");
        boolean found = false;
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(d, "socat"));
        }
        if (!found) {
            String message = "socat is not installed: the serial-port tests need it (apt-get install socat)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        device = dir.resolve("device");
        host = dir.resolve("host");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 500 && !(Files.exists(device) && Files.exists(host)); i++) {
            Thread.sleep(10);
        }
        if (!Files.exists(device) || !Files.exists(host)) {
            close();
            fail("socat did not make " + device + " and " + host + " within 5 s");
        }
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
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor();
        }
    }
}
