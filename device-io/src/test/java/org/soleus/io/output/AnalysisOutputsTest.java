package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AnalysisOutputsTest {

    @TempDir
    Path dir;

    @Test
    void writesTheThreeFilesIntoANewDirectory() throws IOException {
        Path out = dir.resolve("nested").resolve("walk");
        AnalysisOutputs.write(SampleAnalysis.report(), out, false);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("events.csv", "strides.csv", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(5, Files.readAllLines(out.resolve("events.csv")).size());
        assertEquals(3, Files.readAllLines(out.resolve("strides.csv")).size());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"body_mass_source\": \"flag\""));
    }
}
