package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording larger than the Java heap, in a process of its own with a small heap: one line on
 * stderr naming the input, the heap's size and how to give it more, exit code 1; with another
 * input, that one is still analysed. The wait is a guard against a hang, not a time limit.
 */
final class OutOfMemoryTest {
    private static final Path WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "GaCo01_01.txt");
    /**
     * About half of what the 66 MB recording below needs (the trial 40 times over, 44 MB, ran with
     * 46 MB of heap and failed with 44); the shipped trial alone needs less than 8 MB.
     */
    private static final String HEAP = "-Xmx32m";
    private static final long GUARD_S = 120;

    @TempDir
    Path dir;

    @Test
    void aRecordingLargerThanTheHeapIsOneLineAndTheOtherInputsGoOn() throws Exception {
        Path large = dir.resolve("large").resolve("GaCo01_60x.txt");
        writeRepeated(large, 60);
        Path small = Files.copy(WALK, Files.createDirectories(dir.resolve("small")).resolve("GaCo01_01.txt"));

        Run alone = soleus("analyze", large.toString(), "--mass", "83", "--out", dir.resolve("alone").toString());
        assertEquals(1, alone.exitCode, alone.err);
        assertEquals(List.of("soleus: " + large + ": out of memory: this needs more than the 32 MB the Java heap may use;"
                + " give it more with SOLEUS_JAVA_OPTS=-Xmx<size> for ./soleus (e.g. SOLEUS_JAVA_OPTS=-Xmx8g), or java"
                + " -Xmx<size>"),
                alone.err.lines().toList());
        assertEquals("", alone.out);

        Run both = soleus("analyze", large.toString(), small.toString(), "--mass", "83", "--out",
                dir.resolve("both").toString());
        assertEquals(1, both.exitCode, both.err);
        assertTrue(both.err.startsWith("soleus analyze: error: " + large + ": out of memory: "), both.err);
        assertTrue(both.err.strip().endsWith("soleus: 1 of 2 inputs failed (above); the other was analysed"), both.err);
        assertFalse(both.err.contains("\tat "), both.err);
        assertTrue(Files.exists(dir.resolve("both").resolve("GaCo01_01").resolve("summary.json")), both.out);
    }

    /** The shipped trial {@code copies} times over, its time running on: about 2.4 MB each. */
    private static void writeRepeated(Path file, int copies) throws IOException {
        List<String> rows = Files.readAllLines(WALK, StandardCharsets.ISO_8859_1);
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            long row = 0;
            for (int c = 0; c < copies; c++) {
                for (String line : rows) {
                    out.write(String.format(Locale.ROOT, "%.2f", row++ / 100.0));
                    out.write(line, line.indexOf('\t'), line.length() - line.indexOf('\t'));
                    out.newLine();
                }
            }
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code soleus args} in a new JVM with a small heap, collected as the launcher's (whose heap is all usable). */
    private Run soleus(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), SoleusCommand.class.getName()));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(GUARD_S, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the process did not end");
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
