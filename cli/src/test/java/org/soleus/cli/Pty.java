package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
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

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor();
        }
    }
}
