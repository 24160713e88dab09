package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.calibration.CalibrationFile;
import org.soleus.io.calibration.CalibrationModel;
import org.soleus.io.calibration.CellCalibration;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingWriter;
import org.soleus.io.format.Recordings;

/** {@code --calibration} on {@code record} (through a pseudo-terminal) and {@code analyze}. */
final class CalibratedStreamsTest {
    private static final Path WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "JuCo01_01.txt");

    @TempDir
    Path dir;

    private static CellCalibration power(String channel, int cell) {
        double[] law = CountsDevice.LAWS[cell];
        return new CellCalibration(ChannelName.parse(channel), CalibrationModel.POWER, law[0], law[1], law[2], law[2],
                1500, 4, 0.5);
    }

    @Test
    void recordWritesNewtonsAndTheFootsForce() throws Exception {
        Path cal = dir.resolve("cal.json");
        CalibrationFile.write(cal, new Calibration("test rig 3", LocalDate.of(2025, 3, 1),
                List.of(power(CountsDevice.CELL1, 0), power(CountsDevice.CELL2, 1))));
        Path out = dir.resolve("rec.csv");
        try (Pty pty = new Pty(dir); CountsDevice device = new CountsDevice(pty.device, 1, 0, 5, 0)) {
            Cli.Result r = Cli.run("record", "--port", pty.host.toString(), "--protocol", "binary", "--out", out.toString(),
                    "--duration", "0.5", "--calibration", cal.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith(out + ": 100 samples (0.5 s) of 3 channels at 200 Hz"),
                    "the two cells and the force they add up to: " + r.out());
        }
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.contains("# calibration_file: " + cal), lines.toString());
        assertTrue(lines.contains("# calibration_device: test rig 3"), lines.toString());
        int header = lines.indexOf("time_s,left.insole.cell01_n,left.insole.cell02_n,left.insole.force_n");
        assertTrue(header > 0, lines.toString());
        for (String row : lines.subList(header + 1, header + 101)) {
            String[] v = row.split(",");
            assertEquals(5 * 9.80665, Double.parseDouble(v[1]), 0.1, row);
            assertEquals(0, Double.parseDouble(v[2]), row);
            assertEquals(Double.parseDouble(v[1]), Double.parseDouble(v[3]), row);
        }
    }

    @Test
    void aCalibrationThatMissesAChannelIsOneLineNamingFileAndChannel() throws Exception {
        Path cal = dir.resolve("left1.json");
        CalibrationFile.write(cal, new Calibration("other rig", LocalDate.of(2025, 3, 1),
                List.of(power(CountsDevice.CELL1, 0))));
        Path out = dir.resolve("rec.csv");
        try (Pty pty = new Pty(dir); CountsDevice device = new CountsDevice(pty.device, 1)) {
            Cli.Result record = Cli.run("record", "--port", pty.host.toString(), "--protocol", "binary", "--out",
                    out.toString(), "--calibration", cal.toString());
            Cli.Result live = Cli.run("live", "--port", pty.host.toString(), "--protocol", "binary", "--calibration",
                    cal.toString());
            for (Cli.Result each : new Cli.Result[] {record, live}) {
                assertEquals(1, each.exitCode(), each.err());
                assertEquals("soleus: " + cal + ": no calibration for left.insole.cell02_counts, which " + pty.host
                        + " carries; calibrate it with soleus calibrate --cell left.insole.cell02_counts\n", each.err());
            }
        }
        assertFalse(Files.exists(out));
        Cli.Result missing = Cli.run("record", "--port", "/dev/ttyNOPE", "--out", out.toString(), "--calibration",
                dir.resolve("nope.json").toString());
        assertEquals("soleus: --calibration " + dir.resolve("nope.json") + ": no such file or directory\n", missing.err());
    }

    @Test
    void analyzeOfARecordingInCountsFindsTheStridesOfTheRecordingInNewtons() throws IOException {
        Recording walk = Recordings.read(WALK, ReadOptions.DEFAULTS);
        List<CellCalibration> cells = new ArrayList<>();
        List<Channel> counts = new ArrayList<>();
        for (Channel c : walk.channels()) {
            ChannelName n = c.name();
            if (n.quantity().equals("force")) {
                continue;
            }
            ChannelName raw = ChannelName.of(n.side(), n.place(), n.quantity(), "counts");
            double a = 0.5 + 0.01 * cells.size();
            double c0 = 20 + cells.size();
            cells.add(new CellCalibration(raw, CalibrationModel.LINEAR, a, 1, c0, c0, 2000, 5, 1));
            float[] values = new float[walk.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (c0 + c.samples()[i] / a);
            }
            counts.add(new Channel(raw, values));
        }
        Path countsFile = dir.resolve("walk_counts.csv");
        RecordingWriter.write(new Recording(walk.source(), walk.sampleRateHz(), walk.startTimeS(), counts,
                walk.metadata(), List.of()), countsFile, RecordingWriter.Options.DEFAULTS);
        Path cal = dir.resolve("cal.json");
        CalibrationFile.write(cal, new Calibration("gaitpdb insoles", LocalDate.of(2025, 3, 1), cells));

        Cli.Result newtons = Cli.run("analyze", WALK.toString(), "--out", dir.resolve("n").toString());
        Cli.Result calibrated = Cli.run("analyze", countsFile.toString(), "--calibration", cal.toString(), "--out",
                dir.resolve("c").toString());
        assertEquals(0, calibrated.exitCode(), calibrated.err());
        assertEquals(newtons.out().replace(WALK.toString(), "").replace(dir.resolve("n").toString(), ""),
                calibrated.out().replace(countsFile.toString(), "").replace(dir.resolve("c").toString(), ""));
        List<String> expected = Files.readAllLines(dir.resolve("n").resolve("strides.csv"));
        List<String> actual = Files.readAllLines(dir.resolve("c").resolve("strides.csv"));
        assertEquals(expected.size(), actual.size());
        List<String> columns = List.of(expected.get(0).split(","));
        int peak = columns.indexOf("peak_force_n");
        int impulse = columns.indexOf("impulse_ns");
        for (int i = 1; i < expected.size(); i++) {
            String[] e = expected.get(i).split(",");
            String[] a = actual.get(i).split(",");
            assertEquals(Double.parseDouble(e[1]), Double.parseDouble(a[1]), 0.0101, actual.get(i));
            // The counts file holds each cell to the writer's decimals; the forces agree to well within 0.1 %.
            assertEquals(Double.parseDouble(e[peak]), Double.parseDouble(a[peak]), 1e-3 * Double.parseDouble(e[peak]),
                    "peak force, " + actual.get(i));
            assertEquals(Double.parseDouble(e[impulse]), Double.parseDouble(a[impulse]),
                    1e-3 * Double.parseDouble(e[impulse]), "impulse, " + actual.get(i));
        }

        Cli.Result uncalibrated = Cli.run("analyze", WALK.toString(), "--calibration", cal.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(1, uncalibrated.exitCode());
        assertTrue(uncalibrated.err().startsWith("soleus: " + cal + ": calibrates left.insole.cell01_counts, which "),
                uncalibrated.err());
        assertEquals(1, uncalibrated.err().lines().count(), uncalibrated.err());
    }
}
