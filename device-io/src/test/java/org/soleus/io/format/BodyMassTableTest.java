package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BodyMassTableTest {

    @TempDir
    Path dir;

    private BodyMassTable table(String text) throws IOException {
        return BodyMassTable.read(Files.writeString(dir.resolve("masses.csv"), text));
    }

    private static double massKg(BodyMassTable table, String input) {
        return table.massFor(Path.of(input)).map(BodyMassTable.GivenMass::massKg).orElse(Double.NaN);
    }

    private DataFormatException refused(String text) {
        return assertThrows(DataFormatException.class, () -> table(text));
    }

    @Test
    void aRowGivesItsFileTheMassAndSaysWhichLineGaveIt() throws IOException {
        BodyMassTable t = table("# the squad\nfile,body_mass_kg\nwalk.txt,71.5\n\nrun.txt,80\n");
        Optional<BodyMassTable.GivenMass> walk = t.massFor(Path.of("data", "walk.txt"));
        assertEquals(71.5, walk.orElseThrow().massKg());
        assertEquals("--mass-table " + dir.resolve("masses.csv") + ":3", walk.orElseThrow().givenBy());
        assertEquals(80.0, massKg(t, "run.txt"));
        assertEquals(Optional.empty(), t.massFor(Path.of("other.txt")));
    }

    @Test
    void columnsMayComeInAnyOrderAmongOthersThatAreNotRead() throws IOException {
        BodyMassTable t = table("name,body_mass_kg,team,file\nAnn,64,A,a.txt\nBen,,B,b.txt\n");
        assertEquals(64.0, massKg(t, "a.txt"));
        assertEquals(Optional.empty(), t.massFor(Path.of("b.txt")), "an empty mass gives none");
    }

    @Test
    void aSpreadsheetsSemicolonsTabsQuotesDecimalCommasAndByteOrderMarkAreRead() throws IOException {
        BodyMassTable semicolons = table("\uFEFF\"file\";\"body_mass_kg\"\n\"S01; left.txt\";\"71,5\"\n");
        assertEquals(71.5, massKg(semicolons, "S01; left.txt"));
        BodyMassTable tabs = table("File\tBody_Mass_kg\nwalk.txt\t 68 \n");
        assertEquals(68.0, massKg(tabs, "walk.txt"));
        BodyMassTable commas = table("file,body_mass_kg\n\"a, b.txt\",\"70\"\n");
        assertEquals(70.0, massKg(commas, "a, b.txt"));
    }

    @Test
    void aRowNamesTheEndOfAnInputsPathByWholeNames() throws IOException {
        BodyMassTable t = table("file,body_mass_kg\nS01/walk.txt,60\nS02\\walk.txt,70\nhunt2,80\n");
        assertEquals(60.0, massKg(t, "data/S01/walk.txt"));
        assertEquals(70.0, massKg(t, "data/S02/walk.txt"), "a backslash separates folders too");
        assertEquals(Double.NaN, massKg(t, "data/XS01/walk.txt"), "names match whole");
        assertEquals(Double.NaN, massKg(t, "walk.txt"));
        assertEquals(80.0, massKg(t, "gaitndd/hunt2.hea"), "a name without extension matches any");
        assertEquals(Double.NaN, massKg(t, "gaitndd/hunt20.hea"));
    }

    @Test
    void theRowNamingMoreOfAnInputsPathWinsThenTheOneWithTheExtension() throws IOException {
        BodyMassTable t = table("file,body_mass_kg\nwalk.txt,50\nS01/walk.txt,60\nwalk,40\nrun,41\nrun.txt,42\n");
        assertEquals(60.0, massKg(t, "S01/walk.txt"));
        assertEquals(50.0, massKg(t, "S02/walk.txt"));
        assertEquals(42.0, massKg(t, "run.txt"));
        assertEquals(41.0, massKg(t, "run.csv"));
    }

    @Test
    void rowsThatMatchNoInputAreListedWithTheirLines() throws IOException {
        BodyMassTable t = table("file,body_mass_kg\nwalk.txt,50\nS07/walk.txt,60\nhunt2,80\n");
        Path csv = dir.resolve("masses.csv");
        assertEquals(List.of(csv + ":3: S07/walk.txt is none of the inputs"),
                t.rowsMatchingNone(List.of(Path.of("S01", "walk.txt"), Path.of("hunt2.hea"))));
    }

    @Test
    void whatDoesNotFitIsOneErrorNamingLineAndColumn() {
        String csv = dir.resolve("masses.csv").toString();
        assertEquals(csv + ":1:1: expected a header row with the columns file and body_mass_kg (separated by commas,"
                + " semicolons or tabs), found 'file,mass'", refused("file,mass\na.txt,60\n").getMessage());
        assertEquals(csv + ": no header row: expected a header row with the columns file and body_mass_kg",
                refused("# nothing\n\n").getMessage());
        assertEquals(csv + ":3:2: expected a body mass in kg above 0 and below 500, or an empty cell, found 'heavy'",
                refused("file,body_mass_kg\na.txt,60\nb.txt,heavy\n").getMessage());
        assertTrue(refused("file,body_mass_kg\na.txt,0\n").getMessage().startsWith(csv + ":2:2: expected a body mass"));
        assertTrue(refused("file,body_mass_kg\na.txt,600\n").getMessage().startsWith(csv + ":2:2: expected a body mass"));
        assertEquals(csv + ":2:2: expected 2 cells (file in column 1, body_mass_kg in column 2), found 1",
                refused("file,body_mass_kg\na.txt\n").getMessage());
        assertEquals(csv + ":2:1: expected a recording's file name, found an empty cell",
                refused("file,body_mass_kg\n,60\n").getMessage());
        assertTrue(refused("file,body_mass_kg\n/data/a.txt,60\n").getMessage()
                .startsWith(csv + ":2:1: expected a file name, with the folders above it where inputs share it"));
        assertEquals(csv + ":3:1: ./a.txt is listed on line 2 already (a.txt): expected one row per file",
                refused("file,body_mass_kg\na.txt,60\n./a.txt,61\n").getMessage());
    }

    @Test
    void aTableThatIsNotTextSaysSo() throws IOException {
        Path csv = Files.write(dir.resolve("masses.csv"), new byte[] {(byte) 0xC3, 0x28, '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> BodyMassTable.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ":1: not UTF-8 text"), e.getMessage());
    }
}
