package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;

/**
 * A gaitpdb {@code demographics.txt} that is missing, or there but of no use for the subject, is
 * a warning naming it (with line and column where a cell is at fault) and the reason; the body
 * mass then stays unknown and the samples are read all the same.
 */
final class DemographicsTest {
    private static final String HEADER = "ID\tStudy\tGroup\tSubjnum\tGender\tAge\tHeight\tWeight\tHoehnYahr\r\n";

    @TempDir
    Path dir;

    private Path walk() throws IOException {
        return Files.writeString(dir.resolve("GaCo01_01.txt"), GaitpdbText.rows(20));
    }

    private Path demographics() {
        return dir.resolve("demographics.txt");
    }

    /** The warnings of reading the walk beside {@code demographics} (ISO-8859-1 text). */
    private List<String> warnings(String demographics) throws IOException {
        Files.writeString(demographics(), demographics, StandardCharsets.ISO_8859_1);
        return readWalk();
    }

    private List<String> readWalk() throws IOException {
        Recording r = Recordings.read(walk());
        assertEquals(20, r.length());
        assertTrue(Double.isNaN(r.metadata().bodyMassKg()), "body mass " + r.metadata().bodyMassKg());
        return r.warnings();
    }

    @Test
    void theSubjectsWeightIsTheBodyMass() throws IOException {
        Files.writeString(demographics(), HEADER + "GaCo01\tGa\t2\t1\t1\t66\t1.80\t83\t0.0\r\n");
        Recording r = Recordings.read(walk());
        assertEquals(83.0, r.metadata().bodyMassKg());
        assertEquals(List.of(), r.warnings());
    }

    /** A subject listed twice with two weights: the first row is taken, and the second told at its Weight cell. */
    @Test
    void aSecondRowOfTheSubjectWithAnotherWeightIsTold() throws IOException {
        Files.writeString(demographics(), HEADER + "GaCo01\tGa\t2\t1\t1\t66\t1.80\t83\t0.0\r\n"
                + "GaCo02\tGa\t2\t2\t1\t66\t1.80\t70\t0.0\r\n" + "GaCo01\tGa\t2\t1\t1\t66\t1.80\t90\t0.0\r\n"
                + "GaCo01\tGa\t2\t1\t1\t66\t1.80\t83.0\t0.0\r\n");
        Recording r = Recordings.read(walk());
        assertEquals(83.0, r.metadata().bodyMassKg());
        assertEquals(List.of(demographics() + ":4:8: a second row for subject GaCo01, with the Weight '90'; the first,"
                + " on line 2, is taken ('83')"), r.warnings(), "a repeated row that agrees (83.0 for 83) is no news");
    }

    @Test
    void noFileBesideTheWalkIsNamedAsTheTableLookedFor() throws IOException {
        assertEquals(List.of(demographics() + ": no such file (gaitpdb's subject table, whose Weight column gives the body"
                + " mass); body mass unknown"), readWalk());
        assertEquals(List.of(), Recordings.read(walk(), new ReadOptions(null, Double.NaN, 70)).warnings(),
                "a given mass needs no table");
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithTheReason() throws IOException {
        Files.createDirectory(demographics());
        assertEquals(List.of(demographics() + ": cannot be read (Is a directory); body mass unknown"), readWalk());
    }

    @Test
    void theFileIsNamedTheWayTheRecordingWasGiven() throws IOException {
        Files.createDirectory(demographics());
        Path relative = Path.of("").toAbsolutePath().relativize(walk());
        Recording r = Recordings.read(relative);
        assertEquals(List.of(relative.resolveSibling("demographics.txt") + ": cannot be read (Is a directory); body mass unknown"),
                r.warnings());
    }

    /**
     * A file the user may not read is named with the reason. Root reads any file, so where the
     * tests run as root (as in CI) the refusal is the exception the file system throws for it.
     */
    @Test
    void aFileWithoutPermissionIsNamedWithTheReason() throws IOException {
        assertEquals("permission denied", ReaderSupport.reason(new AccessDeniedException(demographics().toString())));
        Files.writeString(demographics(), HEADER + "GaCo01\tGa\t2\t1\t1\t66\t1.80\t83\t0.0\r\n");
        Files.setPosixFilePermissions(demographics(), PosixFilePermissions.fromString("-w-------"));
        if (Files.isReadable(demographics())) {
            Recording r = Recordings.read(walk());
            assertEquals(83, r.metadata().bodyMassKg(), "read as root");
            assertEquals(List.of(), r.warnings());
        } else {
            assertEquals(List.of(demographics() + ": cannot be read (permission denied); body mass unknown"), readWalk());
        }
    }

    @Test
    void anEmptyOrDamagedFileIsNamed() throws IOException {
        assertEquals(List.of(demographics() + ": is empty; expected a header row naming the ID and Weight columns; "
                + "body mass unknown"), warnings(""));
        assertEquals(List.of(demographics() + ":1: expected a tab-separated header row naming the ID and Weight "
                + "columns, found neither; body mass unknown"), warnings("\u00ff\u00fe\u0000PK\u0003\u0004garbage\n\u0001"));
        assertEquals(List.of(demographics() + ":1: expected a tab-separated header row naming the ID and Weight "
                + "columns, found no Weight; body mass unknown"), warnings("ID\tWeight (kg)\nGaCo01\t83\n"));
    }

    @Test
    void aMissingSubjectIsNamed() throws IOException {
        assertEquals(List.of(demographics() + ": no row for subject GaCo01 (ID column 1); body mass unknown"),
                warnings(HEADER + "GaCo02\tGa\t2\t2\t1\t66\t1.80\t83\t0.0\r\n"));
    }

    @Test
    void aRowWhoseIdDiffersOnlyByTheLetterOWrittenAsZeroGivesTheMassWithAWarning() throws IOException {
        Files.writeString(demographics(), HEADER + "GaCo02\tGa\t2\t2\t1\t66\t1.80\t70\t0.0\r\n"
                + "Gac001\tGa\t2\t1\t1\t62\t1.67\t78\tNaN\r\n");
        Recording r = Recordings.read(walk());
        assertEquals(78.0, r.metadata().bodyMassKg());
        assertEquals(List.of(demographics() + ":3:1: no row for subject GaCo01; taking the row of Gac001, whose ID"
                + " differs from it only by the letter O written as the digit 0"), r.warnings());
        assertEquals(List.of(demographics() + ": no row for subject GaCo01 (ID column 1); body mass unknown"),
                warnings(HEADER + "Gac001\tGa\t2\t1\t1\t62\t1.67\t78\tNaN\r\nGAC001\tGa\t2\t1\t1\t62\t1.67\t80\tNaN\r\n"),
                "two such rows: neither is taken");
    }

    @Test
    void aSubjectRowCutShortIsReportedWhereItsFirstMissingCellShouldBe() throws IOException {
        assertEquals(List.of(demographics() + ":3:6: the row of GaCo01 ends after 5 cells, before its Weight cell "
                + "(column 8); body mass unknown"),
                warnings(HEADER + "GaCo02\tGa\t2\t2\t1\t66\t1.80\t83\t0.0\r\nGaCo01\tGa\t2\t1\t1\r\n"));
    }

    @Test
    void aWeightThatIsNoMassOrNotRecordedIsNamedWithItsCell() throws IOException {
        assertEquals(List.of(demographics() + ":2:8: expected a body mass of 5 to 500 kg as the Weight of GaCo01, "
                + "found '8O'; body mass unknown"), warnings(HEADER + "GaCo01\tGa\t2\t1\t1\t66\t1.80\t8O\t0.0\r\n"));
        assertEquals(List.of(demographics() + ":2:8: the Weight of GaCo01 is 'NaN' (not recorded); body mass unknown"),
                warnings(HEADER + "GaCo01\tGa\t2\t1\t1\t66\t1.80\tNaN\t0.0\r\n"));
    }

    @Test
    void anExplicitMassThatDiffersFromTheTableIsSaidNamingTheTable() throws IOException {
        Files.writeString(demographics(), HEADER + "GaCo01\tGa\t2\t1\t1\t66\t1.80\t83\t0.0\r\n");
        Path walk = walk();
        Recording r = Recordings.read(walk, new ReadOptions(null, Double.NaN, 70));
        assertEquals(70.0, r.metadata().bodyMassKg());
        assertEquals(List.of(walk + ": --mass 70.0 kg overrides demographics.txt's body mass of 83.0 kg"), r.warnings());
    }

    @Test
    void anExplicitMassSilencesTheFilesProblems() throws IOException {
        Files.writeString(demographics(), HEADER + "GaCo02\tGa\t2\t2\t1\t66\t1.80\t83\t0.0\r\n");
        Recording r = Recordings.read(walk(), new ReadOptions(null, Double.NaN, 70));
        assertEquals(70.0, r.metadata().bodyMassKg());
        assertEquals(List.of(), r.warnings());
    }
}
