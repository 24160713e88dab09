package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SubjectTableTest {

    @TempDir
    Path dir;

    private SubjectTable table(String text) throws IOException {
        return SubjectTable.read(Files.writeString(dir.resolve("subjects.csv"), text));
    }

    private static double massKg(SubjectTable table, String input) {
        return table.entryFor(Path.of(input)).map(SubjectTable.Entry::massKg).orElse(-1.0);
    }

    private DataFormatException refused(String text) {
        return assertThrows(DataFormatException.class, () -> table(text));
    }

    private String csv() {
        return dir.resolve("subjects.csv").toString();
    }

    @Test
    void aRowGivesItsFileTheMassAndSaysWhichLineGaveIt() throws IOException {
        SubjectTable t = table("# the squad\nfile,body_mass_kg\nwalk.txt,71.5\n\n  # Ben next\nrun.txt,80\n");
        SubjectTable.Entry walk = t.entryFor(Path.of("data", "walk.txt")).orElseThrow();
        assertEquals(71.5, walk.massKg());
        assertEquals("--subjects " + csv() + ":3", walk.givenBy());
        assertEquals("--subjects " + csv() + ":6", t.entryFor(Path.of("run.txt")).orElseThrow().givenBy(),
                "an indented comment is a comment");
        assertEquals(Optional.empty(), t.entryFor(Path.of("other.txt")));
    }

    @Test
    void columnsMayComeInAnyOrderAmongOthersThatAreNotRead() throws IOException {
        SubjectTable t = table("name,body_mass_kg,team,file\nAnn,64,A,a.txt\nBen,,B,b.txt\n");
        assertEquals(64.0, massKg(t, "a.txt"));
        SubjectTable.Entry b = t.entryFor(Path.of("b.txt")).orElseThrow();
        assertEquals(false, b.givesMass(), "an empty mass gives none");
    }

    @Test
    void aSpreadsheetsSeparatorsQuotesDecimalCommasAndEmptyRowsAreRead() throws IOException {
        SubjectTable semicolons = table("\uFEFF\"file\";\"body_mass_kg\";\r\n\"S01; left.txt\";\"71,5\";\r\n;;\r\n");
        assertEquals(71.5, massKg(semicolons, "S01; left.txt"));
        SubjectTable tabs = table(" File \tBody_Mass_kg\nwalk.txt\t 68 \n");
        assertEquals(68.0, massKg(tabs, "walk.txt"));
        SubjectTable commas = table("file,body_mass_kg,,\n\"a, b.txt\",\"70,5\",,\n,,,\n");
        assertEquals(70.5, massKg(commas, "a, b.txt"), "a quoted cell may hold a decimal comma");
    }

    @Test
    void aSpreadsheetsUnicodeTextIsRead() throws IOException {
        Path utf16 = Files.write(dir.resolve("masses.txt"),
                "\uFEFFfile\tbody_mass_kg\r\nwalk.txt\t72\r\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(72.0, massKg(SubjectTable.read(utf16), "walk.txt"));
    }

    @Test
    void aRowNamesTheEndOfAnInputsPathByWholeNamesWithOrWithoutTheExtension() throws IOException {
        Path absolute = dir.resolve("T01").resolve("trial.txt");
        SubjectTable t = table("file,body_mass_kg\nS01/walk.txt,60\nS02\\walk.txt,70\nhunt2,80\nAnn_2023.11.27,55\n"
                + absolute + ",90\n");
        assertEquals(60.0, massKg(t, "data/S01/walk.txt"));
        assertEquals(70.0, massKg(t, "data/S02/walk.txt"), "a backslash separates folders too");
        assertEquals(-1.0, massKg(t, "data/XS01/walk.txt"), "names match whole");
        assertEquals(-1.0, massKg(t, "walk.txt"));
        assertEquals(80.0, massKg(t, "gaitndd/hunt2.hea"));
        assertEquals(-1.0, massKg(t, "gaitndd/hunt20.hea"));
        assertEquals(55.0, massKg(t, "Ann_2023.11.27.txt"), "the extension is what follows the last dot");
        assertEquals(90.0, massKg(t, absolute.toString()), "an absolute path names that file");
        assertEquals(-1.0, massKg(t, "elsewhere/T01/trial.txt"), "and no other");
    }

    @Test
    void eachInputIsNamedByOneRowAtMostAndEachRowNamesOneInputAtMost() throws IOException {
        List<Path> shared = List.of(Path.of("S01", "walk.txt"), Path.of("S02", "walk.txt"));
        DataFormatException two = assertThrows(DataFormatException.class,
                () -> table("file,body_mass_kg\nwalk.txt,70\n").requireOneRowPerInput(shared));
        assertEquals(csv() + ":2: walk.txt names 2 inputs, S01/walk.txt and S02/walk.txt: expected one; give the"
                + " folders above the file's name too (S01/walk.txt)", two.getMessage());
        DataFormatException runs = assertThrows(DataFormatException.class, () -> table("file,body_mass_kg\nrun.csv,70\n")
                .requireOneRowPerInput(List.of(Path.of("P1", "run.csv"), Path.of("P2", "run.csv"))));
        assertTrue(runs.getMessage().endsWith("give the folders above the file's name too (P1/run.csv)"), runs.getMessage());
        DataFormatException both = assertThrows(DataFormatException.class,
                () -> table("file,body_mass_kg\nwalk.txt,80\nS01/walk.txt,60\n").requireOneRowPerInput(List.of(shared.get(0))));
        assertEquals(csv() + ":3: S01/walk.txt and walk.txt (line 2) both name the input S01/walk.txt: expected one"
                + " row per recording", both.getMessage());
        assertThrows(DataFormatException.class, () -> table("file,body_mass_kg\nhunt2,80\nhunt2.hea,60\n")
                .requireOneRowPerInput(List.of(Path.of("hunt2.hea"))));
        table("file,body_mass_kg\nS01/walk.txt,60\nS02/walk.txt,70\n").requireOneRowPerInput(shared);
    }

    @Test
    void rowsThatNameNoInputAreListedWithTheirLinesAndAnInputThatDiffersInCase() throws IOException {
        SubjectTable t = table("file,body_mass_kg\nwalk.txt,50\nS07/walk.txt,60\nhunt2,80\nS01/Run.TXT,70\n");
        assertEquals(List.of("--subjects " + csv() + ":3: S07/walk.txt names none of the inputs",
                        "--subjects " + csv() + ":5: S01/Run.TXT names none of the inputs (s01/run.txt differs in the"
                                + " case of its letters)"),
                t.rowsNamingNone(List.of(Path.of("S01", "walk.txt"), Path.of("hunt2.hea"), Path.of("s01", "run.txt"))));
        SubjectTable named = table("file,body_mass_kg\nhunt1,60\nHUNT1,61\n");
        assertEquals(List.of("--subjects " + csv() + ":3: HUNT1 names none of the inputs"),
                named.rowsNamingNone(List.of(Path.of("hunt1.hea"))), "an input another row names is no near miss");
    }

    @Test
    void aRowMayGiveTheFootDimensionsTooEachHeldToTheLimitsOfItsOption() throws IOException {
        SubjectTable t = table("file;insole_length_m;heel_to_ankle_m;body_mass_kg\na.txt;0,265;0,05;\nb.txt;;0.06;70\n");
        SubjectTable.Entry a = t.entryFor(Path.of("a.txt")).orElseThrow();
        assertEquals(List.of(0.265, 0.05), List.of(a.insoleLengthM(), a.heelToAnkleM()));
        assertEquals(false, a.givesMass());
        SubjectTable.Entry b = t.entryFor(Path.of("b.txt")).orElseThrow();
        assertEquals(List.of(Double.NaN, 0.06, 70.0), List.of(b.insoleLengthM(), b.heelToAnkleM(), b.massKg()));
        SubjectTable lengthOnly = table("file,insole_length_m\na.txt,0.28\n");
        assertEquals(Double.NaN, lengthOnly.entryFor(Path.of("a.txt")).orElseThrow().massKg(), "a column not there gives nothing");
        assertEquals(csv() + ":2:2: expected an insole length in metres, 0.10–0.40 (a 27 cm insole is 0.27), or an empty"
                + " cell, found '270'", refused("file,insole_length_m\na.txt,270\n").getMessage());
        assertEquals(csv() + ":2:2: expected a distance from the heel end of the insole to the ankle joint centre in metres,"
                + " at least 0 and less than 0.2 (typically about 0.055), or an empty cell, found '5.5'",
                refused("file,heel_to_ankle_m\na.txt,5.5\n").getMessage());
        assertEquals(csv() + ":2:3: expected less than half the row's insole length (0.250 m), found '0,15'",
                refused("file;insole_length_m;heel_to_ankle_m\na.txt;0,25;0,15\n").getMessage());
    }

    @Test
    void anEuInsoleSizeGivesTheInsoleLengthTheRecordingsMetadataWould() throws IOException {
        SubjectTable t = table("file,insole_size\na.txt,42\nb.txt,\n");
        assertEquals(0.28, t.entryFor(Path.of("a.txt")).orElseThrow().insoleLengthM(), 1e-12, "42 × 2/3 cm");
        assertEquals(Double.NaN, t.entryFor(Path.of("b.txt")).orElseThrow().insoleLengthM());
        assertEquals(csv() + ":2:2: expected an EU shoe size, 30–50, or an empty cell, found '7'",
                refused("file,insole_size\na.txt,7\n").getMessage());
        assertEquals(csv() + ":2:3: expected insole_length_m or insole_size, found both",
                refused("file,insole_length_m,insole_size\na.txt,0.27,42\n").getMessage());
        assertEquals(csv() + ":2:3: expected less than half the row's insole length (0.200 m), found '0.1'",
                refused("file,insole_size,heel_to_ankle_m\na.txt,30,0.1\n").getMessage());
    }

    @Test
    void aRowGivesItsRecordingsSampleRateWithinTheRatesTheReadersTake() throws IOException {
        SubjectTable t = table("file;sample_rate_hz\nimu_sample.csv;204,8\nwalk.txt;\n");
        assertEquals(204.8, t.entryFor(Path.of("gaitmap", "imu_sample.csv")).orElseThrow().sampleRateHz());
        assertEquals(Double.NaN, t.entryFor(Path.of("walk.txt")).orElseThrow().sampleRateHz(), "an empty cell gives none");
        assertEquals(csv() + ":2:2: expected a rate in Hz from 0.001 to 1000000, or an empty cell, found '0'",
                refused("file,sample_rate_hz\na.txt,0\n").getMessage());
        assertEquals(csv() + ":2:2: expected a rate in Hz from 0.001 to 1000000, or an empty cell, found '100 Hz'",
                refused("file,sample_rate_hz\na.txt,100 Hz\n").getMessage());
    }

    @Test
    void whatDoesNotFitIsOneErrorNamingLineAndColumn() {
        String csv = csv();
        assertEquals(csv + ":1:1: expected a header row with the column file and at least one of body_mass_kg,"
                + " insole_length_m, insole_size, heel_to_ankle_m and sample_rate_hz (separated by commas, semicolons or tabs), found 'file,mass'",
                refused("file,mass\na.txt,60\n").getMessage());
        assertEquals(csv + ": no header row: expected a header row with the column file and at least one of body_mass_kg,"
                + " insole_length_m, insole_size, heel_to_ankle_m and sample_rate_hz", refused("# nothing\n\n").getMessage());
        assertEquals(csv + ":3:2: expected a body mass of 5 to 500 kg, or an empty cell, found 'heavy'",
                refused("file,body_mass_kg\na.txt,60\nb.txt,heavy\n").getMessage());
        for (String mass : new String[] {"0", "600", "72d", "0x1p6", "72 kg", "NaN", "Infinity"}) {
            assertTrue(refused("file,body_mass_kg\na.txt," + mass + "\n").getMessage()
                    .startsWith(csv + ":2:2: expected a body mass"), mass);
        }
        assertEquals(csv + ":2:2: expected at least 2 cells, as the header row has, found 1",
                refused("file,body_mass_kg\na.txt\n").getMessage());
        assertEquals(csv + ":2:2: expected at least 2 cells (up to the header's last column read, of 3), found 1",
                refused("file,body_mass_kg,notes\na.txt\n").getMessage());
        assertEquals(csv + ":2:3: expected at most 2 cells, as the header row has, found '5' in cell 3 (a number with a"
                + " decimal comma must be in double quotes)", refused("file,body_mass_kg\na.txt,71,5\n").getMessage());
        assertEquals(csv + ":1:3: column body_mass_kg appears twice (also column 2): expected it once",
                refused("file,body_mass_kg,Body_Mass_kg\na.txt,71,72\n").getMessage());
        assertEquals(csv + ":2:1: expected a recording's file name, found an empty cell",
                refused("file,body_mass_kg\n,60\n").getMessage());
        assertTrue(refused("file,body_mass_kg\n../a.txt,60\n").getMessage()
                .startsWith(csv + ":2:1: expected a recording's file name, with the folders above it"));
        assertEquals(csv + ":3:1: ./a.txt is listed on line 2 already (a.txt): expected one row per file",
                refused("file,body_mass_kg\na.txt,60\n./a.txt,61\n").getMessage());
    }

    @Test
    void aTableThatIsNotUtf8TextNamesTheLineThatIsNot() throws IOException {
        byte[] head = "file,body_mass_kg,name\nwalk.txt,71.5,Ann\nrun.txt,80,M".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 5];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(new byte[] {(byte) 0xFC, 'l', 'l', 'e', 'r'}, 0, bytes, head.length, 5);
        Path csv = Files.write(dir.resolve("subjects.csv"), bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> SubjectTable.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ":3: not UTF-8 text (save it as CSV UTF-8): "), e.getMessage());
    }
}
