package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.calibration.CalibrationFile;
import org.soleus.io.calibration.CellCalibration;

/**
 * {@code record} and {@code simulate} in a process of their own, stopped by SIGINT or SIGTERM
 * as a script stops them ({@code kill -INT <pid>}): the file is complete and closed, the closing
 * line is printed and the exit code is 128 + the signal's number. The waits are guards against
 * a hang, not limits on how long a step may take.
 */
final class StopSignalsTest {
    private static final Path WALK = Path.of("..", "sample-data", "physionet-gaitpdb", "JuCo01_01.txt");
    private static final long GUARD_S = 60;
    /** A second of samples at 100 Hz, which the recorder flushes to the file together. */
    private static final long FLUSHED_ROWS = 100;

    @TempDir
    Path dir;

    /** Starts {@code soleus args} in a new JVM, stdout and stderr into files in {@code dir}. */
    private static Process soleus(Path dir, String... args) throws IOException {
        return new ProcessBuilder(soleusCommand(args)).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start();
    }

    /**
     * The command that runs {@code soleus args} in a new JVM. A build started in the background
     * of a shell without job control runs with SIGINT ignored, which its children inherit and
     * under which the JVM installs no handler for it (as a script's background job expects); the
     * child then gets SIGINT at its default disposition again ({@code env --default-signal}), so
     * that it stops as it does when started from a terminal.
     */
    private static List<String> soleusCommand(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SoleusCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Whether this process ignores SIGINT (bit 2 of {@code SigIgn} in {@code /proc/self/status}). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;   // no /proc (not Linux): start the child as it is
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private static void kill(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
    }

    private static int exitCode(Process process) throws InterruptedException {
        if (!process.waitFor(GUARD_S, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the process did not end");
        }
        return process.exitValue();
    }

    /** A device on the pseudo-terminal: a line-protocol header, then rows of one channel at 100 Hz, until closed. */
    private static Thread feed(Path device) {
        Thread feeder = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(device)) {
                out.write("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n".getBytes(StandardCharsets.US_ASCII));
                for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    out.write((i * 10_000 + "," + (i % 1000) + ".5\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(1);
                }
            } catch (IOException | InterruptedException e) {
                // socat is gone, or the test is over
            }
        }, "line-device");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }

    /** A recording started on its own pseudo-terminal pair in {@code sub}; closing ends the process, the device and socat. */
    private record Recorder(Pty pty, Thread feeder, Process process, Path out, Path dir) implements AutoCloseable {
        static Recorder start(Path sub) throws Exception {
            Files.createDirectories(sub);
            Pty pty = new Pty(sub);
            Path out = sub.resolve("walk.csv");
            Process process = soleus(sub, "record", "--port", pty.host.toString(), "--protocol", "line", "--out",
                    out.toString());
            return new Recorder(pty, feed(pty.device), process, out, sub);
        }

        /**
         * Waits until the file holds a second of samples (the command registers for the signals
         * before it creates the file with the first sample, and flushes every second of samples),
         * then sends {@code signal}.
         */
        void stopWith(String signal) throws Exception {
            awaitFlushedRows();
            kill(process, signal);
        }

        /** Waits until the file holds a second of samples. */
        void awaitFlushedRows() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_S);
            while (flushedRows() < FLUSHED_ROWS && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(flushedRows() >= FLUSHED_ROWS, "no second of samples was recorded: "
                    + Files.readString(dir.resolve("stderr")));
        }

        /** Complete sample rows in the file so far. */
        private long flushedRows() throws IOException {
            if (!Files.exists(out)) {
                return 0;
            }
            String text = Files.readString(out);
            return text.substring(0, text.lastIndexOf('\n') + 1).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("time_s")).count();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            feeder.interrupt();
            pty.close();
        }

        /** The exit code, with the recording checked against the closing line. */
        int check() throws Exception {
            int code = exitCode(process);
            String stdout = Files.readString(dir.resolve("stdout"));
            assertEquals("", Files.readString(dir.resolve("stderr")));
            Matcher m = Pattern.compile(Pattern.quote(out.toString()) + ": (\\d+) samples \\([0-9.]+ s\\) of 1 channel at 100 "
                    + "Hz; 0 frames lost, 0 CRC errors, 0 malformed, 0 disconnects\n").matcher(stdout);
            assertTrue(m.matches(), stdout);
            long samples = Long.parseLong(m.group(1));
            String text = Files.readString(out);
            assertTrue(text.endsWith("\n"), "the last line is complete");
            List<String> rows = text.lines().filter(l -> !l.startsWith("#") && !l.startsWith("time_s")).toList();
            assertEquals(samples, rows.size(), "rows in the file, as the closing line says");
            for (String row : rows) {
                assertTrue(row.matches("\\d+(\\.\\d+)?,\\d+\\.5"), row);
            }
            return code;
        }
    }

    @Test
    void recordStoppedBySigintOrSigtermCompletesTheFileAndSaysSo() throws Exception {
        try (Recorder interrupted = Recorder.start(dir.resolve("int"));
             Recorder terminated = Recorder.start(dir.resolve("term"))) {
            interrupted.stopWith("INT");
            terminated.stopWith("TERM");
            assertEquals(130, interrupted.check());
            assertEquals(143, terminated.check());
        }
    }

    /**
     * Stopped while the port is gone (socat ended, as an unplugged adapter's device disappears):
     * the file keeps what came and says, in a warning line, how long the port had been gone.
     */
    @Test
    void recordStoppedWhileThePortIsGoneSaysSoInTheFile() throws Exception {
        try (Recorder recorder = Recorder.start(dir.resolve("gone"))) {
            recorder.awaitFlushedRows();
            recorder.pty().close();
            Path stderr = recorder.dir().resolve("stderr");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_S);
            while (!Files.readString(stderr).contains(" disconnected; reopening it") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            kill(recorder.process(), "TERM");
            assertEquals(143, exitCode(recorder.process()));
            String port = Pattern.quote(recorder.pty().host.toString());
            String outage = port + ": stopped while disconnected, [0-9.]+ s after the port went away at [0-9.]+ s; no"
                    + " samples came in that time";
            assertTrue(Files.readString(stderr).matches("soleus: " + port + " disconnected; reopening it for up to 60.0 s\n"
                    + "soleus: " + outage + "\n"), Files.readString(stderr));
            String text = Files.readString(recorder.out());
            assertTrue(text.matches("(?s).*\n# warning: " + outage + "\n"), text.substring(text.lastIndexOf("\n#")));
            assertTrue(Files.readString(recorder.dir().resolve("stdout")).endsWith(" 1 disconnect\n"),
                    Files.readString(recorder.dir().resolve("stdout")));
        }
    }

    /**
     * {@code record --force} stopped before the stream has passed its check (3 s after its first
     * frame): more likely a wrong file name than a recording of a second or two, so the file it
     * was to replace stays as it was, the samples stay in the part file, and a line says where.
     */
    @Test
    void recordForcedAndStoppedBeforeTheCheckKeepsTheFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("force"));
        Path out = Files.writeString(sub.resolve("walk.csv"), "precious");
        Path part = sub.resolve("walk.csv.part");
        try (Pty pty = new Pty(sub)) {
            Process record = soleus(sub, "record", "--port", pty.host.toString(), "--protocol", "line", "--out",
                    out.toString(), "--force");
            Thread feeder = feed(pty.device);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_S);
                while (!(Files.exists(part) && Files.readString(part).lines().count() > 10) && record.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                kill(record, "INT");
                assertEquals(130, exitCode(record));
            } finally {
                feeder.interrupt();
                record.destroyForcibly();
            }
        }
        assertEquals("precious", Files.readString(out));
        assertTrue(Files.readString(part).lines().anyMatch(l -> l.matches("\\d+(\\.\\d+)?,\\d+\\.5")), "samples kept");
        assertEquals("soleus: stopped before the stream's check (3 s after its first frame): " + out + " was left as it"
                + " was, and the recording is in " + part.toRealPath() + ": move it where you want it, or delete it\n",
                Files.readString(sub.resolve("stderr")));
        assertTrue(Files.readString(sub.resolve("stdout")).startsWith(part.toRealPath() + ": "),
                Files.readString(sub.resolve("stdout")));
    }

    /**
     * {@code calibrate} stopped by Ctrl-C at the second cell's first prompt: the first cell's fit,
     * finished, is written, with what to do for the others; no word of a port lost (the signal
     * does not end the program under the session), and exit code 130.
     */
    @Test
    void calibrateStoppedKeepsTheCellsItFinished() throws Exception {
        Path out = dir.resolve("cal.json");
        try (Pty pty = new Pty(dir); CountsDevice device = new CountsDevice(pty.device, 7)) {
            Process calibrate = soleus(dir, "calibrate", "--port", pty.host.toString(), "--protocol", "binary",
                    "--out", out.toString(), "--loads-kg", "0,10", "--hold-s", "0.25", "--model", "linear");
            OutputStream keyboard = calibrate.getOutputStream();
            double[] loadsKg = {0, 10};
            for (int prompt = 1; prompt <= 3; prompt++) {
                awaitPrompts(calibrate, prompt);
                if (prompt == 3) {
                    break;
                }
                device.load(0, loadsKg[prompt - 1], 1.5);
                Thread.sleep(100);
                keyboard.write('\n');
                keyboard.flush();
            }
            kill(calibrate, "INT");
            assertEquals(130, exitCode(calibrate));
            String stdout = Files.readString(dir.resolve("stdout"));
            String stderr = Files.readString(dir.resolve("stderr"));
            assertTrue(stdout.endsWith(out + ": calibration of 1 cell of test rig 3 written\n" + out + ": holds the 1 cell"
                    + " measured before the end; add the others with --update\n"), stdout);
            assertTrue(stderr.endsWith("\nsoleus calibrate: stopped before every cell was measured\n"), stderr);
            assertTrue(!stderr.contains("disconnected"), stderr);
        }
        assertEquals(List.of(ChannelName.parse(CountsDevice.CELL1)),
                CalibrationFile.read(out).cells().stream().map(CellCalibration::channel).toList());
    }

    /** Waits until {@code process} has printed {@code prompts} prompts on its standard output. */
    private void awaitPrompts(Process process, int prompts) throws IOException, InterruptedException {
        for (int i = 0; i < 4000; i++) {
            String stdout = Files.readString(dir.resolve("stdout"));
            if (stdout.split("press Enter", -1).length - 1 >= prompts) {
                return;
            }
            assertTrue(process.isAlive(), "calibrate ended before prompt " + prompts + ": " + stdout
                    + Files.readString(dir.resolve("stderr")));
            Thread.sleep(5);
        }
        throw new AssertionError("no prompt " + prompts + " within 20 s: " + Files.readString(dir.resolve("stdout")));
    }

    /** {@code live} stopped before its first sample says so, as {@code record} does, instead of ending without a word. */
    @Test
    void liveStoppedBeforeItsFirstSampleSaysSo() throws Exception {
        try (Pty pty = new Pty(dir)) {
            Process live = soleus(dir, "live", "--port", pty.host.toString(), "--idle-timeout", "60");
            pty.awaitHostOpenedBy(live.pid());
            kill(live, "INT");
            assertEquals(130, exitCode(live));
            assertEquals("soleus: " + pty.host + ": stopped before the first sample; nothing was analysed\n",
                    Files.readString(dir.resolve("stderr")));
        }
    }

    /**
     * {@code live} whose reader has gone ({@code soleus live … | head -1}) ends as a stop does and
     * frees the port, instead of analysing on into a closed pipe until its duration; the device
     * here sends for a minute and a half, longer than the guard.
     */
    @Test
    void liveWhoseReaderHasGoneEnds() throws Exception {
        try (Pty pty = new Pty(dir)) {
            Process live = new ProcessBuilder(soleusCommand("live", "--port", pty.host.toString())).redirectError(dir.resolve("stderr").toFile()).start();
            pty.awaitHostOpenedBy(live.pid());
            Process simulate = soleus(Files.createDirectories(dir.resolve("sim")), "simulate", WALK.toString(), "--port", pty.device.toString(),
                    "--speed", "1");
            try {
                try (BufferedReader strides = new BufferedReader(new InputStreamReader(live.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    assertTrue(strides.readLine() != null, "a stride line");
                }
                assertEquals(0, exitCode(live), Files.readString(dir.resolve("stderr")));
            } finally {
                simulate.destroyForcibly();
                live.destroyForcibly();
            }
        }
    }

    @Test
    void simulateStoppedBySigintPrintsItsClosingLine() throws Exception {
        try (Pty pty = new Pty(dir)) {
            Process simulate = soleus(dir, "simulate", WALK.toString(), "--port", pty.device.toString(), "--protocol",
                    "line");
            try (InputStream host = Files.newInputStream(pty.host)) {
                assertTrue(host.read() >= 0, "the simulator sends");
                kill(simulate, "INT");
                assertEquals(130, exitCode(simulate));
            } finally {
                simulate.destroyForcibly();
            }
            String stdout = Files.readString(dir.resolve("stdout"));
            assertTrue(stdout.matches("JuCo01_01.txt -> " + Pattern.quote(pty.device.toString()) + ": \\d+ of 5349 samples "
                    + "sent \\(line, [0-9.]+ s\\); .*\n"), stdout);
        }
    }
    /**
     * {@code analyze} of many inputs, the first of which fails, stopped by SIGTERM once the
     * second is done: it stops at the next stage of the input it is on, writes nothing of that
     * one, says last how many were done (the failed one among them) and how many were not
     * analysed, and exits with 143; the folders are those of the inputs analysed.
     */
    @Test
    void analyzeStoppedBySigtermSaysWhatWasDoneAndWritesNothingOfTheInputItWasOn() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> args = new ArrayList<>(List.of("analyze", "--mass", "70", "--out", dir.resolve("out").toString()));
        int inputs = 60;
        for (int i = 0; i < inputs; i++) {
            args.add(Files.copy(WALK, in.resolve(String.format("walk%02d.txt", i))).toString());
        }
        // the first fails, so that the closing line counts it among those done
        Files.writeString(in.resolve("walk00.txt"), "0.00\t1\n");
        Process analyze = soleus(dir, args.toArray(String[]::new));
        try {
            Path stdout = dir.resolve("stdout");
            while (analyze.isAlive() && Files.readString(stdout).isEmpty()) {
                Thread.sleep(10);
            }
            kill(analyze, "TERM");
            assertEquals(143, exitCode(analyze), Files.readString(dir.resolve("stderr")));
        } finally {
            analyze.destroyForcibly();
        }
        long printed = Files.readString(dir.resolve("stdout")).lines().count();
        String stderr = Files.readString(dir.resolve("stderr"));
        Matcher closing = Pattern.compile("soleus: stopped by SIGTERM(?: while analysing (\\S+): its results were not"
                + " written \\(any earlier ones in its folder are as they were\\);|:) (\\d+) of " + inputs
                + " recordings were done \\(above; 1 of them failed\\), (\\d+) were not analysed\n$").matcher(stderr);
        assertTrue(closing.find(), stderr);
        assertTrue(stderr.startsWith("soleus analyze: error: " + in.resolve("walk00.txt")), stderr);
        int done = Integer.parseInt(closing.group(2));
        assertEquals(printed + 1, done, "a summary line per input analysed, and the one that failed");
        assertEquals(inputs - done - (closing.group(1) == null ? 0 : 1), Integer.parseInt(closing.group(3)));
        try (var folders = Files.list(dir.resolve("out"))) {
            assertEquals(done - 1, folders.filter(f -> Files.exists(f.resolve("summary.json"))).count(), stderr);
        }
    }
}
