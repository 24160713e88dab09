package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OutputFoldersTest {

    private static final Path OUT = Path.of("results");

    /** The folders {@code inputs} get, one after the other, out of {@code inputCount}. */
    private static List<Path> folders(int inputCount, List<Path> inputs) {
        OutputFolders folders = new OutputFolders(OUT, inputCount);
        List<Path> assigned = new ArrayList<>();
        for (Path input : inputs) {
            assigned.add(folders.next(input));
        }
        return assigned;
    }

    @Test
    void aSingleInputWritesIntoTheOutputDirectory() {
        assertEquals(List.of(OUT), folders(1, List.of(Path.of("data", "GaCo01_01.txt"))));
    }

    @Test
    void severalInputsGetOneFolderEachNamedAfterTheFile() {
        assertEquals(List.of(OUT.resolve("GaCo01_01"), OUT.resolve("control1")),
                folders(2, List.of(Path.of("a", "GaCo01_01.txt"), Path.of("control1.hea"))));
    }

    @Test
    void oneAnalysedInputOfSeveralStillGetsItsFolder() {
        assertEquals(List.of(OUT.resolve("control1")), folders(2, List.of(Path.of("control1.hea"))),
                "the other input was skipped: it takes no name");
    }

    @Test
    void sharedBaseNamesAreNumberedInInputOrder() {
        List<Path> inputs = List.of(Path.of("a", "walk.txt"), Path.of("b", "walk.txt"), Path.of("walk.csv"),
                Path.of("Walk.txt"), Path.of("walk-2.txt"));
        assertEquals(List.of(OUT.resolve("walk"), OUT.resolve("walk-2"), OUT.resolve("walk-3"),
                OUT.resolve("Walk-4"), OUT.resolve("walk-2-2")), folders(inputs.size(), inputs));
    }

    @Test
    void theBaseNameDropsOnlyTheLastExtension() {
        assertEquals("GaCo01_01", OutputFolders.baseName(Path.of("GaCo01_01.txt")));
        assertEquals("walk.2024", OutputFolders.baseName(Path.of("dir", "walk.2024.csv")));
        assertEquals("control1", OutputFolders.baseName(Path.of("control1")));
        assertEquals(".hidden", OutputFolders.baseName(Path.of(".hidden")));
    }
}
