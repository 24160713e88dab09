package org.soleus.io.serial;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A pair of connected pseudo-terminals made by {@code socat}, reachable through two symbolic
 * links: what one end writes, the other reads, as over a null-modem cable. Stopping socat is
 * unplugging the cable; starting it again with the same links is plugging it back in.
 *
 * <p>Without socat the tests are skipped, except under continuous integration ({@code CI=true}),
 * where they fail: {@code .ci/run} installs socat.
 */
public final class PtyPair implements AutoCloseable {
    private final Path device;
    private final Path host;
    private Process socat;

    private PtyPair(Path dir) {
        this.device = dir.resolve("device");
        this.host = dir.resolve("host");
    }

    /** Starts socat with links {@code dir/device} and {@code dir/host}. */
    public static PtyPair start(Path dir) throws IOException, InterruptedException {
        requireSocat();
        PtyPair pair = new PtyPair(dir);
        pair.plug();
        return pair;
    }

    /** Skips the calling test without socat, or fails it under CI. */
    public static void requireSocat() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "socat"))) {
                    return;
                }
            }
        }
        String message = "socat is not installed: the serial-port tests need it (apt-get install socat)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** The end the simulated device writes to. */
    public Path device() {
        return device;
    }

    /** The end the recorder reads from. */
    public Path host() {
        return host;
    }

    /** Starts socat (again) and waits until both links point at the new terminals, set raw. */
    public void plug() throws IOException, InterruptedException {
        if (socat != null) {
            throw new IllegalStateException("socat is running");
        }
        Files.deleteIfExists(device);
        Files.deleteIfExists(host);
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true).start();
        CountDownLatch ready = transferStarted(socat);
        if (!ready.await(5, TimeUnit.SECONDS)) {
            fail(socat.isAlive() ? "socat did not make " + device + " and " + host + " within 5 s"
                    : "socat exited with " + socat.exitValue() + " before making " + device + " and " + host);
        }
    }

    /**
     * Reads socat's log ({@code -d -d}) to its end on a daemon thread, so that socat never waits
     * on a full pipe; the latch opens at the line with which socat begins to pass data. Only then
     * are both terminals set raw: socat makes each link before it sets its terminal, and a port
     * opened in between has its read timeout undone (raw is VMIN 1, VTIME 0: a read that waits
     * for a byte however long it takes).
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

    /** Stops socat: both terminals go away, as when a cable is pulled. */
    public void unplug() throws InterruptedException {
        if (socat == null) {
            return;
        }
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor();
        }
        socat = null;
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
