package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /**
     * A folder with the name of one of the files fails the write before any file is replaced:
     * the results already there stay those of one analysis, and the error names the file.
     */
    @Test
    void aFolderInTheWayOfOneFileLeavesEveryEarlierFileAsItWas() throws IOException {
        Path out = dir.resolve("walk");
        AnalysisOutputs.write(SampleAnalysis.report(), out, false);
        Files.writeString(out.resolve("events.csv"), "earlier events\n");
        Files.writeString(out.resolve("strides.csv"), "earlier strides\n");
        Files.delete(out.resolve("summary.json"));
        Files.createDirectory(out.resolve("summary.json"));
        IOException e = assertThrows(IOException.class, () -> AnalysisOutputs.write(SampleAnalysis.report(), out, false));
        assertEquals(out.resolve("summary.json") + ": cannot be written: a folder of that name is in the way", e.getMessage());
        assertEquals("earlier events\n", Files.readString(out.resolve("events.csv")));
        assertEquals("earlier strides\n", Files.readString(out.resolve("strides.csv")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("events.csv", "strides.csv", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }
}
