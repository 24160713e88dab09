package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;
import org.soleus.io.SampleData;

final class RecordingsDispatchTest {

    @Test
    void readsAWfdbRecordThroughTheFacade() throws IOException {
        Path hea = GaitnddSampleData.header("control1");
        assertEquals(RecordingFormat.WFDB, FormatDetector.detect(hea));
        Recording r = Recordings.read(hea, ReadOptions.DEFAULTS);
        assertEquals(300.0, r.sampleRateHz());
        assertEquals(90_000, r.length());
        assertEquals(95.0, r.metadata().bodyMassKg());
    }

    /**
     * A file read as another format than its own fails at its first lines; the error then says
     * what the content reads as, and quotes no more than the start of a long cell.
     */
    @Test
    void aWrongFormatSaysWhatTheFileReadsAs() {
        Path moticon = SampleData.of("moticon-opengo").resolve("230927_102114.txt");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Recordings.read(moticon, new ReadOptions(RecordingFormat.SOLEUS_CSV, Double.NaN, 70)));
        assertTrue(e.getMessage().startsWith(moticon + ":10:1: '0.00\t\t\t"), e.getMessage());
        assertTrue(e.getMessage().contains("…' is not a channel name"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the file reads as moticon: leave out --format soleus to read it so"),
                e.getMessage());
        assertTrue(e.problem().length() < 260, e.problem());

        Path gaitpdb = SampleData.of("physionet-gaitpdb").resolve("GaCo01_01.txt");
        DataFormatException wrong = assertThrows(DataFormatException.class,
                () -> Recordings.read(gaitpdb, new ReadOptions(RecordingFormat.MOTICON, Double.NaN, Double.NaN)));
        assertEquals(gaitpdb + ":1:1: expected '#' header lines, the last naming the columns; the file reads as gaitpdb:"
                + " leave out --format moticon to read it so", wrong.getMessage());
    }

    @Test
    void anErrorInAFileOfTheFormatGivenIsLeftAsItIs(@TempDir Path dir) throws IOException {
        Path gaitpdb = SampleData.of("physionet-gaitpdb").resolve("GaCo01_01.txt");
        Path bad = Files.writeString(dir.resolve("bad_01.txt"), Files.readString(gaitpdb).replaceFirst("\t", "\tx"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Recordings.read(bad, new ReadOptions(RecordingFormat.GAITPDB, Double.NaN, 70)));
        assertFalse(e.getMessage().contains("reads as"), e.getMessage());
        assertNull(e.getCause());
    }
}
