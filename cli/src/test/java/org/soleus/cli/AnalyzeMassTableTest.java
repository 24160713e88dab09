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
        assertTrue(r.err().contains("soleus analyze: warning: --mass-table " + table + ":3: S07/walk.txt names none of the"
                + " inputs\n"),
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
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--mass-table", table.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        String unknown = "soleus analyze: error: body mass of the subject in %s is unknown: loading in body weights"
                + " needs it; %s; give it with --mass KG";
        assertTrue(r.err().contains(String.format(unknown, SLOW, "--mass-table " + table + ":2 gives it no mass")), r.err());
        assertTrue(r.err().contains(String.format(unknown, FAST, "no row of --mass-table " + table + " names it")), r.err());
    }

    @Test
    void aRowThatWouldGiveItsMassToSeveralRecordingsStopsTheRunBeforeAnyIsRead() throws IOException {
        Path s01 = Files.createDirectories(dir.resolve("S01")).resolve("walk.txt");
        Path s02 = Files.createDirectories(dir.resolve("S02")).resolve("walk.txt");
        Files.copy(SLOW, s01);
        Files.copy(FAST, s02);
        Path table = Files.writeString(dir.resolve("masses.csv"), "file,body_mass_kg\nwalk.txt,70\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", s01.toString(), s02.toString(), "--mass-table", table.toString(), "--out",
                out.toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: " + table + ":2: walk.txt names 2 inputs, " + s01 + " and " + s02 + ": expected"
                + " one; give the folders above the file's name too (S01/walk.txt)"), r.err().lines().toList());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTableThatCannotBeReadIsNamedWithTheOption() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result missing = Cli.run("analyze", SLOW.toString(), "--mass-table", dir.resolve("nope.csv").toString(),
                "--out", out.toString());
        assertEquals(1, missing.exitCode());
        assertEquals("soleus: --mass-table " + dir.resolve("nope.csv") + ": no such file or directory\n", missing.err());
        Cli.Result folder = Cli.run("analyze", SLOW.toString(), "--mass-table", dir.toString(), "--out", out.toString());
        assertEquals(1, folder.exitCode());
        assertTrue(folder.err().startsWith("soleus: --mass-table " + dir + ": "), folder.err());
        Cli.Result empty = Cli.run("analyze", SLOW.toString(), "--mass-table", "", "--out", out.toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().startsWith("soleus: --mass-table: expected a CSV file, got an empty path"), empty.err());
        assertFalse(Files.exists(out));
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
