package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> dirListing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.csv");
        AtomicFiles.writeText(target, out -> out.write("x,y\n1,2\n"));
        assertEquals("x,y\n1,2\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("a.csv"), dirListing());
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("a.csv");
        Files.writeString(target, "old");
        AtomicFiles.writeText(target, out -> out.write("new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("a.csv"), dirListing());
    }

    @Test
    void aFailingBodyLeavesNoFile() throws IOException {
        Path target = dir.resolve("a.csv");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.writeText(target, out -> {
            out.write("half a row,");
            throw new IOException("disk full");
        }));
        assertEquals(target + ": cannot be written: disk full", thrown.getMessage());
        assertEquals("disk full", thrown.getCause().getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), dirListing());
    }

    @Test
    void aFailingBodyLeavesAnExistingFileIntact() throws IOException {
        Path target = dir.resolve("a.csv");
        Files.writeString(target, "complete\n");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeText(target, out -> {
            out.write("partial");
            throw new IllegalStateException("writer bug");
        }));
        assertEquals("complete\n", Files.readString(target));
        assertEquals(List.of("a.csv"), dirListing());
    }

    @Test
    void aStagedFileReplacesItsTargetOnlyWhenCommitted() throws IOException {
        Path target = dir.resolve("a.csv");
        Files.writeString(target, "old");
        try (AtomicFiles.Staged staged = AtomicFiles.stage(target, out -> out.write("new"))) {
            assertEquals("old", Files.readString(target));
            assertEquals(2, dirListing().size());
            staged.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("a.csv"), dirListing());

        try (AtomicFiles.Staged unused = AtomicFiles.stage(target, out -> out.write("newer"))) {
            assertEquals(2, dirListing().size());
        }
        assertEquals("new", Files.readString(target), "closed without commit: the target stays");
        assertEquals(List.of("a.csv"), dirListing());
    }

    /** Starts {@link AtomicFilesProcess} with {@code args} in a JVM of its own. */
    private static Process otherProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AtomicFilesProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The first line the process prints. */
    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /** What {@link AtomicFiles#removeAbandoned} removes when called from another process. */
    private int removedByOtherProcess(String name) throws IOException, InterruptedException {
        Process cleaner = otherProcess("clean", dir.toString(), name);
        int removed = Integer.parseInt(firstLine(cleaner));
        assertEquals(0, cleaner.waitFor());
        return removed;
    }

    private List<String> hiddenFiles() throws IOException {
        return dirListing().stream().filter(n -> n.startsWith(".")).toList();
    }

    @Test
    void theTemporaryFileOfAKilledWriterIsRemovedByTheNextAndThatOfALiveOneIsNot() throws Exception {
        Path target = dir.resolve("a.csv");
        Process writer = otherProcess("stage", target.toString());
        assertEquals("staged", firstLine(writer));
        List<String> left = hiddenFiles();
        assertEquals(1, left.size(), left.toString());
        assertTrue(left.get(0).matches("\\.a\\.csv\\.[0-9a-z]{13}\\.tmp"), left.get(0));

        assertEquals(0, AtomicFiles.removeAbandoned(dir, List.of("a.csv")), "the writer is alive");
        assertEquals(left, hiddenFiles());

        writer.destroyForcibly();
        writer.waitFor();
        assertEquals(left, hiddenFiles(), "a killed writer leaves its temporary file");
        AtomicFiles.writeText(target, out -> out.write("complete"));
        assertEquals(List.of("a.csv"), dirListing(), "the next writer of a.csv removes it");
        assertEquals("complete", Files.readString(target));
    }

    @Test
    void aFileThisProcessIsWritingIsLeftAloneAndStaysLockedAgainstOthers() throws Exception {
        Path target = dir.resolve("a.csv");
        try (AtomicFiles.Staged staged = AtomicFiles.stage(target, out -> out.write("new"))) {
            List<String> staging = hiddenFiles();
            assertEquals(0, AtomicFiles.removeAbandoned(dir, List.of("a.csv")));
            assertEquals(0, removedByOtherProcess("a.csv"), "this process still holds the lock");
            assertEquals(staging, hiddenFiles());
            staged.commit();
        }
        assertEquals(List.of("a.csv"), dirListing());
        assertEquals("new", Files.readString(target));
    }

    @Test
    void onlyAbandonedFilesNamedLikeOursAreRemoved() throws Exception {
        String random = "0123456789xyz";
        Path abandoned = Files.writeString(dir.resolve(".a.csv." + random + ".tmp"), "half");
        Path stranger = Files.writeString(dir.resolve("stranger.txt"), "mine");
        List<String> others = List.of(".a.csv.backup.tmp", ".a.csv.0123456789XYZ.tmp", ".a.csv.0123456789xy.tmp",
                "a.csv." + random + ".tmp", ".b.csv." + random + ".tmp", ".a.csv." + random + ".tmp.old",
                ".a.csv." + random + ".temp");
        for (String name : others) {
            Files.writeString(dir.resolve(name), "not ours");
        }
        Files.createDirectory(dir.resolve(".a.csv.directory0000.tmp"));
        boolean links = supportsLinks();
        if (links) {
            Files.createSymbolicLink(dir.resolve(".a.csv.link000000000.tmp"), stranger);
        }
        assertEquals(1, removedByOtherProcess("a.csv"));
        assertFalse(Files.exists(abandoned));
        List<String> expected = new ArrayList<>(others);
        expected.addAll(List.of(".a.csv.directory0000.tmp", "stranger.txt"));
        if (links) {
            expected.add(".a.csv.link000000000.tmp");
        }
        Collections.sort(expected);
        assertEquals(expected, dirListing());
        assertEquals("mine", Files.readString(stranger));
    }

    private boolean supportsLinks() {
        try {
            Files.delete(Files.createSymbolicLink(dir.resolve("probe"), dir));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void theFileGetsTheUsualPermissionsNotOwnerOnlyOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.csv"));
        Path target = dir.resolve("a.csv");
        AtomicFiles.writeText(target, out -> out.write("x"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }
}
