package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.LegLoadAnalyzer;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.events.EventTiming;
import org.soleus.io.analysis.AnalysisSettings;
import org.soleus.io.analysis.FootGeometryOverride;
import org.soleus.io.analysis.RecordingAnalysis;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.format.InputCompanions;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.RecordingFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
 *
 * <p>This class holds the options and turns them into the analysis's settings;
 * {@link AnalysisBatch} runs the inputs and tells how each went, and this class ends the command
 * with the closing count of failed inputs and the exit code.
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

    @Spec
    CommandSpec spec;

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
        RecordingAnalysis analysis = analysis();
        InputSurvey survey = InputSurvey.of(inputs);
        OutputFolders.requireWritable(outDir);
        List<Path> recordings = survey.recordingsAmong(inputs);
        subjects.read(spec, recordings, BatchMessages.WARNING);
        CommandLine cmd = spec.commandLine();
        boolean debug = ErrorHandler.debugRequested(spec.root().commandLine().getParseResult());
        AnalysisBatch.Outcome outcome = new AnalysisBatch(cmd.getOut(), cmd.getErr(), debug, subjects, outDir)
                .run(analysis, inputs, survey, recordings);
        return exitCode(outcome, survey.recordings());
    }

    /**
     * The exit code of a run that came to {@code outcome}, with {@code recordings} among the
     * inputs: the signal's where one stopped it; else, where any failed, after a line that counts
     * them, the code of a failure. A run of no recording at all fails.
     */
    private int exitCode(AnalysisBatch.Outcome outcome, int recordings) throws IOException {
        if (outcome.stopped()) {
            return outcome.stopCode();
        }
        int count = inputs.size();
        if (recordings == 0) {
            throw new IOException("none of the " + count + " inputs is a recording (above); give the recording files");
        }
        if (outcome.failed() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            if (!Double.isNaN(rateHz) && recordings > 1) {
                err.println(BatchMessages.PREFIX + "--rate gave every input " + BigDecimal.valueOf(rateHz)
                        .stripTrailingZeros().toPlainString() + " Hz; a sample_rate_hz column of --subjects gives one"
                        + " input a rate of its own");
            }
            err.println("soleus: " + failureSummary(outcome.failed(), recordings, count - recordings));
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

    /** The analysis of every input, with the settings of the options (a recording's subject may change them). */
    private RecordingAnalysis analysis() throws IOException {
        ReadOptions options = readOptions();
        LegLoadSettings legSettings = legSettings();
        Calibration cells = calibration.read();
        return new RecordingAnalysis(new AnalysisSettings(options, cells,
                cells == null ? null : calibration.file.toString(), eventTiming.apply(strideLimits.apply(GaitSettings.defaults())),
                legSettings, imu, series, VersionProvider.version()));
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

    /**
     * The reading options of the flags: {@code --format}, {@code --rate}, {@code --mass},
     * {@code --ignore-time}, the foot's lengths and {@code --event-timing}; an invalid rate is a
     * usage error naming {@code --rate}.
     */
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
}
