package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.ImuSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.LegLoadAnalyzer;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.analysis.LegSeries;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.calibration.CalibratingSink;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.format.CompanionFiles;
import org.soleus.io.format.FormatDetector;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.ReadParallelism;
import org.soleus.io.format.ReadProgress;
import org.soleus.io.format.RecordingFormat;
import org.soleus.io.format.Recordings;
import org.soleus.io.output.AnalysisOutputs;
import org.soleus.io.output.AnalysisReport;
import org.soleus.io.output.InputProvenance;
import org.soleus.io.output.ValueSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code soleus analyze}: reads recordings, finds gait events, strides and loading with the
 * insole gait analysis (with foot or shank IMUs on {@code --imu}, or when a recording has no
 * insole force), then plantar-flexion load, knee flexion, soleus-dominant loading and calf raises
 * ({@link LegLoadAnalyzer}, where the recording has the channels), and writes
 * {@code events.csv}, {@code strides.csv}, {@code summary.json}, {@code exercises.csv} and on
 * {@code --series} {@code series.csv} per input; with {@code --calibration}, recordings of raw
 * cell counts are converted to newtons while reading. Inputs are processed in order. With
 * several, an input that fails gets its one-line error and the run goes on with the next;
 * the exit code then says that some failed. A single input's failure is the command's. Among
 * several inputs, a dataset's companion file that a glob picked up ({@link CompanionFiles},
 * e.g. gaitpdb's {@code demographics.txt}, a WFDB record's signal files) is skipped with a
 * notice. Each input's summary line names it as given, so that inputs of the same file name
 * can be told apart. Errors writing the results name {@code --out}.
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Find gait events, strides and loading in recordings and write events.csv, strides.csv "
                        + "and summary.json for each, exercises.csv where the insoles give a centre of pressure, "
                        + "series.csv on --series (columns: docs/outputs.md).",
        })
final class AnalyzeCommand implements Callable<Integer> {

    /** Inputs from this size on get a progress bar even when alone. */
    private static final long LARGE_INPUT_BYTES = 32L << 20;
    /** Share of an input's progress bar that reading takes (about that of its time). */
    private static final double READING_SHARE = 0.8;
    /** Reader warnings shown on stderr per input; summary.json has them all. */
    private static final int MAX_WARNING_LINES = 10;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Recording files: soleus CSV, PhysioNet gaitpdb text, WFDB header (.hea), "
                    + "Moticon OpenGo export or gaitmap IMU CSV.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "soleus-out",
            description = "Output directory (default: ${DEFAULT-VALUE}); with several inputs, one sub-folder "
                    + "per input, named after its file.")
    Path outDir;

    @Option(names = "--mass", paramLabel = "KG", converter = BodyMassConverter.class,
            description = "Body mass in kg; wins over a mass in the file. Needed for loading in body weights.")
    double massKg = Double.NaN;

    @Option(names = "--format", paramLabel = "F", converter = FormatConverter.class,
            completionCandidates = FormatIds.class,
            description = "Input format, one of: ${COMPLETION-CANDIDATES}. Detected from the content when left out.")
    RecordingFormat format;

    @Option(names = "--rate", paramLabel = "HZ", converter = SampleRateConverter.class,
            description = "Sample rate in Hz; wins over the rate in the file.")
    double rateHz = Double.NaN;

    @Mixin
    CalibrationOption calibration;

    @Option(names = "--imu",
            description = "Use foot-worn IMUs too (a shank IMU where a leg has no foot IMU): each foot's gyroscope "
                    + "times the events its insole confirms, and gives the events alone where a foot has no insole. "
                    + "Recordings without insole force use their IMUs without this flag.")
    boolean imu;

    @Option(names = "--insole-length", paramLabel = "M",
            description = "Insole (foot) length in metres for the plantar-flexor moment's lever arm; wins over the "
                    + "file. Default: the file's layout length, insole_length_m or EU insole_size, else 0.27.")
    double insoleLengthM = Double.NaN;

    @Option(names = "--heel-to-ankle", paramLabel = "M",
            description = "Distance from the heel end of the insole to the ankle joint centre, metres; wins over "
                    + "the file. Default: the file's heel_to_ankle_m, else 0.055 scaled with the insole length.")
    double heelToAnkleM = Double.NaN;

    @Mixin
    MomentArmOption momentArm;

    @Option(names = "--series",
            description = "Also write series.csv: the derived signals per sample (knee flexion, ankle plantar flexion, plantar-flexor "
                    + "moment, Achilles force, soleus-dominant flag), for the legs that have them.")
    boolean series;

    @Override
    public Integer call() throws IOException {
        if (outDir.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out: expected a folder, got an empty path");
        }
        ReadOptions options = readOptions();
        LegLoadSettings legSettings = legSettings();
        Calibration cells = calibration.read();
        long totalBytes = 0;
        long largest = 0;
        for (Path input : inputs) {
            long size = requireReadableFile(input);
            totalBytes += size;
            largest = Math.max(largest, size);
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IOException("--out " + outDir + ": exists and is not a directory; give a folder");
        }
        List<Path> folders = OutputFolders.assign(inputs, outDir);
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = System.console() != null && (inputs.size() > 1 || largest >= LARGE_INPUT_BYTES)
                ? new ProgressBar(spec.commandLine().getErr()) : null;
        Progress progress = new Progress(bar, Math.max(1, totalBytes), inputs.size());
        int failed = 0;
        int skipped = 0;
        try {
            for (int i = 0; i < inputs.size(); i++) {
                Path input = inputs.get(i);
                progress.startInput(i, input, Files.size(input));
                String line;
                try {
                    Optional<String> companion = inputs.size() > 1 ? CompanionFiles.describe(input) : Optional.empty();
                    if (companion.isPresent()) {
                        progress.clear();
                        spec.commandLine().getErr().println("soleus analyze: " + input + ": skipped: " + companion.get());
                        skipped++;
                        continue;
                    }
                    line = analyze(input, options, cells, legSettings, folders.get(i), progress);
                } catch (IOException | RuntimeException e) {
                    if (inputs.size() == 1) {
                        throw e;
                    }
                    progress.clear();
                    reportFailure(input, e);
                    failed++;
                    continue;
                }
                progress.clear();
                out.println(line);
                out.flush();
            }
        } finally {
            progress.clear();
        }
        int recordings = inputs.size() - skipped;
        if (recordings == 0) {
            throw new IOException("none of the " + inputs.size() + " inputs is a recording (above); give the recording files");
        }
        if (failed > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("soleus: " + failureSummary(failed, recordings, skipped));
            err.flush();
            return spec.exitCodeOnExecutionException();
        }
        return 0;
    }

    /**
     * The closing line of a run of several inputs of which {@code failed} of the
     * {@code recordings} (the inputs not skipped) failed: how many, and whether any was
     * analysed.
     */
    static String failureSummary(int failed, int recordings, int skipped) {
        String inputs = skipped > 0 ? "recordings" : "inputs";
        if (failed == recordings) {
            return (recordings == 1 ? "the one recording failed (above)" : "all " + recordings + " " + inputs
                    + " failed (above)") + "; none was analysed";
        }
        int analysed = recordings - failed;
        return failed + " of " + recordings + " " + inputs + " failed (above); "
                + (analysed == 1 ? "the other was analysed" : "the others were analysed");
    }

    /**
     * The reader's warnings (a last line cut short, filled gaps, a rate or mass that overrides
     * the file's...), one line each on stderr, at most {@value #MAX_WARNING_LINES}; all of
     * them are in {@code summary.json}.
     */
    private void printWarnings(List<String> warnings) {
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < Math.min(warnings.size(), MAX_WARNING_LINES); i++) {
            err.println("soleus analyze: warning: " + ErrorHandler.oneLine(warnings.get(i)));
        }
        if (warnings.size() > MAX_WARNING_LINES) {
            err.println("soleus analyze: warning: " + (warnings.size() - MAX_WARNING_LINES)
                    + " more warnings in summary.json");
        }
        err.flush();
    }

    /**
     * One line for an input that failed among several, naming it, as the error handler would
     * for a single input (with the stack trace on {@code --debug}); the run goes on with the
     * next input.
     */
    private void reportFailure(Path input, Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = ErrorHandler.debugRequested(spec.root().commandLine().getParseResult());
        String line = ErrorHandler.describe(e, debug);
        err.println("soleus: " + (line.contains(input.toString()) ? line : input + ": " + line));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    private String analyze(Path input, ReadOptions options, Calibration cells, LegLoadSettings legSettings,
                           Path folder, Progress progress)
            throws IOException {
        progress.stage("reading", 0.0);
        RecordingFormat inputFormat = format != null ? format : FormatDetector.detect(input);
        ReadOptions inputOptions = new ReadOptions(inputFormat, options.sampleRateHz(), options.bodyMassKg());
        // Insole cells are summarised into heel force and centre of pressure while reading, so
        // that a day-long recording's cells never all sit in memory. Calibrated recordings are
        // read in one part, so that the warning counting readings beyond the calibrated range
        // counts all of them.
        double inputBytes = Math.max(1, Files.size(input));
        ReadProgress reading = bytes -> progress.stage("reading", READING_SHARE * Math.min(1, bytes / inputBytes));
        Recording recording = cells == null
                ? Recordings.read(input, inputOptions, CellAggregatingSink::new, ReadParallelism.defaults(), reading)
                : Recordings.read(input, inputOptions, d -> new CalibratingSink(cells, calibration.file.toString(),
                        new CellAggregatingSink(d)), ReadParallelism.SEQUENTIAL, reading);
        progress.clear();
        printWarnings(recording.warnings());
        progress.stage("analysing", READING_SHARE);
        GaitAnalysis analysis;
        try {
            analysis = imu || !hasInsoleForce(recording)
                    ? InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults(), ImuSettings.defaults())
                    : InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults());
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            boolean namesInput = message.contains(input.toString()) || message.contains(recording.source());
            throw namesInput ? e : new IllegalArgumentException(input + ": " + message, e);
        }
        progress.stage("analysing the legs", 0.9);
        LegLoadAnalysis legs;
        try {
            legs = LegLoadAnalyzer.analyze(recording, analysis, legSettings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage(), e);
        }
        for (String notice : legs.notices()) {
            spec.commandLine().getErr().println("soleus analyze: " + input + ": " + ErrorHandler.oneLine(notice));
        }
        if (momentArm.angleDependent()) {
            for (LegSeries leg : legs.legs().values()) {
                if (leg.momentNm() != null && leg.plantarFlexionDeg() == null) {
                    String side = leg.side().label();
                    spec.commandLine().getErr().println("soleus analyze: " + input + ": " + side + " leg: no ankle "
                            + "angle (needs " + side + ".shank.* and " + side + ".foot.* IMUs that move after the "
                            + "standing calibration); its Achilles force uses the constant moment arm");
                }
            }
        }
        if (series && legs.legs().isEmpty()) {
            spec.commandLine().getErr().println("soleus analyze: " + input + ": no series.csv: no leg signal to derive "
                    + "(needs <side>.insole.force_n with <side>.insole.cop_y_norm, or thigh and shank IMUs)");
        }
        progress.stage("writing", 0.95);
        ValueSource massSource = !Double.isNaN(massKg) ? ValueSource.FLAG
                : recording.metadata().hasBodyMass() ? ValueSource.FILE : ValueSource.NONE;
        AnalysisReport report = new AnalysisReport(
                InputProvenance.of(input, inputFormat, format != null ? ValueSource.FLAG : ValueSource.DETECTED,
                        recording),
                legs, recording.metadata().bodyMassKg(), massSource, VersionProvider.version());
        try {
            AnalysisOutputs.write(report, folder, series);
        } catch (IOException e) {
            throw outputFailure(e);
        }
        return summaryLine(input, legs, folder);
    }

    /**
     * A failure to write the results, naming {@code --out}: the output folder the user gave is at
     * fault, not the input. The file is named when it is not that folder itself.
     */
    private IOException outputFailure(IOException e) {
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        boolean theFolder = file == null
                || Path.of(file).toAbsolutePath().normalize().equals(outDir.toAbsolutePath().normalize());
        return new IOException("--out " + outDir + ": cannot write the results: " + (theFolder ? "" : file + ": ")
                + ErrorHandler.reason(e), e);
    }

    /**
     * The leg settings: the defaults with the moment arm of {@code --moment-arm}, and the foot
     * geometry of the flags when any is given (a
     * missing one is taken from the defaults, the heel-to-ankle distance scaled with the length).
     */
    private LegLoadSettings legSettings() {
        LegLoadSettings d = momentArm.apply(LegLoadSettings.DEFAULTS);
        if (Double.isNaN(insoleLengthM) && Double.isNaN(heelToAnkleM)) {
            return d;
        }
        double length = Double.isNaN(insoleLengthM) ? FootGeometry.DEFAULT_INSOLE_LENGTH_M : insoleLengthM;
        double heelToAnkle = Double.isNaN(heelToAnkleM)
                ? FootGeometry.DEFAULT_HEEL_TO_ANKLE_M * length / FootGeometry.DEFAULT_INSOLE_LENGTH_M : heelToAnkleM;
        FootGeometry geometry;
        try {
            geometry = new FootGeometry(length, heelToAnkle);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), optionAtFault(length, heelToAnkle) + ": " + e.getMessage(), e);
        }
        return new LegLoadSettings(d.plantarFlexion(), geometry, d.soleus(), d.calfRaise());
    }

    /**
     * The option that makes the foot geometry invalid: {@code --insole-length} when the length
     * is invalid whatever the heel-to-ankle distance, else {@code --heel-to-ankle}; both when
     * both were given and the distance is invalid only for the length given (more than half
     * of it), where either may be the wrong one.
     */
    private String optionAtFault(double lengthM, double distanceM) {
        if (!Double.isNaN(insoleLengthM) && !isValid(lengthM, 0)) {
            return "--insole-length";
        }
        if (!Double.isNaN(insoleLengthM) && !Double.isNaN(heelToAnkleM) && distanceM >= 0) {
            return "--heel-to-ankle/--insole-length";
        }
        return "--heel-to-ankle";
    }

    private static boolean isValid(double lengthM, double heelToAnkleM) {
        try {
            new FootGeometry(lengthM, heelToAnkleM);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ReadOptions readOptions() {
        try {
            return new ReadOptions(format, rateHz, massKg);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rate: " + e.getMessage(), e);
        }
    }

    private static boolean hasInsoleForce(Recording recording) {
        for (ChannelName name : recording.channelNames()) {
            if (name.side() != Side.NONE && name.place().equals("insole") && name.quantity().equals("force")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Size of the input; fails with the path when it is missing or not a regular file (a named
     * pipe is not opened: that would wait for a writer).
     */
    private static long requireReadableFile(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString());
        }
        if (Files.isDirectory(input)) {
            throw new IOException(input + ": is a directory; give the recording files in it");
        }
        if (!Files.isRegularFile(input)) {
            throw new IOException(input + ": not a regular file (a named pipe, device or socket); save the data to a"
                    + " file and give that");
        }
        return Files.size(input);
    }

    private static String summaryLine(Path input, LegLoadAnalysis legs, Path folder) {
        GaitAnalysis analysis = legs.gait();
        List<String> counts = new ArrayList<>(2);
        int[] perSide = new int[Side.values().length];
        for (StrideResult r : analysis.strides()) {
            perSide[r.stride().side().ordinal()]++;
        }
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (analysis.sides().containsKey(side)) {
                counts.add(perSide[side.ordinal()] + " " + side.label());
            }
        }
        String strides = counts.isEmpty() ? "no" : String.join(" + ", counts);
        String raises = legs.calfRaiseFeet().isEmpty() ? "" : ", " + legs.calfRaises().size() + " calf raises";
        return input + ": " + strides + " strides" + raises + " -> " + folder;
    }

    /** Parses {@code --format} with {@link RecordingFormat#fromId}. */
    static final class FormatConverter implements ITypeConverter<RecordingFormat> {
        @Override
        public RecordingFormat convert(String value) {
            try {
                return RecordingFormat.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The {@code --format} names, for help and shell completion. */
    static final class FormatIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> ids = new ArrayList<>();
            for (RecordingFormat f : RecordingFormat.values()) {
                ids.add(f.id());
            }
            return ids.iterator();
        }
    }

    /** Progress over all inputs, weighted by file size; silent without a bar. */
    private static final class Progress {
        private final ProgressBar bar;
        private final long totalBytes;
        private final int inputCount;
        private long doneBytes;
        private long currentBytes;
        private int index;
        private String name = "";

        Progress(ProgressBar bar, long totalBytes, int inputCount) {
            this.bar = bar;
            this.totalBytes = totalBytes;
            this.inputCount = inputCount;
        }

        void startInput(int inputIndex, Path input, long bytes) {
            doneBytes += currentBytes;
            currentBytes = bytes;
            index = inputIndex;
            name = String.valueOf(input.getFileName());
        }

        void stage(String what, double fractionOfInput) {
            if (bar != null) {
                double fraction = (doneBytes + fractionOfInput * currentBytes) / totalBytes;
                bar.show(fraction, (index + 1) + "/" + inputCount + " " + name + ": " + what);
            }
        }

        void clear() {
            if (bar != null) {
                bar.clear();
            }
        }
    }
}
