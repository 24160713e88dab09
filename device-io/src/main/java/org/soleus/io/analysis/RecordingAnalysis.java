package org.soleus.io.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.ImuSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.LegLoadAnalyzer;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.analysis.LegSeries;
import org.soleus.core.analysis.UnknownBodyMassException;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.GivenFootGeometry;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.Side;
import org.soleus.io.calibration.CalibratingSink;
import org.soleus.io.format.CellForceSum;
import org.soleus.io.format.FormatDetector;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.ReadParallelism;
import org.soleus.io.format.ReadProgress;
import org.soleus.io.format.RecordingFormat;
import org.soleus.io.format.Recordings;
import org.soleus.io.format.SubjectTable;
import org.soleus.io.output.AnalysisOutputs;
import org.soleus.io.output.AnalysisReport;
import org.soleus.io.output.InputProvenance;
import org.soleus.io.output.RunOptions;
import org.soleus.io.output.ValueSource;

/**
 * Analyses recording files one at a time: reads one (detecting its format unless given), finds
 * gait events, strides and loading with the insole gait analysis (with the foot or shank IMUs
 * when asked to, or when the recording has no insole force), then the plantar-flexion load,
 * knee flexion, soleus-dominant loading and calf raises ({@link LegLoadAnalyzer}), and makes the
 * report that {@link #write} writes. Insole cells are summarised into heel force and centre of
 * pressure while reading, so that a day-long recording's cells never all sit in memory; a
 * calibrated recording is read in parts as any other, its warning counting the readings beyond
 * the calibrated range of every part ({@link CalibratingSink#inFrontOf}). A recording whose
 * force needs the body mass that a reader's warning says is unknown (its subject table gives
 * none) fails with that warning as the reason, in one line, instead of the warning and then the
 * failure.
 *
 * <p>Stateless between inputs; not thread-safe (the observer is called on the caller's thread).
 */
public final class RecordingAnalysis {
    /** Share of an input's progress that reading takes (about that of its time). */
    private static final double READING_SHARE = 0.8;
    private static final double LEGS_AT = 0.9;
    private static final double WRITING_AT = 0.95;

    /** Told how far the analysis of an input got, and of what is worth telling the user. */
    public interface Observer {
        /** The analysis of the input is at {@code what}, {@code fractionOfInput} (0 to 1) of its way. */
        void stage(String what, double fractionOfInput);

        /** The reader's warnings about the input (a last line cut short, filled gaps...), once, after reading. */
        void readerWarnings(List<String> warnings);

        /** A notice about the input's analysis: a leg without a signal, an output not written. */
        void notice(String text);
    }

    private final AnalysisSettings settings;
    /** Where the body mass of the settings' read options comes from, when they give one. */
    private final ValueSource givenMassSource;
    /** The row of a table of subjects that gives a foot dimension ({@code --subjects subjects.csv:4}), or null. */
    private final String geometryRow;
    /** The row of a table of subjects that gives this input's values ({@code --subjects subjects.csv:4}), or null. */
    private final String subjectRow;

    /** An analysis of every input with these settings, whose body mass, if any, is given on the command line. */
    public RecordingAnalysis(AnalysisSettings settings) {
        this(settings, ValueSource.FLAG, null, null);
    }

    private RecordingAnalysis(AnalysisSettings settings, ValueSource givenMassSource, String geometryRow,
                              String subjectRow) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.givenMassSource = givenMassSource;
        this.geometryRow = geometryRow;
        this.subjectRow = subjectRow;
    }

    /** The read options of this analysis: what the user gives about the input. */
    public ReadOptions readOptions() {
        return settings.read();
    }

    /**
     * This analysis with what a row of a table of subjects gives one input: its body mass, foot
     * dimensions and sample rate, each winning over the one these settings give for every input
     * and over the file's own (warnings name the row). A foot dimension the row gives completes the other one
     * these settings give, if any; where the two, or the row's and the recording's own, do not fit
     * together, the error names the row.
     *
     * @throws IllegalArgumentException naming the row, when its foot dimension and the other one
     *                                  these settings give do not fit together
     */
    public RecordingAnalysis withSubject(SubjectTable.Entry subject) {
        AnalysisSettings s = settings;
        ReadOptions read = s.read();
        ValueSource massSource = givenMassSource;
        if (subject.givesMass()) {
            read = read.withBodyMass(subject.massKg(), subject.givenBy());
            massSource = ValueSource.TABLE;
        }
        if (!Double.isNaN(subject.sampleRateHz())) {
            read = read.withSampleRate(subject.sampleRateHz(), subject.givenBy());
        }
        if (!Double.isNaN(subject.insoleLengthM())) {
            read = read.withGivenProperty(FootGeometry.INSOLE_LENGTH_PROPERTY, subject.insoleLengthM(), subject.givenBy());
        }
        if (!Double.isNaN(subject.heelToAnkleM())) {
            read = read.withGivenProperty(FootGeometry.HEEL_TO_ANKLE_PROPERTY, subject.heelToAnkleM(), subject.givenBy());
        }
        GivenFootGeometry everyInput = s.legs().givenGeometry();
        double lengthM = Double.isNaN(subject.insoleLengthM()) ? everyInput.insoleLengthM() : subject.insoleLengthM();
        double heelToAnkleM = Double.isNaN(subject.heelToAnkleM()) ? everyInput.heelToAnkleM() : subject.heelToAnkleM();
        LegLoadSettings legs;
        try {
            legs = FootGeometryOverride.apply(s.legs(), lengthM, heelToAnkleM);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(subject.givenBy() + ": " + e.getMessage(), e);
        }
        boolean givesGeometry = !Double.isNaN(subject.insoleLengthM()) || !Double.isNaN(subject.heelToAnkleM());
        return new RecordingAnalysis(new AnalysisSettings(read, s.calibration(), s.calibrationSource(), s.gait(), legs,
                s.imu(), s.series(), s.toolVersion()), massSource, givesGeometry ? subject.givenBy() : geometryRow,
                subject.givenBy());
    }

    /**
     * Reads and analyses one recording.
     *
     * @param input    the recording file
     * @param observer told of the stages, the reader's warnings and the notices
     * @return the report to {@link #write}
     * @throws IOException              when the file cannot be read or is malformed (the message names it)
     * @throws IllegalArgumentException naming the input when its data cannot be analysed
     */
    public AnalysisReport analyze(Path input, Observer observer) throws IOException {
        observer.stage("reading", 0.0);
        ReadOptions given = settings.read();
        RecordingFormat format = given.format() != null ? given.format() : FormatDetector.detect(input);
        ReadOptions options = given.withFormat(format);
        Recording recording = read(input, options, observer);
        Optional<String> massUnknown = recording.metadata().hasBodyMass() || !InsoleGaitAnalyzer.needsBodyMass(recording)
                ? Optional.empty() : Recordings.bodyMassUnknownWarning(recording, format);
        if (massUnknown.isPresent()) {
            observer.readerWarnings(recording.warnings().stream().filter(w -> !w.equals(massUnknown.get())).toList());
            throw new UnknownBodyMassException(recording.source(), massUnknown.get());
        }
        observer.readerWarnings(recording.warnings());
        observer.stage("analysing", READING_SHARE);
        boolean imuEvents = settings.imu() || !hasInsoleForce(recording);
        GaitAnalysis gait = gait(input, recording, imuEvents);
        observer.stage("analysing the legs", LEGS_AT);
        LegLoadAnalysis legs;
        try {
            legs = LegLoadAnalyzer.analyze(recording, gait, settings.legs());
        } catch (IllegalArgumentException e) {
            String row = geometryRow != null && !fitsGeometry(recording) ? geometryRow + ": " : "";
            throw new IllegalArgumentException(input + ": " + row + e.getMessage(), e);
        }
        List<String> notices = new ArrayList<>();
        if (imuEvents && !settings.imu()) {
            notices.add("no insole force channel (<side>.insole.force_<unit>): the gait events come from the"
                    + " IMUs' angular rates, whose contact timing is less accurate than a force signal's"
                    + FootWithoutForce.misspeltForcesHint(recording)
                    + (settings.gait().eventTiming() != null ? "; --event-timing, which places events on the"
                    + " force's edges, has nothing to act on" : ""));
        } else if (!imuEvents) {
            FootWithoutForce.notice(recording).ifPresent(notices::add);
        } else {
            FootWithoutForce.misspeltWithImu(recording).ifPresent(notices::add);
            if (!hasLegImu(recording)) {
                notices.add("--imu: no foot or shank IMU (<side>.foot.gyr_x_<unit> …, <side>.insole.gyr_…,"
                        + " <side>.shank.gyr_…), so the gait events come from the insole force alone");
            }
        }
        FootWithoutForce.misspeltBesideForce(recording).ifPresent(notices::add);
        if (!Double.isNaN(given.sampleRateHz())) {
            GivenRateCheck.notice(gait, given.sampleRateHz(), given.sampleRateGivenBy()).ifPresent(notices::add);
        }
        notices.addAll(notices(legs));
        notices.forEach(observer::notice);
        ValueSource massSource = !Double.isNaN(given.bodyMassKg()) ? givenMassSource
                : recording.metadata().hasBodyMass() ? ValueSource.FILE : ValueSource.NONE;
        // only the WFDB reader says so: a free property of another file (one recorded from such a
        // record, say) does not
        boolean defaultRate = format == RecordingFormat.WFDB && ValueSource.DEFAULT.label().equals(
                recording.metadata().properties().get(RecordingMetadata.SAMPLE_RATE_SOURCE));
        ValueSource rateSource = Double.isNaN(given.sampleRateHz()) ? defaultRate ? ValueSource.DEFAULT : ValueSource.FILE
                : given.sampleRateGivenByOther() ? ValueSource.TABLE : ValueSource.FLAG;
        return new AnalysisReport(
                InputProvenance.of(input, format, given.format() != null ? ValueSource.FLAG : ValueSource.DETECTED,
                        rateSource, recording),
                legs, recording.metadata().bodyMassKg(), massSource, settings.toolVersion(),
                new RunOptions(imuEvents && hasLegImu(recording), settings.calibrationSource(), subjectRow),
                notices);
    }

    /** Whether the given foot dimensions fit the recording's own on both sides. */
    private boolean fitsGeometry(Recording recording) {
        try {
            for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
                settings.legs().geometry(recording.metadata(), side);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Writes the report's result files into {@code folder} ({@link AnalysisOutputs}), with
     * {@code series.csv} when the settings ask for it.
     *
     * @throws IOException when a file cannot be written
     */
    public void write(AnalysisReport report, Path folder, Observer observer) throws IOException {
        observer.stage("writing", WRITING_AT);
        AnalysisOutputs.write(report, folder, settings.series());
    }

    private Recording read(Path input, ReadOptions options, Observer observer) throws IOException {
        double inputBytes = Math.max(1, Files.size(input));
        ReadProgress reading = bytes -> observer.stage("reading", READING_SHARE * Math.min(1, bytes / inputBytes));
        RowTransform summarised = massCheckedWhileReading(options)
                ? next -> new CellAggregatingSink(new BodyMassRequirement(next)) : CellAggregatingSink::new;
        RowTransform summed = CellForceSum.inFrontOf(summarised);
        RowTransform transform = settings.calibration() == null ? summed
                : CalibratingSink.inFrontOf(settings.calibration(), settings.calibrationSource(), summed);
        return Recordings.read(input, options, transform, ReadParallelism.defaults(), reading);
    }

    /**
     * Whether a body mass the analysis needs and the recording lacks fails the reading as soon as
     * the header is known ({@link BodyMassRequirement}): where the user gives none, and the format's
     * reader does not tell why the mass is unknown in a warning ({@link Recordings#bodyMassUnknownWarning}:
     * gaitpdb's and WFDB's subject tables, whose reason the error names once the file is read).
     */
    private static boolean massCheckedWhileReading(ReadOptions options) {
        return Double.isNaN(options.bodyMassKg()) && options.format() != RecordingFormat.GAITPDB
                && options.format() != RecordingFormat.WFDB;
    }

    private GaitAnalysis gait(Path input, Recording recording, boolean imuEvents) {
        try {
            return imuEvents
                    ? InsoleGaitAnalyzer.analyze(recording, settings.gait(), ImuSettings.defaults())
                    : InsoleGaitAnalyzer.analyze(recording, settings.gait());
        } catch (IllegalArgumentException e) {
            String hint = hasInsoleForce(recording) ? "" : FootWithoutForce.misspeltForcesHint(recording);
            String message = e.getMessage() + hint;
            boolean namesInput = message.contains(input.toString()) || message.contains(recording.source());
            if (namesInput && hint.isEmpty()) {
                throw e;
            }
            throw new IllegalArgumentException((namesInput ? "" : input + ": ") + message, e);
        }
    }

    /** Whether a leg has a foot-worn (or insole) or shank IMU whose gyroscope can time its events. */
    private static boolean hasLegImu(Recording recording) {
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (ImuChannels.foot(recording, side).isPresent()
                    || ImuChannels.find(recording, side, ImuChannels.SHANK_PLACE).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The leg analysis's notices; a leg that keeps the constant Achilles moment arm although the
     * settings ask for the ankle angle; no {@code series.csv} for want of a leg signal.
     */
    private List<String> notices(LegLoadAnalysis legs) {
        List<String> notices = new ArrayList<>(legs.notices());
        if (settings.legs().plantarFlexion().momentArm().changePerDegM() != 0) {
            for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {   // in this order: the map has none
                LegSeries leg = legs.legs().get(side);
                if (leg != null && leg.momentNm() != null && leg.plantarFlexionDeg() == null) {
                    notices.add(LegLoadAnalysis.noAnkleAngleNotice(side));
                }
            }
        }
        if (settings.series() && legs.legs().isEmpty()) {
            notices.add("no series.csv: no leg signal to derive (needs <side>.insole.force_n with"
                    + " <side>.insole.cop_y_norm, or thigh and shank IMUs)");
        }
        return notices;
    }

    private static boolean hasInsoleForce(Recording recording) {
        return recording.channelNames().stream().anyMatch(ChannelName::isInsoleForce);
    }
}
