package org.soleus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the output benchmark times: the three result files of the walk's analysis, written again on each call. */
final class OutputsBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void writesTheResultFilesOfTheWalkAndNothingElseOnEachCall() throws IOException {
        OutputsBenchmark benchmark = new OutputsBenchmark();
        benchmark.samples = 36_000;
        benchmark.dir = dir.toString();
        benchmark.setUp();
        try {
            benchmark.write();
            benchmark.write();
            Path out;
            try (Stream<Path> made = Files.list(dir)) {
                out = made.toList().get(0).resolve("out");
            }
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of("events.csv", "strides.csv", "summary.json"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
            // six minutes of the trials repeated, about 88 strides a minute over both feet, a heel strike and a toe-off each
            List<String> strides = Files.readAllLines(out.resolve("strides.csv"));
            assertFalse(strides.size() < 400 || strides.size() > 700, strides.size() + " lines");
            List<String> events = Files.readAllLines(out.resolve("events.csv"));
            assertFalse(events.size() < 2 * strides.size() - 10, events.size() + " event lines");
        } finally {
            benchmark.tearDown();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the tear-down removes what the benchmark wrote");
        }
    }
}
