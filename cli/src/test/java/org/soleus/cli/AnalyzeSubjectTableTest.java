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

/** {@code soleus analyze --subjects}: body masses, foot dimensions and sample rates per recording for a batch. */
final class AnalyzeSubjectTableTest {

    private static final Path MOTICON = Path.of("..", "sample-data", "moticon-opengo");
    private static final Path SLOW = MOTICON.resolve("230927_102114.txt");
    private static final Path FAST = MOTICON.resolve("230927_102231.txt");
    private static final Path SESSION = Path.of("..", "sample-data", "synthetic", "synthetic-session.csv");
    private static final Path GAITPDB_WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "GaCo01_01.txt");
    private static final Path GAITMAP_IMU = Path.of("..", "sample-data", "gaitmap-example", "imu_sample.csv");

    @TempDir
    Path dir;

    @Test
    void eachRecordingGetsItsRowsMassAndOneWithoutARowTheMassFlag() throws IOException {
        Path table = Files.writeString(dir.resolve("squad.csv"),
                "name;file;body_mass_kg\nAnn;moticon-opengo/230927_102114.txt;\"64,5\"\nCy;S07/walk.txt;80\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--subjects", table.toString(),
                "--mass", "70", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: warning: --subjects " + table + ":3: S07/walk.txt names none of the"
                + " inputs\n"),
                r.err());
        JsonNode slow = Cli.summary(out.resolve("230927_102114")).get("settings");
        assertEquals(64.5, slow.get("body_mass_kg").asDouble());
        assertEquals("table", slow.get("body_mass_source").asText());
        assertEquals(table + ":2", slow.get("subjects_row").asText(), "the row the table's values come from");
        JsonNode fast = Cli.summary(out.resolve("230927_102231")).get("settings");
        assertEquals(70.0, fast.get("body_mass_kg").asDouble());
        assertEquals("flag", fast.get("body_mass_source").asText());
        assertTrue(fast.get("subjects_row").isNull(), "no row for this input");
    }

    @Test
    void aRowsMassWinsOverTheMassTheDatasetGivesAndTheWarningNamesTheRow() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,body_mass_kg\nGaCo01_01,90\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", GAITPDB_WALK.toString(), "--subjects", table.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: warning: " + GAITPDB_WALK + ": --subjects " + table
                + ":2 90.0 kg overrides demographics.txt's body mass of 83.0 kg"), r.err());
        JsonNode settings = Cli.summary(out).get("settings");
        assertEquals(90.0, settings.get("body_mass_kg").asDouble());
        assertEquals("table", settings.get("body_mass_source").asText());
    }

    @Test
    void aRowsFootDimensionsGiveItsRecordingsMomentArmAndCompleteTheOnesGivenForEveryInput() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"),
                "file,insole_length_m,heel_to_ankle_m\n230927_102114,0.25,\n230927_102231,,0.06\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--subjects", table.toString(), "--mass", "70",
                "--insole-length", "0.28", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode slow = Cli.summary(out.resolve("230927_102114"));
        assertEquals(0.25, slow.get("settings").get("given_geometry").get("insole_length_m").asDouble());
        assertEquals(0.25, slow.get("legs").get("left").get("insole_length_m").asDouble());
        assertEquals(0.055 * 0.25 / 0.27, slow.get("legs").get("left").get("heel_to_ankle_m").asDouble(), 1e-6,
                "the default distance scaled with the row's length");
        JsonNode fast = Cli.summary(out.resolve("230927_102231"));
        assertEquals(0.28, fast.get("legs").get("right").get("insole_length_m").asDouble(), "--insole-length");
        assertEquals(0.06, fast.get("legs").get("right").get("heel_to_ankle_m").asDouble(), "the row's distance");
    }

    @Test
    void aRowsSampleRateLetsAFileThatStatesNoneBeAnalysedWithFilesThatDo() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,sample_rate_hz\nimu_sample.csv,204.8\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", GAITMAP_IMU.toString(), GAITPDB_WALK.toString(), "--subjects", table.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode imu = Cli.summary(out.resolve("imu_sample")).get("input");
        assertEquals(204.8, imu.get("sample_rate_hz").asDouble());
        assertEquals("table", imu.get("sample_rate_source").asText());
        JsonNode walk = Cli.summary(out.resolve("GaCo01_01")).get("input");
        assertEquals(100.0, walk.get("sample_rate_hz").asDouble());
        assertEquals("file", walk.get("sample_rate_source").asText());

        Path alone = dir.resolve("alone");
        Cli.Result option = Cli.run("analyze", GAITMAP_IMU.toString(), "--rate", "204.8", "--out", alone.toString());
        assertEquals(0, option.exitCode(), option.err());
        assertEquals(Files.readString(alone.resolve("events.csv")), Files.readString(out.resolve("imu_sample")
                .resolve("events.csv")), "the row's rate gives the events --rate gives");
        assertEquals("flag", Cli.summary(alone).get("input").get("sample_rate_source").asText());
    }

    /** A batch that fails under --rate is told that a table gives one input its own rate. */
    @Test
    void aBatchThatFailsUnderTheRateGivenForEveryInputIsToldOfTheTable() throws IOException {
        Cli.Result r = Cli.run("analyze", GAITMAP_IMU.toString(), GAITPDB_WALK.toString(), "--rate", "204.8", "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(GAITPDB_WALK + ":2:1: the sample rate given by --rate, 204.8 Hz"), r.err());
        assertTrue(r.err().contains("soleus analyze: --rate gave every input 204.8 Hz; a sample_rate_hz column of"
                + " --subjects gives one input a rate of its own\nsoleus: 1 of 2 inputs failed (above)"), r.err());
    }

    @Test
    void aRowsSampleRateWinsOverTheRateGivenForEveryInput() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,sample_rate_hz\nimu_sample,204.8\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", GAITMAP_IMU.toString(), "--rate", "100", "--subjects", table.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode imu = Cli.summary(out).get("input");
        assertEquals(204.8, imu.get("sample_rate_hz").asDouble());
        assertEquals("table", imu.get("sample_rate_source").asText());
    }

    /** Where the rate is unknown, the error says where the table could give it, or, without one, that it could. */
    @Test
    void aFileWithoutARateIsToldWhereTheTableCouldGiveIt() throws IOException {
        String noRate = "soleus analyze: error: " + GAITMAP_IMU + ": the file states no sample rate: ";
        Path noRow = Files.writeString(dir.resolve("no-row.csv"), "file,sample_rate_hz\nGaCo01_01.txt,100\n");
        assertTrue(batch(noRow).contains(noRate + "no row of --subjects " + noRow + " names it: add one (or give --rate HZ"
                + " for every input)\n"), batch(noRow));
        Path emptyCell = Files.writeString(dir.resolve("empty.csv"), "file,body_mass_kg,sample_rate_hz\nimu_sample,70,\n");
        assertTrue(batch(emptyCell).contains(noRate + "--subjects " + emptyCell + ":2:3 leaves sample_rate_hz empty: fill"
                + " it in (or give --rate HZ for every input)\n"), batch(emptyCell));
        Path noColumn = Files.writeString(dir.resolve("masses.csv"), "file,body_mass_kg\nimu_sample,70\n");
        assertTrue(batch(noColumn).contains(noRate + "--subjects " + noColumn + " has no sample_rate_hz column: add one"
                + " (or give --rate HZ for every input)\n"), batch(noColumn));
        assertTrue(batch(null).contains(noRate + "gaitmap IMU files have no time column; pass the sample rate with --rate"
                + " <Hz> (gaitmap's example data was recorded at 204.8 Hz); among inputs at other rates, give this one's"
                + " in a sample_rate_hz column of --subjects CSV\n"), batch(null));
    }

    /** The stderr of a run of the gaitmap file and a gaitpdb walk, with {@code table} as --subjects unless null. */
    private String batch(Path table) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        Cli.Result r = table == null ? Cli.run("analyze", GAITMAP_IMU.toString(), GAITPDB_WALK.toString(), "--out",
                out.toString())
                : Cli.run("analyze", GAITMAP_IMU.toString(), GAITPDB_WALK.toString(), "--subjects", table.toString(),
                        "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        return r.err();
    }

    @Test
    void aRowsSampleRateThatContradictsTheTimeColumnStopsThatInputAndSaysWhereToCorrectIt() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,sample_rate_hz\nGaCo01_01,50\n");
        Cli.Result r = Cli.run("analyze", GAITPDB_WALK.toString(), "--rate", "100", "--subjects", table.toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(": the sample rate given by --subjects " + table + ":2, 50.0 Hz (period 0.02 s),"
                + " contradicts the time column"), r.err());
        assertTrue(r.err().contains(": give 100.0 in --subjects " + table + ":2, the time column's rate, or --ignore-time"
                + " if the time column is wrong"), r.err());
    }

    @Test
    void aRowsSampleRateThatDiffersFromTheTimeColumnsIsAWarningNamingTheRow() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,sample_rate_hz\nGaCo01_01,101\n");
        Cli.Result r = Cli.run("analyze", GAITPDB_WALK.toString(), "--subjects", table.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(": the sample rate given by --subjects " + table + ":2, 101.0 Hz, is 1.0 % above"
                + " the 100.0 Hz of the time column"), r.err());
        assertTrue(r.err().contains("if the time column is right, give 100.0 in --subjects " + table + ":2\n"), r.err());
    }

    @Test
    void aRowsFootDimensionThatDoesNotFitTheOneGivenForEveryInputFailsThatInputNamingTheRow() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,heel_to_ankle_m\n230927_102114.txt,0.15\n");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--subjects", table.toString(), "--mass", "70",
                "--insole-length", "0.25", "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("soleus analyze: error: " + SLOW + ": --subjects " + table + ":2: "), r.err());
        assertTrue(r.out().startsWith(FAST + ": "), "the other input is analysed: " + r.out());
    }

    @Test
    void aRowsInsoleLengthGivesTheSameResultsAsTheOptionAndEndsTheNoticeOfTheDefaultLength() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file;insole_length_m\n230927_102114.txt;0,25\n");
        Path rowOut = dir.resolve("row");
        Cli.Result row = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--subjects", table.toString(), "--mass",
                "70", "--out", rowOut.toString());
        assertEquals(0, row.exitCode(), row.err());
        List<String> notices = row.err().lines().filter(l -> l.contains("states no insole length")).toList();
        assertEquals(1, notices.size(), row.err());
        assertTrue(notices.get(0).startsWith("soleus analyze: " + FAST + ": "), "only the input without a length: " + notices);
        Path optionOut = dir.resolve("option");
        assertEquals(0, Cli.run("analyze", SLOW.toString(), "--mass", "70", "--insole-length", "0.25", "--out",
                optionOut.toString()).exitCode());
        assertEquals(Files.readString(optionOut.resolve("strides.csv")),
                Files.readString(rowOut.resolve("230927_102114").resolve("strides.csv")));
    }

    @Test
    void aRowsFootDimensionThatDoesNotFitTheRecordingsOwnFailsThatInputNamingTheRow() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,heel_to_ankle_m\nsynthetic-session,0.14\n");
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--subjects", table.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("soleus: " + SESSION + ": --subjects " + table + ":2: the given heel-to-ankle"
                + " distance 0.14 m is half the left insole's length"), r.err());
    }

    @Test
    void aFileValueThatCannotBeUsedIsAWarningNamingTheRowThatGivesIt() throws IOException {
        List<String> lines = Files.readAllLines(SESSION).stream()
                .map(l -> l.startsWith("# insole_length_m:") ? "# insole_length_m: 270" : l).toList();
        Path session = Files.write(dir.resolve("session.csv"), lines);
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,insole_length_m\nsession.csv,0.26\n");
        Cli.Result r = Cli.run("analyze", session.toString(), "--subjects", table.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("insole_length_m: expected the insole length in metres, 0.10–0.40 (a 27 cm insole is"
                + " 0.27), got '270'; not used: --subjects " + table + ":2 0.26 m is given"), r.err());
        assertEquals(0.26, Cli.summary(dir.resolve("out")).get("legs").get("left").get("insole_length_m").asDouble());
    }

    @Test
    void aRecordingTheTableGivesNoMassSaysSoWhenItNeedsOne() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,body_mass_kg\n230927_102114.txt,\n");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--subjects", table.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        String unknown = "soleus analyze: error: body mass of the subject in %s is unknown: loading in body weights"
                + " needs it; %s (or give --mass KG for every input without one)\n";
        assertTrue(r.err().contains(String.format(unknown, SLOW, "--subjects " + table + ":2:2 leaves body_mass_kg empty:"
                + " fill it in")), r.err());
        assertTrue(r.err().contains(String.format(unknown, FAST, "no row of --subjects " + table + " names it: add one")),
                r.err());
        Path lengths = Files.writeString(dir.resolve("lengths.csv"), "file,insole_length_m\n230927_102114.txt,0.26\n");
        Cli.Result noColumn = Cli.run("analyze", SLOW.toString(), "--subjects", lengths.toString(), "--out",
                dir.resolve("out2").toString());
        assertEquals(1, noColumn.exitCode());
        assertTrue(noColumn.err().endsWith("needs it; --subjects " + lengths + " has no body_mass_kg column: add one (or"
                + " give --mass KG for every input without one)\n"), noColumn.err());
    }

    @Test
    void aRowThatWouldGiveItsMassToSeveralRecordingsStopsTheRunBeforeAnyIsRead() throws IOException {
        Path s01 = Files.createDirectories(dir.resolve("S01")).resolve("walk.txt");
        Path s02 = Files.createDirectories(dir.resolve("S02")).resolve("walk.txt");
        Files.copy(SLOW, s01);
        Files.copy(FAST, s02);
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,body_mass_kg\nwalk.txt,70\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", s01.toString(), s02.toString(), "--subjects", table.toString(), "--out",
                out.toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: --subjects " + table + ":2: walk.txt names 2 inputs, " + s01 + " and " + s02 + ": expected"
                + " one; give the folders above the file's name too (S01/walk.txt)"), r.err().lines().toList());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTableThatCannotBeReadIsNamedWithTheOption() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result missing = Cli.run("analyze", SLOW.toString(), "--subjects", dir.resolve("nope.csv").toString(),
                "--out", out.toString());
        assertEquals(1, missing.exitCode());
        assertEquals("soleus: --subjects " + dir.resolve("nope.csv") + ": no such file or directory\n", missing.err());
        Cli.Result folder = Cli.run("analyze", SLOW.toString(), "--subjects", dir.toString(), "--out", out.toString());
        assertEquals(1, folder.exitCode());
        assertTrue(folder.err().startsWith("soleus: --subjects " + dir + ": "), folder.err());
        Cli.Result empty = Cli.run("analyze", SLOW.toString(), "--subjects", "", "--out", out.toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().startsWith("soleus: --subjects: expected a CSV file, got an empty path"), empty.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTableThatDoesNotFitIsOneLineAndNothingIsAnalysed() throws IOException {
        Path table = Files.writeString(dir.resolve("subjects.csv"), "file,body_mass_kg\n230927_102114.txt,64 kg\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", SLOW.toString(), FAST.toString(), "--subjects", table.toString(),
                "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: --subjects " + table + ":2:2: expected a body mass of 5 to 500 kg, or an empty"
                + " cell, found '64 kg'"), r.err().lines().toList());
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
    }
}
