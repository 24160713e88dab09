package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step of a results folder ({@link FolderLock}) across processes: an analysis in this JVM
 * waits while another process holds it, and takes it once that one lets go. The lock file is
 * the folder's whatever the path to it, and stands outside the results. The waits are guards
 * against a hang, not limits on how long a step may take.
 */
final class FolderLockTest {
    private static final long GUARD_S = 60;

    @TempDir
    Path dir;

    @Test
    void anAnalysisWaitsForAnotherProcesssStepIntoTheFolder() throws Exception {
        Path out = Files.createDirectories(dir.resolve("walk"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FolderLockHolder.class.getName(), out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream release = holder.getOutputStream()) {
            assertEquals("locked", lines.readLine());
            CompletableFuture<Void> step = CompletableFuture.runAsync(() -> FolderLock.acquire(out).close());
            Thread.sleep(500);
            assertFalse(step.isDone(), "this JVM's step waits while the other process holds the folder's");
            release.write('\n');
            release.flush();
            step.get(GUARD_S, TimeUnit.SECONDS);
            assertTrue(holder.waitFor(GUARD_S, TimeUnit.SECONDS));
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void theLockFileIsTheFoldersWhateverThePathAndStandsOutsideIt() throws IOException {
        Path out = Files.createDirectories(dir.resolve("walk"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), out);
        assertEquals(FolderLock.lockFile(out), FolderLock.lockFile(link));
        assertEquals(FolderLock.lockFile(out), FolderLock.lockFile(out.resolve(".").resolve("..").resolve("walk")));
        assertFalse(FolderLock.lockFile(out).startsWith(out));
        assertTrue(FolderLock.lockFile(out).getFileName().toString().matches("results-[0-9a-f]{2}\\.lock"));
        FolderLock.acquire(out).close();
        assertTrue(Files.exists(FolderLock.lockFile(out)));
    }
}
