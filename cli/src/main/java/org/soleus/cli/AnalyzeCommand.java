package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.LegLoadAnalyzer;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.analysis.UnknownBodyMassException;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.events.EventTiming;
import org.soleus.core.gait.RejectedStride;
import org.soleus.io.analysis.AnalysisSettings;
import org.soleus.io.analysis.FootGeometryOverride;
import org.soleus.io.analysis.RecordingAnalysis;
import org.soleus.io.analysis.SummaryLine;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.format.InputCompanions;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingFormat;
import org.soleus.io.format.UnknownSampleRateException;
import org.soleus.io.output.AnalysisOutputs;
import org.soleus.io.output.AnalysisReport;
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
 * several, an input that fails (one that is missing or cannot be read too) gets its one-line
 * error and the run goes on with the next; the exit code then says that some failed. A single
 * input's failure is the command's. Among several inputs, a dataset's companion file that a glob
 * picked up ({@link InputCompanions}, e.g. gaitpdb's {@code demographics.txt}, the signal files a
 * WFDB header among the inputs lists), and a folder, is skipped and takes no output sub-folder
 * ({@link OutputFolders}) nor a place in the progress bar's count: with a notice each, except the
 * files of a record whose header is among the inputs (its signal files and stride table), which a
 * glob over a record's folder always picks up, and which one closing line counts. Each
 * input's summary line names it as given, so that inputs of the same file name can be told
 * apart. Every line on stderr about one input (a skip, a reader's warning, a notice, the failure
 * of one of several) starts with {@code soleus analyze: }, a warning's with
 * {@code soleus analyze: warning: } and such a failure's with {@code soleus analyze: error: };
 * errors that end the command, and the
 * closing count of failed inputs, with {@code soleus: }, as for every command. A notice that an
 * earlier input got too (one that states the same), or a reader's warning of the same text, is
 * not repeated: one closing line names the inputs that got it again ({@link RepeatedNotices}). Errors writing the results name {@code --out}.
 * SIGINT (Ctrl-C) or SIGTERM ({@link StopSignals}) stops the run between two stages of the input
 * it is on (on the calling thread: not within the reading's parallel parts), so that nothing of
 * that input is written; one line says so and how many inputs were done, and the exit code is
 * 128 + the signal's number.
 */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Find gait events, strides and loading in recordings and write events.csv, strides.csv "
                        + "and summary.json for each, exercises.csv where the insoles give a heel-to-toe centre of pressure "
                        + "(cop_y_norm), "
                        + "series.csv on --series (columns: docs/outputs.md).",
                "With several inputs, one that fails gets its error and the others are still analysed. Ctrl-C or SIGTERM "
                        + "stops at the next stage, writing nothing of the input it is on. Exit codes: 0 done, "
                        + "1 an input failed or another error, 2 usage error, 130 or 143 stopped by SIGINT or SIGTERM.",
        })
final class AnalyzeCommand implements Callable<Integer> {

    /** Inputs from this size on get a progress bar even when alone. */
    private static final long LARGE_INPUT_BYTES = 32L << 20;
    /** How every line about one input on stderr starts. */
    private static final String PREFIX = "soleus analyze: ";
    /** How a reader's warning on stderr starts. */
    private static final String WARNING = PREFIX + "warning: ";
    /** What a notice of rejected strides adds on the command line: the options that set the limits. */
    private static final String LIMITS_HINT = "; --stride-range MIN,MAX and --stance-range MIN,MAX set the limits";
    /** What the notice of a default insole length adds on the command line: the options that give the lengths. */
    private static final String GEOMETRY_HINT = "; --insole-length M and --heel-to-ankle M give them (or, per recording,"
            + " --subjects)";
    /** The same with the heel-to-ankle distance given. */
    private static final String LENGTH_HINT = "; --insole-length M gives it (or, per recording, --subjects)";
    /** How the failure of one input among several starts on stderr. */
    private static final String ERROR = PREFIX + "error: ";
    /** Where a reader's warning starts: the file and the line and column in it, {@code walk.csv:12:3: }. */
    private static final Pattern WHERE = Pattern.compile("^.*?(:\\d+)*: ");
    /** Reader warnings shown on stderr per input; summary.json has them all. */
    private static final int MAX_WARNING_LINES = 10;

    @Spec
    CommandSpec spec;

    /** The notices shown so far, so that one that several inputs get is shown once. */
    private final RepeatedNotices notices = new RepeatedNotices("notice", true);
    /** The readers' warnings shown so far, so that one that several inputs get (a flag that changes nothing) is shown once. */
    private final RepeatedNotices warnings = new RepeatedNotices("warning", false);
    /** The recordings of the run (inputs not skipped), for the advice on a rate that one of them lacks. */
    private int recordingsInRun;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Recording files: soleus CSV, PhysioNet gaitpdb text, WFDB header (.hea), "
                    + "Moticon OpenGo export or gaitmap IMU CSV.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "soleus-out",
            description = "Output directory (default: ${DEFAULT-VALUE}); with several inputs, one sub-folder "
                    + "per input, named after its file (with its folder's name in front where inputs share a file name).")
    Path outDir;

    @Option(names = "--mass", paramLabel = "KG", converter = BodyMassConverter.class,
            description = "Body mass in kg for every input; wins over a mass in the file (a --subjects row wins over it)."
                    + " Required for insole force in newtons (loading in body weights) when the file states none.")
    double massKg = Double.NaN;

    @Mixin
    SubjectTableOption subjects;

    @Option(names = "--format", paramLabel = "F", converter = FormatConverter.class,
            completionCandidates = FormatIds.class,
            description = "Input format, one of: ${COMPLETION-CANDIDATES}. Detected from the content when left out.")
    RecordingFormat format;

    @Option(names = "--rate", paramLabel = "HZ", converter = SampleRateConverter.class,
            description = "Sample rate in Hz for every input; replaces the rate the file states (a time column must agree"
                    + " within 25 %%, unless --ignore-time; a --subjects row wins over it). Needed for gaitmap IMU CSVs,"
                    + " which have no time column.")
    double rateHz = Double.NaN;

    @Option(names = "--ignore-time",
            description = "Take the rows as evenly spaced at the rate (the file's, --rate or a --subjects row's), the time"
                    + " column giving only the"
                    + " start (and the rate, as its mean step, when none is stated): for times stamped on arrival that"
                    + " jitter. Gaps are then not found.")
    boolean ignoreTime;

    @Mixin
    CalibrationOption calibration;

    @Option(names = "--imu",
            description = "Use foot-worn IMUs too (a shank IMU where a leg has no foot IMU): each foot's gyroscope "
                    + "times the events its insole confirms, and gives the events alone where a foot has no insole. "
                    + "Recordings without insole force use their IMUs without this flag.")
    boolean imu;

    @Option(names = "--insole-length", paramLabel = "M", converter = MetresConverter.class,
            description = "Insole (foot) length in metres for the plantar-flexor moment's lever arm, for every input; wins"
                    + " over the file (a --subjects row wins over it). Default: the file's layout length, insole_length_m"
                    + " or EU insole_size, else 0.27.")
    double insoleLengthM = Double.NaN;

    @Option(names = "--heel-to-ankle", paramLabel = "M", converter = MetresConverter.class,
            description = "Distance from the heel end of the insole to the ankle joint centre, metres, for every input;"
                    + " wins over the file (a --subjects row wins over it). Default: the file's heel_to_ankle_m, else"
                    + " 0.055 scaled with the insole length.")
    double heelToAnkleM = Double.NaN;

    @Mixin
    MomentArmOption momentArm;

    @Mixin
    StrideLimitOptions strideLimits;

    @Mixin
    EventTimingOption eventTiming;

    @Option(names = "--series",
            description = "Also write series.csv: the derived signals per sample (knee flexion, ankle plantar flexion, plantar-flexor "
                    + "moment, Achilles force, soleus-dominant flag, modelled soleus share), for the legs that have them.")
    boolean series;

    @Override
    public Integer call() throws IOException {
        if (outDir.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out: expected a folder, got an empty path");
        }
        ReadOptions options = readOptions();
        LegLoadSettings legSettings = legSettings();
        Calibration cells = calibration.read();
        RecordingAnalysis analysis = new RecordingAnalysis(new AnalysisSettings(options, cells,
                cells == null ? null : calibration.file.toString(), eventTiming.apply(strideLimits.apply(GaitSettings.defaults())),
                legSettings, imu, series, VersionProvider.version()));
        int count = inputs.size();
        InputSurvey survey = InputSurvey.of(inputs);
        OutputFolders.requireWritable(outDir);
        List<Path> analysed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (survey.skip(i) == null) {
                analysed.add(inputs.get(i));
            }
        }
        subjects.read(spec, analysed, WARNING);
        recordingsInRun = analysed.size();
        OutputFolders folders = new OutputFolders(outDir, count, analysed);
        folders.earlierResultsOfTheOtherLayout().ifPresent(text -> spec.commandLine().getErr().println(PREFIX + text));
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = Terminals.stderrIsTerminal() && (count > 1 || survey.largestBytes() >= LARGE_INPUT_BYTES)
                ? new ProgressBar(spec.commandLine().getErr(), Terminals.columns()) : null;
        Progress progress = new Progress(bar, Math.max(1, survey.totalBytes()), survey.recordings());
        int failed = 0;
        int started = 0;
        int recordFiles = 0;
        String stoppedLine = null;
        int stopCode = 0;
        try (StopSignals.Registration stop = StopSignals.register()) {
            for (int i = 0; i < count && !stop.requested(); i++) {
                Path input = inputs.get(i);
                if (survey.skip(i) != null) {
                    if (survey.isPartOfARecordGiven(i)) {
                        recordFiles++;
                    } else {
                        progress.clear();
                        spec.commandLine().getErr().println(PREFIX + input + ": skipped: " + survey.skip(i));
                    }
                    continue;
                }
                progress.startInput(started++, input, survey.sizeBytes(i));
                String line;
                Path folder = folders.next(input);
                try {
                    if (survey.problem(i) != null) {
                        throw survey.problem(i);
                    }
                    Path replaced = AnalysisOutputs.inputReplacedIn(folder, analysed);
                    if (replaced != null) {
                        throw new IOException(input + ": its results would replace an input, " + replaced
                                + "; give another --out");
                    }
                    line = analyzeWithinTheHeap(subjects.forInput(analysis, input), input, folder, progress, stop);
                } catch (Stopped e) {
                    stoppedLine = stopped(stop, input, started - 1, failed, survey.recordings());
                    break;
                } catch (IOException | RuntimeException e) {
                    if (count == 1) {
                        String earlier = earlierResultsNote(folder);
                        if (earlier.isEmpty() || e instanceof ParameterException) {
                            throw e;
                        }
                        throw new NotedFailure(e, earlier);
                    }
                    progress.clear();
                    reportFailure(input, e, folder);
                    failed++;
                    continue;
                }
                progress.clear();
                out.println(line);
                out.flush();
            }
            if (stop.requested()) {
                stopCode = stop.exitCode();
                if (stoppedLine == null) {
                    stoppedLine = stopped(stop, null, started, failed, survey.recordings());
                }
            }
        } finally {
            progress.clear();
        }
        warnings.closingLines().forEach(text -> spec.commandLine().getErr().println(WARNING + text));
        notices.closingLines().forEach(text -> spec.commandLine().getErr().println(PREFIX + text));
        if (recordFiles > 0) {
            spec.commandLine().getErr().println(PREFIX + "skipped " + recordFiles + (recordFiles == 1 ? " file" : " files")
                    + " of the records given: their signal files, read through the .hea, and stride tables");
        }
        if (stoppedLine != null) {
            spec.commandLine().getErr().println(stoppedLine);
            spec.commandLine().getErr().flush();
            return stopCode;
        }
        int recordings = survey.recordings();
        if (recordings == 0) {
            throw new IOException("none of the " + count + " inputs is a recording (above); give the recording files");
        }
        if (failed > 0) {
            PrintWriter err = spec.commandLine().getErr();
            if (!Double.isNaN(rateHz) && recordings > 1) {
                err.println(PREFIX + "--rate gave every input " + BigDecimal.valueOf(rateHz).stripTrailingZeros()
                        .toPlainString() + " Hz; a sample_rate_hz column of --subjects gives one input a rate of its own");
            }
            err.println("soleus: " + failureSummary(failed, recordings, count - recordings));
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
                    + " failed (above)") + "; none gave results";
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
    private void printWarnings(Path input, List<String> readerWarnings) {
        PrintWriter err = spec.commandLine().getErr();
        int shown = 0;
        for (String warning : readerWarnings) {
            String line = ErrorHandler.oneLine(warning);
            if (shown < MAX_WARNING_LINES && warnings.show(input, WHERE.matcher(line).replaceFirst(""))) {
                err.println(WARNING + line);
                shown++;
            }
        }
        if (readerWarnings.size() > MAX_WARNING_LINES) {
            err.println(WARNING + (readerWarnings.size() - MAX_WARNING_LINES)
                    + " more warnings in summary.json");
        }
        err.flush();
    }

    /**
     * One line for an input that failed among several, naming it, as the error handler would
     * for a single input (with the stack trace on {@code --debug}), and that its output folder
     * still holds an earlier run's results, where it does; the run goes on with the next input.
     */
    private void reportFailure(Path input, Exception e, Path folder) {
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = ErrorHandler.debugRequested(spec.root().commandLine().getParseResult());
        String line = ErrorHandler.describe(e, debug);
        err.println(ERROR + (line.contains(input.toString()) ? line : input + ": " + line) + earlierResultsNote(folder));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * What a failure adds when the input's folder holds results: the failed run wrote nothing
     * there, so they are an earlier run's, which a reader of the folder would otherwise take for
     * this one's; empty when it holds none.
     */
    private static String earlierResultsNote(Path folder) {
        return Files.exists(folder.resolve(AnalysisOutputs.SUMMARY_JSON))
                ? "; " + folder + " still holds the results of an earlier run" : "";
    }

    /**
     * {@link #analyze}, a heap that runs out being an {@link IOException} naming the input: its
     * samples are garbage once it has failed, so the next input has the whole heap again.
     */
    private String analyzeWithinTheHeap(RecordingAnalysis analysis, Path input, Path folder, Progress progress,
                                        StopSignals.Registration stop) throws IOException {
        try {
            return analyze(analysis, input, folder, progress, stop);
        } catch (OutOfMemoryError e) {
            throw new IOException(input + ": " + ErrorHandler.outOfMemory(), e);
        }
    }

    private String analyze(RecordingAnalysis analysis, Path input, Path folder, Progress progress,
                           StopSignals.Registration stop) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RecordingAnalysis.Observer observer = new RecordingAnalysis.Observer() {
            private String stage;

            @Override
            public void stage(String what, double fractionOfInput) {
                // a stop is taken between stages (on this thread), not within one (the reading's parts)
                if (!what.equals(stage) && stop.requested()) {
                    throw new Stopped();
                }
                stage = what;
                progress.stage(what, fractionOfInput);
            }

            @Override
            public void readerWarnings(List<String> warnings) {
                progress.clear();
                printWarnings(input, warnings);
            }

            @Override
            public void notice(String text) {
                String line = ErrorHandler.oneLine(text);
                boolean limits = (line.startsWith("no strides: all ") || line.startsWith("many candidate strides"))
                        && line.contains("a stride lasts ");
                boolean geometry = line.startsWith("the recording states no insole length");
                ReadOptions read = analysis.readOptions();
                // too long or too short strides, or none found at all: both may come of a wrong rate
                boolean noSteps = line.startsWith("no strides: no ");
                boolean rate = !Double.isNaN(read.sampleRateHz())
                        && (limits && line.contains(RejectedStride.Reason.STRIDE_DURATION.label()) || noSteps);
                String shown = line
                        + (!geometry ? "" : line.contains("from heel to ankle set") ? LENGTH_HINT : GEOMETRY_HINT)
                        + (limits ? LIMITS_HINT : "")
                        + (rate ? (noSteps ? "; perhaps" : "; or") + " the "
                                + BigDecimal.valueOf(read.sampleRateHz()).stripTrailingZeros().toPlainString()
                                + " Hz given by " + read.sampleRateGivenBy() + " is not the recording's rate (every"
                                + " duration scales with it)" : "");
                if (notices.show(input, shown)) {
                    progress.clear();
                    err.println(PREFIX + input + ": " + shown);
                }
            }
        };
        AnalysisReport report;
        try {
            report = analysis.analyze(input, observer);
        } catch (UnknownBodyMassException e) {
            throw subjects.unknownMass(e, input);
        } catch (UnknownSampleRateException e) {
            throw subjects.unknownRate(e, input, recordingsInRun);
        }
        try {
            analysis.write(report, folder, observer);
        } catch (IOException e) {
            throw outputFailure(e);
        }
        return SummaryLine.of(input, report.legs(), folder);
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
     * geometry of the flags when any is given ({@link FootGeometryOverride}); an invalid one is a
     * usage error naming the option at fault.
     */
    private LegLoadSettings legSettings() {
        try {
            return FootGeometryOverride.apply(momentArm.apply(LegLoadSettings.DEFAULTS), insoleLengthM, heelToAnkleM);
        } catch (IllegalArgumentException e) {
            String option = switch (FootGeometryOverride.fault(insoleLengthM, heelToAnkleM)) {
                case INSOLE_LENGTH -> "--insole-length";
                case HEEL_TO_ANKLE -> "--heel-to-ankle";
                case EITHER -> "--heel-to-ankle/--insole-length";
            };
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }

    private ReadOptions readOptions() {
        try {
            Map<String, Double> given = new HashMap<>();
            if (!Double.isNaN(insoleLengthM)) {
                given.put(FootGeometry.INSOLE_LENGTH_PROPERTY, insoleLengthM);
            }
            if (!Double.isNaN(heelToAnkleM)) {
                given.put(FootGeometry.HEEL_TO_ANKLE_PROPERTY, heelToAnkleM);
            }
            ReadOptions options = new ReadOptions(format, rateHz, massKg, given, ignoreTime);
            return eventTiming.given() ? options.withGivenBy(EventTiming.PROPERTY, "--event-timing") : options;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rate: " + e.getMessage(), e);
        }
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

    /**
     * The line that ends a run a signal stopped: what was and was not written, and of several
     * inputs how many were done (analysed, or failed above) and how many were not analysed.
     *
     * @param input  the input being analysed when it stopped, or null when it stopped between two
     * @param done   how many recordings were done before
     * @param failed how many of those failed
     * @param total  the recordings among the inputs
     */
    private static String stopped(StopSignals.Registration stop, Path input, int done, int failed, int total) {
        String signal = stop.exitCode() == 130 ? "Ctrl-C (SIGINT)" : "SIGTERM";
        int after = total - done - (input == null ? 0 : 1);
        StringBuilder line = new StringBuilder("soleus: stopped by ").append(signal);
        if (input != null) {
            line.append(" while analysing ").append(input).append(": its results were not written (any earlier ones in ")
                    .append("its folder are as they were)");
        }
        if (total > 1) {
            line.append(input != null ? "; " : ": ").append(done).append(" of ").append(total)
                    .append(" recordings were done (above").append(failed == 0 ? ")" : "; " + failed + " of them failed)");
            if (after > 0) {
                line.append(", ").append(after).append(after == 1 ? " was" : " were").append(" not analysed");
            }
        } else if (input == null) {
            line.append(" after the analysis: its results were written");
        }
        return line.toString();
    }

    /** Thrown between two stages of an analysis that a signal asked to stop; nothing is written then. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped by a signal", null, false, false);
        }
    }

    /** Progress over the recordings among the inputs, weighted by file size; silent without a bar. */
    private static final class Progress {
        private final ProgressBar bar;
        private final long totalBytes;
        private final int recordingCount;
        private long doneBytes;
        private long currentBytes;
        private int index;
        private String name = "";

        Progress(ProgressBar bar, long totalBytes, int recordingCount) {
            this.bar = bar;
            this.totalBytes = totalBytes;
            this.recordingCount = recordingCount;
        }

        /** Starts the recording at {@code recordingIndex} among the recordings, from 0. */
        void startInput(int recordingIndex, Path input, long bytes) {
            doneBytes += currentBytes;
            currentBytes = bytes;
            index = recordingIndex;
            name = String.valueOf(input.getFileName());
        }

        void stage(String what, double fractionOfInput) {
            if (bar != null) {
                double fraction = (doneBytes + fractionOfInput * currentBytes) / totalBytes;
                bar.show(fraction, (index + 1) + "/" + recordingCount + " " + name + ": " + what);
            }
        }

        void clear() {
            if (bar != null) {
                bar.clear();
            }
        }
    }
}
