package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Results an earlier run of the other layout left in the output directory are told: a single
     * input's at the top when several inputs now write sub-folders, and sub-folders of results
     * when a single input now writes at the top.
     */
    @Test
    void earlierResultsOfTheOtherLayoutAreTold(@TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), new OutputFolders(dir, 2).earlierResultsOfTheOtherLayout(), "nothing yet");
        Files.writeString(dir.resolve("summary.json"), "{}");
        assertEquals(Optional.of(dir + ": holds the results of an earlier run of one input at its top (summary.json …),"
                + " left as they are; this run's go into a folder per input"),
                new OutputFolders(dir, 2).earlierResultsOfTheOtherLayout());
        assertEquals(Optional.empty(), new OutputFolders(dir, 1).earlierResultsOfTheOtherLayout(),
                "a single input writes over them");

        Path several = dir.resolve("several");
        for (String name : new String[] {"walk-b", "walk-a", "notes"}) {
            Files.createDirectories(several.resolve(name));
        }
        Files.writeString(several.resolve("walk-a").resolve("summary.json"), "{}");
        Files.writeString(several.resolve("walk-b").resolve("summary.json"), "{}");
        assertEquals(Optional.of(several + ": holds folders of results of an earlier run of several inputs (walk-a,"
                + " walk-b), left as they are; this run's results go at its top"),
                new OutputFolders(several, 1).earlierResultsOfTheOtherLayout());
        assertEquals(Optional.empty(), new OutputFolders(several, 3).earlierResultsOfTheOtherLayout());
    }
}
