package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void theFileGetsTheUsualPermissionsNotOwnerOnlyOnes() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.csv"));
        Path target = dir.resolve("a.csv");
        AtomicFiles.writeText(target, out -> out.write("x"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }
}
