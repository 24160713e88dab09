package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.io.format.Recordings;

final class RecordingFileSinkTest {
    private static final RecordingHeader HEADER = new RecordingHeader("/dev/ttyACM0", 100, 0,
            List.of(ChannelName.parse("left.insole.force_n")), RecordingMetadata.EMPTY);

    @TempDir
    Path dir;

    @Test
    void aStreamWithoutSamplesLeavesAnExistingFileAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("walk.csv"), "precious");
        RecordingFileSink sink = new RecordingFileSink(file);
        sink.start(HEADER);
        sink.flushIfDue();
        sink.end(List.of("the recording ended early"));
        assertFalse(sink.written());
        assertEquals(100, sink.rateHz());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void theFirstSampleCreatesTheFileInItsFolderWithTheWarnings() throws IOException {
        Path file = dir.resolve("rig").resolve("walk.csv");
        RecordingFileSink sink = new RecordingFileSink(file);
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

    /** /dev/full fails every write with ENOSPC, as a full disk does. */
    @Test
    void aFullDiskIsAnErrorThatNamesTheFile() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        RecordingFileSink sink = new RecordingFileSink(full);
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
        assertTrue(message.startsWith("/dev/full: cannot write the recording: No space left on device"), message);
    }
}
