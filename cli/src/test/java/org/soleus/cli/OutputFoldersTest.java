package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OutputFoldersTest {

    private static final Path OUT = Path.of("results");

    @Test
    void aSingleInputWritesIntoTheOutputDirectory() {
        assertEquals(List.of(OUT), OutputFolders.assign(List.of(Path.of("data", "GaCo01_01.txt")), OUT));
    }

    @Test
    void severalInputsGetOneFolderEachNamedAfterTheFile() {
        assertEquals(List.of(OUT.resolve("GaCo01_01"), OUT.resolve("control1")),
                OutputFolders.assign(List.of(Path.of("a", "GaCo01_01.txt"), Path.of("control1.hea")), OUT));
    }

    @Test
    void sharedBaseNamesAreNumberedInInputOrder() {
        List<Path> inputs = List.of(Path.of("a", "walk.txt"), Path.of("b", "walk.txt"), Path.of("walk.csv"),
                Path.of("Walk.txt"), Path.of("walk-2.txt"));
        assertEquals(List.of(OUT.resolve("walk"), OUT.resolve("walk-2"), OUT.resolve("walk-3"),
                OUT.resolve("Walk-4"), OUT.resolve("walk-2-2")), OutputFolders.assign(inputs, OUT));
    }

    @Test
    void theBaseNameDropsOnlyTheLastExtension() {
        assertEquals("GaCo01_01", OutputFolders.baseName(Path.of("GaCo01_01.txt")));
        assertEquals("walk.2024", OutputFolders.baseName(Path.of("dir", "walk.2024.csv")));
        assertEquals("control1", OutputFolders.baseName(Path.of("control1")));
        assertEquals(".hidden", OutputFolders.baseName(Path.of(".hidden")));
    }
}
