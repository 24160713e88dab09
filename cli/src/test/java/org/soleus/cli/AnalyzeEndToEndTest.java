package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.analysis.GaitSettings;

/** Runs {@code soleus analyze} on a shipped PhysioNet gaitpdb walk. */
final class AnalyzeEndToEndTest {

    private static final Path WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "GaCo01_01.txt");
    private static final Path SESSION = Path.of("..", "sample-data", "synthetic", "synthetic-session.csv");

    @TempDir
    Path dir;

    @Test
    void writesEventsStridesAndSummaryOfAShippedWalk() throws IOException {
        Path out = dir.resolve("GaCo01_01");
        Cli.Result r = Cli.run("analyze", WALK.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Cli.gaco01ForceScaleNotice(WALK) + "\n", r.err(), "no progress bar on a pipe, only the notice");
        assertTrue(r.out().matches(Pattern.quote(WALK.toString()) + ": \\d+ left \\+ \\d+ right strides -> .*\\n"), r.out());

        List<String> events = Files.readAllLines(out.resolve("events.csv"));
        assertEquals("side,event,time_s,sample_index,source", events.get(0));
        double previous = Double.NEGATIVE_INFINITY;
        for (String row : events.subList(1, events.size())) {
            String[] cells = row.split(",", -1);
            assertTrue(cells[0].equals("left") || cells[0].equals("right"), row);
            assertTrue(cells[1].equals("heel_strike") || cells[1].equals("toe_off"), row);
            double t = Double.parseDouble(cells[2]);
            assertTrue(t >= previous, "events out of time order at " + row);
            previous = t;
        }

        List<String> strides = Files.readAllLines(out.resolve("strides.csv"));
        assertTrue(strides.get(0).startsWith("side,start_s,end_s,stride_s,stance_s,swing_s,stance_pct,"
                + "double_support_s,peak_force_n,peak_force_bw,loading_rate_bw_s,impulse_ns,"), strides.get(0));
        int left = 0;
        int right = 0;
        List<Double> stancePct = new ArrayList<>();
        for (String row : strides.subList(1, strides.size())) {
            String[] cells = row.split(",", -1);
            double strideS = Double.parseDouble(cells[3]);
            double peakN = Double.parseDouble(cells[8]);
            assertTrue(strideS >= 0.6 && strideS <= 3.0, row);
            assertTrue(peakN > 100 && peakN < 3000, row);
            stancePct.add(Double.parseDouble(cells[6]));
            if (cells[0].equals("left")) {
                left++;
            } else {
                right++;
            }
        }
        Collections.sort(stancePct);
        double medianStancePct = stancePct.get(stancePct.size() / 2);
        // healthy walking: stance about 60-63 % of the stride
        assertTrue(medianStancePct > 55 && medianStancePct < 70, "median stance " + medianStancePct + " %");
        // a 2-minute walk at about one stride per second
        assertTrue(left > 50 && right > 50, left + " left and " + right + " right strides");

        JsonNode summary = Cli.summary(out);
        assertEquals("gaitpdb", summary.at("/input/format").asText());
        assertEquals("detected", summary.at("/input/format_source").asText());
        assertEquals(100.0, summary.at("/input/sample_rate_hz").asDouble());
        assertEquals(left, summary.at("/sides/left/stride_count").asInt());
        assertEquals(right, summary.at("/sides/right/stride_count").asInt());
        assertTrue(summary.at("/force_in_newtons").asBoolean());
        assertEquals(VersionProvider.version(), summary.at("/software/version").asText());
        double cadence = summary.at("/session/cadence_steps_per_min").asDouble();
        assertTrue(cadence > 80 && cadence < 140, "cadence " + cadence);
        // The file has no missing cell; the centre of pressure, undefined in every swing, is not counted.
        JsonNode missing = summary.at("/data_quality/missing_samples");
        List<String> counted = new ArrayList<>();
        missing.fieldNames().forEachRemaining(counted::add);
        assertEquals(List.of("left.insole.force_n", "right.insole.force_n", "left.insole.heel_force_n",
                "right.insole.heel_force_n"), counted);
        counted.forEach(name -> assertEquals(0, missing.get(name).asInt(), name));
    }

    @Test
    void theMassFlagWinsAndIsRecordedAsSuch() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", WALK.toString(), "--out", out.toString(), "--mass", "50");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode settings = Cli.summary(out).get("settings");
        assertEquals(50.0, settings.get("body_mass_kg").asDouble());
        assertEquals("flag", settings.get("body_mass_source").asText());
    }

    @Test
    void severalInputsGetOneFolderEachAndAFailedInputDoesNotStopTheOthers() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("GaCo01_01.txt");
        Files.copy(WALK, copy);
        Files.copy(WALK.resolveSibling("demographics.txt"), copy.resolveSibling("demographics.txt"));
        Path broken = Files.writeString(dir.resolve("broken.txt"), "this is not a recording\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", WALK.toString(), broken.toString(), copy.toString(),
                "--out", out.toString());
        assertEquals(1, r.exitCode());
        List<String> errors = r.err().lines().toList();
        assertEquals(4, errors.size(), r.err());
        assertEquals(Cli.gaco01ForceScaleNotice(WALK), errors.get(0));
        assertTrue(errors.get(1).startsWith("soleus analyze: error: " + broken + ":1: not a known recording format"), r.err());
        assertTrue(errors.get(2).startsWith("soleus analyze: the notice \"both feet's force averages 1.32 body weights")
                && errors.get(2).contains("was given for 1 more input too: " + copy), r.err());
        assertEquals("soleus: 1 of 3 inputs failed (above); the others were analysed", errors.get(3));
        List<String> summaries = r.out().lines().toList();
        assertEquals(2, summaries.size(), r.out());
        assertTrue(summaries.get(0).startsWith(WALK + ": ")
                && summaries.get(0).endsWith(" -> " + out.resolve("physionet-gaitpdb-GaCo01_01")),
                "the input's path as given tells the two apart, its folder's name their results: " + summaries.get(0));
        assertTrue(summaries.get(1).startsWith(copy + ": ") && summaries.get(1).endsWith(" -> " + out.resolve("copy-GaCo01_01")),
                summaries.get(1));
        for (String folder : new String[] {"physionet-gaitpdb-GaCo01_01", "copy-GaCo01_01"}) {
            try (Stream<Path> files = Files.list(out.resolve(folder))) {
                assertEquals(List.of("events.csv", "strides.csv", "summary.json"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
        assertEquals(Files.readString(out.resolve("physionet-gaitpdb-GaCo01_01").resolve("strides.csv")),
                Files.readString(out.resolve("copy-GaCo01_01").resolve("strides.csv")));
        assertFalse(Files.exists(out.resolve("broken")));
    }

    @Test
    void readerWarningsAreShownOnStandardError() throws IOException {
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve("GaCo01_01.txt");
        String text = Files.readString(WALK);
        Files.writeString(cut, text.substring(0, text.length() - 4));
        Files.copy(WALK.resolveSibling("demographics.txt"), cut.resolveSibling("demographics.txt"));
        Cli.Result r = Cli.run("analyze", cut.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("soleus analyze: warning: " + cut + ":12119: the last line was cut short (the recording was "
                + "interrupted); left out", Cli.gaco01ForceScaleNotice(cut)), r.err().lines().toList());
    }

    @Test
    void aShortRowInsideTheFileIsOneLineNamingWhereItsFirstMissingCellShouldBe() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(WALK));
        String[] cells = lines.get(1233).split("\t");
        lines.set(1233, String.join("\t", List.of(cells).subList(0, 12)));
        Path bad = Files.write(dir.resolve("GaCo01_01.txt"), lines);
        Cli.Result r = Cli.run("analyze", bad.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertEquals("soleus: " + bad + ":1234:13: expected 19 cells, found 12\n", r.err());
        assertFalse(Files.exists(dir.resolve("out").resolve("events.csv")));
    }

    @Test
    void warningLinesOfARecordingAreShownWithTheirFileAndLine() throws IOException {
        Path session = Path.of("..", "sample-data", "synthetic", "synthetic-session.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(session));
        lines.add(2, "# warning: written by hand");
        lines.add("# warning: the recording ended early");
        Path recorded = Files.write(dir.resolve("recorded.csv"), lines);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", recorded.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = List.of(recorded + ":3: written by hand",
                recorded + ":" + lines.size() + ": the recording ended early");
        assertEquals(expected.stream().map(w -> "soleus analyze: warning: " + w).toList(), r.err().lines().toList());
        JsonNode warnings = Cli.summary(out).at("/data_quality/reader_warnings");
        List<String> written = new ArrayList<>();
        warnings.forEach(w -> written.add(w.asText()));
        assertEquals(expected, written);
    }

    @Test
    void aDemographicsFileOfNoUseIsTheOneLineThatAsksForTheBodyMass() throws IOException {
        Path walk = Files.createDirectories(dir.resolve("walk")).resolve("GaCo01_01.txt");
        Files.copy(WALK, walk);
        Path demographics = Files.createDirectory(walk.resolveSibling("demographics.txt"));
        Cli.Result r = Cli.run("analyze", walk.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: " + demographics + ": cannot be read (Is a directory); body mass unknown: loading in"
                + " body weights of the subject in " + walk + " needs the body mass; give it with --mass KG"),
                r.err().lines().toList());

        Files.delete(demographics);
        List<String> table = new ArrayList<>(Files.readAllLines(WALK.resolveSibling("demographics.txt")));
        int row = 0;
        while (!table.get(row).startsWith("GaCo01\t")) {
            row++;
        }
        table.set(row, table.get(row).replaceFirst("^((?:[^\t]*\t){7})[^\t]*", "$1eighty"));
        Files.write(demographics, table);
        Cli.Result damaged = Cli.run("analyze", walk.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, damaged.exitCode());
        assertEquals(List.of("soleus: " + demographics + ":" + (row + 1) + ":8: expected a body mass of 5 to 500 kg as"
                + " the Weight of GaCo01, found 'eighty'; body mass unknown: loading in body weights of the subject in " + walk
                + " needs the body mass; give it with --mass KG"), damaged.err().lines().toList());
        assertEquals(0, Cli.run("analyze", walk.toString(), "--mass", "83", "--out", dir.resolve("out").toString()).exitCode());
    }

    @Test
    void aWalkCopiedAwayFromItsDemographicsSaysWhyItsBodyMassIsUnknown() throws IOException {
        Path walk = Files.createDirectories(dir.resolve("walk")).resolve("GaCo01_01.txt");
        Files.copy(WALK, walk);
        String unknown = walk.resolveSibling("demographics.txt") + ": no such file (gaitpdb's subject table, whose Weight"
                + " column gives the body mass); body mass unknown: loading in body weights of the subject in " + walk
                + " needs the body mass; give it with --mass KG";
        Cli.Result r = Cli.run("analyze", walk.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: " + unknown), r.err().lines().toList());

        Cli.Result among = Cli.run("analyze", walk.toString(), SESSION.toString(), "--out", dir.resolve("several").toString());
        assertEquals(1, among.exitCode());
        assertEquals(List.of("soleus analyze: error: " + unknown, "soleus: 1 of 2 inputs failed (above); the other was analysed"),
                among.err().lines().toList());

        String text = Files.readString(WALK);
        Files.writeString(walk, text.substring(0, text.length() - 4));
        Cli.Result cut = Cli.run("analyze", walk.toString(), "--out", dir.resolve("out").toString());
        assertEquals(List.of("soleus analyze: warning: " + walk + ":12119: the last line was cut short (the recording was "
                + "interrupted); left out", "soleus: " + unknown), cut.err().lines().toList(), "the other warnings come first");
        assertEquals(0, Cli.run("analyze", walk.toString(), "--mass", "83", "--out", dir.resolve("out").toString()).exitCode());
    }

    /**
     * A toolkit CSV that keeps a converted gaitpdb walk's warning about its subject table states its
     * mass itself (or not): the stale warning is not made the error's reason. (The error comes as the
     * header is read, before the rows and the comment lines among them.)
     */
    @Test
    void aCopiedSubjectTableWarningIsNoReasonInAnotherFormat() throws IOException {
        String stale = "/elsewhere/demographics.txt: no such file (gaitpdb's subject table, whose Weight column gives the"
                + " body mass); body mass unknown";
        Path csv = Files.writeString(dir.resolve("converted.csv"), "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "time_s,left.insole.force_n\n0,10\n0.01,20\n# warning: " + stale + "\n");
        Cli.Result r = Cli.run("analyze", csv.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: body mass of the subject in " + csv
                + " is unknown: loading in body weights needs it; give it with --mass KG"), r.err().lines().toList());
    }

    @Test
    void temporaryFilesThatAKilledRunLeftInTheFolderAreRemovedByTheNextAndNothingElse() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> abandoned = List.of(".events.csv.0k2l9xw3bq7f1.tmp", ".summary.json.1a2b3c4d5e6f7.tmp",
                ".series.csv.zzzzzzzzzzzzz.tmp");
        List<String> others = List.of(".events.csv.backup.tmp", "notes.txt", ".strides.csv.0k2l9xw3bq7f1.tmp.bak");
        for (String name : abandoned) {
            Files.writeString(out.resolve(name), "side,event,time_s\nleft,heel_str");
        }
        for (String name : others) {
            Files.writeString(out.resolve(name), "the user's");
        }
        Cli.Result r = Cli.run("analyze", WALK.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>(others);
        expected.addAll(List.of("events.csv", "strides.csv", "summary.json"));
        Collections.sort(expected);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(expected, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void footImusAloneGiveEventsAndStrides() throws IOException {
        Path imuWalk = Path.of("..", "sample-data", "gaitmap-example", "imu_sample.csv");
        Path out = dir.resolve("imu");
        Cli.Result r = Cli.run("analyze", imuWalk.toString(), "--rate", "204.8", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches(Pattern.quote(imuWalk.toString()) + ": (2[5-9]|3\\d) left \\+ (2[5-9]|3\\d) right strides -> .*\\n"), r.out());
        List<String> events = Files.readAllLines(out.resolve("events.csv"));
        assertTrue(events.size() > 100, events.size() + " lines");
        JsonNode summary = Cli.summary(out);
        assertFalse(summary.at("/force_in_newtons").asBoolean());
        assertTrue(summary.at("/settings/event_timing").isNull(), "no insole to time: " + summary.get("settings"));
        assertEquals("none", summary.at("/settings/event_timing_source").asText());
        assertTrue(summary.at("/settings/low_pass_cutoff_used_hz").isNull(), "no force to filter");
        assertEquals(GaitSettings.defaults().lowPassCutoffHz(), summary.at("/settings/low_pass_cutoff_hz").asDouble());
    }

    /** A footswitch signal gives events and strides but no loading figures: the loading's low-pass did not run. */
    @Test
    void aSignalNotInNewtonsIsNotLowPassed() throws IOException {
        Path record = Path.of("..", "sample-data", "physionet-gaitndd", "control1.hea");
        Path out = dir.resolve("footswitch");
        Cli.Result r = Cli.run("analyze", record.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = Cli.summary(out);
        assertFalse(summary.at("/force_in_newtons").asBoolean());
        assertTrue(summary.at("/settings/low_pass_cutoff_used_hz").isNull(), summary.get("settings").toString());
        assertEquals("baseline", summary.at("/settings/event_timing").asText(), "timed on the insole");
    }

    @Test
    void theImuFlagTimesInsoleEventsByTheGyroscope() throws IOException {
        Path moticon = Path.of("..", "sample-data", "moticon-opengo", "230927_102231.txt");
        Path insoleOut = dir.resolve("insole");
        Path imuOut = dir.resolve("imu");
        assertEquals(0, Cli.run("analyze", moticon.toString(), "--mass", "70", "--out", insoleOut.toString()).exitCode());
        Cli.Result r = Cli.run("analyze", moticon.toString(), "--mass", "70", "--imu", "--out", imuOut.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> insoleEvents = Files.readAllLines(insoleOut.resolve("events.csv"));
        List<String> imuEvents = Files.readAllLines(imuOut.resolve("events.csv"));
        assertEquals(insoleEvents.size(), imuEvents.size());
        assertFalse(insoleEvents.equals(imuEvents), "the gyroscope moved the events");
    }

    /**
     * Moticon rows where one insole sent nothing are missing samples of that insole's channels;
     * its centre of pressure (none while unloaded) and the vendor's step markers (none between
     * steps) are not counted.
     */
    @Test
    void missingSamplesAreThoseTheInsolesDidNotSend() throws IOException {
        Path moticon = Path.of("..", "sample-data", "moticon-opengo", "230927_102114.txt");
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("analyze", moticon.toString(), "--mass", "70", "--out", out.toString()).exitCode());
        JsonNode missing = Cli.summary(out).at("/data_quality/missing_samples");
        List<String> counted = new ArrayList<>();
        missing.fieldNames().forEachRemaining(counted::add);
        assertTrue(counted.contains("left.insole.force_n") && counted.contains("right.insole.cell16_ncm2"),
                counted.toString());
        assertTrue(counted.stream().noneMatch(n -> n.contains(".cop_") || n.endsWith("_code")), counted.toString());
        // the export's rows with the insole's cells empty (63 left, 13 right), and the row its time column skips
        assertEquals(64, missing.get("left.insole.force_n").asInt(), missing.toString());
        assertEquals(14, missing.get("right.insole.force_n").asInt(), missing.toString());
    }
    /**
     * Two analyses into one folder at the same time, one that writes exercises.csv (the synthetic
     * session) and one that does not (a gaitpdb trial): whichever replaces the folder's files
     * last, the folder holds its files alone, as its summary.json lists them, and never the other
     * run's exercises.csv beside them.
     */
    @Test
    void twoAnalysesIntoOneFolderAtOnceLeaveTheFilesOfOne() throws Exception {
        Path out = dir.resolve("race");
        for (int round = 0; round < 30; round++) {
            java.util.concurrent.CompletableFuture<Cli.Result> session = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> Cli.run("analyze", SESSION.toString(), "--out", out.toString()));
            Cli.Result walk = Cli.run("analyze", WALK.toString(), "--out", out.toString());
            assertEquals(0, walk.exitCode(), walk.err());
            assertEquals(0, session.get().exitCode(), session.get().err());
            JsonNode summary = Cli.summary(out);
            List<String> listed = new ArrayList<>();
            summary.get("files").forEach(f -> listed.add(f.asText()));
            Collections.sort(listed);
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(listed, files.map(p -> p.getFileName().toString()).sorted().toList(), "round " + round);
            }
        }
    }
}
