package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Prints whether its standard error is a terminal, or with the argument {@code columns} the terminal's width. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.print(args.length > 0 && args[0].equals("columns") ? Terminals.columns() : Terminals.stderrIsTerminal());
        }
    }

    private String probe(ProcessBuilder.Redirect stderr, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName());
        builder.command().addAll(List.of(args));
        builder.environment().put("COLUMNS", "132");
        Process p = builder.redirectOutput(out.toFile()).redirectError(stderr).start();
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

    /** The width that a shell exports in {@code COLUMNS} (here 132) is the terminal's. */
    @Test
    void theWidthIsTheShellsColumns() throws Exception {
        assertEquals("132", probe(ProcessBuilder.Redirect.to(dir.resolve("err").toFile()), "columns"));
    }

    @Test
    void widthsBeyondAnyTerminalsAreNone() {
        assertEquals(132, Terminals.parseColumns(" 132"));
        assertEquals(null, Terminals.parseColumns("wide"));
        assertEquals(null, Terminals.parseColumns("5"));
        assertEquals(null, Terminals.parseColumns("100000"));
        assertEquals(null, Terminals.parseColumns(null));
    }
}
