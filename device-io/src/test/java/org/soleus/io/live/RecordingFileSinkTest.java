package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingFormat;
import org.soleus.io.format.Recordings;

final class RecordingFileSinkTest {
    private static final RecordingHeader HEADER = new RecordingHeader("/dev/ttyACM0", 100, 0,
            List.of(ChannelName.parse("left.insole.force_n")), RecordingMetadata.EMPTY);

    @TempDir
    Path dir;

    @Test
    void aStreamWithoutSamplesLeavesAnExistingFileAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("walk.csv"), "precious");
        RecordingFileSink sink = new RecordingFileSink(file, true);
        sink.start(HEADER);
        sink.flushIfDue();
        sink.end(List.of("the recording ended early"));
        assertFalse(sink.written());
        assertEquals(100, sink.rateHz());
        assertEquals("precious", Files.readString(file));
    }

    /**
     * Samples that make less than a second (which the writer would flush) reach the disk once a
     * second has passed and {@link RecordingFileSink#flushIfDue()} is called, as a stream that
     * falls silent calls it: a kill then loses at most the last second.
     */
    @Test
    void aSecondWithoutSamplesStillFlushesThoseBeforeIt() throws Exception {
        Path file = dir.resolve("walk.csv");
        RecordingFileSink sink = new RecordingFileSink(file, false);
        sink.start(HEADER);
        for (int i = 0; i < 10; i++) {
            sink.accept(new float[] {500 + i});
        }
        Thread.sleep(1_100);
        sink.flushIfDue();
        List<String> lines = Files.readAllLines(file);
        assertEquals("0.09,509", lines.get(lines.size() - 1), lines.toString());
        sink.end(List.of());
    }

    /** A folder that exists but takes no files (Linux's /proc) is not said not to exist. */
    @Test
    void aFolderThatTakesNoFilesIsNotSaidToBeMissing() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc), "needs Linux's /proc");
        RecordingFileSink sink = new RecordingFileSink(proc.resolve("soleus-walk.csv"), false);
        sink.start(HEADER);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> sink.accept(new float[] {12.5f}));
        assertEquals("/proc/soleus-walk.csv: cannot create the recording: no file can be created in its folder",
                e.getCause().getMessage());
    }

    @Test
    void theFirstSampleCreatesTheFileInItsFolderWithTheWarnings() throws IOException {
        Path file = dir.resolve("rig").resolve("walk.csv");
        RecordingFileSink sink = new RecordingFileSink(file, true);
        assertTrue(Double.isNaN(sink.rateHz()));
        sink.start(HEADER);
        sink.accept(new float[] {12.5f});
        assertTrue(sink.written());
        sink.warning("disconnected at 0.010 s");
        sink.accept(new float[] {Float.NaN});
        sink.accept(new float[] {30f});
        sink.end(List.of());
        assertTrue(Files.readString(file).contains("# warning: disconnected at 0.010 s"), Files.readString(file));
        Recording back = Recordings.read(file);
        assertEquals(3, back.length());
        assertEquals(12.5f, back.channel("left.insole.force_n").get(0));
        assertEquals(1, back.channel("left.insole.force_n").missingCount());
    }

    /**
     * A second recorder given the file a first one is writing refuses it: without leave to replace
     * a file it finds it created, with leave it finds it locked; the first one's recording stays
     * whole, and once it is closed the file may be replaced.
     */
    @Test
    void aSecondRecorderOfTheSameFileRefusesIt() throws IOException {
        Path file = dir.resolve("walk.csv");
        RecordingFileSink first = new RecordingFileSink(file, false);
        first.start(HEADER);
        first.accept(new float[] {1f});
        first.flushIfDue();

        RecordingFileSink second = new RecordingFileSink(file, false);
        second.start(HEADER);
        RuntimeException created = assertThrows(RuntimeException.class, () -> second.accept(new float[] {99f}));
        assertEquals(file + ": was created after the recording began (by another recorder?); pass --force to"
                + " overwrite it, or give another file", created.getCause().getMessage());
        RecordingFileSink forced = new RecordingFileSink(file, true);
        forced.start(HEADER);
        RuntimeException locked = assertThrows(RuntimeException.class, () -> forced.accept(new float[] {99f}));
        assertEquals(file + ": is being written by another recorder; give another file", locked.getCause().getMessage());

        first.accept(new float[] {2f});
        first.end(List.of());
        Recording back = Recordings.read(file);
        assertEquals(2, back.length());
        assertEquals(2f, back.channel("left.insole.force_n").get(1));

        RecordingFileSink later = new RecordingFileSink(file, true);
        later.start(HEADER);
        later.accept(new float[] {7f});
        later.end(List.of());
        assertEquals(1, Recordings.read(file).length(), "replaced once the first recorder closed it");
    }

    /**
     * A recording that is to replace a file goes to the part file beside it until it is
     * committed, and the file stays as it was: a second recorder given leave to replace it finds
     * the part file locked; the commit renames the part file over the file, and the samples go
     * on into it.
     */
    @Test
    void aReplacingRecordingGoesBesideTheFileUntilItIsCommitted() throws IOException {
        Path file = Files.writeString(dir.resolve("walk.csv"), "precious");
        Path part = dir.resolve("walk.csv.part");
        RecordingFileSink sink = replacingAfterOneSample(file);
        assertTrue(sink.replacing());
        assertTrue(Files.exists(part));
        assertEquals("precious", Files.readString(file));

        RecordingFileSink second = new RecordingFileSink(file, true);
        second.start(HEADER);
        RuntimeException locked = assertThrows(RuntimeException.class, () -> second.accept(new float[] {99f}));
        assertEquals(file + ": is being written by another recorder; give another file", locked.getCause().getMessage());
        assertTrue(Files.exists(part), "the first recorder's part file stays");

        sink.commit();
        assertFalse(sink.replacing());
        assertFalse(Files.exists(part));
        sink.accept(new float[] {2f});
        sink.end(List.of());
        Recording back = Recordings.read(file);
        assertEquals(2, back.length());
        assertEquals(2f, back.channel("left.insole.force_n").get(1));
    }

    /** A replacing recording discarded as noise leaves the file it was to replace as it was, and no part file. */
    @Test
    void aDiscardedReplacingRecordingLeavesTheFileAsItWas() throws IOException {
        Path file = Files.writeString(dir.resolve("walk.csv"), "precious");
        RecordingFileSink sink = replacingAfterOneSample(file);
        assertTrue(sink.discard());
        sink.commit();
        assertEquals("precious", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("walk.csv.part")));
        assertFalse(sink.written());
    }

    /**
     * A part file an earlier recording left (killed before its commit, or unable to replace the
     * file) may hold a whole recording: the next recorder refuses to start and leaves it as it
     * is. Once it is gone, a file reached through a symbolic link is replaced where it lies, and
     * the link stays.
     */
    @Test
    void aLeftOverPartFileIsKeptAndALinkedFileIsReplacedWhereItLies() throws IOException {
        Path real = Files.writeString(dir.resolve("walk.csv"), "precious");
        Path part = Files.writeString(dir.resolve("walk.csv.part"), "left by a killed recorder");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        RecordingFileSink refused = new RecordingFileSink(link, true);
        refused.start(HEADER);
        RuntimeException e = assertThrows(RuntimeException.class, () -> refused.accept(new float[] {3f}));
        String leftOver = part + ": exists, left by an earlier recording of " + link + " (killed, stopped before its"
                + " check, or unable to replace it), and may hold its samples: move or delete it, then record again";
        assertEquals(leftOver, e.getCause().getMessage());
        assertEquals(leftOver, assertThrows(IOException.class, () -> RecordingFileSink.refuseLeftoverPart(link))
                .getMessage(), "the same, asked before the stream");
        assertEquals("left by a killed recorder", Files.readString(part));
        assertEquals("precious", Files.readString(real));

        Files.delete(part);
        RecordingFileSink sink = new RecordingFileSink(link, true);
        sink.start(HEADER);
        sink.accept(new float[] {3f});
        sink.end(List.of());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(part));
        assertEquals(3f, Recordings.read(real).channel("left.insole.force_n").get(0));
    }

    /** A file that may be replaced but is not there yet is written through the part file too, and appears at the commit. */
    @Test
    void aNewFileThatMayBeReplacedAppearsAtTheCommit() throws IOException {
        Path file = dir.resolve("new.csv");
        RecordingFileSink sink = replacingAfterOneSample(file);
        assertFalse(Files.exists(file));
        assertFalse(sink.replacing(), "there was no file to replace");
        sink.commit();
        assertTrue(Files.exists(file));
        sink.end(List.of());
        assertEquals(1, Recordings.read(file).length());
    }

    /**
     * A replacing recording that ends before its commit (a short recording, a stop before the
     * stream's check) takes the file's place as it ends, while its part file is still open and
     * locked, so that no other recorder can take the part file over between its close and the
     * rename.
     */
    @Test
    void aReplacingRecordingEndsInThePlaceOfTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("walk.csv"), "precious");
        RecordingFileSink first = new RecordingFileSink(file, true);
        first.start(HEADER);
        first.accept(new float[] {1f});
        first.accept(new float[] {2f});
        first.end(List.of());
        assertEquals(file, first.file());
        assertEquals(2, Recordings.read(file).length());
        assertFalse(Files.exists(dir.resolve("walk.csv.part")));
        assertEquals(null, first.notReplaced());
    }

    /**
     * A rename that fails (here a folder took the file's name meanwhile) does not stop the
     * recording: it goes on in the part file, which then holds it whole, and the failure names
     * both files.
     */
    @Test
    void aFailedReplacementKeepsTheRecordingInThePartFile() throws IOException {
        Path file = Files.writeString(dir.resolve("walk.csv"), "precious");
        Path part = dir.resolve("walk.csv.part");
        RecordingFileSink sink = replacingAfterOneSample(file);
        Files.delete(file);
        Files.writeString(Files.createDirectory(file).resolve("inside.txt"), "in the way");
        sink.commit();
        sink.accept(new float[] {2f});
        sink.end(List.of());
        assertEquals(part, sink.file());
        assertEquals(2, Recordings.read(part).length());
        assertTrue(Files.isDirectory(file));
        assertTrue(sink.notReplaced().getMessage().startsWith(file + ": cannot replace it with the recording (")
                && sink.notReplaced().getMessage().endsWith("); the recording is in " + part),
                sink.notReplaced().getMessage());
    }

    /** /dev/full fails every write with ENOSPC, as a full disk does. */
    @Test
    void aFullDiskIsAnErrorThatNamesTheFile() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        RecordingFileSink sink = new RecordingFileSink(full, true);
        sink.start(HEADER);
        assertEquals(1, sink.channelCount());
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            for (int i = 0; i < 100_000; i++) {
                sink.accept(new float[] {i});
                sink.flushIfDue();
            }
            sink.end(List.of());
        });
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        assertEquals("/dev/full: cannot write the recording: No space left on device; nothing was recorded", message);
        assertTrue(Files.exists(full), "a device is never deleted");
        assertFalse(sink.written());
    }

    /** A stream found to be in another protocol: what the sink wrote of it goes. */
    @Test
    void aDiscardedRecordingLeavesNoFile() throws IOException {
        Path file = dir.resolve("noise.csv");
        RecordingFileSink early = new RecordingFileSink(file, false);
        early.start(HEADER);
        assertFalse(early.discard(), "nothing to discard before the first sample");
        early.accept(new float[] {1f});
        assertFalse(Files.exists(file), "nor any sample after it");
        RecordingFileSink sink = new RecordingFileSink(file, false);
        sink.start(HEADER);
        sink.accept(new float[] {1f});
        assertTrue(Files.exists(file));
        assertTrue(sink.discard());
        assertFalse(Files.exists(file));
        assertFalse(sink.written());
        sink.end(List.of("the recording ended early"));
        assertFalse(Files.exists(file), "ending a discarded recording writes nothing");
    }

    /** A sink that may replace {@code file}, started, after one sample (1). */
    private static RecordingFileSink replacingAfterOneSample(Path file) {
        RecordingFileSink sink = new RecordingFileSink(file, true);
        sink.start(HEADER);
        sink.accept(new float[] {1f});
        return sink;
    }
    /**
     * A stream found to be noise: its file is deleted, and rows or warnings that still come (a
     * hold of rows after a gap, ended as the pump finishes) neither bring it back nor replace the
     * file it was to replace.
     */
    @Test
    void rowsAfterADiscardAreNotRecorded() throws IOException {
        Path out = Files.writeString(dir.resolve("walk.csv"), "precious");
        RecordingFileSink sink = new RecordingFileSink(out, true);
        sink.start(HEADER);
        sink.accept(new float[] {1f});
        assertTrue(sink.discard());
        sink.warning("a gap after the discard");
        sink.accept(new float[] {2f});
        sink.end(List.of());
        assertEquals("precious", Files.readString(out));
        assertFalse(Files.exists(dir.resolve("walk.csv.part")));
    }

    /**
     * A forced recording of a file that is not there yet, and another recorder, not forced, that
     * creates the file while the first is still being checked: the first does not replace the
     * second's recording but stays in its part file, and says so.
     */
    @Test
    void aForcedRecordingDoesNotReplaceAFileCreatedWhileItWasChecked() throws IOException {
        Path out = dir.resolve("walk.csv");
        RecordingFileSink forced = new RecordingFileSink(out, true);
        forced.start(HEADER);
        forced.accept(new float[] {1f});
        RecordingFileSink other = new RecordingFileSink(out, false);
        other.start(HEADER);
        other.accept(new float[] {2f});
        forced.commit();
        other.end(List.of());
        forced.end(List.of());
        assertEquals(2f, Recordings.read(out).channel("left.insole.force_n").get(0));
        Path part = dir.resolve("walk.csv.part");
        assertEquals(1f, Recordings.read(part, new ReadOptions(RecordingFormat.SOLEUS_CSV, Double.NaN, Double.NaN))
                .channel("left.insole.force_n").get(0));
        assertTrue(forced.notReplaced().getMessage().startsWith(out + ": was created while the recording was being"
                + " checked (by another recorder?), and is left as it is; the recording is in "), forced.notReplaced().getMessage());
    }

    /** A forced recording of a file that is not there: once checked, the part file takes its name, and goes. */
    @Test
    void aForcedRecordingOfANewFileTakesItsName() throws IOException {
        Path out = dir.resolve("new.csv");
        RecordingFileSink sink = new RecordingFileSink(out, true);
        sink.start(HEADER);
        sink.accept(new float[] {1f});
        sink.commit();
        sink.accept(new float[] {2f});
        sink.end(List.of());
        assertFalse(Files.exists(dir.resolve("new.csv.part")));
        assertEquals(2, Recordings.read(out).length());
        assertEquals(null, sink.notReplaced());
    }
}
