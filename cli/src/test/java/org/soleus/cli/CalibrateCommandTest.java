package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.soleus.cli.CliAsserts.assertOneLineError;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.calibration.CalibrationFile;
import org.soleus.io.calibration.CalibrationModel;
import org.soleus.io.calibration.CellCalibration;
import picocli.CommandLine;

/** {@code soleus calibrate}, offline from a readings file and guided through a pseudo-terminal. */
final class CalibrateCommandTest {
    @TempDir
    Path dir;

    /** A keyboard for the command's stdin: {@link #enter()} presses Enter. */
    private static final class Keyboard extends InputStream {
        private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

        void enter() {
            keys.add((int) '\n');
        }

        @Override
        public int read() throws IOException {
            try {
                return keys.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            b[off] = (byte) read();
            int n = 1;
            for (Integer k = keys.poll(); k != null && n < len; k = n < len ? keys.poll() : null) {
                b[off + n++] = (byte) (int) k;
            }
            return n;
        }
    }

    private Path readings() throws IOException {
        StringBuilder csv = new StringBuilder("# bench readings\nload_kg," + CountsDevice.CELL1 + "," + CountsDevice.CELL2
                + "\n");
        for (double kg : new double[] {0, 2, 5, 10, 20, 30}) {
            csv.append(kg).append(',').append(CountsDevice.counts(0, kg * 9.80665)).append(',')
                    .append(CountsDevice.counts(1, kg * 9.80665)).append('\n');
        }
        return Files.writeString(dir.resolve("readings.csv"), csv);
    }

    @Test
    void fitsReadingsOfflineAndWritesTheFile() throws IOException {
        Path out = dir.resolve("cal.json");
        Cli.Result r = Cli.run("calibrate", "--readings", readings().toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(CountsDevice.CELL1 + ": power F = 0.0100000 * (c - 40.0)^1.5000 N, RMS residual"
                + " 0.00 N over 6 points, fit range 40.0 to "), lines.get(0));
        assertEquals(out + ": calibration of 2 cells of readings.csv written", lines.get(2));
        Calibration c = CalibrationFile.read(out);
        assertEquals("readings.csv", c.device());
        assertEquals(LocalDate.now(), c.date());
        for (int cell = 0; cell < 2; cell++) {
            CellCalibration fit = c.cells().get(cell);
            assertEquals(CalibrationModel.POWER, fit.model());
            assertEquals(CountsDevice.LAWS[cell][0], fit.coefficient(), 1e-9);
            assertEquals(CountsDevice.LAWS[cell][1], fit.exponent(), 1e-9);
            assertEquals(CountsDevice.LAWS[cell][2], fit.zeroOffsetCounts(), 1e-9);
        }

        Cli.Result linear = Cli.run("calibrate", "--readings", readings().toString(), "--out", out.toString(), "--force",
                "--cell", CountsDevice.CELL2, "--model", "linear", "--device", "bench 2");
        assertEquals(0, linear.exitCode(), linear.err());
        Calibration one = CalibrationFile.read(out);
        assertEquals("bench 2", one.device());
        assertEquals(List.of(ChannelName.parse(CountsDevice.CELL2)), one.cells().stream().map(CellCalibration::channel)
                .toList());
        assertEquals(CalibrationModel.LINEAR, one.cells().get(0).model());
    }

    @Test
    void aFitWithoutAReadingToSpareOrFarFromItsReadingsIsWarnedAbout() throws IOException {
        StringBuilder csv = new StringBuilder("load_kg," + CountsDevice.CELL1 + "\n");
        for (double kg : new double[] {0, 10, 30}) {
            csv.append(kg).append(',').append(CountsDevice.counts(0, kg * 9.80665)).append('\n');
        }
        Path three = Files.writeString(dir.resolve("three.csv"), csv);
        Path out = dir.resolve("cal.json");
        Cli.Result power = Cli.run("calibrate", "--readings", three.toString(), "--out", out.toString(), "--model",
                "power");
        assertEquals(0, power.exitCode(), power.err());
        assertEquals("soleus calibrate: warning: " + CountsDevice.CELL1 + ": 3 readings for the 3 parameters of the power"
                + " law: it passes through them exactly, so its residual says nothing of its accuracy; measure at more"
                + " loads", power.err().strip());
        Cli.Result linear = Cli.run("calibrate", "--readings", three.toString(), "--out", out.toString(), "--force",
                "--model", "linear");
        assertEquals(0, linear.exitCode(), linear.err());
        assertTrue(linear.err().startsWith("soleus calibrate: warning: " + CountsDevice.CELL1 + ": the linear law misses"
                + " the readings by "), "the cell follows a power law, which a line misses by more than 5 %: " + linear.err());
        assertTrue(linear.err().strip().endsWith("or measure again"), linear.err());
        assertEquals(1, linear.err().lines().count(), linear.err());
    }

    @Test
    void updateAddsCellsToAnExistingFileAndReplacesThoseCalibratedAgain() throws IOException {
        Path out = dir.resolve("cal.json");
        String csv = readings().toString();
        assertEquals(0, Cli.run("calibrate", "--readings", csv, "--out", out.toString(), "--cell", CountsDevice.CELL1,
                "--device", "insole #7").exitCode());
        CellCalibration first = CalibrationFile.read(out).cells().get(0);

        Cli.Result added = Cli.run("calibrate", "--readings", csv, "--out", out.toString(), "--update", "--cell",
                CountsDevice.CELL2);
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().contains(out + ": calibration of 2 cells of insole #7 written (1 added, 0 replaced, 1 kept)"),
                added.out());
        Calibration both = CalibrationFile.read(out);
        assertEquals("insole #7", both.device());
        assertEquals(first, both.cells().get(0));
        assertEquals(ChannelName.parse(CountsDevice.CELL2), both.cells().get(1).channel());

        Cli.Result again = Cli.run("calibrate", "--readings", csv, "--out", out.toString(), "--update", "--cell",
                CountsDevice.CELL1, "--model", "linear");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("(0 added, 1 replaced, 1 kept)"), again.out());
        Calibration replaced = CalibrationFile.read(out);
        assertEquals(ChannelName.parse(CountsDevice.CELL1), replaced.cells().get(0).channel());
        assertEquals(CalibrationModel.LINEAR, replaced.cells().get(0).model());
        assertEquals(both.cells().get(1), replaced.cells().get(1));

        String before = Files.readString(out);
        assertOneLineError(Cli.run("calibrate", "--readings", csv, "--out", out.toString(), "--update", "--device",
                "insole #8"), 1, out + ": calibrates 'insole #7', not 'insole #8'");
        assertOneLineError(Cli.run("calibrate", "--readings", csv, "--out", out.toString(), "--update", "--force"), 2,
                "give --force (replace FILE) or --update (add to FILE), not both");
        assertEquals(before, Files.readString(out));

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\" : \"soleus-calibration 1\"");
        Cli.Result r = Cli.run("calibrate", "--readings", csv, "--out", broken.toString(), "--update");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(broken.toString()) && r.err().lines().count() == 1, r.err());
        assertEquals("{\"format\" : \"soleus-calibration 1\"", Files.readString(broken));
    }

    @Test
    void theFileGoesIntoAFolderMadeForIt() throws IOException {
        Path out = dir.resolve("rig").resolve("2025").resolve("cal.json");
        Cli.Result r = Cli.run("calibrate", "--readings", readings().toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, CalibrationFile.read(out).cells().size());
    }

    @Test
    void keepsAnExistingFileAndSaysWhatIsWrongInOneLine() throws IOException {
        Path out = Files.writeString(dir.resolve("cal.json"), "precious");
        Cli.Result r = Cli.run("calibrate", "--readings", readings().toString(), "--out", out.toString());
        assertOneLineError(r, 1, out + ": exists; pass --force to overwrite it or --update to add the cells to it");
        assertEquals("precious", Files.readString(out));

        Path fresh = dir.resolve("new.json");
        assertOneLineError(Cli.run("calibrate", "--out", fresh.toString()), 2,
                "give either --port P (measure with the device) or --readings FILE");
        assertOneLineError(Cli.run("calibrate", "--readings", readings().toString(), "--out", fresh.toString(),
                "--cell", "left.insole.cell09_counts"), 1, "readings.csv: no readings of left.insole.cell09_counts");
        assertOneLineError(Cli.run("calibrate", "--readings", readings().toString(), "--out", fresh.toString(),
                "--model", "cubic"), 2, "unknown model 'cubic': expected linear, power or auto");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "load_kg," + CountsDevice.CELL1 + "\n0,40\n5,x\n");
        assertOneLineError(Cli.run("calibrate", "--readings", bad.toString(), "--out", fresh.toString()), 1,
                bad + ":3:2: expected a number, found 'x'");
        Path noZero = Files.writeString(dir.resolve("nozero.csv"), "load_kg," + CountsDevice.CELL1 + "\n5,300\n10,500\n");
        assertOneLineError(Cli.run("calibrate", "--readings", noZero.toString(), "--out", fresh.toString()), 1,
                noZero + ": " + CountsDevice.CELL1 + ": no reading at 0 kg");
        assertFalse(Files.exists(fresh));
    }

    @Test
    void theLoadsOfAReadingsFileAreNotToBeGivenAgain() throws IOException {
        Path out = dir.resolve("cal.json");
        assertOneLineError(Cli.run("calibrate", "--readings", readings().toString(), "--loads-kg", "0,5,10", "--out",
                out.toString()), 2, "give --loads-kg (measuring with --port) or --readings FILE (whose load_kg column has "
                + "the loads), not both (see 'soleus calibrate --help')");
        assertOneLineError(Cli.run("calibrate", "--readings", readings().toString(), "--hold-s", "2", "--protocol", "line",
                "--out", out.toString()), 2, "give --hold-s, --protocol (measuring with --port) or --readings FILE");
        assertFalse(Files.exists(out));
    }

    @Test
    void guidesThroughTheLoadsOnAPseudoTerminalAndRecoversTheLaws() throws Exception {
        Path out = dir.resolve("cal.json");
        // (cell, kg, noise SD in counts) for each prompt in turn; the third reading is unsteady
        double[][] steps = {{0, 0, 1.5}, {0, 5, 1.5}, {0, 10, 40}, {0, 10, 1.5}, {0, 20, 1.5},
                {1, 0, 1.5}, {1, 5, 1.5}, {1, 10, 1.5}, {1, 20, 1.5}};
        try (Pty pty = new Pty(dir); CountsDevice device = new CountsDevice(pty.device, 42)) {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            Keyboard keyboard = new Keyboard();
            CommandLine cmd = SoleusCommand.commandLine().setOut(new PrintWriter(stdout, true))
                    .setErr(new PrintWriter(stderr, true));
            ((CalibrateCommand) cmd.getSubcommands().get("calibrate").getCommand()).answers = keyboard;
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cmd.execute("calibrate",
                    "--port", pty.host.toString(), "--protocol", "binary", "--out", out.toString(), "--hold-s", "0.25",
                    "--model", "power"));
            for (int k = 0; k < steps.length; k++) {
                awaitPrompts(stdout, k + 1, run);
                device.load((int) steps[k][0], steps[k][1], steps[k][2]);
                Thread.sleep(100);
                keyboard.enter();
            }
            int code = run.get(30, TimeUnit.SECONDS);
            assertEquals(0, code, stdout + "\n" + stderr);
            String text = stdout.toString();
            assertTrue(text.startsWith("take every load off left cell01 (left.insole.cell01_counts), press Enter\n"), text);
            assertTrue(text.contains("put 10 kg on left cell01 (left.insole.cell01_counts), press Enter\n  rejected: SD "),
                    text);
            assertTrue(text.contains("over 50 samples is above --max-sd 10; hold the load still and measure again\n"
                    + "put 10 kg on left cell01"), text);
            assertTrue(text.endsWith(out + ": calibration of 2 cells of test rig 3 written\n"), text);
        }
        Calibration c = CalibrationFile.read(out);
        for (int cell = 0; cell < 2; cell++) {
            CellCalibration fit = c.cells().get(cell);
            double[] law = CountsDevice.LAWS[cell];
            String where = fit.toString();
            assertEquals(CalibrationModel.POWER, fit.model(), where);
            assertEquals(4, fit.points(), where);
            assertEquals(law[2], fit.zeroOffsetCounts(), 1.5, where);
            assertEquals(law[1], fit.exponent(), 0.03, where);
            double at20kg = CountsDevice.counts(cell, 20 * 9.80665);
            assertEquals(20 * 9.80665, fit.forceN(at20kg), 2.0, where);
        }
    }

    /**
     * --update with a stream from another device than the file's is refused before the first
     * prompt: another insole's cells would mix into the file, which stays as it was.
     */
    @Test
    void updateRefusesTheCellsOfAnotherDevice() throws Exception {
        Path out = dir.resolve("cal.json");
        assertEquals(0, Cli.run("calibrate", "--readings", readings().toString(), "--cell", CountsDevice.CELL1,
                "--device", "bench insole 1", "--out", out.toString()).exitCode());
        String before = Files.readString(out);
        try (Pty pty = new Pty(dir); CountsDevice device = new CountsDevice(pty.device, 5)) {
            Cli.Result r = Cli.run("calibrate", "--port", pty.host.toString(), "--protocol", "binary", "--update",
                    "--out", out.toString());
            assertOneLineError(r, 1, out + ": calibrates 'bench insole 1', but " + pty.host + " is 'test rig 3': another"
                    + " insole's cells must not mix into it; write another file, or give --device 'bench insole 1' if it"
                    + " is the same insole");
            assertFalse(r.out().contains("press Enter"), r.out());
        }
        assertEquals(before, Files.readString(out));
    }

    private static void awaitPrompts(StringWriter stdout, int prompts, CompletableFuture<Integer> run)
            throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            if (stdout.toString().split("press Enter", -1).length - 1 >= prompts) {
                return;
            }
            if (run.isDone()) {
                fail("calibrate ended before prompt " + prompts + ":\n" + stdout);
            }
            Thread.sleep(5);
        }
        fail("no prompt " + prompts + " within 10 s:\n" + stdout);
    }
}
