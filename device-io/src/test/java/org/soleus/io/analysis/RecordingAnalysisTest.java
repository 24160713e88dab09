package org.soleus.io.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.UnknownBodyMassException;
import org.soleus.core.events.EventTiming;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.ankle.GivenFootGeometry;
import org.soleus.core.recording.Side;
import org.soleus.io.MoticonExports;
import org.soleus.io.SampleData;
import org.soleus.io.format.DataFormatException;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingFormat;
import org.soleus.io.output.AnalysisOutputs;
import org.soleus.io.output.AnalysisReport;
import org.soleus.io.output.ValueSource;

/** The analysis of a gaitpdb walk (insole force only) from reading to the written files. */
final class RecordingAnalysisTest {
    private static final Path WALK = SampleData.of("physionet-gaitpdb", "GaCo01_01.txt");

    @TempDir
    Path dir;

    /** What the analysis told, one string an event. */
    private static final class Log implements RecordingAnalysis.Observer {
        final List<String> events = new ArrayList<>();

        @Override
        public void stage(String what, double fractionOfInput) {
            if (!what.equals("reading") || fractionOfInput == 0) {
                events.add(what + " " + fractionOfInput);
            }
        }

        @Override
        public void readerWarnings(List<String> warnings) {
            events.add("warnings " + warnings.size());
        }

        @Override
        public void notice(String text) {
            events.add("notice " + text);
        }
    }

    private static AnalysisSettings settings(ReadOptions read, boolean series) {
        return new AnalysisSettings(read, null, null, GaitSettings.defaults(), LegLoadSettings.DEFAULTS, false, series,
                "9.9");
    }

    @Test
    void readsAnalysesAndWritesAWalkTellingEachStage() throws IOException {
        RecordingAnalysis analysis = new RecordingAnalysis(settings(ReadOptions.DEFAULTS, true));
        Log log = new Log();
        AnalysisReport report = analysis.analyze(WALK, log);
        analysis.write(report, dir, log);
        // gaitpdb's force sums read 1.32 times the body weight of demographics.txt
        String forceScale = "both feet's force averages 1.32 body weights over whole strides, not 1 as in steady walking:"
                + " the body mass (83 kg) or the force scale is off by that factor (the force fits 109 kg), and so is every"
                + " figure in body weights";
        assertEquals(List.of("reading 0.0", "warnings 0", "analysing 0.8", "analysing the legs 0.9", "notice " + forceScale,
                "notice no series.csv: no leg signal to derive (needs <side>.insole.force_n with <side>.insole.cop_y_norm,"
                        + " or thigh and shank IMUs)", "writing 0.95"), log.events);
        assertEquals(RecordingFormat.GAITPDB, report.input().format());
        assertEquals(ValueSource.DETECTED, report.input().formatSource());
        assertTrue(report.analysis().strides().size() > 50, "strides: " + report.analysis().strides().size());
        assertTrue(Files.exists(dir.resolve(AnalysisOutputs.STRIDES_CSV)));
        assertFalse(Files.exists(dir.resolve(AnalysisOutputs.SERIES_CSV)));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve(AnalysisOutputs.SUMMARY_JSON).toFile());
        assertEquals(forceScale, summary.at("/data_quality/analysis_notices/0").asText(),
                "every notice told is kept in summary.json");
        assertEquals("no series.csv: no leg signal to derive (needs <side>.insole.force_n with <side>.insole.cop_y_norm,"
                + " or thigh and shank IMUs)", summary.at("/data_quality/analysis_notices/1").asText());
        assertEquals(2, summary.at("/data_quality/analysis_notices").size());
        assertFalse(summary.at("/settings/imu_events").asBoolean(true), "events from the insoles");
        assertTrue(summary.at("/settings/calibration_file").isNull());

        long left = report.analysis().strides().stream().filter(r -> r.stride().side() == Side.LEFT).count();
        long right = report.analysis().strides().size() - left;
        assertEquals(WALK + ": " + left + " left + " + right + " right strides -> " + dir,
                SummaryLine.of(WALK, report.legs(), dir));
    }

    /**
     * A Moticon walk (of a subject of about 90 kg, as its force over whole strides says): a
     * vendor size code instead of an insole length (the default foot) is told,
     * and listed in the report; with the foot given, the notice goes. Its cells give the heel
     * force, so no notice says the heel share is missing.
     */
    @Test
    void aMoticonWalkIsToldWhatItsInsolesDoNotGive() throws IOException {
        Path moticon = SampleData.of("moticon-opengo", "230927_102114.txt");
        Log log = new Log();
        AnalysisReport report = new RecordingAnalysis(settings(new ReadOptions(null, Double.NaN, 90), false))
                .analyze(moticon, log);
        List<String> notices = log.events.stream().filter(e -> e.startsWith("notice ")).map(e -> e.substring(7)).toList();
        assertEquals(report.notices(), notices);
        assertEquals(report.legs().notices(), notices);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("insole size '7' is not an EU shoe size")
                && notices.get(0).contains("0.270 m insole"), notices.get(0));

        LegLoadSettings ownFoot = new LegLoadSettings(LegLoadSettings.DEFAULTS.plantarFlexion(), new GivenFootGeometry(0.28, 0.06),
                LegLoadSettings.DEFAULTS.soleus(), LegLoadSettings.DEFAULTS.calfRaise());
        AnalysisReport given = new RecordingAnalysis(new AnalysisSettings(new ReadOptions(null, Double.NaN, 90), null, null,
                GaitSettings.defaults(), ownFoot, false, false, "9.9")).analyze(moticon, new Log());
        assertEquals(List.of(), given.legs().notices());
    }

    /**
     * A Moticon export without total force or pressures: its events come from the insoles' IMUs,
     * which the run says as well as the summary's settings; with the pressures, from them, and no
     * such notice.
     */
    @Test
    void eventsFromTheImusWithoutAnInsoleForceAreTold() throws IOException {
        Path moticon = SampleData.of("moticon-opengo", "230927_102114.txt");
        Path noForce = MoticonExports.withoutColumns(moticon, dir.resolve("no-force.txt"), "total force");
        Path imuOnly = MoticonExports.withoutColumns(noForce, dir.resolve("imu-only.txt"), "pressure");
        RecordingAnalysis analysis = new RecordingAnalysis(settings(new ReadOptions(null, Double.NaN, 70), false));

        AnalysisReport fromImus = analysis.analyze(imuOnly, new Log());
        assertTrue(fromImus.run().imuEvents());
        assertEquals("no insole force channel (<side>.insole.force_<unit>): the gait events come from the IMUs' angular"
                + " rates, whose contact timing is less accurate than a force signal's", fromImus.notices().get(0));

        AnalysisReport timed = new RecordingAnalysis(new AnalysisSettings(new ReadOptions(null, Double.NaN, 70), null, null,
                GaitSettings.defaults().withEventTiming(EventTiming.UNLOADED_BASELINE), LegLoadSettings.DEFAULTS, false, false, "9.9"))
                .analyze(imuOnly, new Log());
        assertEquals(fromImus.notices().get(0) + "; --event-timing, which places events on the force's edges, has nothing"
                + " to act on", timed.notices().get(0));

        AnalysisReport fromCells = analysis.analyze(noForce, new Log());
        assertFalse(fromCells.run().imuEvents());
        assertTrue(fromCells.notices().stream().noneMatch(n -> n.contains("IMUs' angular rates")), fromCells.notices().toString());
        assertTrue(fromCells.analysis().strides().size() >= 10, "strides: " + fromCells.analysis().strides().size());
    }

    /**
     * The synthetic session without the right insole's columns: the right foot still has its foot
     * and shank IMUs, so the run tells that {@code --imu} would time its events, naming the IMU
     * it would use (the foot's, else the shank's); a force column without a sample is named as
     * such, not said to be missing. Without any right-foot channel (one insole
     * recorded), or with a gyroscope axis too few for {@code --imu}, there is nothing to tell.
     */
    @Test
    void aFootWithAnImuButNoInsoleForceIsTold() throws IOException {
        String told = "right foot: no insole force (right.insole.force_<unit>), so no gait events; --imu times them"
                + " with its foot gyroscope";
        Path noRightInsole = session("no-right-insole.csv", "", "right.insole.");
        AnalysisReport insoles = analysis(false).analyze(noRightInsole, new Log());
        assertTrue(insoles.notices().contains(told), insoles.notices().toString());
        assertTrue(insoles.analysis().strides().stream().noneMatch(s -> s.stride().side() == Side.RIGHT));

        AnalysisReport withImu = analysis(true).analyze(noRightInsole, new Log());
        assertFalse(withImu.notices().contains(told), withImu.notices().toString());
        assertTrue(withImu.analysis().strides().stream().anyMatch(s -> s.stride().side() == Side.RIGHT));

        Path emptyRightInsole = session("empty-right-insole.csv", "right.insole.");
        List<String> emptyForce = analysis(false).analyze(emptyRightInsole, new Log()).notices();
        assertTrue(emptyForce.contains("right foot: its insole force (right.insole.force_n) has no sample, so no gait"
                + " events; --imu times them with its foot gyroscope"), emptyForce.toString());

        Path shankOnly = session("right-shank.csv", "", "right.insole.", "right.foot.");
        assertTrue(analysis(false).analyze(shankOnly, new Log()).notices()
                .contains(told.replace("its foot gyroscope", "its shank gyroscope")));

        Path oneAxis = session("right-gyr-z.csv", "", "right.insole.", "right.shank.", "right.foot.gyr_x",
                "right.foot.gyr_y");
        List<String> fewAxes = analysis(false).analyze(oneAxis, new Log()).notices();
        assertTrue(fewAxes.stream().noneMatch(n -> n.contains("--imu times them")), fewAxes.toString());

        Path leftOnly = session("left-only.csv", "", "right.");
        List<String> oneInsole = analysis(false).analyze(leftOnly, new Log()).notices();
        assertTrue(oneInsole.stream().noneMatch(n -> n.contains("no insole force")), oneInsole.toString());

        List<String> lines = Files.readAllLines(noRightInsole);
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("time_s,")).findFirst().orElseThrow());
        lines.set(header, lines.get(header).replace("right.foot.gyr_x_dps", "right.insole.cell01_counts"));
        List<String> counts = analysis(false).analyze(Files.write(dir.resolve("right-counts.csv"), lines), new Log())
                .notices();
        assertTrue(counts.contains("right foot: its insole sends raw counts (right.insole.cell01_counts …) and no force,"
                + " so no gait events; --calibration FILE turns the counts into newtons"), counts.toString());
    }

    /**
     * A force column whose name is misspelt, in its quantity or its place ({@code left.insole.forc_n},
     * {@code left.insole.froce_n}, {@code left.insol.force_n}, {@code left.inosle.force_n}), is
     * named in the notice, with or without an IMU that could time the foot's events; a name
     * further from {@code insole} and {@code force} is not.
     */
    @Test
    void aMisspeltForceColumnIsNamed() throws IOException {
        for (String misspelt : List.of("left.insole.forc_n", "left.insole.froce_n", "left.insol.force_n",
                "left.inosle.force_n")) {
            for (String[] dropped : List.of(new String[0], new String[] {"left.foot.", "left.shank."})) {
                Path typo = renamed(session("typo.csv", "", dropped), "left.insole.force_n", misspelt);
                List<String> notices = analysis(false).analyze(typo, new Log()).notices();
                assertTrue(notices.contains("left foot: no insole force (left.insole.force_<unit>), so no gait events; is "
                        + misspelt + " the force, misspelt? Rename its column"), misspelt + ": " + notices);
            }
        }
        Path both = renamed(renamed(session("both.csv", ""), "left.insole.force_n", "left.insole.forc_n"),
                "right.insole.force_n", "right.insole.forc_n");
        List<String> fromImus = analysis(false).analyze(both, new Log()).notices();
        assertTrue(fromImus.get(0).endsWith("force signal's; are left.insole.forc_n and right.insole.forc_n the forces,"
                + " misspelt? Rename their columns"), fromImus.toString());
        Path withoutImus = renamed(renamed(session("both-no-imu.csv", "", "left.foot.", "left.shank.", "left.thigh.",
                "right.foot.", "right.shank.", "right.thigh."), "left.insole.force_n", "left.insole.forc_n"),
                "right.insole.force_n", "right.insole.forc_n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> analysis(false).analyze(withoutImus, new Log()));
        assertTrue(e.getMessage().startsWith(withoutImus + ": ") || e.getMessage().contains(withoutImus.toString()),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; are left.insole.forc_n and right.insole.forc_n the forces, misspelt? Rename"
                + " their columns"), e.getMessage());

        Path leftTypo = renamed(session("left-typo.csv", ""), "left.insole.force_n", "left.insole.forc_n");
        assertTrue(analysis(true).analyze(leftTypo, new Log()).notices().contains("a foot without insole force"
                + " (<side>.insole.force_<unit>) takes its events from its IMU alone; is left.insole.forc_n the force,"
                + " misspelt? Rename its column"), "with --imu too");

        // a misspelt force beside the sum of the foot's cells in newtons, which the analysis takes instead
        Path besideCells = Files.write(dir.resolve("beside-cells.csv"), List.of("# sample_rate_hz: 100",
                "# body_mass_kg: 70", "left.insole.cell01_n,left.insole.cell02_n,left.insole.forse_n",
                "1,2,3", "4,5,9"));
        assertTrue(analysis(false).analyze(besideCells, new Log()).notices().contains("channels named like an insole"
                + " force, misspelt: left.insole.forse_n beside left.insole.force_n, which the analysis takes; if a"
                + " misspelt one is the force, rename its column"), "beside the cells' sum");
        Path besideEmpty = Files.write(dir.resolve("beside-empty.csv"), List.of("# sample_rate_hz: 100",
                "# body_mass_kg: 70", "left.insole.force_n,left.insole.forse_n,right.insole.force_n", ",3,1", ",9,2"));
        assertTrue(analysis(false).analyze(besideEmpty, new Log()).notices().contains("channels named like an insole"
                + " force, misspelt: left.insole.forse_n beside left.insole.force_n (which has no sample), which the"
                + " analysis takes; if a misspelt one is the force, rename its column"), "beside an empty force");

        for (String other : List.of("left.insole.load_n", "left.insol.froce_n")) {
            Path file = renamed(session("other.csv", "", "left.foot.", "left.shank."), "left.insole.force_n", other);
            List<String> notices = analysis(false).analyze(file, new Log()).notices();
            assertTrue(notices.stream().noneMatch(n -> n.contains("misspelt")), other + ": " + notices);
        }
    }

    /** {@code file} with its header row's column {@code from} named {@code to}. */
    private static Path renamed(Path file, String from, String to) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("time_s,")).findFirst().orElseThrow());
        lines.set(header, lines.get(header).replace(from + ",", to + ","));
        return Files.write(file, lines);
    }

    /**
     * A gaitpdb walk whose left force was shifted by −300 N and right by +150 N (insoles not
     * zeroed): the events are the same, and a notice names each foot's swing level against its
     * peaks. The walk as published gives no such notice ({@link #readsAnalysesAndWritesAWalkTellingEachStage}).
     */
    @Test
    void insolesWhoseZeroIsOffAreTold() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("offset"));
        Files.copy(WALK.resolveSibling("demographics.txt"), folder.resolve("demographics.txt"));
        List<String> shifted = new ArrayList<>();
        for (String line : Files.readAllLines(WALK)) {
            String[] cells = line.split("\t");
            cells[17] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(cells[17]) - 300);
            cells[18] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(cells[18]) + 150);
            shifted.add(String.join("\t", cells));
        }
        Path walk = Files.write(folder.resolve("GaCo01_01.txt"), shifted);
        RecordingAnalysis analysis = new RecordingAnalysis(settings(ReadOptions.DEFAULTS, false));
        AnalysisReport offset = analysis.analyze(walk, new Log());
        AnalysisReport published = analysis.analyze(WALK, new Log());
        assertEquals(published.analysis().events(), offset.analysis().events());
        List<String> told = offset.notices().stream().filter(n -> n.startsWith("insole force far from 0 N in swing")).toList();
        assertEquals(1, told.size(), offset.notices().toString());
        assertTrue(told.get(0).matches(".*\\(left -300 N \\(its stride peaks \\d+ N\\), right 150 N \\(its stride peaks"
                + " \\d+ N\\), medians\\): the insole's zero is off.*"), told.get(0));
    }

    /**
     * The walk saved as the toolkit's CSV of its 16 cells alone, without the dataset's total
     * force columns (which are the sums of its cells): the analysis takes the cells' sums for the
     * feet's forces and finds the same events, strides and peaks.
     */
    @Test
    void aWalkOfCellsAloneIsAnalysedFromTheirSums() throws IOException {
        List<String> csv = new ArrayList<>(List.of("# sample_rate_hz: 100", "# body_mass_kg: 83",
                String.join(",", Arrays.stream(new String[] {"left", "right"}).flatMap(side -> Arrays.stream(
                        new int[] {1, 2, 3, 4, 5, 6, 7, 8}).mapToObj(c -> side + ".insole.cell0" + c + "_n")).toList())));
        for (String line : Files.readAllLines(WALK)) {
            csv.add(String.join(",", Arrays.asList(line.strip().split("\\s+")).subList(1, 17)));
        }
        Path cells = Files.write(dir.resolve("cells.csv"), csv);
        AnalysisReport fromCells = analysis(false).analyze(cells, new Log());
        AnalysisReport fromTotals = analysis(false).analyze(WALK, new Log());
        assertTrue(fromTotals.analysis().strides().size() > 50, "strides: " + fromTotals.analysis().strides().size());
        assertEquals(fromTotals.analysis().events(), fromCells.analysis().events());
        assertEquals(fromTotals.analysis().strides().stream().map(r -> r.stride()).toList(),
                fromCells.analysis().strides().stream().map(r -> r.stride()).toList());
        for (int s = 0; s < fromTotals.analysis().strides().size(); s++) {
            assertEquals(fromTotals.analysis().strides().get(s).loading().peakForceN(),
                    fromCells.analysis().strides().get(s).loading().peakForceN(), 0.01, "stride " + s);
        }
        assertTrue(fromCells.input().warnings().stream().anyMatch(w -> w.startsWith(cells + ": no insole force channel:"
                + " left.insole.force_n is the sum of its 8 cells")), fromCells.input().warnings().toString());
    }

    /**
     * A recording shorter than a stride (the first rows of a walk) is told as such, not as
     * insoles that give the same force in every sample (not connected).
     */
    @Test
    void aRecordingShorterThanAStrideIsToldAsSuch() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("short"));
        Files.copy(WALK.resolveSibling("demographics.txt"), folder.resolve("demographics.txt"));
        Path walk = Files.write(folder.resolve("GaCo01_01.txt"), Files.readAllLines(WALK).subList(0, 3));
        List<String> notices = new RecordingAnalysis(settings(ReadOptions.DEFAULTS, false)).analyze(walk, new Log())
                .notices();
        assertEquals("no strides: the recording lasts 0.03 s (3 samples), shorter than a stride (at least 0.6 s)",
                notices.get(0));
        assertTrue(notices.stream().noneMatch(n -> n.contains("same force") || n.startsWith("no strides: no")),
                notices.toString());
    }

    /** The duration of a recording shorter than a stride is told to three significant digits, not a double's seventeen. */
    @Test
    void theDurationOfARecordingShorterThanAStrideIsRounded() throws IOException {
        StringBuilder csv = new StringBuilder("# sample_rate_hz: 300\n# body_mass_kg: 70\nleft.insole.force_n\n");
        for (int i = 0; i < 80; i++) {
            csv.append(i % 7 * 100).append('\n');
        }
        Path walk = Files.writeString(dir.resolve("short.csv"), csv);
        List<String> notices = new RecordingAnalysis(settings(ReadOptions.DEFAULTS, false)).analyze(walk, new Log())
                .notices();
        assertEquals("no strides: the recording lasts 0.267 s (80 samples), shorter than a stride (at least 0.6 s)",
                notices.get(0));
        StringBuilder fast = new StringBuilder("# sample_rate_hz: 2000\n# body_mass_kg: 70\nleft.insole.force_n\n");
        for (int i = 0; i < 1199; i++) {
            fast.append(i % 7 * 100).append('\n');
        }
        Path almost = Files.writeString(dir.resolve("almost.csv"), fast);
        assertEquals("no strides: the recording lasts 0.5995 s (1199 samples), shorter than a stride (at least 0.6 s)",
                new RecordingAnalysis(settings(ReadOptions.DEFAULTS, false)).analyze(almost, new Log()).notices().get(0),
                "not rounded up to the stride it is shorter than");
    }

    private static RecordingAnalysis analysis(boolean imu) {
        return new RecordingAnalysis(new AnalysisSettings(ReadOptions.DEFAULTS, null, null, GaitSettings.defaults(),
                LegLoadSettings.DEFAULTS, imu, false, "9.9"));
    }

    /**
     * A copy of the synthetic session whose columns starting with {@code emptied} (unless
     * empty) have no value in any row, without the columns starting with any of {@code dropped}.
     */
    private Path session(String name, String emptied, String... dropped) throws IOException {
        List<String> out = new ArrayList<>();
        boolean[] keep = null;
        boolean[] blank = null;
        for (String line : Files.readAllLines(SampleData.of("synthetic", "synthetic-session.csv"))) {
            if (line.startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] cells = line.split(",", -1);
            if (keep == null) {
                keep = new boolean[cells.length];
                blank = new boolean[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    String column = cells[c];
                    keep[c] = Arrays.stream(dropped).noneMatch(column::startsWith);
                    blank[c] = !emptied.isEmpty() && column.startsWith(emptied);
                }
            } else {
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = blank[c] ? "" : cells[c];
                }
            }
            List<String> kept = new ArrayList<>();
            for (int c = 0; c < cells.length; c++) {
                if (keep[c]) {
                    kept.add(cells[c]);
                }
            }
            out.add(String.join(",", kept));
        }
        return Files.write(dir.resolve(name), out);
    }

    /** A Moticon export of one insole: the other's columns are there but empty in every row. */
    @Test
    void anInsoleWithoutASampleIsToldAndLeftOut() throws IOException {
        List<String> lines = Files.readAllLines(SampleData.of("moticon-opengo", "230927_102114.txt"));
        String[] header = lines.stream().filter(l -> l.startsWith("# time")).findFirst().orElseThrow().substring(2).split("\t");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] cells = line.split("\t", -1);
            for (int c = 0; c < header.length && c < cells.length; c++) {
                if (header[c].startsWith("right ")) {
                    cells[c] = "";
                }
            }
            out.add(String.join("\t", cells));
        }
        Path leftOnly = Files.write(dir.resolve("left-only.txt"), out);
        Log log = new Log();
        AnalysisReport report = new RecordingAnalysis(settings(new ReadOptions(null, Double.NaN, 70), false))
                .analyze(leftOnly, log);
        assertTrue(log.events.contains("notice the right insole has no sample (every row empty or NaN): no figures from that insole"),
                log.events.toString());
        assertEquals(List.of(Side.LEFT), List.copyOf(report.legs().legs().keySet()));
        assertEquals(List.of(Side.LEFT), report.legs().calfRaiseFeet());
        assertTrue(report.analysis().strides().stream().allMatch(s -> s.stride().side() == Side.LEFT));
        assertFalse(report.analysis().strides().isEmpty());
    }

    /** A toolkit CSV whose right insole reads 0 throughout, as if not connected. */
    @Test
    void anInsoleThatNeverChangesIsTold() throws IOException {
        List<String> lines = Files.readAllLines(SampleData.of("synthetic", "synthetic-session.csv"));
        List<String> out = new ArrayList<>();
        int force = -1;
        for (String line : lines) {
            if (line.startsWith("#") || line.isEmpty()) {
                out.add(line);
            } else if (force < 0) {
                force = List.of(line.split(",")).indexOf("right.insole.force_n");
                out.add(line);
            } else {
                String[] cells = line.split(",", -1);
                cells[force] = "0";
                out.add(String.join(",", cells));
            }
        }
        Log log = new Log();
        AnalysisReport report = new RecordingAnalysis(settings(ReadOptions.DEFAULTS, false))
                .analyze(Files.write(dir.resolve("right-zero.csv"), out), log);
        String notice = "the right insole has the same force in every sample (always 0), as if not connected or not worn:"
                + " no events, strides or loading from it";
        assertTrue(log.events.contains("notice " + notice), log.events.toString());
        assertTrue(report.notices().contains(notice));
        assertTrue(report.analysis().strides().stream().allMatch(s -> s.stride().side() == Side.LEFT));
        assertFalse(report.analysis().strides().isEmpty());
    }

    @Test
    void aGivenFormatAndMassAreTheFlagsAndAFailureNamesTheInputOnce() throws IOException {
        AnalysisReport report = new RecordingAnalysis(settings(new ReadOptions(RecordingFormat.GAITPDB, Double.NaN, 70),
                false)).analyze(WALK, new Log());
        assertEquals(ValueSource.FLAG, report.input().formatSource());
        assertEquals(ValueSource.FLAG, report.bodyMassSource());
        assertEquals(70, report.bodyMassKg());

        Path still = Files.writeString(dir.resolve("still.csv"), "# format: soleus-csv 1\n# sample_rate_hz: 100\n"
                + "time_s,left.insole.force_n\n" + "0.00,0\n0.01,0\n0.02,0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecordingAnalysis(settings(ReadOptions.DEFAULTS, false)).analyze(still, new Log()));
        assertEquals("body mass of the subject in " + still + " is unknown: loading in body weights needs it",
                e.getMessage(), "a message that names the input is not led by it again");
    }

    /**
     * A body mass that the analysis needs and the file lacks fails the reading at the header,
     * before its rows are read: a malformed row further on is not reached, and no stage after
     * reading is begun. With the mass given, that row is the error.
     */
    @Test
    void aMissingBodyMassFailsBeforeTheRowsAreRead() throws IOException {
        StringBuilder rows = new StringBuilder("# format: soleus-csv 1\n# sample_rate_hz: 100\ntime_s,left.insole.force_n\n");
        for (int i = 0; i < 500; i++) {
            rows.append(String.format(Locale.ROOT, "%.2f,%d%n", i / 100.0, i % 90 < 55 ? 600 : 0));
        }
        Path walk = Files.writeString(dir.resolve("no-mass.csv"), rows + "5.00,x\n");
        Log log = new Log();
        UnknownBodyMassException e = assertThrows(UnknownBodyMassException.class,
                () -> new RecordingAnalysis(settings(ReadOptions.DEFAULTS, false)).analyze(walk, log));
        assertEquals("body mass of the subject in " + walk + " is unknown: loading in body weights needs it", e.getMessage());
        assertEquals(List.of("reading 0.0"), log.events);

        DataFormatException row = assertThrows(DataFormatException.class,
                () -> new RecordingAnalysis(settings(new ReadOptions(null, Double.NaN, 70), false)).analyze(walk, new Log()));
        assertEquals(504, row.line());
    }
}
