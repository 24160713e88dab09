package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.io.SampleData;

/**
 * The files that sit beside the gaitndd records (signal files, stride tables, the subject
 * table) and a dataset's Markdown notes are named as such, by name and content, and each says
 * what to give instead when given alone.
 */
final class CompanionFilesTest {
    /** What the file is when it is a companion file, as a notice says it. */
    private static Optional<String> describe(Path file) throws IOException {
        return CompanionFiles.identify(file, FileHead.read(file)).map(CompanionFiles.Companion::what);
    }

    private static final Path GAITNDD = GaitnddSampleData.dir();

    @TempDir
    Path dir;

    private static String readError(Path file) {
        return assertThrows(DataFormatException.class, () -> Recordings.read(file)).getMessage();
    }

    @Test
    void aRecordsSignalFilesAreReadThroughItsHeader() throws IOException {
        for (String signal : new String[] {"control1.let", "control1.rit"}) {
            Path file = GAITNDD.resolve(signal);
            assertEquals(Optional.of("a signal file of control1.hea, read through it"), describe(file));
            assertEquals(file + ": a signal file of control1.hea: give " + GAITNDD.resolve("control1.hea") + " instead",
                    readError(file));
        }
        Files.copy(GAITNDD.resolve("control1.let"), dir.resolve("control1.let"));
        assertEquals(Optional.empty(), describe(dir.resolve("control1.let")), "no header beside it");
        Files.writeString(dir.resolve("control1.hea"), "control1 1 300 90000\ncontrol1.rit 212 3000 12 0 0 0 0 right\n");
        assertEquals(Optional.empty(), describe(dir.resolve("control1.let")), "a header that does not list it");
        Files.writeString(dir.resolve("control1.hea"), "# a comment\ncontrol1 1 300 90000\n\ncontrol1.let 212 3000 12 0 0 0 0 left\n");
        assertEquals(Optional.of("a signal file of control1.hea, read through it"),
                describe(dir.resolve("control1.let")));
        assertEquals(Optional.empty(), describe(GAITNDD.resolve("control1.hea")));
    }

    @Test
    void theStrideTableBesideARecordIsNamedAsSuch() throws IOException {
        Path table = GAITNDD.resolve("hunt1.ts");
        assertEquals(Optional.of("the stride table of hunt1.hea, not a recording"), describe(table));
        assertEquals(table + ": the stride table of hunt1.hea, not a recording: give " + GAITNDD.resolve("hunt1.hea")
                + " instead", readError(table));
        Path alone = Files.copy(table, dir.resolve("hunt1.ts"));
        assertEquals(Optional.empty(), describe(alone), "no header beside it");
        Files.copy(GAITNDD.resolve("hunt1.hea"), dir.resolve("hunt1.hea"));
        assertEquals(Optional.of("the stride table of hunt1.hea, not a recording"), describe(alone));
        Files.writeString(alone, "0.0\t1\t2\n");
        assertEquals(Optional.empty(), describe(alone), "the content counts");
    }

    @Test
    void theSubjectTableIsACompanionFileByNameAndContent() throws IOException {
        Path table = GAITNDD.resolve("subject-description.txt");
        String what = "a PhysioNet gaitndd companion file (the subject table, read through each record's .hea), not a recording";
        assertEquals(Optional.of(what), describe(table));
        assertEquals(table + ": " + what + ": give the records' .hea files", readError(table));
        Path renamed = Files.copy(table, dir.resolve("subjects.txt"));
        assertEquals(Optional.empty(), describe(renamed), "the name counts");
        Path other = Files.writeString(dir.resolve("subject-description.txt"), "ID\tGROUP\n");
        assertEquals(Optional.empty(), describe(other), "the content counts");
    }

    @Test
    void aMarkdownDocumentIsNotARecordingUnlessItsContentIsOne() throws IOException {
        Path notes = GAITNDD.resolve("PROVENANCE.md");
        assertEquals(Optional.of("a Markdown document, not a recording"), describe(notes));
        assertEquals(notes + ": a Markdown document, not a recording: give the recording files", readError(notes));
        Path csv = Files.writeString(dir.resolve("walk.md"), "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "left.insole.force_n\n1\n2\n");
        assertEquals(Optional.empty(), describe(csv));
        assertEquals(2, Recordings.read(csv).length());
    }

    @Test
    void aDatasetsLicenceOrReadMeIsNotARecordingUnlessItsContentIsOne() throws IOException {
        for (Path licence : List.of(SampleData.of("gaitmap-example").resolve("LICENSE.txt"),
                SampleData.of("moticon-opengo").resolve("LICENSE"))) {
            assertEquals(Optional.of("a dataset's document (licence, read-me, citation or file list), not a recording"), describe(licence));
            assertEquals(licence + ": a dataset's document (licence, read-me, citation or file list), not a recording: give the recording files", readError(licence));
        }
        Path readMe = Files.writeString(dir.resolve("README"), "Walks of 2026\n");
        assertEquals(Optional.of("a dataset's document (licence, read-me, citation or file list), not a recording"), describe(readMe));
        for (String name : List.of("LICENSE-MIT", "LICENSE-APACHE-2.0", "COPYING.LESSER", "README.rst", "README.old.txt",
                "CITATION.cff", "CITATION.bib", "notice.txt", "RECORDS", "SHA256SUMS.txt")) {
            assertEquals(Optional.of("a dataset's document (licence, read-me, citation or file list), not a recording"),
                    describe(Files.writeString(dir.resolve(name), "text\n")), name);
        }
        assertEquals(Optional.of("a dataset's document (licence, read-me, citation or file list), not a recording"),
                describe(Files.writeString(dir.resolve("README"), "")), "an empty one too");
        assertEquals(Optional.of("a Markdown document, not a recording"),
                describe(Files.writeString(dir.resolve("NOTES.md"), "")), "an empty Markdown note too");
        assertEquals(Optional.empty(), describe(Files.writeString(dir.resolve("LICENSES.txt"), "MIT\n")), "the name counts");
        assertEquals(Optional.empty(), describe(Files.writeString(dir.resolve("walk-readme.csv"), "x\n")), "the name counts");
        Path csv = Files.writeString(dir.resolve("readme.txt"), "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "left.insole.force_n\n1\n2\n");
        assertEquals(Optional.empty(), describe(csv), "the content counts");
        assertEquals(2, Recordings.read(csv).length());
    }
}
