package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.cli.CliAsserts.assertOneLineError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Recording;
import org.soleus.io.format.Recordings;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.SerialPorts;

/** {@code ports}, {@code record}, {@code simulate} and {@code live} from the command line, through socat pseudo-terminals. */
final class LiveCommandsTest {
    private static final Path WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "JuCo01_01.txt");

    @TempDir
    Path dir;

    /** A command's result and that of the simulator that fed it. */
    private record Simulated(Cli.Result command, Cli.Result simulate) {
    }

    /**
     * The shipped session with its IMUs' axes mixed up into a left-handed frame: live tells, per
     * leg, what analyze tells (the knee bends backwards), and the strides carry no
     * knee figures but their plantar-flexor moments.
     */
    @Test
    void liveLeavesOutAKneeThatBendsBackwardsAndSaysSo() throws Exception {
        Path session = Files.write(dir.resolve("left-handed.csv"), SessionCsv.leftHanded(
                Files.readAllLines(Path.of("..", "sample-data", "synthetic", "synthetic-session.csv"))));
        try (Pty pty = new Pty(dir)) {
            Simulated run = whileSimulating(pty, session, "line",
                    "live", "--port", pty.host.toString(), "--protocol", "line", "--idle-timeout", "1");
            Cli.Result r = run.command();
            List<String> strides = r.out().lines().filter(l -> l.startsWith("left ") || l.startsWith("right ")).toList();
            assertTrue(strides.size() > 10, r.out());
            assertTrue(strides.stream().allMatch(l -> l.contains("  ankle ") && !l.contains("  knee ")), r.out());
            for (String side : new String[] {"left", "right"}) {
                assertEquals(1, r.err().lines().filter(l -> l.startsWith("soleus live: " + side + " knee angle: below -20°"
                        + " (bent backwards, which a knee does not do) in ")).count(), r.err());
            }
        }
    }

    /**
     * Runs {@code command} (on the host end of {@code pty}) while {@code recording} is played
     * into the device end as fast as it goes; the simulator must succeed.
     */
    private static Simulated whileSimulating(Pty pty, Path recording, String protocol, String... command)
            throws Exception {
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run(command));
        pty.awaitHostOpened();
        Cli.Result simulate = Cli.run("simulate", recording.toString(), "--port", pty.device.toString(), "--speed", "0",
                "--protocol", protocol);
        assertEquals(0, simulate.exitCode(), simulate.err());
        return new Simulated(run.get(), simulate);
    }

    @Test
    void helpListsTheLiveCommands() {
        Cli.Result r = Cli.run("--help");
        for (String command : new String[] {"ports", "record", "simulate", "live", "calibrate"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(command + " ")), command + " in\n" + r.out());
        }
        assertEquals(0, Cli.run("ports").exitCode());
    }

    @Test
    void recordKeepsAnExistingFileWithoutForce() throws IOException {
        Path out = Files.writeString(dir.resolve("walk.csv"), "precious");
        Cli.Result r = Cli.run("record", "--port", "/dev/ttyNOPE", "--out", out.toString());
        assertOneLineError(r, 1, out + ": exists; pass --force to overwrite it");
        assertEquals("precious", Files.readString(out));
    }

    @Test
    void recordWritesToAFileNotToStandardOutput() {
        Cli.Result r = Cli.run("record", "--port", "/dev/ttyNOPE", "--out", "-");
        assertOneLineError(r, 2, "--out -: a recording is written to a file, not to standard output; give a file name");
        assertFalse(Files.exists(Path.of("-")));
    }

    @Test
    void aMissingPortIsOneLineListingThePortsThere() {
        Path port = dir.resolve("ttyNOPE");
        Cli.Result r = Cli.run("record", "--port", port.toString(), "--out", dir.resolve("x.csv").toString());
        assertOneLineError(r, 1, "no serial port '" + port + "'");
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    /** A --rate that the time column contradicts names --ignore-time, which simulate takes as analyze does. */
    @Test
    void simulateTakesIgnoreTimeAsItsRateErrorAdvises() {
        Path port = dir.resolve("ttyNOPE");
        Cli.Result contradicted = Cli.run("simulate", WALK.toString(), "--port", port.toString(), "--rate", "200");
        assertEquals(1, contradicted.exitCode(), contradicted.err());
        assertTrue(contradicted.err().contains("or --ignore-time if the time column is wrong"), contradicted.err());
        Cli.Result ignored = Cli.run("simulate", WALK.toString(), "--port", port.toString(), "--rate", "200", "--ignore-time");
        assertOneLineError(ignored, 1, "no serial port '" + port + "'");
    }

    @Test
    void simulateIntoRecordWritesTheRecording() throws Exception {
        Path out = dir.resolve("recorded.csv");
        try (Pty pty = new Pty(dir)) {
            Simulated run = whileSimulating(pty, WALK, "binary",
                    "record", "--port", pty.host.toString(), "--out", out.toString(), "--duration", "53.49");
            String sent = run.simulate().out();
            assertTrue(sent.startsWith("JuCo01_01.txt -> " + pty.device + ": 5349 of 5349 samples sent (binary"), sent);
            Cli.Result r = run.command();
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith(out + ": 5349 samples (53.5 s) of 18 channels at 100 Hz; 0 frames lost"), r.out());
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("# format: soleus-csv 1", lines.get(0));
        assertTrue(lines.contains("# source_file: JuCo01_01.txt"), lines.subList(0, 40).toString());
        assertEquals(5349, lines.stream().filter(l -> !l.startsWith("#") && !l.startsWith("time_s")).count());
    }

    /** A recording that lost many of its frames says so after its closing line, not only in it. */
    @Test
    void aRecordingThatLostManyFramesWarnsOfThem() throws Exception {
        Path out = dir.resolve("lossy.csv");
        try (Pty pty = new Pty(dir)) {
            CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run("record", "--port",
                    pty.host.toString(), "--out", out.toString(), "--duration", "50"));
            pty.awaitHostOpened();
            Cli.Result simulate = Cli.run("simulate", WALK.toString(), "--port", pty.device.toString(), "--speed", "0",
                    "--drop", "0.4", "--seed", "3");
            assertEquals(0, simulate.exitCode(), simulate.err());
            Cli.Result r = record.get();
            assertEquals(0, r.exitCode(), r.err());
            Matcher lost = Pattern.compile("; (\\d+) frames lost,").matcher(r.out());
            assertTrue(lost.find(), r.out());
            Matcher missing = Pattern.compile("^" + Pattern.quote(out.toString()) + ": 5000 samples \\(50.0 s, (\\d+) of them"
                    + " missing\\) ").matcher(r.out());
            assertTrue(missing.find(), "the lost frames counted as missing among the samples: " + r.out());
            long missingRows = Long.parseLong(missing.group(1));
            assertTrue(missingRows > 0.9 * Long.parseLong(lost.group(1)) && missingRows <= Long.parseLong(lost.group(1)),
                    "those lost within the 50 s: " + r.out());
            long lostFrames = Long.parseLong(lost.group(1));
            long percent = Math.round(100.0 * lostFrames / (5000 - missingRows + lostFrames));
            assertTrue(percent >= 30 && percent <= 50, r.out());
            assertTrue(r.err().contains("soleus record: warning: " + out + ": " + percent + " % of the frames the device sent"
                    + " were lost (" + lostFrames + " frames): check the cable, the baud rate and what else the device"
                    + " sends"), r.err());
        }
    }

    @Test
    void simulateIntoAPortThatNobodyReadsDropsTheFramesInsteadOfWaitingForEver() throws Exception {
        try (Pty pty = new Pty(dir)) {
            CompletableFuture<Cli.Result> simulate = CompletableFuture.supplyAsync(() -> Cli.run("simulate",
                    WALK.toString(), "--port", pty.device.toString(), "--speed", "0"));
            // a guard against the hang this test is about, not a limit on how long it may take
            Cli.Result r = simulate.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("soleus: " + pty.device + ": the port takes no more bytes (nobody reads the other end); dropping"
                    + " frames until it does, as a sensor would (counted in the summary)\n", r.err());
            Matcher m = Pattern.compile("(\\d+) of 5349 samples sent \\(binary, [0-9.]+ s\\); 0 frames dropped, 0 corrupted "
                    + "\\(0 bytes\\), 0 due while the port was gone, (\\d+) dropped unread \\(nobody read the port\\)")
                    .matcher(r.out());
            assertTrue(m.find(), r.out());
            long sent = Long.parseLong(m.group(1));
            long unread = Long.parseLong(m.group(2));
            assertTrue(sent > 0 && unread > 0, r.out());
            assertEquals(5349, sent + unread, r.out());
        }
    }

    @Test
    void aRecordingCutByADeviceThatStoppedSaysSoInTheFile() throws Exception {
        Path out = dir.resolve("cut.csv");
        try (Pty pty = new Pty(dir)) {
            Simulated run = whileSimulating(pty, WALK, "binary",
                    "record", "--port", pty.host.toString(), "--out", out.toString(), "--idle-timeout", "1");
            Cli.Result r = run.command();
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("the device stopped sending"), r.err());
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(lines.get(lines.size() - 1).startsWith("# warning: the recording ended early: " + dir.resolve("host")
                + ": the device stopped sending"), lines.get(lines.size() - 1));
        Cli.Result analyzed = Cli.run("analyze", out.toString(), "--out", dir.resolve("cut-out").toString());
        assertEquals(0, analyzed.exitCode(), analyzed.err());
        assertTrue(analyzed.err().contains("soleus analyze: warning: " + out + ":" + lines.size()
                + ": the recording ended early: "), analyzed.err());
    }

    @Test
    void liveSaysWhatAnalyzeSaysStrideByStrideAndThatTheDeviceStopped() throws Exception {
        Path analyzed = dir.resolve("analyzed");
        assertEquals(0, Cli.run("analyze", WALK.toString(), "--out", analyzed.toString()).exitCode());
        List<String> batch = Files.readAllLines(analyzed.resolve("strides.csv"));
        List<String> strides = batch.subList(1, batch.size());
        JsonNode sides = Cli.summary(analyzed).at("/sides");
        int left = sides.at("/left/stride_count").asInt();
        int right = sides.at("/right/stride_count").asInt();
        int rejected = sides.at("/left/rejected_count").asInt() + sides.at("/right/rejected_count").asInt();
        assertEquals(strides.size(), left + right);
        try (Pty pty = new Pty(dir)) {
            Simulated run = whileSimulating(pty, WALK, "line",
                    "live", "--port", pty.host.toString(), "--protocol", "line", "--idle-timeout", "1");
            Cli.Result r = run.command();
            // the force over whole strides, checked once both feet have 10 strides, is warned of as analyze
            // does over all strides (1.41 body weights of the 75 kg that demographics.txt gives), and at the
            // end, over all strides, in analyze's words
            double wholeWalkBw = Cli.summary(analyzed).at("/session/mean_force_bw").asDouble();
            String notice = Cli.summary(analyzed).at("/data_quality/analysis_notices/0").asText();
            assertTrue(notice.startsWith(String.format(Locale.ROOT, "both feet's force averages %.2f body weights",
                    wholeWalkBw)), notice);
            assertEquals(1, r.exitCode(), r.err());
            int spikeColumn = List.of(batch.get(0).split(",")).indexOf("spike");
            long spikes = strides.stream().filter(l -> l.split(",", -1)[spikeColumn].equals("1")).count();
            List<String> err = r.err().lines().filter(l -> !l.startsWith("soleus live: spike: ")).toList();
            assertEquals(spikes == 0 ? 0 : 1, r.err().lines().filter(l -> l.equals("soleus live: spike: a stride whose"
                    + " peak force or loading rate has a modified z-score above 3.5 against the last 20 strides of its foot"
                    + " (both scores shown; a jump in load against the same person's recent strides, of the kind that"
                    + " can precede overuse strain: a flag to look at, not a diagnosis)"))
                    .count(), "the legend, once at the first spike: " + r.err());
            assertEquals(3, err.size(), r.err());
            assertEquals("soleus live: warning: over the whole session, " + notice, err.get(1));
            Matcher warning = Pattern.compile("soleus live: warning: both feet's force averages (\\d\\.\\d\\d) body weights"
                    + " over whole strides, not 1 as in steady walking: the body mass \\(75 kg\\) or the force scale is off"
                    + " by that factor \\(the force fits \\d+ kg\\), and so is every figure in body weights").matcher(err.get(0));
            assertTrue(warning.matches(), err.get(0));
            assertEquals(wholeWalkBw, Double.parseDouble(warning.group(1)), 0.05, "the first 10 strides against all");
            assertEquals("soleus: " + pty.host + ": the device stopped sending (nothing for 1 s after 5349 frames)",
                    err.get(2));
            List<String> lines = r.out().lines().toList();
            assertEquals(strides.size() + 1, lines.size(), r.out());
            List<String> liveStarts = lines.subList(0, strides.size()).stream()
                    .map(l -> l.split("\\s+")[0] + " " + Double.parseDouble(l.split("\\s+")[1])).sorted().toList();
            List<String> batchStarts = strides.stream()
                    .map(l -> l.split(",")[0] + " " + Double.parseDouble(l.split(",")[1])).sorted().toList();
            assertEquals(batchStarts, liveStarts);
            assertTrue(lines.get(strides.size()).contains(strides.size() + " strides (" + left + " left, " + right
                    + " right), " + rejected + " rejected, " + spikes + " spike" + (spikes == 1 ? "" : "s")), r.out());
        }
    }

    /**
     * {@code live --event-timing load-levels} times the strides as {@code analyze} does with it, and
     * says once, before the strides, which timing it uses; so does a stream that names that timing
     * itself (a Moticon export simulated over the line protocol, its metadata lines before the
     * header), and a stream naming none says nothing of it.
     */
    @Test
    void liveTimesTheEventsAsTheOptionSaysAndSaysSo() throws Exception {
        Path analyzed = dir.resolve("levels");
        assertEquals(0, Cli.run("analyze", WALK.toString(), "--event-timing", "load-levels", "--out",
                analyzed.toString()).exitCode());
        List<String> batch = Files.readAllLines(analyzed.resolve("strides.csv"));
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = whileSimulating(pty, WALK, "line", "live", "--port", pty.host.toString(), "--protocol", "line",
                    "--idle-timeout", "1", "--event-timing", "load-levels").command();
            assertEquals(1, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.equals("soleus live: events where the force rises through 3 %"
                    + " and falls through 12 % of the contact's height (--event-timing load-levels, the timing of"
                    + " Moticon's step markers)")).count(), r.err());
            List<String> liveStrides = r.out().lines().filter(l -> l.contains(" stride "))
                    .map(l -> l.split("\\s+")[0] + " " + Double.parseDouble(l.split("\\s+")[1]) + " "
                            + Double.parseDouble(l.split("\\s+")[4])).sorted().toList();
            List<String> batchStrides = batch.subList(1, batch.size()).stream()
                    .map(l -> l.split(",")[0] + " " + Double.parseDouble(l.split(",")[1]) + " "
                            + Double.parseDouble(l.split(",")[3])).sorted().toList();
            assertEquals(batchStrides, liveStrides);
        }
        Path moticon = Path.of("..", "sample-data", "moticon-opengo", "230927_102114.txt");
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = whileSimulating(pty, moticon, "line", "live", "--port", pty.host.toString(), "--protocol", "line",
                    "--idle-timeout", "1", "--mass", "70").command();
            assertEquals(1, r.err().lines().filter(l -> l.equals("soleus live: events where the force rises through 3 %"
                    + " and falls through 12 % of the contact's height (the stream's event_timing load-levels, the timing"
                    + " of Moticon's step markers)")).count(), r.err());
        }
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = whileSimulating(pty, WALK, "line", "live", "--port", pty.host.toString(), "--protocol", "line",
                    "--idle-timeout", "1").command();
            assertTrue(r.err().lines().noneMatch(l -> l.contains("events where the force")), r.err());
        }
    }

    /**
     * A burst of four samples of 10^8 N in a swing, a transmission error: live tells it as it
     * comes, {@code analyze} counts it, and both give the strides of the walk without it, with
     * the same peaks.
     */
    @Test
    void aBurstOfForceNoFootCarriesIsToldLiveAndLeftOutAsInAnalyze() throws Exception {
        Path walks = Files.createDirectories(dir.resolve("burst"));
        Files.copy(WALK.resolveSibling("demographics.txt"), walks.resolve("demographics.txt"));
        List<String> rows = new ArrayList<>(Files.readAllLines(WALK));
        int at = 1000;
        while (rows.subList(at, at + 10).stream().anyMatch(r -> Double.parseDouble(r.split("\t")[17]) != 0)) {
            at++;
        }
        for (int i = at + 3; i < at + 7; i++) {
            String[] cells = rows.get(i).split("\t", -1);
            cells[17] = "1e8";
            rows.set(i, String.join("\t", cells));
        }
        Path glitched = Files.write(walks.resolve(WALK.getFileName().toString()), rows);
        Path clean = dir.resolve("clean");
        Path analyzed = dir.resolve("glitched");
        assertEquals(0, Cli.run("analyze", WALK.toString(), "--out", clean.toString()).exitCode());
        Cli.Result batch = Cli.run("analyze", glitched.toString(), "--out", analyzed.toString());
        assertTrue(batch.err().contains("beyond 20 body weights") && batch.err().contains("left.insole.force_n 4"),
                batch.err());
        assertEquals(Files.readAllLines(clean.resolve("strides.csv")), Files.readAllLines(analyzed.resolve("strides.csv")));
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = whileSimulating(pty, glitched, "line", "live", "--port", pty.host.toString(), "--protocol",
                    "line", "--idle-timeout", "1").command();
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("soleus live: left force 100000000 N at ")
                    && l.contains(" is beyond 20 body weights")).count(), r.err());
            List<String> liveStrides = r.out().lines().filter(l -> l.contains(" stride "))
                    .map(l -> l.split("\\s+")[0] + " " + Double.parseDouble(l.split("\\s+")[1])).sorted().toList();
            List<String> batchStrides = Files.readAllLines(analyzed.resolve("strides.csv")).stream().skip(1)
                    .map(l -> l.split(",")[0] + " " + Double.parseDouble(l.split(",")[1])).sorted().toList();
            assertEquals(batchStrides, liveStrides);
        }
        // the walk's force in millinewtons named newtons: its strides come, not measured, and live says why
        List<String> milli = new ArrayList<>();
        for (String row : Files.readAllLines(WALK)) {
            String[] cells = row.split("\t", -1);
            cells[17] = String.valueOf(Double.parseDouble(cells[17]) * 1000);
            milli.add(String.join("\t", cells));
        }
        Path scaled = Files.createDirectories(dir.resolve("milli")).resolve(WALK.getFileName().toString());
        Files.copy(WALK.resolveSibling("demographics.txt"), scaled.resolveSibling("demographics.txt"));
        Files.write(scaled, milli);
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = whileSimulating(pty, scaled, "line", "live", "--port", pty.host.toString(), "--protocol",
                    "line", "--idle-timeout", "1").command();
            assertTrue(r.err().contains("soleus live: left force beyond 20 body weights in more than 1 % of the samples,"
                    + " too many for transmission errors: taken from "), r.err());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("left ") && l.endsWith("not measured (a force no foot"
                    + " carries)")), r.out());
        }
    }

    /**
     * Running (strides of 0.5 s, stance 40 %) streamed live: with the walking limits no stride is
     * valid, and the closing lines say so and which options change the limits, without a cadence
     * of NaN; with {@code --stride-range} the strides come.
     */
    @Test
    void liveSaysWhyNoStrideWasValidAndTheStrideRangeAdmitsRunning() throws Exception {
        Path run = RunningSteps.write(dir.resolve("run.csv"), 1500, "");
        try (Pty pty = new Pty(dir)) {
            Cli.Result walking = whileSimulating(pty, run, "line", "live", "--port", pty.host.toString(), "--protocol",
                    "line", "--idle-timeout", "1", "--mass", "70").command();
            List<String> lines = walking.out().lines().toList();
            String closing = lines.get(lines.size() - 1);
            assertTrue(closing.contains(" 0 strides (0 left, 0 right), ") && closing.endsWith(" rejected, 0 spikes"),
                    walking.out());
            assertTrue(walking.err().contains("soleus live: no stride was valid: a stride lasts 0.6-3.0 s with stance"
                    + " 30.0-80.0 % of it (--stride-range MIN,MAX and --stance-range MIN,MAX change that)"), walking.err());
        }
        try (Pty pty = new Pty(dir)) {
            Cli.Result running = whileSimulating(pty, run, "line", "live", "--port", pty.host.toString(), "--protocol",
                    "line", "--idle-timeout", "1", "--mass", "70", "--stride-range", "0.4,1.5", "--stance-range", "20,80")
                    .command();
            List<String> lines = running.out().lines().toList();
            String closing = lines.get(lines.size() - 1);
            assertTrue(closing.matches(".* (5[0-9]|60) strides \\(.*cadence 2[0-9]{2}\\.[0-9] steps/min"), running.out());
            assertFalse(running.err().contains("no stride was valid"), running.err());
        }
    }

    /**
     * The synthetic session streamed live: every stride line gives the knee at the peak moment and
     * the soleus-dominant time, and they are the figures {@code analyze} writes for that stride;
     * the lines marked {@code spike} are the strides flagged {@code spike} in its strides.csv, the
     * planted heavy stride (left, 6th) among them.
     */
    @Test
    void liveGivesTheKneeAtPeakMomentAndSoleusDominantTimeFromThighAndShankImus() throws Exception {
        Path session = Path.of("..", "sample-data", "synthetic", "synthetic-session.csv");
        Path analyzed = dir.resolve("analyzed");
        assertEquals(0, Cli.run("analyze", session.toString(), "--out", analyzed.toString()).exitCode());
        List<String> batch = Files.readAllLines(analyzed.resolve("strides.csv"));
        List<String> columns = List.of(batch.get(0).split(","));
        int knee = columns.indexOf("knee_flexion_at_peak_pf_deg");
        int soleus = columns.indexOf("soleus_dominant_s");
        int spike = columns.indexOf("spike");
        assertEquals(columns.size() - 1, spike, batch.get(0));
        Map<String, String[]> byStart = new HashMap<>();
        for (String row : batch.subList(1, batch.size())) {
            String[] cells = row.split(",", -1);
            byStart.put(cells[0] + " " + String.format(Locale.ROOT, "%.3f", Double.parseDouble(cells[1])), cells);
        }
        try (Pty pty = new Pty(dir)) {
            Simulated run = whileSimulating(pty, session, "line",
                    "live", "--port", pty.host.toString(), "--protocol", "line", "--idle-timeout", "1");
            Cli.Result r = run.command();
            List<String> strides = r.out().lines().filter(l -> l.startsWith("left ") || l.startsWith("right ")).toList();
            assertEquals(batch.size() - 1, strides.size(), r.out());
            Pattern figures = Pattern.compile("(\\w+) +(\\S+) s .*  knee (-?\\d+)°  soleus-dominant (\\d+\\.\\d\\d) s.*");
            for (String line : strides) {
                Matcher m = figures.matcher(line);
                assertTrue(m.matches(), line);
                String[] cells = byStart.get(m.group(1) + " " + m.group(2));
                assertTrue(cells != null, "analyze has no stride starting as " + line);
                assertEquals(String.format(Locale.ROOT, "%.0f", Double.parseDouble(cells[knee])), m.group(3), line);
                assertEquals(String.format(Locale.ROOT, "%.2f", Double.parseDouble(cells[soleus])), m.group(4), line);
                assertEquals(cells[spike].equals("1"), line.contains("  spike (z "), line);
            }
            List<String> spikes = strides.stream().filter(l -> l.contains("  spike (z ")).toList();
            assertTrue(spikes.stream().anyMatch(l -> l.matches("left +9\\.540 s .*")), r.out());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("soleus live: spike: a stride whose peak force"))
                    .count(), "the legend, once: " + r.err());
            assertTrue(r.out().lines().anyMatch(l -> l.contains(" rejected, " + spikes.size() + " spike"
                    + (spikes.size() == 1 ? "" : "s"))), "the closing line counts them: " + r.out());
            assertTrue(strides.stream().anyMatch(l -> !l.contains("soleus-dominant 0.00 s")), r.out());
        }
    }

    @Test
    void liveNamesTheLegsThatKeepTheConstantMomentArmWhenTheAnkleAngleIsAskedFor() throws Exception {
        Path walk = Path.of("..", "sample-data", "moticon-opengo", "230927_102114.txt");
        try (Pty pty = new Pty(dir)) {
            Simulated run = whileSimulating(pty, walk, "line",
                    "live", "--port", pty.host.toString(), "--protocol", "line", "--idle-timeout", "1", "--mass", "70",
                    "--moment-arm", "angle");
            Cli.Result r = run.command();
            for (String side : new String[] {"left", "right"}) {
                assertTrue(r.err().contains("soleus live: " + side + " leg: no ankle angle (needs " + side + ".shank.* and "
                        + side + ".foot.* IMUs that move after the standing calibration); its Achilles force uses the"
                        + " constant moment arm"), r.err());
            }
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("left ")), r.out());
        }
    }

    @Test
    void aStreamInNewtonsWithoutABodyMassSaysHowToGiveIt() throws Exception {
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = liveOn(pty, "# sample_rate_hz: 100\ntime_us,left.insole.force_n\n0,1\n10000,2\n");
            assertOneLineError(r, 1, "is unknown: loading in body weights needs it; give it with --mass KG");
        }
    }

    /**
     * A device that states an unusable body mass: {@code --mass} replaces it, and the run says so
     * in a warning.
     */
    @Test
    void aGivenMassReplacesTheDevicesUnusableOneWithAWarning() throws Exception {
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = liveOn(pty, "# sample_rate_hz: 100\n# body_mass_kg: heavy\ntime_us,left.insole.force_n\n0,1\n"
                    + "10000,2\n", "--mass", "70");
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("soleus live: warning: " + pty.host + ": body_mass_kg: expected a number,"
                    + " found 'heavy'; not used: --mass 70.0 kg is given"), r.err());
            assertTrue(r.err().contains("the device stopped sending"), r.err());
        }
    }

    /**
     * A stream naming an event timing there is not is refused, naming its metadata line; with
     * {@code --event-timing} its own is left out and the strides come at the option's timing.
     */
    @Test
    void theEventTimingOptionStandsInForAStreamsMistypedOne() throws Exception {
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\n# body_mass_kg: 70\n# event_timing: vendor\n"
                + "left.insole.force_n\n");
        for (int i = 0; i < 1500; i++) {
            text.append(i % 110 < 65 ? 700 : 0).append('\n');
        }
        try (Pty pty = new Pty(dir)) {
            Cli.Result refused = liveOn(pty, text.toString());
            assertEquals(1, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("the stream's metadata line '# event_timing: vendor' was refused"),
                    refused.err());
        }
        try (Pty pty = new Pty(dir)) {
            Cli.Result given = liveOn(pty, text.toString(), "--event-timing", "load-levels");
            assertFalse(given.err().contains("was refused"), given.err());
            assertTrue(given.err().contains("(--event-timing load-levels"), given.err());
            assertTrue(given.out().lines().filter(l -> l.contains(" stride ")).count() >= 8, given.out());
        }
    }

    /**
     * A device that streams its cells in newtons but not the foot's force: live analyses the sum
     * of the cells and says so, as analyze does for a file of them.
     */
    @Test
    void aStreamOfCellsInNewtonsIsAnalysedFromTheirSumAndSaysSo() throws Exception {
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = liveOn(pty, cellsWalk());
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.out().lines().filter(l -> l.startsWith("left ") || l.startsWith("right ")).count() >= 20, r.out());
            assertTrue(r.err().contains("soleus live: warning: " + pty.host + ": " + CELL_SUMS), r.err());
        }
    }

    /**
     * The same stream recorded: the file holds what the device sent, the cells without a sum,
     * and its analysis takes their sum and says so, as live does.
     */
    @Test
    void aRecordingOfCellsInNewtonsHoldsTheCellsAndIsAnalysedFromTheirSum() throws Exception {
        Path out = dir.resolve("cells.csv");
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = commandOn(pty, cellsWalk(), "record", "--port", pty.host.toString(), "--protocol", "line",
                    "--idle-timeout", "1", "--out", out.toString());
            assertEquals(1, r.exitCode(), r.err());
        }
        assertEquals("time_s,left.insole.cell01_n,left.insole.cell02_n,right.insole.cell01_n",
                Files.readAllLines(out).stream().filter(l -> l.startsWith("time_s,")).findFirst().orElseThrow());
        Cli.Result analyzed = Cli.run("analyze", out.toString(), "--out", dir.resolve("cells-out").toString());
        assertEquals(0, analyzed.exitCode(), analyzed.err());
        assertTrue(analyzed.out().matches("(?s).*: \\d+ left \\+ \\d+ right strides -> .*"), analyzed.out());
        assertTrue(analyzed.err().contains("soleus analyze: warning: " + out + ": " + CELL_SUMS), analyzed.err());
    }

    /**
     * A device that sends its forces in kilogram-force: the recording holds them in newtons, its
     * end says so in a warning line, and so does {@code record} as the recording ends, not only
     * the analysis of the file later.
     */
    @Test
    void aRecordingInKilogramForceSaysThatItWasConverted() throws Exception {
        Path out = dir.resolve("kgf.csv");
        String kgf = cellsWalk().replace("left.insole.cell01_n,left.insole.cell02_n,right.insole.cell01_n",
                "left.insole.force_kgf,left.insole.toe_n,right.insole.force_kgf");
        Cli.Result r;
        try (Pty pty = new Pty(dir)) {
            r = commandOn(pty, kgf, "record", "--port", pty.host.toString(), "--protocol", "line", "--idle-timeout", "1",
                    "--out", out.toString());
            String warning = pty.host + ": force in kgf converted to newtons while reading (1 kgf = 9.80665 N) and the"
                    + " channels renamed to _n: left.insole.force_kgf, right.insole.force_kgf";
            assertTrue(r.err().contains("soleus record: warning: " + warning + "\n"), r.err());
            assertTrue(Files.readAllLines(out).contains("# warning: " + warning), Files.readString(out));
        }
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("converted")).count(), r.err());
        assertEquals("time_s,left.insole.force_n,left.insole.toe_n,right.insole.force_n",
                Files.readAllLines(out).stream().filter(l -> l.startsWith("time_s,")).findFirst().orElseThrow());
    }

    /**
     * A device that declares forces in kilogram-force but sends no sample: no recording is
     * written, so none is said to have had its forces converted.
     */
    @Test
    void aRecordingNotWrittenIsNotSaidToHaveBeenConverted() throws Exception {
        Path out = dir.resolve("kgf.csv");
        Cli.Result r;
        try (Pty pty = new Pty(dir)) {
            r = commandOn(pty, "# sample_rate_hz: 100\nleft.insole.force_kgf,right.insole.force_kgf\n", "record", "--port",
                    pty.host.toString(), "--protocol", "line", "--idle-timeout", "1", "--out", out.toString());
        }
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(out + " was not written"), r.err());
        assertFalse(r.err().contains("converted"), r.err());
        assertFalse(Files.exists(out));
    }

    /** The start of the warning for the walk of {@link #cellsWalk}. */
    private static final String CELL_SUMS = "no insole force channel: left.insole.force_n is the sum of its 2 cells"
            + " (left.insole.cell01_n … left.insole.cell02_n), right.insole.force_n the sum of its 1 cell"
            + " (right.insole.cell01_n)";

    /** 15 s of a line-protocol walk at 100 Hz, 70 kg: two left cells in newtons, one right, no force channel. */
    private static String cellsWalk() {
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\n# body_mass_kg: 70\n"
                + "left.insole.cell01_n,left.insole.cell02_n,right.insole.cell01_n\n");
        for (int i = 0; i < 1500; i++) {
            double leftN = contactForceN(i / 100.0);
            double rightN = contactForceN(i / 100.0 + 0.55);
            text.append(String.format(Locale.ROOT, "%.1f,%.1f,%.1f%n", 0.6 * leftN, 0.4 * leftN, rightN));
        }
        return text.toString();
    }

    /** A foot's force in a walk of 1.1 s strides with 0.7 s stances, {@code timeS} into it, N. */
    private static double contactForceN(double timeS) {
        double phase = timeS % 1.1;
        return phase < 0.7 ? 700 * Math.sin(Math.PI * phase / 0.7) : 0;
    }

    /**
     * Runs {@code live} on the line protocol (idle timeout 1 s, with {@code more} options) while
     * the device end of {@code pty} sends {@code text} once the command has the port open.
     */
    private static Cli.Result liveOn(Pty pty, String text, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("live", "--port", pty.host.toString(), "--protocol", "line",
                "--idle-timeout", "1"));
        args.addAll(List.of(more));
        return commandOn(pty, text, args.toArray(new String[0]));
    }

    /** Runs {@code command} while the device end of {@code pty} sends {@code text} once the command has the port open. */
    private static Cli.Result commandOn(Pty pty, String text, String... command) throws Exception {
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run(command));
        pty.awaitHostOpened();
        try (OutputStream device = Files.newOutputStream(pty.device)) {
            device.write(text.getBytes(StandardCharsets.US_ASCII));
            device.flush();
            return run.get();
        }
    }

    @Test
    void theIdleTimeoutAlsoBoundsTheWaitForTheFirstByte() throws Exception {
        try (Pty pty = new Pty(dir)) {
            Cli.Result r = Cli.run("record", "--port", pty.host.toString(), "--out", dir.resolve("idle.csv").toString(),
                    "--idle-timeout", "1");
            assertOneLineError(r, 1, pty.host + ": nothing arrived in 1 s");
        }
    }

    @Test
    void aStreamThatStopsBeforeItsFirstSampleLeavesNoFileAndKeepsTheOneThere() throws Exception {
        Path out = Files.writeString(dir.resolve("walk.csv"), "precious");
        try (Pty pty = new Pty(dir)) {
            CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run("record",
                    "--port", pty.host.toString(), "--protocol", "line", "--out", out.toString(), "--force",
                    "--idle-timeout", "1"));
            pty.awaitHostOpened();
            try (OutputStream device = Files.newOutputStream(pty.device)) {
                device.write("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n".getBytes(StandardCharsets.US_ASCII));
                device.flush();
                Cli.Result r = record.get();
                assertOneLineError(r, 1, pty.host + ": the device declared its channels but sent no samples in 1 s: is it "
                        + "measuring?; " + out + " was not written");
                assertEquals("", r.out());
            }
        }
        assertEquals("precious", Files.readString(out));
    }

    @Test
    void bytesThatDoNotDecodeAreReportedAsAWrongBaudOrProtocol() throws Exception {
        try (Pty pty = new Pty(dir)) {
            CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run("record",
                    "--port", pty.host.toString(), "--out", dir.resolve("x.csv").toString()));
            byte[] text = "1023,512,77\n".getBytes(StandardCharsets.US_ASCII);
            try (OutputStream device = Files.newOutputStream(pty.device)) {
                while (!record.isDone()) {
                    device.write(text);
                    device.flush();
                    Thread.sleep(10);
                }
            }
            Cli.Result r = record.get();
            assertOneLineError(r, 1, "none decodes: check --baud (now 921600) and --protocol (now binary)");
            assertFalse(Files.exists(dir.resolve("x.csv")));
        }
    }

    /**
     * A stream in another protocol that yields a stray sample before it is found out (a binary
     * stream read as lines) leaves no file of that noise, which a new recording would otherwise
     * have to be forced to replace.
     */
    @Test
    void aStreamFoundNotToDecodeAfterAStraySampleLeavesNoFile() throws Exception {
        Path out = dir.resolve("noise.csv");
        Cli.Result r = recordAStraySampleThenNoise(out);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("lines or frames since the stream began do not decode")
                && r.err().contains(out + " was not written"), r.err());
        assertFalse(Files.exists(out));
    }

    /**
     * {@code record --protocol line} of a device that sends a channel line and one row, then a
     * binary stream's bytes until the recorder stops; {@code more} are added to the command.
     */
    private Cli.Result recordAStraySampleThenNoise(Path out, String... more) throws Exception {
        List<String> args = new ArrayList<>();
        try (Pty pty = new Pty(dir)) {
            args.addAll(List.of("record", "--port", pty.host.toString(), "--protocol", "line", "--rate", "100", "--out",
                    out.toString()));
            args.addAll(List.of(more));
            CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run(args.toArray(String[]::new)));
            try (OutputStream device = Files.newOutputStream(pty.device)) {
                device.write("left.insole.force_n\n5\n".getBytes(StandardCharsets.US_ASCII));
                byte[] noise = "\u0001W\u0002B,x;y\n".getBytes(StandardCharsets.US_ASCII);
                while (!record.isDone()) {
                    device.write(noise);
                    device.flush();
                    Thread.sleep(10);
                }
            }
            return record.get();
        }
    }

    /**
     * With {@code --force}, a stream found not to decode after a stray sample leaves the file it
     * was to replace as it was: the stray sample went to the part file beside it, which goes.
     */
    @Test
    void aForcedRecordingFoundNotToDecodeLeavesTheFileItWasToReplace() throws Exception {
        Path out = Files.writeString(dir.resolve("walk.csv"), "precious");
        Cli.Result r = recordAStraySampleThenNoise(out, "--force");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("lines or frames since the stream began do not decode")
                && r.err().contains(out + " was left as it was"), r.err());
        assertEquals("precious", Files.readString(out));
        assertFalse(Files.exists(dir.resolve("walk.csv.part")));
    }

    /**
     * A forced recording of such a stream that ends (here a device gone silent after 1 s) before
     * the check would have found it out is judged by the same rule at its end: the file stays as
     * it was.
     */
    @Test
    void aForcedRecordingThatEndsBeforeTheCheckIsJudgedAtItsEnd() throws Exception {
        Path out = Files.writeString(dir.resolve("short.csv"), "precious");
        Cli.Result r;
        try (Pty pty = new Pty(dir)) {
            CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run("record", "--port",
                    pty.host.toString(), "--protocol", "line", "--rate", "100", "--out", out.toString(), "--force",
                    "--idle-timeout", "1"));
            pty.awaitHostOpened();
            try (OutputStream device = Files.newOutputStream(pty.device)) {
                device.write("left.insole.force_n\n5\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 20; i++) {
                    device.write("\u0001W\u0002B,x;y\n".getBytes(StandardCharsets.US_ASCII));
                }
                device.flush();
                r = record.get();
            }
        }
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("20 of 21 lines or frames did not decode before the recording ended (")
                && r.err().contains("): check --baud and --protocol; " + out + " was left as it was"), r.err());
        assertEquals("precious", Files.readString(out));
        assertFalse(Files.exists(dir.resolve("short.csv.part")));
    }

    /**
     * A part file an earlier forced recording left is told before the port is opened, not once
     * the device sends: here the port does not even exist, and the part file is named.
     */
    @Test
    void aLeftOverPartFileIsToldBeforeThePortIsOpened() throws IOException {
        Path out = Files.writeString(dir.resolve("walk.csv"), "precious");
        Path part = Files.writeString(dir.resolve("walk.csv.part"), "left by a killed recorder");
        Cli.Result r = Cli.run("record", "--port", dir.resolve("no-such-port").toString(), "--out", out.toString(),
                "--force");
        assertOneLineError(r, 1);
        assertTrue(r.err().contains(part.toRealPath() + ": exists, left by an earlier recording of " + out), r.err());
        assertEquals("left by a killed recorder", Files.readString(part));
        assertEquals("precious", Files.readString(out));
    }

    /**
     * With {@code --force}, a port that goes away before the stream has passed its check and
     * stays away: the file to be replaced stays as it was, the samples that came stay in the part
     * file, and the error and a line say so.
     */
    @Test
    void aForcedRecordingCutBeforeTheCheckKeepsTheFile() throws Exception {
        Path out = Files.writeString(dir.resolve("walk.csv"), "precious");
        Path part = dir.resolve("walk.csv.part");
        Cli.Result r;
        try (Pty pty = new Pty(dir)) {
            CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run("record",
                    "--port", pty.host.toString(), "--protocol", "line", "--out", out.toString(), "--force",
                    "--reconnect-timeout", "1"));
            pty.awaitHostOpened();
            try (OutputStream device = Files.newOutputStream(pty.device)) {
                device.write("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 50; i++) {
                    device.write(String.format(Locale.ROOT, "%d,%d%n", i * 10_000L, i).getBytes(StandardCharsets.US_ASCII));
                }
                device.flush();
                // a guard against a hang, not a time limit: until the part file holds rows
                for (int i = 0; i < 500 && !(Files.exists(part) && Files.readString(part).lines().count() > 10); i++) {
                    Thread.sleep(10);
                }
            }
            pty.close();
            r = record.get();
        }
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("precious", Files.readString(out));
        assertTrue(Files.readString(part).lines().anyMatch(l -> l.endsWith(",49")), "the samples kept");
        assertTrue(r.err().lines().noneMatch(l -> l.contains(out + " keeps the")), r.err());
        assertTrue(r.err().contains("soleus: ended before the stream's check (3 s after its first frame): " + out
                + " was left as it was, and the recording is in " + part.toRealPath()), r.err());
    }

    /**
     * With {@code --force}, a stream that decodes replaces the file once it has passed the check
     * of its protocol (3 s after its first frame), while the recording goes on: the file is then
     * the recording, written on to its end, and no part file is left.
     */
    @Test
    void aForcedRecordingReplacesTheFileOnceTheStreamDecodesAndWritesOnIntoIt() throws Exception {
        Path out = Files.writeString(dir.resolve("walk.csv"), "precious");
        Path part = dir.resolve("walk.csv.part");
        int rows = 0;
        try (Pty pty = new Pty(dir)) {
            CompletableFuture<Cli.Result> record = CompletableFuture.supplyAsync(() -> Cli.run("record",
                    "--port", pty.host.toString(), "--protocol", "line", "--out", out.toString(), "--force",
                    "--idle-timeout", "1"));
            pty.awaitHostOpened();
            boolean partSeen = false;
            boolean replacedWhileRecording = false;
            try (OutputStream device = Files.newOutputStream(pty.device)) {
                device.write("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n".getBytes(StandardCharsets.US_ASCII));
                while (!replacedWhileRecording && rows < 3000) {
                    device.write(String.format(Locale.ROOT, "%d,%d%n", rows * 10_000L, rows % 50)
                            .getBytes(StandardCharsets.US_ASCII));
                    device.flush();
                    rows++;
                    Thread.sleep(10);
                    partSeen |= Files.exists(part) && Files.readString(out).equals("precious");
                    replacedWhileRecording = !Files.readString(out).equals("precious") && !Files.exists(part);
                }
                for (int i = 0; i < 20; i++) {
                    device.write(String.format(Locale.ROOT, "%d,%d%n", rows * 10_000L, 7).getBytes(StandardCharsets.US_ASCII));
                    rows++;
                }
                device.flush();
            }
            Cli.Result r = record.get();
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(partSeen, "the samples went beside the file while the stream was being checked");
            assertTrue(replacedWhileRecording, "the file was replaced while the recording went on");
            assertTrue(r.err().contains(out + " keeps the " + rows + " samples up to then"), r.err());
        }
        assertFalse(Files.exists(part));
        Recording back = Recordings.read(out);
        assertEquals(rows, back.length());
        assertEquals(7f, back.channel("left.insole.force_n").get(rows - 1));
    }

    @Test
    void aPortThatAnotherRecordingHoldsIsOneLineSayingItIsInUse() throws Exception {
        Path out = dir.resolve("second.csv");
        try (Pty pty = new Pty(dir);
             ByteLink first = SerialPorts.opener(pty.host.toString(), 921600, 50).open()) {
            Cli.Result r = Cli.run("record", "--port", pty.host.toString(), "--out", out.toString());
            assertOneLineError(r, 1, pty.host + ": the port is in use by another program (a serial monitor, another soleus)");
            assertFalse(Files.exists(out));
        }
    }
}
