package org.soleus.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.calibration.CalibrationFile;
import org.soleus.io.calibration.CalibrationFitter;
import org.soleus.io.calibration.CalibrationModel;
import org.soleus.io.calibration.CalibrationPoint;
import org.soleus.io.calibration.CellCalibration;
import org.soleus.io.calibration.HoldAverage;
import org.soleus.io.calibration.ModelChoice;
import org.soleus.io.calibration.ReadingsCsv;
import org.soleus.io.live.StreamPump;
import org.soleus.io.serial.SerialStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code soleus calibrate}: fits each insole cell's counts-to-newtons law and writes a
 * calibration file ({@link CalibrationFile}). With {@code --port} it guides the user through
 * the loads on the terminal: for each cell and load a prompt, Enter (read from stdin, so a
 * script or test can answer), then the cell's readings over the hold, their mean and SD; a
 * reading whose SD exceeds {@code --max-sd} (the load was not steady) or that misses more than
 * a tenth of its samples is rejected and taken again. With {@code --readings} it fits readings
 * taken before, from a CSV file ({@link ReadingsCsv}). The file is written all or nothing; an
 * existing one is replaced only with {@code --force}, or has the cells added to it with
 * {@code --update} (cells calibrated again replaced, the others kept).
 */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Calibrate insole cells from raw counts to newtons: put known loads on each cell in turn "
                + "(--port), or fit readings taken before (--readings); writes a calibration file for "
                + "--calibration (docs/calibration.md).",
                "Prompts go to stdout and are answered with Enter on stdin."})
final class CalibrateCommand implements Callable<Integer> {
    private static final int BATCH_ROWS = 1024;
    private static final long IDLE_NANOS = 1_000_000;
    private static final double MAX_MISSING_FRACTION = 0.1;
    /** The options that only measuring with {@code --port} uses. */
    private static final List<String> MEASURING_OPTIONS = List.of("--loads-kg", "--settle-s", "--hold-s", "--max-sd",
            "--baud", "--protocol", "--rate", "--idle-timeout", "--reconnect-timeout");

    @Spec
    CommandSpec spec;

    /** Where the answers to the prompts come from; stdin unless a test says otherwise. */
    InputStream answers = System.in;

    @Option(names = "--port", paramLabel = "P", description = StreamOptions.PORT_HELP)
    String port;

    @Option(names = "--readings", paramLabel = "FILE",
            description = "Fit these readings instead of measuring: CSV with a header load_kg,<channel>_counts,... "
                    + "and one row per load (kg) with the cells' counts. The loads are the file's: the options for "
                    + "measuring (--loads-kg, --settle-s, --hold-s, --max-sd and the stream's) are usage errors with it.")
    Path readings;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The calibration file to write (JSON).")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Option(names = "--update", description = "Add the cells to FILE if it exists: cells calibrated again are replaced, "
            + "the others kept (one cell at a time, or a cell again after its FSR aged).")
    boolean update;

    @Option(names = "--cell", paramLabel = "CHANNEL|all", defaultValue = "all",
            description = "The raw channel to calibrate, e.g. left.insole.cell03_counts, or all of the stream's "
                    + "(or the file's) raw insole channels, one after the other (default: ${DEFAULT-VALUE}).")
    String cell;

    @Option(names = "--loads-kg", paramLabel = "KG,...", split = ",", defaultValue = "0,5,10,20",
            description = "With --port: the loads to put on each cell, kg; 0 (no load) gives the zero offset and must "
                    + "be among them (default: ${DEFAULT-VALUE}).")
    List<Double> loadsKg;

    @Option(names = "--settle-s", paramLabel = "S", defaultValue = "0.5",
            description = "How long to wait after Enter before averaging, while the load settles (default: "
                    + "${DEFAULT-VALUE} s).")
    double settleS;

    @Option(names = "--hold-s", paramLabel = "S", defaultValue = "3",
            description = "How long to average each reading after the settling time (default: ${DEFAULT-VALUE} s).")
    double holdS;

    @Option(names = "--max-sd", paramLabel = "COUNTS", defaultValue = "10",
            description = "Reject a reading whose standard deviation over the hold is larger (default: ${DEFAULT-VALUE}).")
    double maxSdCounts;

    @Option(names = "--model", paramLabel = "linear|power|auto", defaultValue = "auto", converter = ModelConverter.class,
            description = "The law to fit: linear F = a(c - c0), power F = a(c - c0)^b, or auto: power only when an "
                    + "F-test finds it significantly better (default: ${DEFAULT-VALUE}).")
    ModelChoice model;

    @Option(names = "--device", paramLabel = "NAME",
            description = "Device name written into the file (default: the stream's 'device' property, else the port; "
                    + "with --readings the file name).")
    String device;

    @Mixin
    StreamOptions stream;

    @Override
    public Integer call() throws IOException {
        if ((port == null) == (readings == null)) {
            throw new ParameterException(spec.commandLine(), "give either --port P (measure with the device) or "
                    + "--readings FILE (fit readings taken before)");
        }
        if (readings != null) {
            refuseMeasuringOptions();
        }
        if (force && update) {
            throw new ParameterException(spec.commandLine(), "give --force (replace FILE) or --update (add to FILE), "
                    + "not both");
        }
        if (Files.isDirectory(out)) {
            throw new IOException(out + ": is a directory; give a file name");
        }
        if (Files.exists(out) && !force && !update) {
            throw new IOException(out + ": exists; pass --force to overwrite it or --update to add the cells to it");
        }
        if (device != null && device.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--device must not be blank");
        }
        // The folder is made (or found unusable) before the readings, not after a session of them.
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Calibration earlier = update && Files.exists(out) ? CalibrationFile.read(out) : null;
        if (earlier != null) {
            if (device != null && !device.equals(earlier.device())) {
                throw new IllegalArgumentException(out + ": calibrates '" + earlier.device() + "', not '" + device
                        + "'; leave out --device to add to it, or write another file");
            }
            device = earlier.device();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Calibration fitted = readings != null ? fitReadings(stdout) : measure(stdout);
        Calibration calibration = earlier != null ? earlier.updatedWith(fitted) : fitted;
        CalibrationFile.write(out, calibration);
        stdout.printf(Locale.ROOT, "%s: calibration of %d cell%s of %s written%s%n", out, calibration.cells().size(),
                calibration.cells().size() == 1 ? "" : "s", calibration.device(),
                earlier != null ? updateCounts(earlier, fitted) : "");
        stdout.flush();
        return 0;
    }

    /** {@code " (1 added, 1 replaced, 2 kept)"}: what an update did to the earlier file's cells. */
    private static String updateCounts(Calibration earlier, Calibration fitted) {
        long replaced = fitted.cells().stream().filter(c -> earlier.cell(c.channel()) != null).count();
        long added = fitted.cells().size() - replaced;
        long kept = earlier.cells().size() - replaced;
        return " (" + added + " added, " + replaced + " replaced, " + kept + " kept)";
    }

    private Calibration fitReadings(PrintWriter stdout) throws IOException {
        if (!Files.exists(readings)) {
            throw new NoSuchFileException(readings.toString());
        }
        Map<ChannelName, List<CalibrationPoint>> all = ReadingsCsv.read(readings);
        Map<ChannelName, List<CalibrationPoint>> chosen = new LinkedHashMap<>();
        if (cell.equals("all")) {
            chosen.putAll(all);
        } else {
            ChannelName name = channel(cell);
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException(readings + ": no readings of " + name + "; it has " + all.keySet());
            }
            chosen.put(name, all.get(name));
        }
        List<CellCalibration> cells = new ArrayList<>();
        for (Map.Entry<ChannelName, List<CalibrationPoint>> e : chosen.entrySet()) {
            CellCalibration fit = fitCell(e.getKey(), e.getValue(), readings.toString());
            cells.add(fit);
            report(stdout, fit);
        }
        return new Calibration(device != null ? device : String.valueOf(readings.getFileName()), LocalDate.now(), cells);
    }

    private Calibration measure(PrintWriter stdout) throws IOException {
        validateMeasurement();
        PrintWriter err = spec.commandLine().getErr();
        Readings collector = new Readings();
        SerialStream serial = stream.open(port, err);
        try {
            StreamPump pump = new StreamPump(serial, collector, Double.NaN, (atS, missing, measuredOn) -> {
                err.println(String.format(Locale.ROOT, "soleus: %s disconnected at %.3f s; %d samples missing", port, atS,
                        missing));
                err.flush();
            });
            while (!pump.tryStart()) {
                awaitRows(serial);
            }
            RecordingHeader header = collector.header;
            List<ChannelName> channels = cellsToMeasure(header);
            int holdSamples = (int) Math.max(2, Math.round(holdS * header.sampleRateHz()));
            int settleSamples = (int) Math.round(settleS * header.sampleRateHz());
            BufferedReader in = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
            List<CellCalibration> cells = new ArrayList<>();
            for (ChannelName channel : channels) {
                List<CalibrationPoint> points = new ArrayList<>();
                for (double load : loadsKg) {
                    points.add(new CalibrationPoint(load, hold(stdout, in, pump, serial, collector, channel, header, load,
                            settleSamples, holdSamples)));
                }
                CellCalibration fit = fitCell(channel, points, port);
                cells.add(fit);
                report(stdout, fit);
                stdout.flush();
            }
            String name = device != null ? device : header.metadata().properties().getOrDefault("device", port);
            return new Calibration(name.isBlank() ? port : name, LocalDate.now(), cells);
        } finally {
            serial.close();
        }
    }

    /** Prompts until a steady reading of {@code load} on {@code channel} is taken; returns its mean. */
    private double hold(PrintWriter stdout, BufferedReader in, StreamPump pump, SerialStream serial, Readings collector,
                        ChannelName channel, RecordingHeader header, double load, int settleSamples,
                        int holdSamples) throws IOException {
        String label = channel.side().label() + " " + channel.quantity();
        String kg = trim(load);
        while (true) {
            drain(pump);
            stdout.println(load == 0 ? "take every load off " + label + " (" + channel + "), press Enter"
                    : "put " + kg + " kg on " + label + " (" + channel + "), press Enter");
            stdout.flush();
            if (in.readLine() == null) {
                throw new IOException("stdin ended before the reading of " + kg + " kg on " + channel
                        + ": answer each prompt with Enter");
            }
            drain(pump);
            collector.collect(header.indexOf(channel), settleSamples, holdSamples);
            while (!collector.done()) {
                if (pump.pump(BATCH_ROWS) == 0) {
                    awaitRows(serial);
                }
            }
            HoldAverage h = collector.hold;
            long total = h.count() + h.missing();
            if (h.missing() > MAX_MISSING_FRACTION * total || h.count() < 2) {
                stdout.printf(Locale.ROOT, "  rejected: %d of %d samples missing; check the connection and measure"
                        + " again%n", h.missing(), total);
            } else if (h.sdCounts() > maxSdCounts) {
                stdout.printf(Locale.ROOT, "  rejected: SD %.1f counts over %d samples is above --max-sd %s; hold the"
                        + " load still and measure again%n", h.sdCounts(), h.count(), trim(maxSdCounts));
            } else {
                stdout.printf(Locale.ROOT, "  %s kg: %.1f counts (SD %.1f over %d samples)%n", kg, h.meanCounts(),
                        h.sdCounts(), h.count());
                stdout.flush();
                return h.meanCounts();
            }
        }
    }

    /**
     * A usage error naming the options for measuring that were given with {@code --readings},
     * whose file has the loads and readings already: they would be silently ignored.
     */
    private void refuseMeasuringOptions() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        for (String option : MEASURING_OPTIONS) {
            if (parsed.hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give " + String.join(", ", given) + " (measuring with "
                    + "--port) or --readings FILE (whose load_kg column has the loads), not both");
        }
    }

    private void validateMeasurement() {
        if (!(holdS > 0) || Double.isInfinite(holdS)) {
            throw new ParameterException(spec.commandLine(), "--hold-s must be > 0 s, got " + holdS);
        }
        if (!(settleS >= 0) || Double.isInfinite(settleS)) {
            throw new ParameterException(spec.commandLine(), "--settle-s must be >= 0 s, got " + settleS);
        }
        if (!(maxSdCounts > 0)) {
            throw new ParameterException(spec.commandLine(), "--max-sd must be > 0 counts, got " + maxSdCounts);
        }
        for (double load : loadsKg) {
            if (!(load >= 0) || Double.isInfinite(load)) {
                throw new ParameterException(spec.commandLine(), "--loads-kg must be finite numbers >= 0, got " + load);
            }
        }
        if (!loadsKg.contains(0.0) || loadsKg.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--loads-kg must hold 0 (the reading without load gives the"
                    + " zero offset) and at least one load, got " + loadsKg);
        }
    }

    private List<ChannelName> cellsToMeasure(RecordingHeader header) {
        List<ChannelName> raw = new ArrayList<>();
        for (ChannelName n : header.channels()) {
            if (n.side() != Side.NONE && n.place().equals("insole") && n.unit().equals(CellCalibration.COUNTS)) {
                raw.add(n);
            }
        }
        if (cell.equals("all")) {
            if (raw.isEmpty()) {
                throw new IllegalArgumentException(port + ": the stream has no raw insole channel (<side>.insole.<cell>"
                        + "_counts) to calibrate; its channels: " + header.channels());
            }
            return raw;
        }
        ChannelName name = channel(cell);
        if (header.indexOf(name) < 0) {
            throw new IllegalArgumentException(port + ": the stream has no channel " + name + "; its raw insole channels: "
                    + raw);
        }
        return List.of(name);
    }

    private ChannelName channel(String text) {
        ChannelName name;
        try {
            name = ChannelName.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cell: " + e.getMessage() + ", or all", e);
        }
        if (!name.unit().equals(CellCalibration.COUNTS)) {
            throw new ParameterException(spec.commandLine(), "--cell " + text + ": a raw channel in counts is calibrated,"
                    + " e.g. left.insole.cell03_counts");
        }
        return name;
    }

    private CellCalibration fitCell(ChannelName channel, List<CalibrationPoint> points, String source) {
        try {
            return CalibrationFitter.fit(channel, points, model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prints the fit, and on stderr a warning when it has no reading to spare: a law with as
     * many parameters as readings passes through them all, so its residual is zero whatever
     * the sensor does between the loads.
     */
    private void report(PrintWriter stdout, CellCalibration fit) {
        stdout.println(describe(fit));
        if (fit.points() <= fit.model().parameters()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "soleus calibrate: warning: %s: %d readings for the %d parameters of the %s law: it"
                    + " passes through them exactly, so its residual says nothing of its accuracy; measure at more"
                    + " loads%n", fit.channel(), fit.points(), fit.model().parameters(), fit.model().id());
            err.flush();
        }
    }

    private static String describe(CellCalibration c) {
        String law = c.model() == CalibrationModel.LINEAR
                ? String.format(Locale.ROOT, "F = %.6g * (c - %.1f) N", c.coefficient(), c.zeroOffsetCounts())
                : String.format(Locale.ROOT, "F = %.6g * (c - %.1f)^%.4f N", c.coefficient(), c.zeroOffsetCounts(),
                c.exponent());
        return String.format(Locale.ROOT, "%s: %s %s, RMS residual %.2f N over %d points, fit range %.1f to %.1f counts",
                c.channel(), c.model().id(), law, c.rmsResidualN(), c.points(), c.fitMinCounts(), c.fitMaxCounts());
    }

    /** Takes every row waiting, without keeping it: what came before Enter does not count. */
    private static void drain(StreamPump pump) {
        while (pump.pump(BATCH_ROWS) > 0) {
            continue;
        }
    }

    private static void awaitRows(SerialStream serial) throws IOException {
        if (!serial.isRunning()) {
            IOException fault = serial.fault();
            throw fault != null ? fault : new IOException(serial.name() + ": the stream stopped");
        }
        LockSupport.parkNanos(IDLE_NANOS);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Averages one channel's samples while asked to, after skipping the settling samples (which
     * also keeps out rows that were already on their way when Enter was pressed); ignores them
     * otherwise.
     */
    private static final class Readings implements SampleSink {
        final HoldAverage hold = new HoldAverage();
        RecordingHeader header;
        private int index = -1;
        private int skip;
        private int wanted;

        void collect(int channelIndex, int settleSamples, int samples) {
            hold.reset();
            index = channelIndex;
            skip = settleSamples;
            wanted = samples;
        }

        boolean done() {
            return index < 0;
        }

        @Override
        public void start(RecordingHeader h) {
            header = h;
        }

        @Override
        public void accept(float[] row) {
            if (index >= 0 && skip > 0) {
                skip--;
            } else if (index >= 0) {
                hold.accept(row[index]);
                if (hold.count() + hold.missing() >= wanted) {
                    index = -1;
                }
            }
        }

        @Override
        public void end(List<String> warnings) {
            // nothing is kept beyond the holds
        }
    }

    /** Parses {@code --model}. */
    static final class ModelConverter implements ITypeConverter<ModelChoice> {
        @Override
        public ModelChoice convert(String value) {
            try {
                return ModelChoice.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
