package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Two connected pseudo-terminals made by socat, at {@code dir/device} and {@code dir/host}, set raw.
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
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true).start();
        if (!transferStarted(socat).await(5, TimeUnit.SECONDS)) {
            close();
            fail("socat did not make " + device + " and " + host + " within 5 s");
        }
    }

    /**
     * Reads socat's log ({@code -d -d}) to its end on a daemon thread, so that socat never waits
     * on a full pipe; the latch opens at the line with which socat begins to pass data. Only then
     * are both terminals set raw: socat makes each link before it sets its terminal, and a port
     * opened in between has its read timeout undone (raw is VMIN 1, VTIME 0: a read that waits
     * for a byte however long it takes, so that a command's idle timeout never comes).
     */
    private static CountDownLatch transferStarted(Process socat) {
        CountDownLatch started = new CountDownLatch(1);
        Thread log = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(socat.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains("starting data transfer loop")) {
                        started.countDown();
                    }
                }
            } catch (IOException gone) {
                // socat ended
            }
        }, "socat-log");
        log.setDaemon(true);
        log.start();
        return started;
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
