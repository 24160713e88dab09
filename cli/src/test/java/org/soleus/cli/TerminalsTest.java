package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether standard error is a terminal, asked in a process of its own whose standard error goes
 * to a pseudo-terminal or to a file while its standard output goes to a file in both cases.
 */
final class TerminalsTest {
    @TempDir
    Path dir;

    /** Prints whether its standard error is a terminal. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.print(Terminals.stderrIsTerminal());
        }
    }

    private String probe(ProcessBuilder.Redirect stderr) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Probe.class.getName())
                .redirectOutput(out.toFile()).redirectError(stderr).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the probe did not end");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void standardErrorOnAPseudoTerminalIsATerminalThoughStandardOutputIsAFile() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc (Linux)");
        try (Pty pty = new Pty(dir)) {
            assertEquals("true", probe(ProcessBuilder.Redirect.to(pty.host.toFile())));
        }
    }

    @Test
    void standardErrorInAFileIsNoTerminal() throws Exception {
        assertEquals("false", probe(ProcessBuilder.Redirect.to(dir.resolve("err").toFile())));
    }
}
