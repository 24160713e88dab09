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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.calibration.CalibrationFile;
import org.soleus.io.calibration.CalibrationFitter;
import org.soleus.io.calibration.CalibrationPoint;
import org.soleus.io.calibration.CalibrationSession;
import org.soleus.io.calibration.CalibrationStopped;
import org.soleus.io.calibration.CellCalibration;
import org.soleus.io.calibration.CellSelection;
import org.soleus.io.calibration.FitReport;
import org.soleus.io.calibration.MeasuringPlan;
import org.soleus.io.calibration.ModelChoice;
import org.soleus.io.calibration.ReadingsCsv;
import org.soleus.io.live.StreamPump;
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
                "Prompts go to stdout and are answered with Enter on stdin. A session that ends before its last cell"
                        + " (Ctrl-C, the device gone) writes the cells it finished, unless --force was to replace a"
                        + " file; exit code 130 or 143 when stopped by SIGINT or SIGTERM."})
final class CalibrateCommand implements Callable<Integer> {
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
            description = "The raw channel to calibrate, or all of the stream's (or the file's) raw insole channels, "
                    + "one after the other (default: ${DEFAULT-VALUE}). A channel, e.g.:%nleft.insole.cell03_counts")
    String cell;

    @Option(names = "--loads-kg", paramLabel = "KG", split = ",", defaultValue = "0,5,10,20",
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

    /** The device's name as its stream gives it, once known. */
    private String deviceName;
    /** Whether {@code --device} was given (else the name comes from the file updated or the stream). */
    private boolean deviceGiven;

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
        if (out.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out: expected a file name, got an empty path");
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
        deviceGiven = device != null;
        if (earlier != null) {
            if (device != null && !device.equals(earlier.device())) {
                throw new IllegalArgumentException(out + ": calibrates '" + earlier.device() + "', not '" + device
                        + "'; leave out --device to add to it, or write another file");
            }
            device = earlier.device();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (readings != null) {
            write(earlier, fitReadings(stdout), stdout);
            return 0;
        }
        try (StopSignals.Registration stop = StopSignals.register()) {
            List<CellCalibration> finished = new ArrayList<>();
            Calibration measured;
            try {
                measured = measure(stdout, stop, finished);
            } catch (IOException | RuntimeException e) {
                keepFinished(earlier, finished, stdout);
                if (!(e instanceof CalibrationStopped)) {
                    throw e;
                }
                spec.commandLine().getErr().println("soleus calibrate: stopped before every cell was measured");
                spec.commandLine().getErr().flush();
                return stop.exitCode();
            }
            write(earlier, measured, stdout);
            return stop.exitCode();
        }
    }

    /** Writes the cells {@code fitted} (into {@code earlier}'s, with --update) and says so. */
    private void write(Calibration earlier, Calibration fitted, PrintWriter stdout) throws IOException {
        Calibration calibration = earlier != null ? earlier.updatedWith(fitted) : fitted;
        CalibrationFile.write(out, calibration);
        stdout.printf(Locale.ROOT, "%s: calibration of %d cell%s of %s written%s%n", out, calibration.cells().size(),
                calibration.cells().size() == 1 ? "" : "s", calibration.device(),
                earlier != null ? updateCounts(earlier, fitted) : "");
        stdout.flush();
    }

    /**
     * A session that ended before its last cell (Ctrl-C, the port gone, the answers ended): the
     * cells it finished are written, so that the work is not lost and {@code --update} can add
     * the others, unless that would replace a file it was to overwrite with {@code --force},
     * which then stays as it was (the fits are on the screen).
     */
    private void keepFinished(Calibration earlier, List<CellCalibration> finished, PrintWriter stdout)
            throws IOException {
        if (finished.isEmpty()) {
            return;
        }
        String cells = finished.size() + " cell" + (finished.size() == 1 ? "" : "s") + " measured before the end";
        if (earlier == null && Files.exists(out)) {
            stdout.printf(Locale.ROOT, "%s: kept as it was; the %s (above) are not written: --force replaces the file"
                    + " only with a whole session%n", out, cells);
            stdout.flush();
            return;
        }
        write(earlier, new Calibration(device != null ? device : deviceName, LocalDate.now(), finished), stdout);
        stdout.printf(Locale.ROOT, "%s: holds the %s; add the others with --update%n", out, cells);
        stdout.flush();
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
        Map<ChannelName, List<CalibrationPoint>> chosen = CellSelection.ofReadings(all, onlyCell(), readings.toString());
        List<CellCalibration> cells = new ArrayList<>();
        for (Map.Entry<ChannelName, List<CalibrationPoint>> e : chosen.entrySet()) {
            CellCalibration fit = CalibrationFitter.fit(e.getKey(), e.getValue(), model, readings.toString());
            cells.add(fit);
            report(stdout, fit);
        }
        return new Calibration(device != null ? device : String.valueOf(readings.getFileName()), LocalDate.now(), cells);
    }

    /**
     * Measures the cells with the device.
     *
     * @param finished receives each cell's fit as it is made
     */
    private Calibration measure(PrintWriter stdout, StopSignals.Registration stop, List<CellCalibration> finished)
            throws IOException {
        validateMeasurement();
        MeasuringPlan plan = new MeasuringPlan(loadsKg, settleS, holdS, maxSdCounts);
        PrintWriter err = spec.commandLine().getErr();
        StreamPump.Listener gaps = (atS, missing, measuredOn) -> {
            err.println("soleus: " + StreamPump.Listener.describe(port, atS, missing, Double.NaN, measuredOn));
            err.flush();
        };
        BufferedReader in = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
        try (CalibrationSession session = new CalibrationSession(stream.open(port, line -> {
            err.println(line);
            err.flush();
        }), gaps, in, stdout, stop::requested)) {
            RecordingHeader header = session.awaitHeader();
            deviceName = session.deviceName();
            if (update && device != null && !deviceGiven && !device.equals(deviceName)) {
                throw new IllegalArgumentException(out + ": calibrates '" + device + "', but " + port + " is '"
                        + deviceName + "': another insole's cells must not mix into it; write another file, or give"
                        + " --device '" + device + "' if it is the same insole");
            }
            List<ChannelName> channels = CellSelection.toMeasure(header, onlyCell(), port);
            List<CellCalibration> cells = session.measure(channels, plan, model, fit -> {
                finished.add(fit);
                report(stdout, fit);
            });
            return new Calibration(device != null ? device : deviceName, LocalDate.now(), cells);
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

    /** The channel of {@code --cell}, or null for {@code all}; a name that is no raw channel is a usage error. */
    private ChannelName onlyCell() {
        if (cell.equals("all")) {
            return null;
        }
        ChannelName name;
        try {
            name = ChannelName.parse(cell);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cell: " + e.getMessage() + ", or all", e);
        }
        if (!name.unit().equals(CellCalibration.COUNTS)) {
            throw new ParameterException(spec.commandLine(), "--cell " + cell + ": a raw channel in counts is calibrated,"
                    + " e.g. left.insole.cell03_counts");
        }
        return name;
    }

    /**
     * Prints the fit, and on stderr a warning when its residual says nothing
     * ({@link FitReport#exactFitWarning}) or is large ({@link FitReport#poorFitWarning}).
     */
    private void report(PrintWriter stdout, CellCalibration fit) {
        stdout.println(FitReport.describe(fit));
        PrintWriter err = spec.commandLine().getErr();
        for (Optional<String> warning : List.of(FitReport.exactFitWarning(fit), FitReport.poorFitWarning(fit))) {
            warning.ifPresent(text -> err.println("soleus calibrate: warning: " + text));
        }
        err.flush();
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
