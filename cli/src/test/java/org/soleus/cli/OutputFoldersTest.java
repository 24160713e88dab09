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
        OutputFolders folders = new OutputFolders(OUT, inputCount, inputs);
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
    void sharedBaseNamesInOneFolderAreNumberedInInputOrder() {
        List<Path> inputs = List.of(Path.of("a", "walk.txt"), Path.of("a", "walk.csv"), Path.of("a", "Walk.txt"),
                Path.of("a", "walk-2.txt"));
        assertEquals(List.of(OUT.resolve("walk"), OUT.resolve("walk-2"), OUT.resolve("Walk-3"), OUT.resolve("walk-2-2")),
                folders(inputs.size(), inputs));
    }

    /**
     * A study's subjects in folders of their own get the folder's name in front, whatever the
     * order, and the names of the folders above it where that folder's name is shared.
     */
    @Test
    void sharedBaseNamesInFoldersOfOtherNamesTakeTheFolderName() {
        List<Path> inputs = List.of(Path.of("S02", "walk.txt"), Path.of("S01", "walk.txt"), Path.of("S01", "run.txt"));
        assertEquals(List.of(OUT.resolve("S02-walk"), OUT.resolve("S01-walk"), OUT.resolve("run")),
                folders(inputs.size(), inputs));
        List<Path> sameFolderName = List.of(Path.of("x", "a", "walk.txt"), Path.of("y", "A", "walk.txt"),
                Path.of("y", "b", "walk.txt"));
        assertEquals(List.of(OUT.resolve("x-a-walk"), OUT.resolve("y-A-walk"), OUT.resolve("b-walk")),
                folders(sameFolderName.size(), sameFolderName), "folder names that collide too: the folders above them");
        List<Path> sameSubjects = List.of(Path.of("site1", "S01", "walk.txt"), Path.of("site2", "S01", "walk.txt"),
                Path.of("site2", "S02", "walk.txt"));
        assertEquals(List.of(OUT.resolve("site1-S01-walk"), OUT.resolve("site2-S01-walk"), OUT.resolve("S02-walk")),
                folders(sameSubjects.size(), sameSubjects));
        List<Path> sameFolderToo = List.of(Path.of("site1", "S01", "walk.csv"), Path.of("site2", "S01", "walk.csv"),
                Path.of("site1", "S01", "walk.txt"));
        assertEquals(List.of(OUT.resolve("site1-S01-walk"), OUT.resolve("site2-S01-walk"), OUT.resolve("site1-S01-walk-2")),
                folders(sameFolderToo.size(), sameFolderToo), "the files of one folder take its names, then a number");
        List<Path> givenTwice = List.of(Path.of("S01", "walk.csv"), Path.of("S02", "walk.csv"), Path.of(".", "S01", "walk.csv"));
        assertEquals(List.of(OUT.resolve("S01-walk"), OUT.resolve("S02-walk"), OUT.resolve("S01-walk-2")),
                folders(givenTwice.size(), givenTwice), "a file given twice counts once");
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
        assertEquals(Optional.empty(), new OutputFolders(dir, 2, List.of()).earlierResultsOfTheOtherLayout(), "nothing yet");
        Files.writeString(dir.resolve("summary.json"), "{}");
        assertEquals(Optional.of(dir + ": holds the results of an earlier run of one input at its top (summary.json …),"
                + " left as they are; this run's go into a folder per input"),
                new OutputFolders(dir, 2, List.of()).earlierResultsOfTheOtherLayout());
        assertEquals(Optional.empty(), new OutputFolders(dir, 1, List.of()).earlierResultsOfTheOtherLayout(),
                "a single input writes over them");

        Path several = dir.resolve("several");
        for (String name : new String[] {"walk-b", "walk-a", "notes"}) {
            Files.createDirectories(several.resolve(name));
        }
        Files.writeString(several.resolve("walk-a").resolve("summary.json"), "{}");
        Files.writeString(several.resolve("walk-b").resolve("summary.json"), "{}");
        assertEquals(Optional.of(several + ": holds folders of results of an earlier run of several inputs (walk-a,"
                + " walk-b), left as they are; this run's results go at its top"),
                new OutputFolders(several, 1, List.of()).earlierResultsOfTheOtherLayout());
        assertEquals(Optional.empty(), new OutputFolders(several, 3, List.of()).earlierResultsOfTheOtherLayout());
    }
}
