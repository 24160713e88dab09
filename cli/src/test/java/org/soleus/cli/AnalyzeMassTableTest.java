package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code soleus analyze --mass-table}: body masses per recording for a batch. */
final class AnalyzeMassTableTest {

    private static final Path MOTICON = Path.of("..", "sample-data", "moticon-opengo");
    private static final Path SLOW = MOTICON.resolve("230927_102114.txt");
    private static final Path FAST = MOTICON.resolve("230927_102231.txt");
    private static final Path GAITPDB_WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "GaCo01_01.txt");

    @TempDir
    Path dir;

    @Test
    void eachRecordingGetsItsRowsMassAndOneWithoutARowTheMassFlag() throws IOException {
        Path table = Files.writeString(dir.resolve("squad.csv"),
                "name;file;body_mass_kg\nAnn;moticon-opengo/230927_102114.txt;\"64,5\"\nCy;S07/walk.txt;80\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--mass-table", table.toString(),
                "--mass", "70", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: warning: " + table + ":3: S07/walk.txt is none of the inputs\n"),
                r.err());
        JsonNode slow = Cli.summary(out.resolve("230927_102114")).get("settings");
        assertEquals(64.5, slow.get("body_mass_kg").asDouble());
        assertEquals("table", slow.get("body_mass_source").asText());
        JsonNode fast = Cli.summary(out.resolve("230927_102231")).get("settings");
        assertEquals(70.0, fast.get("body_mass_kg").asDouble());
        assertEquals("flag", fast.get("body_mass_source").asText());
    }

    @Test
    void aRowsMassWinsOverTheMassTheDatasetGivesAndTheWarningNamesTheRow() throws IOException {
        Path table = Files.writeString(dir.resolve("masses.csv"), "file,body_mass_kg\nGaCo01_01,90\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", GAITPDB_WALK.toString(), "--mass-table", table.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: warning: " + GAITPDB_WALK + ": --mass-table " + table
                + ":2 90.0 kg overrides demographics.txt's body mass of 83.0 kg"), r.err());
        JsonNode settings = Cli.summary(out).get("settings");
        assertEquals(90.0, settings.get("body_mass_kg").asDouble());
        assertEquals("table", settings.get("body_mass_source").asText());
    }

    @Test
    void aRecordingTheTableGivesNoMassSaysSoWhenItNeedsOne() throws IOException {
        Path table = Files.writeString(dir.resolve("masses.csv"), "file,body_mass_kg\n230927_102114.txt,\n");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), "--mass-table", table.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals("soleus: body mass of the subject in " + SLOW + " is unknown: loading in body weights"
                + " needs it; --mass-table " + table + " gives none for it; give it with --mass KG",
                lines.get(lines.size() - 1), r.err());
    }

    @Test
    void aTableThatDoesNotFitIsOneLineAndNothingIsAnalysed() throws IOException {
        Path table = Files.writeString(dir.resolve("masses.csv"), "file,body_mass_kg\n230927_102114.txt,64 kg\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--mass-table", table.toString(),
                "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: " + table + ":2:2: expected a body mass in kg above 0 and below 500, or an empty"
                + " cell, found '64 kg'"), r.err().lines().toList());
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
    }
}
