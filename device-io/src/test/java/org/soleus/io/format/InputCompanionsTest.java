package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Among several inputs, a WFDB signal file named unlike its record is known through the header
 * given with it; without that header it is no companion file, and the files that
 * {@link CompanionFiles} knows on their own stay known.
 */
final class InputCompanionsTest {
    private static final Path GAITNDD = GaitnddSampleData.dir();

    @TempDir
    Path dir;

    /** {@code rec.hea} with its signals in {@code rec.dat} and {@code rec2.dat} (gaitndd's control1). */
    private Path record() throws IOException {
        Files.copy(GAITNDD.resolve("control1.let"), dir.resolve("rec.dat"));
        Files.copy(GAITNDD.resolve("control1.rit"), dir.resolve("rec2.dat"));
        return Files.writeString(dir.resolve("rec.hea"), "rec 2 300 90000\nrec.dat 212 3000 12 0 503 22230 0 left-foot\n"
                + "rec2.dat 212 3000 12 0 -157 -17678 0 right-foot\n");
    }

    @Test
    void aSignalFileNamedUnlikeItsRecordIsKnownThroughTheHeaderAmongTheInputs() throws IOException {
        Path header = record();
        Path second = dir.resolve("rec2.dat");
        Path relativeSecond = Path.of("").toAbsolutePath().relativize(second);
        InputCompanions companions = InputCompanions.of(List.of(header, dir.resolve("rec.dat"), relativeSecond));
        Optional<String> signal = Optional.of("a signal file of rec.hea, read through it");
        assertEquals(signal, companions.describe(relativeSecond));
        assertEquals(signal, companions.describe(second), "the same file however it is named");
        assertEquals(signal, companions.describe(dir.resolve("rec.dat")));
        assertEquals(Optional.empty(), companions.describe(header));
        assertEquals(Optional.empty(), CompanionFiles.identify(second, FileHead.read(second)), "no rec2.hea beside it");
        assertEquals(Optional.empty(), InputCompanions.of(List.of(second)).describe(second), "its header not given");
        Path first = dir.resolve("rec.dat");
        DataFormatException notGiven = assertThrows(DataFormatException.class,
                () -> InputCompanions.of(List.of(first)).describe(first), "its header beside it but not among the inputs");
        assertEquals(first + ": a signal file of rec.hea: give " + header + " instead", notGiven.getMessage());
        assertEquals(Recordings.read(GAITNDD.resolve("control1.hea")).length(), Recordings.read(header).length(),
                "the record reads through its header");
    }

    @Test
    void aHeaderThatCannotBeParsedListsNothingAndTheOtherCompanionsStayKnown() throws IOException {
        record();
        Path broken = Files.writeString(dir.resolve("rec.hea"), "rec two 300\n");
        Path second = dir.resolve("rec2.dat");
        assertEquals(Optional.empty(), InputCompanions.of(List.of(broken, second)).describe(second));
        Path table = GAITNDD.resolve("subject-description.txt");
        assertEquals(CompanionFiles.identify(table, FileHead.read(table)).map(CompanionFiles.Companion::what),
                InputCompanions.of(List.of(table)).describe(table));
        assertEquals(Optional.of(CompanionFiles.GAITNDD_SUBJECTS), InputCompanions.of(List.of()).describe(table));
    }

    /**
     * A record's signal files, whatever their names, and its stride table are parts of a record
     * given when its header is among the inputs; the subject table, or a stride table whose header
     * is not given, is not.
     */
    @Test
    void theFilesOfARecordGivenAreKnownAsSuch() throws IOException {
        Path header = record();
        Path table = Files.copy(GAITNDD.resolve("control1.ts"), dir.resolve("rec.ts"));
        InputCompanions given = InputCompanions.of(List.of(header, dir.resolve("rec.dat"), dir.resolve("rec2.dat"), table));
        assertTrue(given.isPartOfARecordGiven(dir.resolve("rec.dat")));
        assertTrue(given.isPartOfARecordGiven(dir.resolve("rec2.dat")), "named unlike its record");
        assertTrue(given.isPartOfARecordGiven(table));
        assertFalse(InputCompanions.of(List.of(table)).isPartOfARecordGiven(table), "its header not given");
        Path subjects = GAITNDD.resolve("subject-description.txt");
        assertFalse(InputCompanions.of(List.of(GAITNDD.resolve("control1.hea"), subjects)).isPartOfARecordGiven(subjects));
    }
}
