package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.soleus.core.analysis.BodyWeightCheck;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.analysis.LiveGaitListener;
import org.soleus.core.analysis.LiveWarmUp;
import org.soleus.core.analysis.StreamingGaitAnalyzer;
import org.soleus.core.analysis.StrideLegLoad;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.events.EventTiming;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.gait.StrideLimits;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.monitor.LoadSpikeRule;
import org.soleus.core.monitor.LoadSpikeStream;
import org.soleus.core.monitor.LoadSpikeVerdict;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.calibration.CalibratingSink;
import org.soleus.io.format.CellForceSum;
import org.soleus.io.live.LiveSession;
import org.soleus.io.live.StatusLine;
import org.soleus.io.live.StreamPump;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code soleus live}: the gait analysis of {@code analyze} on a live stream
 * ({@link StreamingGaitAnalyzer}), one line per stride as it completes, with its timing, its
 * loading (force in newtons), its peak ankle plantar-flexor moment and Achilles force (with a
 * centre of pressure), the knee flexion at that peak and the time in soleus-dominant loading
 * (with thigh and shank IMUs; strides in the knee's warm-up, the first movement after standing,
 * come in one burst when it ends; with {@code --moment-arm angle} the Achilles force uses the ankle
 * angle from shank and foot IMUs, whose warm-up is the same) and load flags: {@code spike} when
 * {@link LoadSpikeStream} flags it ({@link org.soleus.core.monitor.LoadSpikeRule#DEFAULT}: its peak
 * force or loading rate has a modified z-score above 3.5 against the last 20 strides of the same
 * foot), as {@code strides.csv} of {@code analyze} does. With {@code --calibration} a stream of raw
 * cell counts is converted to newtons first.
 */
@Command(name = "live",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Analyse a live sensor stream: one line per stride as it completes (timing, loading, load flags).",
                "Stops at --duration, at Ctrl-C or SIGTERM, or with an error when the device stops or stays unplugged.",
                "Ctrl-C (SIGINT) and SIGTERM end the analysis as --duration does (the strides at hand and the closing line "
                        + "printed); the exit code is then 130 or 143 (128 + the signal's number). Exit codes: 0 done, "
                        + "1 error, 2 usage error."})
final class LiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", required = true, description = StreamOptions.PORT_HELP)
    String port;

    @Mixin
    StreamOptions stream;

    @Mixin
    CalibrationOption calibration;

    @Mixin
    MomentArmOption momentArm;

    @Mixin
    StrideLimitOptions strideLimits;

    @Mixin
    EventTimingOption eventTiming;

    @Option(names = "--mass", paramLabel = "KG", converter = BodyMassConverter.class,
            description = "Body mass in kg; wins over the stream's. Needed for loading in body weights.")
    double massKg = Double.NaN;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds of samples.")
    double durationS = Double.NaN;

    @Override
    public Integer call() throws IOException {
        if (!(Double.isNaN(durationS) || durationS > 0)) {
            throw new ParameterException(spec.commandLine(), "--duration must be > 0 s, got " + durationS);
        }
        try (StopSignals.Registration stop = StopSignals.register()) {
            analyse(stop);
            return stop.exitCode();
        }
    }

    /** Analyses until the duration, a stop request or a fault, then prints the closing line. */
    private void analyse(StopSignals.Registration stop) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = Terminals.stderrIsTerminal();
        StatusLine status = new StatusLine(err, terminal, terminal ? Terminals.columns() : StatusLine.DEFAULT_COLUMNS);
        // stride lines go to stdout, the status line to stderr: on a terminal both share the
        // screen, so the status line is cleared before a stride is printed
        StrideLines lines = new StrideLines(out, status, Terminals.stdoutIsTerminal());
        GaitSettings gaitSettings = eventTiming.apply(strideLimits.apply(GaitSettings.defaults()));
        LegLoadSettings legSettings = momentArm.apply(LegLoadSettings.DEFAULTS);
        StreamingGaitAnalyzer analyzer = new StreamingGaitAnalyzer(gaitSettings, legSettings, lines, true);
        CalibratingSink calibrating = calibration.stage(analyzer);
        SerialStream serial = stream.open(port, status::post, eventTiming.timing != null);
        Set<String> toldAtStart = new HashSet<>();
        // after the stages, so that their warnings are printed too (the calibration's range is told below); an
        // insole of cells in newtons without its force is analysed with their sum, as analyze reads a file of them
        SampleSink entry = stream.stages(CellForceSum.ofWholeStream(new WarmedUp(
                calibrating != null ? calibrating : analyzer, analyzer, gaitSettings, legSettings, status, toldAtStart)));
        StreamPump pump = new StreamPump(serial, entry, massKg, (atS, missing, measuredOn) ->
                status.println("soleus: " + StreamPump.Listener.describe(port, atS, missing, Double.NaN, measuredOn)));
        // a reader that has gone (`soleus live … | head -5`) ends the session as Ctrl-C does, so that the port is
        // freed: the writer flushed into standard output, whose PrintStream keeps the broken pipe to itself
        LiveSession session = new LiveSession(serial, pump, status, durationS,
                () -> stop.requested() || out.checkError() || System.out.checkError());
        SerialPortException fault;
        try {
            fault = session.run(() -> {
                // the header's warnings (a --mass that replaces the stream's) before any stride
                for (String warning : pump.headerWarnings()) {
                    status.println("soleus live: warning: " + ErrorHandler.oneLine(warning));
                    toldAtStart.add(warning);
                }
                lines.bodyMassKg(analyzer.header().metadata().bodyMassKg());
                if (gaitSettings.eventTiming(analyzer.header().metadata()) == EventTiming.LOAD_LEVELS) {
                    status.println("soleus live: events where the force rises through 3 % and falls through 12 % of"
                            + " the contact's height (" + (gaitSettings.eventTiming() != null ? "--event-timing"
                            : "the stream's event_timing") + " load-levels, the timing of Moticon's step markers)");
                }
            }, () -> { });
        } finally {
            pump.finish(List.of());
        }
        String outage = session.outageAtStop();
        if (outage != null) {
            status.println("soleus: " + outage);
        }
        lines.checkBodyWeightOverAllStrides();
        CalibrationOption.reportRange(calibrating, err, "live");
        if (pump.samples() > 0) {
            GaitAnalysis result = analyzer.result();
            long left = result.strides().stream().filter(r -> r.stride().side() == Side.LEFT).count();
            long right = result.strides().size() - left;
            double cadence = result.session().cadenceStepsPerMin();
            out.printf(Locale.ROOT, "%s: %.1f s%s, %d strides (%d left, %d right), %d rejected, %d spike%s%s%n",
                    port, pump.samples() / pump.header().sampleRateHz(),
                    pump.missingSamples() == 0 ? "" : " (" + pump.missingSamples() + " of its samples missing)",
                    result.strides().size(), left, right,
                    result.rejected().size(), lines.spikeCount(), lines.spikeCount() == 1 ? "" : "s",
                    Double.isNaN(cadence) ? ""
                            : String.format(Locale.ROOT, ", cadence %.1f steps/min", cadence));
            out.flush();
            if (result.strides().isEmpty() && !result.rejected().isEmpty()) {
                StrideLimits limits = gaitSettings.strideLimits();
                err.printf(Locale.ROOT, "soleus live: no stride was valid: a stride lasts %s-%s s with stance %s-%s %%"
                                + " of it (--stride-range MIN,MAX and --stance-range MIN,MAX change that)%n",
                        limits.minStrideS(), limits.maxStrideS(), limits.minStancePct(), limits.maxStancePct());
                err.flush();
            }
        }
        if (fault != null) {
            throw fault;
        }
        if (pump.samples() == 0) {
            err.println("soleus: " + port + ": stopped before the first sample; nothing was analysed");
            err.flush();
        }
    }

    /**
     * Prints one line per stride, with its load-spike flag from {@link LoadSpikeStream}, and
     * once both feet have {@value #BODY_WEIGHT_CHECK_STRIDES} strides the warning of {@code analyze}
     * when the loading in body weights cannot be trusted ({@link BodyWeightCheck}: a force unit
     * off by a thousand, a wrong {@code --mass} or force scale), told while the session can
     * still be restarted; at the end, over all strides, again.
     */
    private static final class StrideLines implements LiveGaitListener {
        /** Strides of each foot after which the loading in body weights is checked. */
        private static final int BODY_WEIGHT_CHECK_STRIDES = 10;

        private final PrintWriter out;
        private final StatusLine status;
        private final boolean sharesTheTerminal;
        private final LoadSpikeStream spikes = new LoadSpikeStream();
        private final BodyWeightCheck bodyWeight = new BodyWeightCheck();
        private double massKg = Double.NaN;
        private boolean bodyWeightChecked;
        private int spikeCount;

        /**
         * @param status            prints the warning
         * @param sharesTheTerminal whether the standard output is a terminal, where the status line
         *                          is cleared before each stride's line
         */
        StrideLines(PrintWriter out, StatusLine status, boolean sharesTheTerminal) {
            this.out = out;
            this.status = status;
            this.sharesTheTerminal = sharesTheTerminal;
        }

        /** The stream's body mass, kg, known once its header has come (before any stride). */
        void bodyMassKg(double kg) {
            massKg = kg;
        }

        /** Strides flagged as load spikes so far. */
        int spikeCount() {
            return spikeCount;
        }

        /** The loading in body weights checked over all strides, at the end. */
        void checkBodyWeightOverAllStrides() {
            if (bodyWeight.fewerFootStrides() > 0) {
                warnOfBodyWeight("over the whole session, ");
            }
        }

        /** The warning of {@link BodyWeightCheck}, if it has one, after {@code span} (which strides it is over, or empty). */
        private void warnOfBodyWeight(String span) {
            bodyWeight.notice(massKg).ifPresent(notice -> status.println("soleus live: warning: " + span + notice));
        }

        @Override
        public void onNotice(String notice) {
            status.println("soleus live: " + notice);
        }

        @Override
        public void onStride(StrideResult result) {
            Stride s = result.stride();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%-5s %9.3f s  stride %.3f s  stance %.1f %%  swing %.3f s  double support %s",
                    s.side().label(), s.startS(), s.strideS(), s.stancePct(), s.swingS(),
                    Double.isNaN(s.doubleSupportS()) ? "unknown" : String.format(Locale.ROOT, "%.3f s",
                            s.doubleSupportS())));
            StrideLoading l = result.loading();
            if (l != null && !l.measured()) {
                line.append("  not measured (a force no foot carries)");
            } else if (l != null) {
                line.append(String.format(Locale.ROOT, "  peak %.2f BW  loading rate %.1f BW/s  impulse %.0f N·s",
                        l.peakForceBw(), l.loadingRateBwPerS(), l.impulseNs()));
                if (!Double.isNaN(l.heelSharePct())) {
                    line.append(String.format(Locale.ROOT, "  heel %.0f %%", l.heelSharePct()));
                }
                StrideLegLoad leg = result.leg();
                if (leg != null && !Double.isNaN(leg.peakMomentNmPerKg())) {
                    line.append(String.format(Locale.ROOT, "  ankle %.2f N·m/kg  Achilles %.1f BW",
                            leg.peakMomentNmPerKg(), leg.peakAchillesBw()));
                }
                if (leg != null && !Double.isNaN(leg.kneeAtPeakMomentDeg())) {
                    line.append(String.format(Locale.ROOT, "  knee %.0f°", leg.kneeAtPeakMomentDeg()));
                }
                if (leg != null && !Double.isNaN(leg.soleusDominantS())) {
                    line.append(String.format(Locale.ROOT, "  soleus-dominant %.2f s", leg.soleusDominantS()));
                }
                LoadSpikeVerdict spike = spikes.accept(result);
                if (spike.spike()) {
                    line.append("  spike (z ").append(score(spike.peakForceZ())).append(" peak, ")
                            .append(score(spike.loadingRateZ())).append(" rate)");
                    if (spikeCount++ == 0) {
                        LoadSpikeRule rule = spikes.rule();
                        status.println(String.format(Locale.ROOT, "soleus live: spike: a stride whose peak force or"
                                + " loading rate has a modified z-score above %.1f against the last %d strides of its foot"
                                + " (both scores shown; a jump in load against the same person's recent strides, of the"
                                + " kind that can precede overuse strain: a flag to look at, not a diagnosis)",
                                rule.thresholdZ(), rule.windowStrides()));
                    }
                }
            }
            if (sharesTheTerminal) {
                status.clear();
            }
            out.println(line);
            out.flush();
            bodyWeight.accept(result);
            if (!bodyWeightChecked && bodyWeight.fewerFootStrides() >= BODY_WEIGHT_CHECK_STRIDES) {
                bodyWeightChecked = true;
                warnOfBodyWeight("");
            }
        }

        @Override
        public void onRejected(RejectedStride rejected) {
            // rejected candidates are counted in the closing line, not printed one by one
        }
    }

    /**
     * Once the stream's layout is known: names the legs that keep the constant Achilles moment
     * arm although {@code --moment-arm angle} asks for the ankle angle, then runs
     * {@link LiveWarmUp} on that layout, with the analysis' own settings, before the first sample
     * reaches the analysis, so that the first strides are not analysed in the interpreter. At the
     * end it prints the warnings gathered on the way.
     */
    private static final class WarmedUp extends ForwardingSink {
        private final StreamingGaitAnalyzer analyzer;
        private final GaitSettings gaitSettings;
        private final LegLoadSettings legSettings;
        private final StatusLine status;
        private final Set<String> toldAtStart;

        /** @param toldAtStart warnings printed as the stream started, not printed again at the end */
        WarmedUp(SampleSink entry, StreamingGaitAnalyzer analyzer, GaitSettings gaitSettings,
                 LegLoadSettings legSettings, StatusLine status, Set<String> toldAtStart) {
            super(entry);
            this.analyzer = analyzer;
            this.gaitSettings = gaitSettings;
            this.legSettings = legSettings;
            this.status = status;
            this.toldAtStart = toldAtStart;
        }

        @Override
        public void start(RecordingHeader header) {
            super.start(header);
            for (Side side : analyzer.sidesWithoutAnkleAngle()) {
                status.println("soleus live: " + LegLoadAnalysis.noAnkleAngleNotice(side));
            }
            LiveWarmUp.run(analyzer.header(), gaitSettings, legSettings, LiveWarmUp.DEFAULT_SECONDS);
        }

        /**
         * Prints the warnings gathered on the way (the stages', what the stream lost; the
         * descriptor's were printed as it started) and ends.
         */
        @Override
        public void end(List<String> warnings) {
            for (String warning : warnings) {
                if (!toldAtStart.contains(warning)) {
                    status.println("soleus live: warning: " + ErrorHandler.oneLine(warning));
                }
            }
            super.end(warnings);
        }
    }

    /** A spike's z-score to two decimals (3.51, not 3.5, beside the threshold 3.5), or {@code -} when not scored. */
    private static String score(double z) {
        return Double.isNaN(z) ? "-" : String.format(Locale.ROOT, "%.2f", z);
    }
}
