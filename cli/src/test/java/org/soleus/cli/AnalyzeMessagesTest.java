package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.cli.CliAsserts.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code soleus analyze} says about inputs and options people get slightly wrong: force in
 * other units, a glob over a dataset folder, a spreadsheet's CSV, a wrong {@code --out}, a
 * mistyped option value or command.
 */
final class AnalyzeMessagesTest {
    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final Path SESSION = SAMPLES.resolve("synthetic").resolve("synthetic-session.csv");
    private static final Path GAITPDB = SAMPLES.resolve("physionet-gaitpdb");
    private static final Path GAITNDD = SAMPLES.resolve("physionet-gaitndd");

    @TempDir
    Path dir;

    @Test
    void forceInKilogramForceIsAnalysedInNewtonsWithOneWarning() throws IOException {
        Path kgf = Files.writeString(dir.resolve("kgf.csv"), Files.readString(SESSION)
                .replace("left.insole.force_n", "left.insole.force_kgf").replace("right.insole.force_n", "right.insole.force_kgf"));
        Path out = dir.resolve("kgf");
        Cli.Result r = Cli.run("analyze", kgf.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // newtons relabelled kgf are 9.8 times the force: the peaks are implausible, and a notice says so
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r.err());
        assertEquals("soleus analyze: warning: " + kgf + ":11: force in kgf converted to newtons while reading"
                + " (1 kgf = 9.80665 N) and the channels renamed to _n: left.insole.force_kgf, right.insole.force_kgf",
                err.get(0));
        assertTrue(err.get(1).startsWith("soleus analyze: " + kgf + ": median stride peak force (left 1")
                && err.get(1).contains("check the force unit"), r.err());
        JsonNode json = Cli.summary(out);
        assertTrue(json.get("force_in_newtons").asBoolean(), json.toString());
        Path newtons = dir.resolve("newtons");
        assertEquals(0, Cli.run("analyze", SESSION.toString(), "--out", newtons.toString()).exitCode());
        JsonNode reference = Cli.summary(newtons);
        for (String side : new String[] {"left", "right"}) {
            assertEquals(reference.at("/sides/" + side + "/stride_count").asInt(), json.at("/sides/" + side + "/stride_count").asInt());
            double peakBw = json.at("/sides/" + side + "/mean_peak_force_bw").asDouble();
            double readAsNewtonsBw = reference.at("/sides/" + side + "/mean_peak_force_bw").asDouble();
            assertEquals(9.80665 * readAsNewtonsBw, peakBw, 1e-6 * peakBw, side + ": the same numbers in kgf are 9.80665 times the force");
        }
    }

    /**
     * A heel-to-toe centre of pressure on 0…1 or in percent gets its notice from {@code analyze}, in
     * {@code summary.json} too; the session as written gets neither.
     */
    @Test
    void aCentreOfPressureOnZeroToOneOrInPercentIsTold() throws IOException {
        String zeroToOne = "centre of pressure from heel to toe on 0…1 (left.insole.cop_y_norm from ";
        String percent = "centre of pressure beyond the insole (left.insole.cop_y_norm from ";
        Object[][] cases = {{0.0, 1.0, null}, {0.5, 1.0, zeroToOne}, {0.0, 100.0, percent}};
        for (Object[] c : cases) {
            Path csv = dir.resolve("cop" + c[1] + "+" + c[0] + ".csv");
            Files.write(csv, withCopY(Files.readAllLines(SESSION), (double) c[0], (double) c[1]));
            Path out = dir.resolve("out" + c[1] + "+" + c[0]);
            Cli.Result r = Cli.run("analyze", csv.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            List<String> told = r.err().lines().filter(l -> l.contains("centre of pressure")).toList();
            JsonNode notices = Cli.summary(out).at("/data_quality/analysis_notices");
            if (c[2] == null) {
                assertEquals(List.of(), told);
            } else {
                assertEquals(1, told.size(), r.err());
                assertTrue(told.get(0).startsWith("soleus analyze: " + csv + ": " + c[2]), told.get(0));
                assertTrue(notices.toString().contains((String) c[2]), notices.toString());
            }
        }
    }

    /**
     * A session whose times jitter (stamped on arrival) is refused with a hint to
     * {@code --ignore-time}, and with it gives the strides of the session as written.
     */
    @Test
    void jitteringTimesAreRefusedWithAHintAndReadWithIgnoreTime() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        Random rnd = new Random(3);
        List<String> jittered = new ArrayList<>();
        for (String line : lines) {
            int comma = line.indexOf(',');
            boolean row = !line.startsWith("#") && !line.startsWith("time_s");
            jittered.add(!row ? line : String.format(Locale.ROOT, "%.4f", Double.parseDouble(line.substring(0, comma))
                    + (rnd.nextDouble() - 0.5) * 0.007) + line.substring(comma));
        }
        Path csv = Files.write(dir.resolve("jittered.csv"), jittered);
        Cli.Result refused = Cli.run("analyze", csv.toString(), "--out", dir.resolve("refused").toString());
        assertOneLineError(refused, 1);
        assertTrue(refused.err().contains("irregular time step") && refused.err().contains("--ignore-time"), refused.err());
        Cli.Result read = Cli.run("analyze", csv.toString(), "--ignore-time", "--out", dir.resolve("read").toString());
        assertEquals(0, read.exitCode(), read.err());
        assertTrue(read.err().contains("the time column is not checked (--ignore-time)"), read.err());
        Path asWritten = dir.resolve("as-written");
        assertEquals(0, Cli.run("analyze", SESSION.toString(), "--out", asWritten.toString()).exitCode());
        assertEquals(Files.readAllLines(asWritten.resolve("strides.csv")), Files.readAllLines(dir.resolve("read").resolve("strides.csv")));
        for (Path noTime : new Path[] {GAITNDD.resolve("control1.hea"), SAMPLES.resolve("gaitmap-example").resolve("imu_sample.csv")}) {
            Cli.Result r = Cli.run("analyze", noTime.toString(), "--ignore-time", "--rate", "204.8", "--out",
                    dir.resolve("no-time").toString());
            assertTrue(r.err().contains(": has no time column: --ignore-time changes nothing"), noTime + ": " + r.err());
        }
    }

    /**
     * The analysis's notices reach the command line: a Moticon walk whose left insole stops
     * sending at 8 s gets the lost-sensor notice, and the walk thinned to 25 Hz the low-rate one;
     * the walk as exported gets neither.
     */
    @Test
    void aLostInsoleAndALowRateAreToldOnAMoticonWalk() throws IOException {
        Path export = SAMPLES.resolve("moticon-opengo").resolve("230927_102114.txt");
        List<String> lines = Files.readAllLines(export);
        int columnLine = 0;
        while (lines.get(columnLine + 1).startsWith("#")) {
            columnLine++;
        }
        List<String> columns = List.of(lines.get(columnLine).split("\t", -1));
        List<String> lost = new ArrayList<>(lines.subList(0, columnLine + 1));
        List<String> thinned = new ArrayList<>(lost);
        for (int i = columnLine + 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells[0].isEmpty()) {
                continue;
            }
            if (Math.round(Double.parseDouble(cells[0]) * 100) % 4 == 0) {
                thinned.add(lines.get(i));
            }
            if (Double.parseDouble(cells[0]) >= 8) {
                for (int c = 1; c < cells.length && c < columns.size(); c++) {
                    if (columns.get(c).startsWith("left ")) {
                        cells[c] = "";
                    }
                }
            }
            lost.add(String.join("\t", cells));
        }
        String[][] cases = {{"as-exported.txt", null}, {"lost.txt", "the left foot's strides end at "},
                {"thinned.txt", "sampled at 25 Hz: the loading rate and the centre-of-pressure path come out lower"}};
        for (String[] c : cases) {
            Path p = c[1] == null ? export : Files.write(dir.resolve(c[0]), c[0].equals("lost.txt") ? lost : thinned);
            Cli.Result r = Cli.run("analyze", p.toString(), "--mass", "70", "--out", dir.resolve(c[0] + ".out").toString());
            assertEquals(0, r.exitCode(), r.err());
            if (c[1] == null) {
                assertTrue(r.err().lines().noneMatch(l -> l.contains("stopped giving") || l.contains("sampled at")), r.err());
            } else {
                assertTrue(r.err().lines().anyMatch(l -> l.startsWith("soleus analyze: " + p + ": " + c[1])), r.err());
            }
        }
    }

    /**
     * The session's foot IMUs alone, their rates in rad/s under the names of deg/s: no steps, and
     * a notice that says why; in deg/s as written, strides and no such notice.
     */
    @Test
    void aFootGyroscopeInRadiansNamedDegreesIsTold() throws IOException {
        String told = "no steps in the gyroscope of left.foot or right.foot: their rate stays below ";
        for (double scale : new double[] {1.0, Math.PI / 180}) {
            Path csv = Files.write(dir.resolve("feet" + scale + ".csv"),
                    footImusOnly(Files.readAllLines(SESSION), scale, "dps"));
            Path out = dir.resolve("feet" + scale);
            Cli.Result r = Cli.run("analyze", csv.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            List<String> lines = r.err().lines().filter(l -> l.contains("no steps in the gyroscope")).toList();
            if (scale == 1.0) {
                assertEquals(List.of(), lines);
                JsonNode left = Cli.summary(out).at("/sides/left");
                assertTrue(left.at("/stride_count").asInt() > 10, r.err());
                JsonNode axis = left.at("/imu_sagittal_axis");
                assertEquals("left.foot", axis.at("/sensor").asText(), axis.toString());
                double x = axis.at("/x").asDouble();
                double y = axis.at("/y").asDouble();
                double z = axis.at("/z").asDouble();
                assertEquals(1.0, Math.sqrt(x * x + y * y + z * z), 1e-6, axis.toString());
                assertTrue(Math.abs(y) > 0.95, "the session's feet pitch about their y axes: " + axis);
                assertTrue(axis.at("/found_at_s").asDouble() > 0, axis.toString());
            } else {
                assertEquals(1, lines.size(), r.err());
                assertTrue(lines.get(0).startsWith("soleus analyze: " + csv + ": " + told), lines.get(0));
                assertTrue(lines.get(0).endsWith("no walking in them? If the rate is in rad/s, name it _rads (read as"
                        + " deg/s, it is 57 times too slow)"), lines.get(0));
            }
        }
    }

    /** The session's foot IMUs alone, their rates in deg/s under the names of rad/s: a hint with the notice of rates beyond any body's. */
    @Test
    void aFootGyroscopeInDegreesNamedRadiansIsTold() throws IOException {
        Path csv = Files.write(dir.resolve("feet-rads.csv"), footImusOnly(Files.readAllLines(SESSION), 1.0, "rads"));
        Cli.Result r = Cli.run("analyze", csv.toString(), "--out", dir.resolve("feet-rads").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.contains("gyroscope samples beyond")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).endsWith(": each taken as the sample before it; so many in a rate named in rad/s suggest"
                + " deg/s: if so, name it _dps (read as rad/s, it is 57 times too fast)"), lines.get(0));
    }

    /**
     * The CSV lines {@code lines} with the time and the foot IMU columns alone, the rates times
     * {@code gyroScale} and named in {@code gyroUnit}.
     */
    private static List<String> footImusOnly(List<String> lines, double gyroScale, String gyroUnit) {
        List<String> feet = SessionCsv.mapValues(
                SessionCsv.withoutColumns(lines, name -> !name.equals("time_s") && !name.contains(".foot.")),
                name -> name.contains(".gyr_"), dps -> dps * gyroScale);
        return feet.stream().map(l -> l.startsWith("time_s,") ? l.replace("_dps", "_" + gyroUnit) : l).toList();
    }

    /** The CSV lines {@code lines} with every heel-to-toe centre of pressure times {@code scale} plus {@code offset}. */
    private static List<String> withCopY(List<String> lines, double offset, double scale) {
        return SessionCsv.mapValues(lines, name -> name.endsWith(".insole.cop_y_norm"), y -> y * scale + offset);
    }

    @Test
    void forceThatIsNotInNewtonsGivesOneNoticeThatLoadingNeedsNewtons() throws IOException {
        Path record = SAMPLES.resolve("physionet-gaitndd").resolve("control1.hea");
        Path out = dir.resolve("control1");
        Cli.Result r = Cli.run("analyze", record.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String notice = "insole force left.insole.force_au and right.insole.force_au are not in newtons: loading"
                + " figures need force in newtons, so this input gives events and strides but no loading figures";
        assertEquals(List.of("soleus analyze: " + record + ": " + notice), r.err().lines().toList());
        JsonNode notices = Cli.summary(out).at("/data_quality/analysis_notices");
        assertEquals(1, notices.size(), notices.toString());
        assertEquals(notice, notices.get(0).asText());
        assertFalse(Cli.summary(out).get("force_in_newtons").asBoolean());
    }

    @Test
    void aGlobOverTheGaitpdbFolderSkipsItsCompanionFiles() throws IOException {
        List<String> inputs = new ArrayList<>(List.of("analyze"));
        try (Stream<Path> files = Files.list(GAITPDB)) {
            files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(p -> inputs.add(p.toString()));
        }
        Path out = dir.resolve("out");
        inputs.addAll(List.of("--out", out.toString()));
        Cli.Result r = Cli.run(inputs.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>();
        // every trial's force sums read 1.29–1.42 body weights over whole strides (README), each told once
        expected.add(Cli.gaco01ForceScaleNotice(GAITPDB.resolve("GaCo01_01.txt")));
        for (String trial : new String[] {"GaPt03_01", "JuCo01_01", "SiCo01_01"}) {
            expected.add("soleus analyze: " + GAITPDB.resolve(trial + ".txt") + ": both feet's force averages ");
        }
        for (String companion : new String[] {"demographics.txt", "format.txt"}) {
            expected.add("soleus analyze: " + GAITPDB.resolve(companion) + ": skipped: a PhysioNet gaitpdb companion file,"
                    + " not a recording");
        }
        List<String> said = r.err().lines().toList();
        assertEquals(expected.size(), said.size(), r.err());
        for (int i = 0; i < said.size(); i++) {
            assertTrue(said.get(i).startsWith(expected.get(i)), said.get(i));
        }
        assertEquals(4, r.out().lines().count(), r.out());
        assertFalse(Files.exists(out.resolve("demographics")) || Files.exists(out.resolve("format")));

        Cli.Result alone = Cli.run("analyze", GAITPDB.resolve("format.txt").toString(), "--out", dir.resolve("f").toString());
        assertEquals(1, alone.exitCode());
        assertEquals("soleus: " + GAITPDB.resolve("format.txt") + ": a PhysioNet gaitpdb companion file, not a recording\n",
                alone.err());
        Cli.Result only = Cli.run("analyze", GAITPDB.resolve("format.txt").toString(),
                GAITPDB.resolve("demographics.txt").toString(), "--out", dir.resolve("g").toString());
        assertEquals(1, only.exitCode());
        assertEquals("soleus: none of the 2 inputs is a recording (above); give the recording files",
                only.err().lines().toList().get(2));
    }

    @Test
    void aGlobOverTheGaitnddFolderSkipsTheSignalFilesStrideTablesAndNotes() throws IOException {
        List<String> inputs = new ArrayList<>(List.of("analyze"));
        try (Stream<Path> files = Files.list(GAITNDD)) {
            // as the shell's * gives them: hidden files left out
            files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(p -> inputs.add(p.toString()));
        }
        Path out = dir.resolve("out");
        inputs.addAll(List.of("--out", out.toString()));
        Cli.Result r = Cli.run(inputs.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.err());
        List<String> skipped = r.err().lines().filter(l -> l.contains(": skipped: ")).toList();
        assertEquals(List.of("soleus analyze: " + GAITNDD.resolve("PROVENANCE.md") + ": skipped: a Markdown document, not a"
                + " recording", "soleus analyze: " + GAITNDD.resolve("subject-description.txt") + ": skipped: a PhysioNet"
                + " gaitndd companion file (the subject table, read through each record's .hea), not a recording"), skipped);
        assertEquals("soleus analyze: skipped 21 files of the records given: their signal files, read through the .hea, and"
                + " stride tables", r.err().lines().reduce((a, b) -> b).orElseThrow(), "each record's 3 in one closing line");
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("soleus analyze: ")), "only lines about inputs: " + r.err());
        String notAnyNewtons = "insole force left.insole.force_au and right.insole.force_au are not in newtons";
        assertEquals(List.of("soleus analyze: " + GAITNDD.resolve("als1.hea") + ": " + notAnyNewtons + ": loading figures"
                + " need force in newtons, so this input gives events and strides but no loading figures",
                "soleus analyze: the notice \"" + notAnyNewtons + "\" shown above for " + GAITNDD.resolve("als1.hea")
                        + " was given for 6 more inputs too: " + String.join(", ", Stream.of("control1", "control2", "hunt1",
                        "hunt2", "park1", "park2").map(name -> GAITNDD.resolve(name + ".hea").toString()).toList())
                        + " (each input's summary.json has its own in full)"),
                r.err().lines().filter(l -> l.contains(notAnyNewtons)).toList(), "the same notice for each record once");
        assertTrue(Cli.summary(out.resolve("park2")).at("/data_quality/analysis_notices/0").asText().startsWith(notAnyNewtons));
        assertTrue(r.err().lines().noneMatch(l -> l.contains("stopped giving steps")),
                "park1's right foot stands for 8 s while the left takes a step: no lost sensor; " + r.err());
        assertEquals(7, r.out().lines().count(), r.out());
        try (Stream<Path> folders = Files.list(out)) {
            assertEquals(List.of("als1", "control1", "control2", "hunt1", "hunt2", "park1", "park2"),
                    folders.map(p -> p.getFileName().toString()).sorted().toList());
        }

        Path recordName = GAITNDD.resolve("control1");
        Cli.Result named = Cli.run("analyze", recordName.toString(), "--out", dir.resolve("named").toString());
        assertEquals("soleus: " + recordName + ": no such file; a WFDB record is read through its header: give "
                + GAITNDD.resolve("control1.hea") + "\n", named.err());
        assertEquals(1, named.exitCode());

        Path signal = GAITNDD.resolve("control1.let");
        Cli.Result alone = Cli.run("analyze", signal.toString(), "--out", dir.resolve("alone").toString());
        assertEquals(1, alone.exitCode());
        assertEquals("soleus: " + signal + ": a signal file of control1.hea: give " + GAITNDD.resolve("control1.hea")
                + " instead\n", alone.err());
    }

    /**
     * Tables of results (an earlier run's, the synthetic session's truth) and a summary.json that
     * a glob picks up are skipped with a notice each; given alone, each is the error.
     */
    @Test
    void resultTablesAndSummariesInAGlobAreSkipped() throws IOException {
        Path earlier = dir.resolve("earlier");
        assertEquals(0, Cli.run("analyze", SESSION.toString(), "--series", "--out", earlier.toString()).exitCode());
        // a Moticon walk's series has no knee, so no soleus-dominant flag
        Path moticonSeries = dir.resolve("moticon-series");
        assertEquals(0, Cli.run("analyze", SAMPLES.resolve("moticon-opengo").resolve("230927_102114.txt").toString(),
                "--mass", "70", "--series", "--out", moticonSeries.toString()).exitCode());
        assertTrue(Files.readAllLines(moticonSeries.resolve("series.csv")).get(0).startsWith("time_s,left.ankle."));
        List<String> inputs = new ArrayList<>(List.of("analyze", SESSION.toString()));
        try (Stream<Path> files = Files.list(earlier)) {
            files.sorted().forEach(p -> inputs.add(p.toString()));
        }
        inputs.add(moticonSeries.resolve("series.csv").toString());
        Path synthetic = SESSION.getParent();
        for (String table : new String[] {"events", "reps", "strides"}) {
            inputs.add(synthetic.resolve("synthetic-session." + table + ".csv").toString());
        }
        inputs.addAll(List.of("--out", dir.resolve("out").toString()));
        Cli.Result r = Cli.run(inputs.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        List<String> skipped = r.err().lines().filter(l -> l.contains(": skipped: ")).toList();
        assertEquals(9, skipped.size(), r.err());
        assertTrue(skipped.contains("soleus analyze: " + earlier.resolve("summary.json") + ": skipped: a JSON document (a"
                + " summary.json of soleus analyze?), not a recording"), r.err());
        assertTrue(skipped.contains("soleus analyze: " + earlier.resolve("strides.csv") + ": skipped: a table of events,"
                + " strides or other results (soleus analyze's, or a dataset's reference), not a recording"), r.err());

        Cli.Result alone = Cli.run("analyze", earlier.resolve("events.csv").toString(), "--out", dir.resolve("alone").toString());
        assertEquals("soleus: " + earlier.resolve("events.csv") + ": a table of events, strides or other results (soleus"
                + " analyze's, or a dataset's reference), not a recording: give the recording it came from\n", alone.err());
        assertEquals(1, alone.exitCode());
    }

    /**
     * {@code --imu} on a recording without a foot or shank IMU says that it changes nothing, and
     * the summary does not claim that IMUs timed the events; with IMUs, nothing is said.
     */
    @Test
    void imuWithoutAnImuIsTold() throws IOException {
        Path walk = GAITPDB.resolve("GaCo01_01.txt");
        Cli.Result without = Cli.run("analyze", walk.toString(), "--imu", "--out", dir.resolve("no-imu").toString());
        assertEquals(0, without.exitCode(), without.err());
        assertEquals(List.of("soleus analyze: " + walk + ": --imu: no foot or shank IMU (<side>.foot.gyr_x_<unit> …,"
                + " <side>.insole.gyr_…, <side>.shank.gyr_…), so the gait events come from the insole force alone",
                Cli.gaco01ForceScaleNotice(walk)), without.err().lines().toList());
        assertFalse(Cli.summary(dir.resolve("no-imu")).at("/settings/imu_events").asBoolean(true));
        Cli.Result with = Cli.run("analyze", SESSION.toString(), "--imu", "--out", dir.resolve("imu").toString());
        assertEquals(0, with.exitCode(), with.err());
        assertFalse(with.err().contains("--imu:"), with.err());
        assertTrue(Cli.summary(dir.resolve("imu")).at("/settings/imu_events").asBoolean(false));
    }

    /**
     * A recording named like a result file in the output folder (a copy saved as strides.csv)
     * is refused before it is read, and left as it was.
     */
    @Test
    void anInputTheResultsWouldReplaceIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path input = Files.copy(SESSION, out.resolve("strides.csv"));
        byte[] before = Files.readAllBytes(input);
        Cli.Result r = Cli.run("analyze", input.toString(), "--out", out.toString());
        assertOneLineError(r, 1, input + ": its results would replace an input, " + input + "; give another --out");
        assertArrayEquals(before, Files.readAllBytes(input));
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    /**
     * A recording saved as series.csv in the output folder is analysed when the run writes no
     * series.csv, and refused, after its analysis and before anything is written, when it would.
     */
    @Test
    void anInputNamedLikeAnOptionalResultIsRefusedOnlyWhenThatResultIsWritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path input = Files.copy(SESSION, out.resolve("series.csv"));
        byte[] before = Files.readAllBytes(input);
        Cli.Result plain = Cli.run("analyze", input.toString(), "--out", out.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertArrayEquals(before, Files.readAllBytes(input));

        Path again = Files.createDirectories(dir.resolve("again"));
        Path seriesInput = Files.copy(SESSION, again.resolve("series.csv"));
        Cli.Result series = Cli.run("analyze", seriesInput.toString(), "--series", "--out", again.toString());
        assertOneLineError(series, 1, seriesInput + ": its results would replace it, as " + seriesInput
                + "; give another --out");
        assertArrayEquals(before, Files.readAllBytes(seriesInput));
        assertFalse(Files.exists(again.resolve("summary.json")));
    }

    /**
     * A recording saved over the series.csv of an earlier analysis in the output folder, which a
     * run without {@code --series} would delete as that analysis's, is refused too: known only
     * once the earlier summary is read, after the result files have been begun, which are then
     * deleted; the earlier results stay as they were.
     */
    @Test
    void anInputOverAnEarlierAnalysisOptionalResultIsRefusedAndNothingIsLeft() throws IOException {
        Path out = dir.resolve("earlier");
        Cli.Result first = Cli.run("analyze", SESSION.toString(), "--series", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        Path input = Files.copy(SESSION, out.resolve("series.csv"), StandardCopyOption.REPLACE_EXISTING);
        Map<Path, byte[]> before = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                before.put(file, Files.readAllBytes(file));
            }
        }
        Cli.Result r = Cli.run("analyze", input.toString(), "--out", out.toString());
        assertOneLineError(r, 1, input + ": its results would replace it, as " + input + "; give another --out");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(before.keySet(), Set.copyOf(files.toList()), "the files begun before the refusal are deleted");
        }
        for (Map.Entry<Path, byte[]> file : before.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(file.getKey()), file.getKey() + " is as it was");
        }
    }

    /** A file given twice, under the same or another path, is analysed once; the repeat is skipped with a notice. */
    @Test
    void aFileGivenTwiceIsAnalysedOnce() throws IOException {
        Path again = SESSION.getParent().resolve(".").resolve(SESSION.getFileName());
        Path out = dir.resolve("twice");
        Cli.Result r = Cli.run("analyze", SESSION.toString(), again.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.err().contains("soleus analyze: " + again + ": skipped: the same file as " + SESSION + ", given again"),
                r.err());
        try (Stream<Path> folders = Files.list(out)) {
            assertEquals(List.of("synthetic-session"), folders.map(p -> p.getFileName().toString()).toList());
        }
        Path missing = dir.resolve("missing.csv");
        Cli.Result twiceMissing = Cli.run("analyze", SESSION.toString(), missing.toString(), missing.toString(), "--out",
                dir.resolve("twice-missing").toString());
        assertEquals(1, twiceMissing.err().lines().filter(l -> l.contains(": error: ")).count(), twiceMissing.err());
        assertTrue(twiceMissing.err().contains("soleus: 1 of 2 recordings failed"), twiceMissing.err());
    }

    @Test
    void aSkippedCompanionFileBeforeItsRecordTakesNoFolderName() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", GAITNDD.resolve("control1.let").toString(), GAITNDD.resolve("control1.ts").toString(),
                GAITNDD.resolve("control1.hea").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().strip().endsWith(" -> " + out.resolve("control1")), r.out());
        try (Stream<Path> folders = Files.list(out)) {
            assertEquals(List.of("control1"), folders.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * An input that fails, a missing one too, keeps its folder name, so that where the next
     * input's results go does not depend on it.
     */
    @Test
    void aFailedInputKeepsItsFolderName() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("a")).resolve("walk.csv");
        Files.writeString(broken, "time_s,left.insole.force_n\n0.00,1\n0.01,x\n");
        Path walk = Files.createDirectories(dir.resolve("b")).resolve("walk.csv");
        Files.copy(SESSION, walk);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", broken.toString(), walk.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().strip().endsWith(" -> " + out.resolve("b-walk")), r.out());
        assertFalse(Files.exists(out.resolve("a-walk")), "the failed input's folder is not written");

        Path missing = dir.resolve("c").resolve("walk.csv");
        Cli.Result withMissing = Cli.run("analyze", missing.toString(), walk.toString(), "--out", out.toString());
        assertEquals(1, withMissing.exitCode(), withMissing.err());
        assertTrue(withMissing.out().strip().endsWith(" -> " + out.resolve("b-walk")), withMissing.out());
    }

    /**
     * An input that was analysed once and fails the next time keeps its earlier results, and
     * its error says that they are there, so that nobody takes them for this run's.
     */
    @Test
    void aFailedInputSaysItsFolderHoldsAnEarlierRunsResults() throws IOException {
        Path walk = Files.createDirectories(dir.resolve("a")).resolve("walk.csv");
        Files.copy(SESSION, walk);
        Path other = Files.createDirectories(dir.resolve("b")).resolve("walk.csv");
        Files.copy(SESSION, other);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("analyze", walk.toString(), other.toString(), "--out", out.toString()).exitCode());
        String earlier = Files.readString(out.resolve("a-walk").resolve("summary.json"));

        Files.writeString(walk, "time_s,left.insole.force_n\n0.00,1\n0.01,x\n");
        Cli.Result r = Cli.run("analyze", walk.toString(), other.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        String error = r.err().lines().filter(l -> l.startsWith("soleus analyze: error: ")).findFirst().orElseThrow();
        assertTrue(error.endsWith(": expected a number, found 'x'; " + out.resolve("a-walk")
                + " still holds the results of an earlier run"), error);
        assertEquals(earlier, Files.readString(out.resolve("a-walk").resolve("summary.json")), "kept as it was");
    }

    /** The same for a single input, whose failure is the command's one-line error. */
    @Test
    void aFailedSingleInputSaysItsFolderHoldsAnEarlierRunsResults() throws IOException {
        Path walk = dir.resolve("walk.csv");
        Files.copy(SESSION, walk);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("analyze", walk.toString(), "--out", out.toString()).exitCode());
        String earlier = Files.readString(out.resolve("summary.json"));

        Files.writeString(walk, "time_s,left.insole.force_n\n0.00,1\n0.01,x\n");
        Cli.Result r = Cli.run("analyze", walk.toString(), "--out", out.toString());
        assertOneLineError(r, 1, "soleus: " + walk + ":3:2: column 2 (left.insole.force_n): expected a number, found 'x'; "
                + out + " still holds the results of an earlier run");
        assertEquals(earlier, Files.readString(out.resolve("summary.json")), "kept as it was");

        Cli.Result fresh = Cli.run("analyze", walk.toString(), "--out", dir.resolve("new").toString());
        assertOneLineError(fresh, 1, "soleus: " + walk + ":3:2: column 2 (left.insole.force_n): expected a number,"
                + " found 'x'");
        assertFalse(fresh.err().contains("still holds"), fresh.err());
    }

    @Test
    void aSignalFileNamedUnlikeItsRecordIsSkippedThroughTheHeaderAmongTheInputs() throws IOException {
        Path record = Files.createDirectory(dir.resolve("record"));
        Files.copy(GAITNDD.resolve("control1.let"), record.resolve("rec.dat"));
        Files.copy(GAITNDD.resolve("control1.rit"), record.resolve("rec2.dat"));
        Path header = Files.writeString(record.resolve("rec.hea"), "rec 2 300 90000\n"
                + "rec.dat 212 3000 12 0 503 22230 0 left-foot\nrec2.dat 212 3000 12 0 -157 -17678 0 right-foot\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", record.resolve("rec.dat").toString(), record.resolve("rec2.dat").toString(),
                header.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("soleus analyze: skipped 2 files of the records given: their signal files, read through the .hea, and"
                + " stride tables", r.err().lines().reduce((a, b) -> b).orElseThrow(), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.contains(": skipped: ")), r.err());
        assertTrue(r.out().strip().startsWith(header + ": ") && r.out().strip().endsWith(" -> " + out.resolve("rec")), r.out());
    }

    /**
     * Among several inputs, a missing file is that input's failure and a folder (a glob over a
     * dataset picks up its sub-folders) is skipped; the others are analysed all the same.
     */
    @Test
    void aMissingFileOrAFolderAmongSeveralInputsDoesNotStopTheOthers() throws IOException {
        Path missing = dir.resolve("GaCo99_01.txt");
        Path folder = Files.createDirectory(dir.resolve("walks"));
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", missing.toString(), folder.toString(), SESSION.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(List.of("soleus analyze: error: " + missing + ": no such file or directory",
                "soleus analyze: " + folder + ": skipped: a directory; give the recording files in it",
                "soleus: 1 of 2 recordings failed (above); the other was analysed"), r.err().lines().toList());
        assertTrue(r.out().strip().startsWith(SESSION + ": ") && r.out().strip().endsWith(" -> " + out.resolve(
                SESSION.getFileName().toString().replaceFirst("\\.csv$", ""))), r.out());
    }

    /**
     * Inputs that name no file in ways a shell user may: a pattern in quotes, which the shell
     * does not expand, or one that matches no file, which it passes on as it is; {@code -},
     * standard input to many tools; an empty name (an unset variable in quotes). Each is told as
     * what it is, exit code 1.
     */
    @Test
    void aQuotedPatternStandardInputAndAnEmptyNameAreToldAsSuch() {
        Path pattern = SAMPLES.resolve("physionet-gaitpdb").resolve("Ga*.txt");
        Cli.Result quoted = Cli.run("analyze", pattern.toString(), "--out", dir.resolve("q").toString());
        assertEquals(1, quoted.exitCode());
        assertEquals("soleus: " + pattern + ": no such file; as a pattern it matches 2 files ("
                + pattern.resolveSibling("GaCo01_01.txt") + ", …), but the shell expands a pattern only when it is not"
                + " in quotes: give it without them\n", quoted.err());
        Path nothing = SAMPLES.resolve("physionet-gaitpdb").resolve("Zz?.txt");
        Cli.Result unmatched = Cli.run("analyze", nothing.toString(), "--out", dir.resolve("z").toString());
        assertEquals(1, unmatched.exitCode());
        assertEquals("soleus: " + nothing + ": no such file; no file matches it as a pattern either (the shell expands"
                + " a pattern such as *.txt only when it is not in quotes)\n", unmatched.err());
        Path folders = SAMPLES.resolve("*").resolve("*.hea");
        Cli.Result nested = Cli.run("analyze", folders.toString(), "--out", dir.resolve("n").toString());
        assertEquals("soleus: " + folders + ": no such file; as a pattern it names files in folders that are a pattern"
                + " too (the shell expands a pattern such as *.txt only when it is not in quotes)\n", nested.err());
        Cli.Result stdin = Cli.run("analyze", "-", "--out", dir.resolve("s").toString());
        assertEquals(1, stdin.exitCode());
        assertEquals("soleus: -: no such file; a recording is read from a file, not from standard input or a pipe: save"
                + " the data to a file and give that\n", stdin.err());
        // what the shell gives for <(...): a name of a pipe, which is gone once read
        Cli.Result pipe = Cli.run("analyze", "/dev/fd/63", "--out", dir.resolve("p").toString());
        assertEquals("soleus: /dev/fd/63: no such file; a recording is read from a file, not from standard input or a"
                + " pipe: save the data to a file and give that\n", pipe.err());
        Cli.Result empty = Cli.run("analyze", "", "--out", dir.resolve("e").toString());
        assertEquals(1, empty.exitCode());
        assertEquals("soleus: an empty file name was given as an input; give a recording file\n", empty.err());
    }

    /** A path through a file, as a folder would be (a typo of one): the error names that file, not "no such file". */
    @Test
    void aPathThroughAFileNamesThatFile() {
        Path through = SESSION.resolve("walk.csv");
        Cli.Result r = Cli.run("analyze", through.toString(), "--out", dir.resolve("t").toString());
        assertEquals(1, r.exitCode());
        assertEquals("soleus: " + through + ": " + SESSION.toAbsolutePath() + " is a file, not a folder\n", r.err());
    }

    /**
     * A file whose name starts with {@code -} reads as an option: alone, picocli would say only
     * that the input is missing; the error names it and how to give it. (Made in the working
     * folder, as such a name has to be relative.)
     */
    @Test
    void aFileNamedLikeAnOptionIsToldHowToGiveIt() throws IOException {
        Path dashed = Path.of("-analyze-messages-test.csv");
        try {
            Files.copy(SESSION, dashed);
            Cli.Result alone = Cli.run("analyze", dashed.toString(), "--out", dir.resolve("d").toString());
            assertOneLineError(alone, 2, "soleus: Unknown option: '-analyze-messages-test.csv'; to give the file"
                    + " -analyze-messages-test.csv, write ./-analyze-messages-test.csv (see 'soleus analyze --help')");
            Cli.Result given = Cli.run("analyze", "./" + dashed, "--out", dir.resolve("d").toString());
            assertEquals(0, given.exitCode(), given.err());
        } finally {
            Files.deleteIfExists(dashed);
        }
    }

    /** Strides rejected for their duration under a --rate that overrides the file's: the rate is named as a cause. */
    @Test
    void stridesRejectedUnderAGivenRateNameTheRate() throws IOException {
        Cli.Result r = Cli.run("analyze", GAITNDD.resolve("control1.hea").toString(), "--rate", "100", "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.contains("rejected") && l.endsWith("; --stride-range MIN,MAX and"
                + " --stance-range MIN,MAX set the limits; or the 100 Hz given by --rate is not the recording's rate (every duration"
                + " scales with it)")), r.err());
        Cli.Result stance = Cli.run("analyze", GAITNDD.resolve("control1.hea").toString(), "--rate", "300",
                "--stance-range", "10,20", "--out", dir.resolve("stance").toString());
        assertTrue(stance.err().lines().anyMatch(l -> l.contains("rejected") && l.endsWith("set the limits")),
                "stance shares do not scale with the rate: " + stance.err());
    }

    /**
     * A rate given far off the recording's, so that no stride or no heel strike is found at all
     * (the gaitmap walk, 204.8 Hz, analysed at 1000 and at 20 Hz): the notice names the rate as a
     * possible cause. At the recording's own rate the walk gives strides and no such notice.
     */
    @Test
    void noStridesUnderAGivenRateNameTheRate() throws IOException {
        Path imu = SAMPLES.resolve("gaitmap-example").resolve("imu_sample.csv");
        for (String rateHz : List.of("1000", "20")) {
            Cli.Result r = Cli.run("analyze", imu.toString(), "--rate", rateHz, "--out", dir.resolve("out" + rateHz).toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().lines().anyMatch(l -> l.contains(": no strides: no ") && l.endsWith("; perhaps the " + rateHz
                    + " Hz given by --rate is not the recording's rate (every duration scales with it)")), r.err());
        }
        Cli.Result own = Cli.run("analyze", imu.toString(), "--rate", "204.8", "--out", dir.resolve("own").toString());
        assertEquals(0, own.exitCode(), own.err());
        assertTrue(own.err().lines().noneMatch(l -> l.contains("no strides") || l.contains("is not the recording's rate")),
                own.err());
    }

    /** The notice of moments on the default insole length names the options that give the subject's. */
    @Test
    void theDefaultInsoleLengthNoticeNamesTheOptionsThatGiveTheLengths() throws IOException {
        Path export = SAMPLES.resolve("moticon-opengo").resolve("230927_102114.txt");
        Cli.Result r = Cli.run("analyze", export.toString(), "--mass", "70", "--out", dir.resolve("default").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("soleus analyze: " + export + ": the recording states no insole"
                + " length") && l.endsWith("so give the subject's own for exact figures; --insole-length M and"
                + " --heel-to-ankle M give them (or, per recording, --subjects)")), r.err());
        Cli.Result heel = Cli.run("analyze", export.toString(), "--mass", "70", "--heel-to-ankle", "0.05", "--out",
                dir.resolve("heel").toString());
        assertTrue(heel.err().lines().anyMatch(l -> l.contains("states no insole length") && l.endsWith("a 0.270 m insole,"
                + " with the 0.050 m from heel to ankle set; moments scale with the insole's length, so give the subject's"
                + " own for exact figures; --insole-length M gives it (or, per recording, --subjects)")), heel.err());
        List<String> lines = new ArrayList<>(Files.readAllLines(SESSION));
        assertTrue(lines.removeIf(l -> l.startsWith("# insole_length_m:")) && lines.contains("# heel_to_ankle_m: 0.0550"));
        Path stated = Files.write(dir.resolve("stated.csv"), lines);
        Cli.Result fromFile = Cli.run("analyze", stated.toString(), "--out", dir.resolve("stated").toString());
        assertTrue(fromFile.err().lines().anyMatch(l -> l.contains("states no insole length") && l.endsWith("; --insole-length"
                + " M gives it (or, per recording, --subjects)")), "the file's own distance counts as set: " + fromFile.err());
        Cli.Result given = Cli.run("analyze", export.toString(), "--mass", "70", "--insole-length", "0.26", "--out",
                dir.resolve("given").toString());
        assertEquals(0, given.exitCode(), given.err());
        assertTrue(given.err().lines().noneMatch(l -> l.contains("insole length")), given.err());
    }

    @Test
    void aCalibrationFileThatCannotBeReadIsNamedWithItsOption() throws IOException {
        Path missing = dir.resolve("missing.json");
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--calibration", missing.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertEquals(List.of("soleus: --calibration " + missing + ": no such file or directory"), r.err().lines().toList());
        Cli.Result folder = Cli.run("analyze", SESSION.toString(), "--calibration", dir.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(List.of("soleus: --calibration " + dir + ": is a directory; give the calibration file"),
                folder.err().lines().toList(), "as an input folder is told, not in the system's words");
        Path through = SESSION.resolve("cal.json");
        Cli.Result file = Cli.run("analyze", SESSION.toString(), "--calibration", through.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(List.of("soleus: --calibration " + through + ": " + SESSION.toAbsolutePath() + " is a file, not a folder"),
                file.err().lines().toList(), "as an input through a file is told");
    }

    /** Strides far from walking's under a --rate that is not the recording's (gaitmap's is 204.8 Hz) are told. */
    @Test
    void stridesFarFromWalkingsUnderAGivenRateQuestionTheRate() throws IOException {
        Path imu = SAMPLES.resolve("gaitmap-example").resolve("imu_sample.csv");
        Cli.Result wrong = Cli.run("analyze", imu.toString(), "--rate", "100", "--out", dir.resolve("wrong").toString());
        assertEquals(0, wrong.exitCode(), wrong.err());
        assertTrue(wrong.err().lines().anyMatch(l -> l.matches("soleus analyze: .*: the median stride lasts 2\\.\\d\\d s, far"
                + " from walking's 1\\.0–1\\.1 s: if the 100 Hz given by --rate is not the recording's rate, every time and"
                + " duration found scales with it")), wrong.err());
        Cli.Result right = Cli.run("analyze", imu.toString(), "--rate", "204.8", "--out", dir.resolve("right").toString());
        assertTrue(right.err().lines().noneMatch(l -> l.contains("median stride")), right.err());
    }

    @Test
    void whenEveryInputFailsTheClosingLineSaysNoneWasAnalysed() throws IOException {
        Path tabs = Files.writeString(dir.resolve("tabs.csv"), "time_s\tleft.insole.force_n\n0\t1\n");
        Path semi = Files.writeString(dir.resolve("semi.csv"), "time_s;left.insole.force_n\n0;1\n");
        Cli.Result r = Cli.run("analyze", tabs.toString(), semi.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(3, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("soleus analyze: error: " + tabs + ":") && lines.get(1).startsWith("soleus analyze: error: " + semi
                + ":"), "each input's failure is a line about it: " + r.err());
        assertEquals("soleus: all 2 inputs failed (above); none gave results", lines.get(2));
        assertEquals("the one recording failed (above); none gave results", AnalyzeCommand.failureSummary(1, 1, 2));
        assertEquals("all 2 recordings failed (above); none gave results", AnalyzeCommand.failureSummary(2, 2, 1));
        assertEquals("1 of 2 inputs failed (above); the other was analysed", AnalyzeCommand.failureSummary(1, 2, 0));
        assertEquals("2 of 5 recordings failed (above); the others were analysed", AnalyzeCommand.failureSummary(2, 5, 1));
    }

    @Test
    void aFileOfBlankLinesIsEmptyAndANamedPipeIsNotARegularFile() throws IOException, InterruptedException {
        Path blank = Files.writeString(dir.resolve("blank.csv"), "\n\n  \n");
        Cli.Result b = Cli.run("analyze", blank.toString(), "--out", dir.resolve("b").toString());
        assertEquals("soleus: " + blank + ": the file is empty\n", b.err());
        Path fifo = dir.resolve("fifo.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo " + fifo);
        // A writer that closes at once, so that a reader that wrongly opens the pipe reads nothing instead of waiting.
        Thread writer = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        Cli.Result f = Cli.run("analyze", fifo.toString(), "--out", dir.resolve("f").toString());
        assertEquals("soleus: " + fifo + ": not a regular file (a named pipe, device or socket); save the data to a file"
                + " and give that\n", f.err());
        assertEquals(1, f.exitCode());
        try (InputStream in = Files.newInputStream(fifo)) {
            assertEquals(-1, in.read(), "the writer wrote nothing");
        }
        writer.join();
    }

    @Test
    void anImpossibleFootGeometryNamesTheOptionAtFault() {
        String length = "insole length must be within 0.10–0.40 m, got 27.0 (pass metres, not centimetres or millimetres)";
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--insole-length", "27", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertEquals("soleus: --insole-length: " + length + " (see 'soleus analyze --help')\n", r.err());
        Cli.Result both = Cli.run("analyze", SESSION.toString(), "--insole-length", "27", "--heel-to-ankle", "0.05",
                "--out", dir.toString());
        assertEquals("soleus: --insole-length: " + length + " (see 'soleus analyze --help')\n", both.err());
        Cli.Result heel = Cli.run("analyze", SESSION.toString(), "--heel-to-ankle", "0.2", "--out", dir.toString());
        assertTrue(heel.err().startsWith("soleus: --heel-to-ankle: heel-to-ankle distance must be at least 0 and less than 0.20 m,"
                + " got 0.2"), heel.err());
        Cli.Result longForThisFoot = Cli.run("analyze", SESSION.toString(), "--heel-to-ankle", "0.15", "--out",
                dir.toString());
        assertEquals(1, longForThisFoot.exitCode(), "fits some insole, not this recording's 0.27 m one");
        assertTrue(longForThisFoot.err().contains("the given heel-to-ankle distance 0.15 m is half the left insole's length"
                + " (0.270 m, the recording's) or more; it must be less than half the length"), longForThisFoot.err());
        Cli.Result negative = Cli.run("analyze", SESSION.toString(), "--heel-to-ankle", "-0.01", "--insole-length", "0.25",
                "--out", dir.toString());
        assertTrue(negative.err().startsWith("soleus: --heel-to-ankle: "), negative.err());
        Cli.Result either = Cli.run("analyze", SESSION.toString(), "--heel-to-ankle", "0.14", "--insole-length", "0.25",
                "--out", dir.toString());
        assertTrue(either.err().startsWith("soleus: --heel-to-ankle/--insole-length: "), "too far for this length: "
                + either.err());
    }

    @Test
    void simulatesHelpShowsTheSocatCommandOnOneLine() {
        Cli.Result r = Cli.run("simulate", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.strip().equals("socat pty,raw,echo=0,link=/tmp/device pty,raw,echo=0,"
                + "link=/tmp/host")), r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("Input format, one of: soleus, gaitpdb, wfdb, moticon,"
                + " gaitmap."), r.out());
    }

    @Test
    void anUnknownFormatIsOneShortLine() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.txt"), "hello\n");
        Cli.Result r = Cli.run("analyze", junk.toString(), "--out", dir.resolve("out").toString());
        assertOneLineError(r, 1);
        String problem = r.err().strip().substring(("soleus: " + junk + ":1: ").length());
        assertTrue(problem.startsWith("not a known recording format") && problem.length() < 120, problem);
    }

    @Test
    void aSpreadsheetsCsvWithTrailingCommasIsAnalysedAsTheFile() throws IOException {
        StringBuilder padded = new StringBuilder();
        for (String line : Files.readAllLines(SESSION)) {
            padded.append(line).append(",\n");
        }
        Path csv = Files.writeString(dir.resolve("excel.csv"), padded);
        Cli.Result r = Cli.run("analyze", csv.toString(), "--out", dir.resolve("excel").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals(0, Cli.run("analyze", SESSION.toString(), "--out", dir.resolve("plain").toString()).exitCode());
        assertEquals(Files.readString(dir.resolve("plain").resolve("strides.csv")),
                Files.readString(dir.resolve("excel").resolve("strides.csv")));
    }

    @Test
    void aTabSeparatedCsvAndATimeColumnOutOfPlaceAreNamed() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        int header = 0;
        while (lines.get(header).startsWith("#")) {
            header++;
        }
        List<String> tabs = new ArrayList<>(lines.subList(0, header));
        lines.subList(header, lines.size()).forEach(l -> tabs.add(l.replace(',', '\t')));
        Path tabbed = Files.write(dir.resolve("tabs.csv"), tabs);
        Cli.Result r = Cli.run("analyze", tabbed.toString(), "--out", dir.resolve("t").toString());
        assertEquals(1, r.exitCode());
        assertEquals("soleus: " + tabbed + ":" + (header + 1) + ":1: columns are separated by commas and this line holds"
                + " tabs; save the file as comma-separated values\n", r.err());

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(header, lines.get(header).replaceFirst("^time_s,([^,]+)", "$1,time_s"));
        Path late = Files.write(dir.resolve("late.csv"), swapped);
        Cli.Result l = Cli.run("analyze", late.toString(), "--out", dir.resolve("l").toString());
        assertEquals(1, l.exitCode());
        assertEquals("soleus: " + late + ":" + (header + 1) + ":2: time_s must be the first column; found in column 2\n",
                l.err());
    }

    @Test
    void cellsOfNaNTimeOrInfinityAreNamedPlainly() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SESSION));
        int row = 20;
        lines.set(row, lines.get(row).replaceFirst("^[^,]+", "NaN"));
        Path nan = Files.write(dir.resolve("nan.csv"), lines);
        Cli.Result r = Cli.run("analyze", nan.toString(), "--out", dir.resolve("n").toString());
        assertEquals("soleus: " + nan + ":" + (row + 1) + ":1: column 1 (time_s): a time must be a number, found 'NaN'\n",
                r.err());
        lines = new ArrayList<>(Files.readAllLines(SESSION));
        lines.set(row, lines.get(row).replaceFirst("^([^,]+),[^,]+", "$1,inf"));
        Path inf = Files.write(dir.resolve("inf.csv"), lines);
        Cli.Result i = Cli.run("analyze", inf.toString(), "--out", dir.resolve("i").toString());
        assertEquals("soleus: " + inf + ":" + (row + 1) + ":2: column 2 (left.insole.force_n): expected a finite number,"
                + " found 'inf'\n", i.err());
    }

    @Test
    void outputPathErrorsNameTheOutOption() throws IOException {
        Path input = Files.copy(SESSION, dir.resolve("good.csv"));
        Cli.Result same = Cli.run("analyze", input.toString(), "--out", input.toString());
        assertEquals(1, same.exitCode());
        assertEquals("soleus: --out " + input + ": is a file, not a folder; give a folder\n", same.err());

        Path under = input.resolve("results");
        Cli.Result below = Cli.run("analyze", input.toString(), "--out", under.toString());
        assertOneLineError(below, 1);
        assertTrue(below.err().startsWith("soleus: --out " + under + ": cannot write the results: "), below.err());
    }

    @Test
    void aRateThatIsNotANumberIsNamedLikeTheMass() {
        Cli.Result rate = Cli.run("analyze", "x.csv", "--rate", "abc");
        assertEquals(2, rate.exitCode());
        assertEquals("soleus: --rate: expected a rate in Hz from 0.001 to 1000000, got 'abc' (see 'soleus analyze --help')\n", rate.err());
        Cli.Result mass = Cli.run("analyze", "x.csv", "--mass", "abc");
        assertEquals("soleus: --mass: expected a body mass in kg, got 'abc' (see 'soleus analyze --help')\n", mass.err());
        Cli.Result live = Cli.run("live", "--port", "/dev/null", "--rate", "fast");
        assertEquals(2, live.exitCode());
        assertTrue(live.err().startsWith("soleus: --rate: expected a rate in Hz from 0.001 to 1000000, got 'fast'"), live.err());
    }

    @Test
    void aNumberWithADecimalCommaIsShownWithAPoint() {
        Cli.Result mass = Cli.run("analyze", "x.csv", "--mass", "72,5");
        assertEquals(2, mass.exitCode());
        assertEquals("soleus: --mass: expected a body mass in kg, got '72,5' (with a decimal point: 72.5) (see 'soleus"
                + " analyze --help')\n", mass.err());
        Cli.Result rate = Cli.run("analyze", "x.csv", "--rate", "1,000,000");
        assertFalse(rate.err().contains("decimal point"), rate.err());
    }

    @Test
    void anUnknownCommandIsNamedWithTheCommands() {
        Cli.Result r = Cli.run("foo");
        assertEquals(2, r.exitCode());
        assertEquals("soleus: unknown command 'foo'; commands: analyze, ports, record, simulate, live, calibrate"
                + " (see 'soleus --help')\n", r.err());
        Cli.Result typo = Cli.run("analyse", "x.csv");
        assertEquals(2, typo.exitCode());
        assertEquals("soleus: unknown command 'analyse'; commands: analyze, ports, record, simulate, live, calibrate;"
                + " did you mean analyze? (see 'soleus --help')\n", typo.err());
    }

    /**
     * A WFDB header without a sampling frequency is read at WFDB's 250 Hz: a warning says so, and
     * summary.json names the default as the rate's source; with {@code --rate}, neither.
     */
    @Test
    void aWfdbRecordWithoutARateIsReadAtTheDefaultAndSaysSo() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("record"));
        for (String ext : new String[] {".let", ".rit"}) {
            Files.copy(GAITNDD.resolve("control1" + ext), copy.resolve("control1" + ext));
        }
        List<String> header = new ArrayList<>(Files.readAllLines(GAITNDD.resolve("control1.hea")));
        header.set(0, "control1 2");
        Path hea = Files.write(copy.resolve("control1.hea"), header);
        Cli.Result r = Cli.run("analyze", hea.toString(), "--out", dir.resolve("default").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: warning: " + hea + ":1: the record line gives no sampling frequency, so"
                + " WFDB's default of 250.0 Hz is used; give --rate if the record was sampled otherwise"), r.err());
        JsonNode input = Cli.summary(dir.resolve("default")).get("input");
        assertEquals("default", input.get("sample_rate_source").asText());
        assertEquals(250, input.get("sample_rate_hz").asDouble());

        Cli.Result given = Cli.run("analyze", hea.toString(), "--rate", "300", "--out", dir.resolve("given").toString());
        assertEquals(0, given.exitCode(), given.err());
        assertFalse(given.err().contains("sampling frequency"), given.err());
        assertEquals("flag", Cli.summary(dir.resolve("given")).get("input").get("sample_rate_source").asText());

        // a file recorded from such a record keeps the property as a free one, which says nothing of its own rate
        List<String> walk = new ArrayList<>(Files.readAllLines(SESSION));
        walk.add(1, "# sample_rate_source: default");
        Path recorded = Files.write(dir.resolve("recorded.csv"), walk);
        assertEquals(0, Cli.run("analyze", recorded.toString(), "--out", dir.resolve("recorded").toString()).exitCode());
        assertEquals("file", Cli.summary(dir.resolve("recorded")).get("input").get("sample_rate_source").asText());
    }

    /** An option a typo away is suggested, whatever its case; a name far from every option (--foo) gets none. */
    @Test
    void anOptionWithATypoIsSuggestedItsNearestOption() {
        Cli.Result mass = Cli.run("analyze", "x.csv", "--mas", "70");
        assertEquals(2, mass.exitCode());
        assertEquals("soleus: Unknown option: '--mas'; did you mean --mass? (see 'soleus analyze --help')\n", mass.err());
        Cli.Result timing = Cli.run("analyze", "x.csv", "--event-timng=baseline");
        assertEquals("soleus: Unknown option: '--event-timng=baseline'; did you mean --event-timing? (see 'soleus analyze"
                + " --help')\n", timing.err());
        assertEquals("soleus: Unknown option: '--MASS'; did you mean --mass? (see 'soleus analyze --help')\n",
                Cli.run("analyze", "x.csv", "--MASS", "70").err(), "case ignored");
        Cli.Result far = Cli.run("analyze", "x.csv", "--foo");
        assertEquals("soleus: Unknown option: '--foo' (see 'soleus analyze --help')\n", far.err());
    }
}
