package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.ankle.AchillesMomentArm;
import org.soleus.io.calibration.ModelChoice;

/**
 * {@code soleus analyze} on the shipped synthetic session (insoles with centre of pressure,
 * foot, shank and thigh IMUs): the plantar-flexion, knee and soleus columns of strides.csv,
 * exercises.csv, series.csv on {@code --series} (with the ankle angle), the angle-dependent
 * Achilles moment arm on {@code --moment-arm angle}, and the leg figures in summary.json.
 */
final class AnalyzeLegsEndToEndTest {

    private static final Path SESSION = Path.of("..", "sample-data", "synthetic", "synthetic-session.csv");
    private static final Path WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "GaCo01_01.txt");

    @TempDir
    Path dir;

    /** The terrain of the true stride of {@code side} that starts within 0.1 s of {@code startS}, or "none". */
    private static String terrainOf(List<String> truth, String side, double startS) {
        for (String row : truth.subList(1, truth.size())) {
            String[] cells = row.split(",");
            if (cells[0].equals(side) && Math.abs(Double.parseDouble(cells[2]) - startS) <= 0.1) {
                return cells[5];
            }
        }
        return "none";
    }

    /**
     * Seconds of the true soleus-dominant flag of {@code side} in {@code [fromS, toS)}, from the
     * session's truth file (100 Hz).
     */
    private static double trueDominantS(List<String> truthSamples, String side, double fromS, double toS) {
        List<String> names = List.of(truthSamples.get(0).split(","));
        int flag = names.indexOf(side + ".soleus.dominant_flag");
        int samples = 0;
        for (String row : truthSamples.subList(1, truthSamples.size())) {
            String[] cells = row.split(",");
            double t = Double.parseDouble(cells[0]);
            if (t >= fromS - 1e-9 && t < toS - 1e-9 && Double.parseDouble(cells[flag]) == 1) {
                samples++;
            }
        }
        return samples / 100.0;
    }

    @Test
    void writesLegFiguresExercisesAndSeries() throws IOException {
        Path out = dir.resolve("session");
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--series", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());

        List<String> strides = Files.readAllLines(out.resolve("strides.csv"));
        List<String> header = List.of(strides.get(0).split(","));
        int peak = header.indexOf("peak_pf_moment_nm_kg");
        int dominant = header.indexOf("soleus_dominant_s");
        int kneeAtPeak = header.indexOf("knee_flexion_at_peak_pf_deg");
        assertTrue(peak > 0 && dominant > 0 && kneeAtPeak > 0, strides.get(0));
        JsonNode summary = Cli.summary(out);
        assertEquals(summary.at("/sides/left/stride_count").asInt() + summary.at("/sides/right/stride_count").asInt(),
                strides.size() - 1, "a row per valid stride");
        int start = header.indexOf("start_s");
        int sideColumn = header.indexOf("side");
        List<String> truth = Files.readAllLines(SESSION.resolveSibling("synthetic-session.strides.csv"));
        List<String> truthSamples = Files.readAllLines(SESSION.resolveSibling("synthetic-session.truth.csv")).stream()
                .filter(line -> !line.startsWith("#")).toList();
        int toeOff = header.indexOf("toe_off_s");
        int stairs = 0;
        int stairsPushing = 0;
        int level = 0;
        for (String row : strides.subList(1, strides.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(header.size(), cells.length, row);
            double peakNmKg = Double.parseDouble(cells[peak]);
            assertTrue(peakNmKg > 1.0 && peakNmKg < 3.0, row);
            assertFalse(cells[kneeAtPeak].isEmpty(), row);
            double dominantS = Double.parseDouble(cells[dominant]);
            String terrain = terrainOf(truth, cells[sideColumn], Double.parseDouble(cells[start]));
            if (terrain.equals("stairs_up")) {
                stairs++;
                // a bent-knee push on a stair, but for the first stride of the climb, on which the
                // knee bends less as the leg comes off level walking (0.04 s in the truth); the knee
                // estimate reads a few degrees low, which shortens the time by up to 5 samples
                double trueS = trueDominantS(truthSamples, cells[sideColumn], Double.parseDouble(cells[start]),
                        Double.parseDouble(cells[toeOff]));
                assertEquals(trueS, dominantS, 0.06, "soleus-dominant time against the truth's: " + row);
                if (trueS > 0.1) {
                    stairsPushing++;
                }
            } else if (terrain.equals("level")) {
                level++;
                assertEquals(0, dominantS, "level walking is not soleus-dominant: " + row);
            }
        }
        assertEquals(8, stairs, "the session's stair strides");
        assertEquals(7, stairsPushing, "the climb's strides after its first");
        assertTrue(level >= 18, level + " level strides of the session's 19 found");

        List<String> exercises = Files.readAllLines(out.resolve("exercises.csv"));
        assertTrue(exercises.get(0).startsWith("side,set,rep,kind,"), exercises.get(0));
        assertEquals(1 + 24, exercises.size(), "12 calf raises per foot");
        List<String> exerciseColumns = List.of(exercises.get(0).split(","));
        int rise = exerciseColumns.indexOf("heel_rise_deg");
        int shallow = exerciseColumns.indexOf("too_shallow");
        assertTrue(rise > 0 && shallow > 0, exercises.get(0));
        for (String row : exercises.subList(1, exercises.size())) {
            String[] cells = row.split(",", -1);
            double riseDeg = Double.parseDouble(cells[rise]);
            assertTrue(Math.abs(riseDeg - 25) < 1.5 || Math.abs(riseDeg - 8) < 1.5, "25° or 8° raises: " + row);
            assertEquals(riseDeg < 10 ? "1" : "0", cells[shallow], row);
        }

        List<String> series = Files.readAllLines(out.resolve("series.csv"));
        List<String> columns = List.of(series.get(0).split(","));
        for (String side : new String[] {"left", "right"}) {
            for (String signal : new String[] {"knee.flexion_deg", "ankle.plantarflexion_deg", "ankle.pf_moment_nm", "ankle.pf_moment_nm_kg",
                    "achilles.force_n", "soleus.dominant", "soleus.share"}) {
                assertTrue(columns.contains(side + "." + signal), side + "." + signal + " in " + columns);
            }
        }
        assertEquals("time_s", columns.get(0));
        long samples = Files.readAllLines(SESSION).stream().filter(l -> !l.startsWith("#")).count() - 1;
        assertEquals(1 + samples, series.size(), "one row per sample");
        assertTrue(series.get(1).startsWith("0.0000,"), series.get(1));

        JsonNode left = summary.at("/legs/left");
        assertTrue(left.get("soleus_dominant_s").asDouble() > 5, left.toString());
        int trueRepetitions = Files.readAllLines(SESSION.resolveSibling("synthetic-session.reps.csv")).size() - 1;
        assertEquals(trueRepetitions, left.get("calf_raises").asInt(), "every repetition of the truth, per foot");
        assertEquals(2 * trueRepetitions, summary.at("/calf_raises/repetitions").asInt());
        assertEquals(0.037, summary.at("/settings/plantar_flexion/moment_arm/neutral_m").asDouble());
        assertEquals(40.0, summary.at("/settings/soleus/knee_flexion_deg").asDouble());
    }

    @Test
    void anAngleDependentMomentArmUsesTheAnkleAngleFromShankAndFootImus() throws IOException {
        Path out = dir.resolve("angle");
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--series", "--moment-arm", "angle",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<String> series = Files.readAllLines(out.resolve("series.csv"));
        List<String> columns = List.of(series.get(0).split(","));
        int ankle = columns.indexOf("left.ankle.plantarflexion_deg");
        int moment = columns.indexOf("left.ankle.pf_moment_nm");
        int achilles = columns.indexOf("left.achilles.force_n");
        List<String> truth = Files.readAllLines(SESSION.resolveSibling("synthetic-session.truth.csv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        int trueAnkle = List.of(truth.get(0).split(",")).indexOf("left.ankle.plantarflexion_deg");
        assertTrue(ankle > 0 && moment > 0 && achilles > 0 && trueAnkle > 0, series.get(0));
        double sumSq = 0;
        int count = 0;
        int checked = 0;
        for (int i = 1; i < series.size(); i++) {
            String[] cells = series.get(i).split(",", -1);
            if (cells[ankle].isEmpty()) {
                continue;
            }
            double angleDeg = Double.parseDouble(cells[ankle]);
            double error = angleDeg - Double.parseDouble(truth.get(i).split(",")[trueAnkle]);
            sumSq += error * error;
            count++;
            double momentNm = Double.parseDouble(cells[moment]);
            if (momentNm > 20) {
                double expectedN = momentNm / AchillesMomentArm.ANGLE_DEPENDENT.atM(angleDeg);
                assertEquals(expectedN, Double.parseDouble(cells[achilles]), 0.01 * expectedN, series.get(i));
                checked++;
            }
        }
        assertTrue(count > 0.9 * (series.size() - 1), count + " of " + (series.size() - 1) + " samples have an angle");
        assertTrue(Math.sqrt(sumSq / count) < 3, "ankle RMSE " + Math.sqrt(sumSq / count));
        assertTrue(checked > 100, checked + " loaded samples");
    }

    @Test
    void anAngleDependentMomentArmWithoutLegImusSaysSoOncePerLegAndKeepsTheConstantArm() throws IOException {
        Path withoutLegImus = dir.resolve("no-leg-imus.csv");
        List<String> lines = Files.readAllLines(SESSION);
        List<String> stripped = SessionCsv.withoutColumns(lines, name -> name.contains(".shank.") || name.contains(".foot."));
        Files.write(withoutLegImus, stripped);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("analyze", withoutLegImus.toString(), "--moment-arm", "angle", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // and the thighs without their shanks give no knee angle, which is told too
        assertEquals(4, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("left leg: no ankle angle") && r.err().contains("constant moment arm"), r.err());
        assertTrue(r.err().indexOf("left leg: no ankle angle") < r.err().indexOf("right leg: no ankle angle"),
                "left before right, whatever the order of a map: " + r.err());
        assertTrue(r.err().contains("right knee angle: the leg has a thigh IMU but no shank IMU"), r.err());
    }

    @Test
    void theUsersOwnFilesOfTheOptionalNamesAreLeftAlone() throws IOException {
        Path out = Files.createDirectories(dir.resolve("own"));
        Files.writeString(out.resolve("series.csv"), "my notes\n");
        Files.writeString(out.resolve("exercises.csv"), "my list\n");
        assertEquals(0, Cli.run("analyze", WALK.toString(), "--out", out.toString()).exitCode());
        assertEquals("my notes\n", Files.readString(out.resolve("series.csv")));
        assertEquals("my list\n", Files.readString(out.resolve("exercises.csv")));
    }

    @Test
    void anEmptyOutIsAUsageError() {
        Cli.Result r = Cli.run("analyze", WALK.toString(), "--out", "");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--out: expected a folder, got an empty path"), r.err());
    }

    @Test
    void anUnknownMomentArmIsAUsageError() {
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--moment-arm", "long", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--moment-arm") && r.err().contains("must be constant or angle, got 'long'"),
                r.err());
        // in any case, as --format, --protocol and --model are
        assertEquals(AchillesMomentArm.ANGLE_DEPENDENT, new MomentArmOption.Arm().convert("ANGLE"));
        assertEquals(ModelChoice.POWER, ModelChoice.fromId("Power"));
    }

    @Test
    void aRunWithoutSeriesRemovesAnEarlierSeries() throws IOException {
        Path out = dir.resolve("session");
        assertEquals(0, Cli.run("analyze", SESSION.toString(), "--series", "--out", out.toString()).exitCode());
        assertTrue(Files.exists(out.resolve("series.csv")));
        assertEquals(0, Cli.run("analyze", SESSION.toString(), "--out", out.toString()).exitCode());
        assertFalse(Files.exists(out.resolve("series.csv")), "a stale series.csv would mix two runs");
        assertTrue(Files.exists(out.resolve("exercises.csv")));
    }

    @Test
    void aWalkWithoutCentreOfPressureOrLegImusSaysWhyThereIsNoSeries() throws IOException {
        Path out = dir.resolve("walk");
        Cli.Result r = Cli.run("analyze", WALK.toString(), "--series", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> said = r.err().lines().toList();
        assertEquals(List.of(Cli.gaco01ForceScaleNotice(WALK)), said.subList(0, 1), r.err());
        assertEquals(2, said.size(), r.err());
        assertTrue(said.get(1).contains("no series.csv") && said.get(1).contains("cop_y_norm"), r.err());
        assertFalse(Files.exists(out.resolve("series.csv")));
        assertFalse(Files.exists(out.resolve("exercises.csv")));
        List<String> strides = Files.readAllLines(out.resolve("strides.csv"));
        // the nine leg columns empty, then the spike flag of a first stride: 0
        assertTrue(strides.get(1).endsWith(",,,,,,,,,,0"), "leg columns empty: " + strides.get(1));
        JsonNode summary = Cli.summary(out);
        assertTrue(summary.at("/legs").isEmpty(), summary.at("/legs").toString());
    }

    @Test
    void footGeometryFlagsWinOverTheFileAndScaleTheMoment() throws IOException {
        Path file = dir.resolve("file");
        Path flags = dir.resolve("flags");
        assertEquals(0, Cli.run("analyze", SESSION.toString(), "--out", file.toString()).exitCode());
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--insole-length", "0.30", "--heel-to-ankle", "0.055",
                "--out", flags.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode fromFile = Cli.summary(file).at("/legs/left");
        JsonNode fromFlags = Cli.summary(flags).at("/legs/left");
        assertEquals(0.27, fromFile.get("insole_length_m").asDouble());
        assertEquals(0.30, fromFlags.get("insole_length_m").asDouble());
        assertTrue(fromFlags.get("mean_peak_pf_moment_nm_kg").asDouble() > fromFile.get("mean_peak_pf_moment_nm_kg").asDouble(),
                "a longer foot with the same heel-to-ankle distance is a longer lever");
    }

    /**
     * A file whose foot geometry line cannot be used fails at that line, and runs with a warning
     * when the flag gives the value instead; so does a heel-to-ankle distance that does not fit
     * the file's insole length when {@code --heel-to-ankle} replaces it.
     */
    @Test
    void aFlagReplacesAnUnusableFootGeometryLineOfTheFile() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SESSION));
        int at = lines.indexOf("# insole_length_m: 0.2700");
        lines.set(at, "# insole_length_m: 270");
        Path file = Files.write(dir.resolve("mm.csv"), lines);
        String problem = file + ":" + (at + 1) + ":20: insole_length_m: expected the insole length in metres, 0.10–0.40"
                + " (a 27 cm insole is 0.27), got '270'";

        Cli.Result fails = Cli.run("analyze", file.toString(), "--out", dir.resolve("a").toString());
        assertEquals(1, fails.exitCode());
        assertEquals("soleus: " + problem + " (correct it, or give --insole-length M)\n", fails.err());

        Path out = dir.resolve("b");
        Cli.Result r = Cli.run("analyze", file.toString(), "--insole-length", "0.26", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: warning: " + problem + "; not used: --insole-length 0.26 m is given"),
                r.err());
        JsonNode left = Cli.summary(out).at("/legs/left");
        assertEquals(0.26, left.get("insole_length_m").asDouble());

        lines.set(at, "# insole_length_m: 0.2700");
        int heelLine = lines.indexOf("# heel_to_ankle_m: 0.0550");
        lines.set(heelLine, "# heel_to_ankle_m: 0.15");
        Path farAnkle = Files.write(dir.resolve("far-ankle.csv"), lines);
        Cli.Result tooFar = Cli.run("analyze", farAnkle.toString(), "--out", dir.resolve("c").toString());
        assertEquals(1, tooFar.exitCode());
        assertTrue(tooFar.err().startsWith("soleus: " + farAnkle + ":" + (heelLine + 1) + ":20: heel_to_ankle_m: expected less"
                + " than half"), tooFar.err());
        Path replaced = dir.resolve("d");
        Cli.Result given = Cli.run("analyze", farAnkle.toString(), "--heel-to-ankle", "0.06", "--out", replaced.toString());
        assertEquals(0, given.exitCode(), given.err());
        JsonNode geometry = Cli.summary(replaced).at("/legs/left");
        assertEquals(0.06, geometry.get("heel_to_ankle_m").asDouble());
    }

    @Test
    void anImpossibleFootGeometryIsAUsageError() {
        Cli.Result r = Cli.run("analyze", SESSION.toString(), "--insole-length", "270", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--insole-length") && r.err().contains("metres"), r.err());
        // NaN is no length: it would leave the file's in use without a word
        for (String option : new String[] {"--insole-length", "--heel-to-ankle"}) {
            Cli.Result nan = Cli.run("analyze", SESSION.toString(), option, "NaN", "--out", dir.toString());
            assertEquals(2, nan.exitCode(), nan.err());
            assertTrue(nan.err().startsWith("soleus: " + option + ": expected a length in metres, got 'NaN'"), nan.err());
        }
    }

    /**
     * A knee angle whose zero cannot be right is not given: a recording that starts walking (its
     * first 2 s, the standing calibration period, turn at a stride's rates), and IMU axes mixed up
     * into a left-handed frame (x and y swapped without z negated), whose knee then bends
     * backwards. Each gets a notice per leg, and the strides no knee figures; the session as
     * written gets neither.
     */
    @Test
    void aKneeAngleWhoseZeroCannotBeRightIsLeftOut() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        List<String> walking = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("time_s,") || line.startsWith("#") && !line.startsWith("# start_time_s")
                    || !line.startsWith("#") && Double.parseDouble(line.substring(0, line.indexOf(','))) >= 3.0) {
                walking.add(line);
            }
        }
        // the IMUs' x and y swapped; the insoles' centre of pressure as it is
        List<String> leftHanded = SessionCsv.leftHanded(lines);
        Object[][] cases = {
            {"walking.csv", walking, " knee angle: the thigh IMU turns at "},
            {"left-handed.csv", leftHanded, " knee angle: below -20° (bent backwards, which a knee does not do) in "},
            {"session.csv", lines, null},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Path csv = Files.write(dir.resolve((String) c[0]), (List<String>) c[1]);
            Path out = dir.resolve("out-" + c[0]);
            Cli.Result r = Cli.run("analyze", csv.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            List<String> strides = Files.readAllLines(out.resolve("strides.csv"));
            int knee = List.of(strides.get(0).split(",")).indexOf("knee_flexion_at_peak_pf_deg");
            long withKnee = strides.stream().skip(1).filter(l -> !l.split(",", -1)[knee].isEmpty()).count();
            for (String side : new String[] {"left", "right"}) {
                boolean told = r.err().contains("soleus analyze: " + csv + ": " + side + (c[2] == null ? " knee angle" : c[2]));
                assertEquals(c[2] != null, told, c[0] + ": " + r.err());
            }
            int moment = List.of(strides.get(0).split(",")).indexOf("peak_pf_moment_nm_kg");
            assertTrue(strides.stream().skip(1).noneMatch(l -> l.split(",", -1)[moment].isEmpty()),
                    c[0] + ": the moments are there, with or without the knee");
            if (c[2] == null) {
                assertEquals(strides.size() - 1, withKnee, "every stride of the session has its knee figures");
            } else {
                assertEquals(0, withKnee, c[0] + ": no stride has knee figures");
                assertTrue(r.err().contains("; no knee figures for this leg") || r.err().contains("No knee figures for"
                        + " this leg"), r.err());
            }
        }
    }

    /**
     * A foot IMU whose gyroscope lacks an axis (a column left out of an export) is not used, and
     * a notice says so, naming the axes there are, instead of the foot's IMU going unmentioned.
     */
    @Test
    void anImuWithoutAllThreeAxesIsToldAsNotUsed() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        String header = lines.stream().filter(l -> l.startsWith("time_s,")).findFirst().orElseThrow();
        int dropped = List.of(header.split(",")).indexOf("right.foot.gyr_z_dps");
        assertTrue(dropped > 0, header);
        List<String> without = lines.stream().map(line -> {
            if (line.startsWith("#")) {
                return line;
            }
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(dropped);
            return String.join(",", cells);
        }).toList();
        Path csv = Files.write(dir.resolve("no-gyr-z.csv"), without);
        Cli.Result r = Cli.run("analyze", csv.toString(), "--out", dir.resolve("no-gyr-z").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: " + csv + ": IMU sensors without all three axes, not used:"
                + " right.foot.gyr (gyr_x, gyr_y only); a gyroscope or accelerometer is used only with its x, y and z\n"),
                r.err());
        Cli.Result whole = Cli.run("analyze", SESSION.toString(), "--out", dir.resolve("whole").toString());
        assertFalse(whole.err().contains("without all three axes"), whole.err());
    }

    /**
     * IMU channels whose unit tokens name no unit: read by the plausibility of their values (deg/s
     * and m/s² here), which a notice says, naming the sensors; the figures are those of the
     * session as written, which gets no such notice.
     */
    @Test
    void imuUnitsJudgedFromTheValuesAreTold() throws IOException {
        List<String> unnamed = Files.readAllLines(SESSION).stream().map(line -> line.startsWith("time_s,")
                ? line.replaceAll("(gyr_[xyz])_dps", "$1_raw").replaceAll("(acc_[xyz])_mps2", "$1_counts") : line).toList();
        Path csv = Files.write(dir.resolve("unnamed.csv"), unnamed);
        Cli.Result r = Cli.run("analyze", csv.toString(), "--out", dir.resolve("unnamed").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: " + csv + ": IMU units not named in the channel names, judged from the"
                + " values: angular rate unit 'raw' unknown, read as deg/s by plausibility (left.foot, left.shank, left.thigh,"
                + " right.foot, right.shank, right.thigh); acceleration unit 'counts' unknown, read as m/s² by plausibility"
                + " (left.foot, left.shank, left.thigh, right.foot, right.shank, right.thigh); name them"), r.err());
        Cli.Result named = Cli.run("analyze", SESSION.toString(), "--out", dir.resolve("named").toString());
        assertEquals(0, named.exitCode(), named.err());
        assertFalse(named.err().contains("IMU units"), named.err());
        assertEquals(Files.readAllLines(dir.resolve("named").resolve("strides.csv")),
                Files.readAllLines(dir.resolve("unnamed").resolve("strides.csv")));
    }

    /**
     * Leg IMUs whose rates in rad/s stand under deg/s names, while the insoles walk: a notice
     * names the sensors, says the figures from them are wrong, and what the unit may be; the
     * session as written gets none.
     */
    @Test
    void legGyroscopesInRadiansNamedDegreesAreToldWhileTheFeetWalk() throws IOException {
        List<String> radians = SessionCsv.mapValues(Files.readAllLines(SESSION), name -> name.contains(".gyr_"),
                dps -> dps * Math.PI / 180);
        String told = "the gyroscopes of left.foot, left.shank, left.thigh, right.foot, right.shank, right.thigh hardly"
                + " turn while the foot walks (faster than 20 deg/s for under 0.05 s a stride; a walking leg turns at 100"
                + " deg/s and more in every swing): not on the leg? If the rate is in rad/s, name it _rads (read as deg/s,"
                + " it is 57 times too slow). The knee, ankle and calf-raise figures from them are wrong";
        Path csv = Files.write(dir.resolve("radians.csv"), radians);
        Cli.Result r = Cli.run("analyze", csv.toString(), "--out", dir.resolve("radians").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: " + csv + ": " + told), r.err());
        Cli.Result asWritten = Cli.run("analyze", SESSION.toString(), "--out", dir.resolve("as-written").toString());
        assertFalse(asWritten.err().contains("hardly turn"), asWritten.err());
    }

    /**
     * A leg without one of its sensors says which figures it lacks, and why: the right insole
     * without its centre of pressure (no moment, no calf raises: its count in {@code legs} is
     * null, not 0), the left leg without its thigh IMU (no knee figures).
     */
    @Test
    void aLegWithoutOneOfItsSensorsSaysWhatItLacks() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        Path noCop = Files.write(dir.resolve("no-cop.csv"),
                SessionCsv.withoutColumns(lines, name -> name.equals("right.insole.cop_y_norm")));
        Cli.Result r = Cli.run("analyze", noCop.toString(), "--out", dir.resolve("no-cop-out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("soleus analyze: " + noCop + ": right plantar-flexor moment: the insole has no centre"
                + " of pressure along the foot (right.insole.cop_y_norm): no moment, Achilles"
                + " force or soleus figures for this leg, and no calf raises"), r.err());
        JsonNode legs = Cli.summary(dir.resolve("no-cop-out")).get("legs");
        assertTrue(legs.at("/right/calf_raises").isNull(), legs.toString());
        assertEquals(12, legs.at("/left/calf_raises").asInt(), legs.toString());

        Path noThigh = Files.write(dir.resolve("no-thigh.csv"),
                SessionCsv.withoutColumns(lines, name -> name.startsWith("left.thigh.")));
        Cli.Result t = Cli.run("analyze", noThigh.toString(), "--out", dir.resolve("no-thigh-out").toString());
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.err().contains("soleus analyze: " + noThigh + ": left knee angle: the leg has a shank IMU but no thigh"
                + " IMU (left.thigh.gyr_x_…): no knee or soleus figures for this leg, and its calf raises' knee is"
                + " unknown"), t.err());
        Cli.Result whole = Cli.run("analyze", SESSION.toString(), "--out", dir.resolve("whole").toString());
        assertFalse(whole.err().contains("plantar-flexor moment:") || whole.err().contains("knee angle: the leg has"),
                whole.err());
    }

    @Test
    void aRecordingTooShortForTheKneeCalibrationIsAnalysedWithoutKneeFigures() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        Path shortSession = Files.write(dir.resolve("short.csv"), lines.subList(0, 150));
        Path out = dir.resolve("short");
        Cli.Result r = Cli.run("analyze", shortSession.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String side : new String[] {"left", "right"}) {
            assertTrue(r.err().contains("soleus analyze: " + shortSession + ": " + side + " knee angle: the recording has ")
                    && r.err().contains("no knee figures for this leg"), r.err());
        }
        JsonNode notices = Cli.summary(out).get("data_quality").get("analysis_notices");
        assertEquals(3, notices.size(), notices.toString());
        assertEquals("no strides: no heel strike was found", notices.get(0).asText(), "1.4 s hold no whole step");
    }

    @Test
    void aLegWithoutKneeImusGetsNoKneeNoticeWhateverTheRate() {
        // a WFDB record has no time column that --rate could contradict
        Path record = Path.of("..", "sample-data", "physionet-gaitndd", "control1.hea");
        Path out = dir.resolve("slow");
        Cli.Result r = Cli.run("analyze", record.toString(), "--rate", "0.4", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(!r.err().contains("knee"), r.err());
    }
}
