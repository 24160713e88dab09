package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.recording.Recording;
import org.soleus.io.SampleData;

/**
 * A file saved with a UTF-8 byte order mark (as Excel and Notepad save it) is detected and read
 * exactly like the same file without it.
 */
final class ByteOrderMarkTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"synthetic/synthetic-session.csv", "physionet-gaitpdb/GaCo01_01.txt",
            "moticon-opengo/230927_102114.txt"})
    void aFileWithAByteOrderMarkReadsAsWithout(String sample) throws IOException {
        Path plain = SampleData.dir().resolve(sample);
        byte[] bytes = Files.readAllBytes(plain);
        byte[] marked = new byte[BOM.length + bytes.length];
        System.arraycopy(BOM, 0, marked, 0, BOM.length);
        System.arraycopy(bytes, 0, marked, BOM.length, bytes.length);
        Path withMark = Files.write(dir.resolve(plain.getFileName()), marked);

        assertEquals(FormatDetector.detect(plain), FormatDetector.detect(withMark), sample);
        Recording expected = Recordings.read(plain);
        Recording actual = Recordings.read(withMark);
        assertEquals(expected.channelNames(), actual.channelNames(), sample);
        assertEquals(expected.length(), actual.length(), sample);
        assertEquals(expected.sampleRateHz(), actual.sampleRateHz(), sample);
        for (int c = 0; c < expected.channels().size(); c++) {
            assertArrayEquals(expected.channels().get(c).samples(), actual.channels().get(c).samples(),
                    sample + " " + expected.channels().get(c).name());
        }
    }

    /**
     * A WFDB header saved with the mark: its record name is not {@code ï»¿control1} (which would
     * differ from the file name and miss the subject table's row), and the record reads as
     * without it, its subject and body mass included.
     */
    @Test
    void aWfdbHeaderWithAByteOrderMarkReadsAsWithout() throws IOException {
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path marked = Files.createDirectory(dir.resolve("marked"));
        for (String name : new String[] {"control1.hea", "control1.let", "control1.rit", GaitnddSubjectTable.FILE_NAME}) {
            Path from = SampleData.of("physionet-gaitndd", name);
            Files.copy(from, plain.resolve(name));
            Files.copy(from, marked.resolve(name));
        }
        byte[] header = Files.readAllBytes(plain.resolve("control1.hea"));
        byte[] withMark = new byte[BOM.length + header.length];
        System.arraycopy(BOM, 0, withMark, 0, BOM.length);
        System.arraycopy(header, 0, withMark, BOM.length, header.length);
        Files.write(marked.resolve("control1.hea"), withMark);

        assertEquals(RecordingFormat.WFDB, FormatDetector.detect(marked.resolve("control1.hea")));
        Recording expected = Recordings.read(plain.resolve("control1.hea"));
        Recording actual = Recordings.read(marked.resolve("control1.hea"));
        assertEquals("control1", actual.metadata().properties().get("record"));
        assertEquals(expected.metadata(), actual.metadata());
        assertEquals(expected.warnings().stream().map(w -> w.replace(plain.toString(), marked.toString())).toList(),
                actual.warnings());
        assertEquals(expected.channelNames(), actual.channelNames());
        for (int c = 0; c < expected.channels().size(); c++) {
            assertArrayEquals(expected.channels().get(c).samples(), actual.channels().get(c).samples(),
                    expected.channels().get(c).name().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soleus", "gaitpdb", "moticon", "gaitmap"})
    void aFileOfNothingButTheMarkIsEmpty(String format) throws IOException {
        Path marked = Files.write(dir.resolve("mark.csv"), BOM);
        ReadOptions options = new ReadOptions(format.isEmpty() ? null : RecordingFormat.fromId(format), 204.8, Double.NaN);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Recordings.read(marked, options));
        assertEquals(marked + ": the file is empty", e.getMessage(), format);
    }
}
