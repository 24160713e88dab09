package org.soleus.io.serial;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Starts socat (again) and waits until both links point at the new terminals. */
    public void plug() throws IOException, InterruptedException {
        if (socat != null) {
            throw new IllegalStateException("socat is running");
        }
        Files.deleteIfExists(device);
        Files.deleteIfExists(host);
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 500; i++) {
            if (Files.exists(device) && Files.exists(host)) {
                return;
            }
            if (!socat.isAlive()) {
                fail("socat exited with " + socat.exitValue() + " before making " + device + " and " + host);
            }
            Thread.sleep(10);
        }
        fail("socat did not make " + device + " and " + host + " within 5 s");
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
