package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.soleus.core.events.ContactEvents;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventFusion;
import org.soleus.core.events.MissingSpan;
import org.soleus.core.filter.Gaps;
import org.soleus.core.gait.MissingSamples;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.gait.StrideAssembler;
import org.soleus.core.gait.StrideListener;
import org.soleus.core.imu.GyroGaitEvents;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.imu.ImuEvents;
import org.soleus.core.imu.SagittalAxis;
import org.soleus.core.imu.ShankGyroEvents;
import org.soleus.core.load.CellAggregation;
import org.soleus.core.load.ForceRange;
import org.soleus.core.load.ForceScreen;
import org.soleus.core.load.PressureTrack;
import org.soleus.core.load.PressureTrackChannels;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.SampleStats;
import org.soleus.core.recording.Side;

/**
 * Gait cycles and vertical loading from insole force: per foot, samples of a force no foot
 * carries taken as missing ({@link ForceScreen}), short gaps bridged, heel
 * strikes and toe offs detected ({@link org.soleus.core.events.ContactEventDetector}), strides
 * assembled and checked ({@link StrideAssembler}), and, where force is in newtons, each
 * stance's loading computed on the zero-phase low-passed force ({@link StanceLoadingWindows}).
 * Insole cells with a known layout are summarised into heel force and centre of pressure
 * ({@link CellAggregation}) unless the recording already holds those summaries.
 *
 * <p>The force channel of a foot is {@code <side>.insole.force_<unit>}; unit {@code n} means
 * newtons, any other unit (e.g. {@code au} for footswitch signals) gives timing only. With
 * {@link ImuSettings}, foot-worn gyroscopes (or, on a leg without one, shank-worn gyroscopes)
 * time the events too, or give them alone where a foot has no insole or a dead one (no finite
 * sample, or the same value in all: {@link InsoleChannels#isDead}). The feet of a long
 * recording are analysed on parallel threads ({@link PerFoot}), with the same result as one
 * after the other. Stateless and thread-safe.
 */
public final class InsoleGaitAnalyzer {

    private static final Side[] FEET = {Side.LEFT, Side.RIGHT};

    private InsoleGaitAnalyzer() {
    }

    /**
     * Analyses one recording from its insoles.
     *
     * @throws IllegalArgumentException when the recording has no insole force channel, or when
     *                                  force is in newtons and the body mass is unknown (an
     *                                  {@link UnknownBodyMassException})
     */
    public static GaitAnalysis analyze(Recording recording, GaitSettings settings) {
        return run(recording, settings, null);
    }

    /**
     * Analyses one recording from its insoles and foot-worn IMUs ({@link ImuChannels#foot}); a
     * leg without a foot IMU but with a shank IMU ({@code <side>.shank.gyr_x_<unit>} …) uses the
     * shank's gyroscope instead ({@link ShankGyroEvents}). Per
     * foot: with an insole and an IMU, the insole's events are timed by the gyroscope where it
     * confirms them ({@link GaitEventFusion}); with only one of them, that one's events are
     * used. Loading figures need the insole force; strides of a foot with only an IMU have none.
     * Each event says its {@link org.soleus.core.events.EventSource source}.
     *
     * @throws IllegalArgumentException when the recording has neither an insole force channel nor
     *                                  a foot or shank gyroscope, when force is in newtons and the body mass
     *                                  is unknown ({@link UnknownBodyMassException}), or when a gyroscope's unit cannot be told
     */
    public static GaitAnalysis analyze(Recording recording, GaitSettings settings, ImuSettings imu) {
        return run(recording, settings, Objects.requireNonNull(imu, "imu"));
    }

    private static GaitAnalysis run(Recording recording, GaitSettings settings, ImuSettings imu) {
        Map<Side, Channel> forces = forceChannels(recording);
        Map<Side, ImuChannels> imus = gyroscopes(recording, imu);
        requireEventChannels(recording, forces, imus, imu);
        boolean newtons = InsoleChannels.inNewtons(forces.values().stream().map(Channel::name).toList());
        double bodyWeightN = recording.metadata().bodyMassKg() * Gravity.STANDARD_MPS2;
        if (newtons && !recording.metadata().hasBodyMass()) {
            throw new UnknownBodyMassException(recording.source());
        }
        Recording summarised = InsoleChannels.needsCellSummary(recording.metadata(), recording.channelNames(),
                forces.keySet())
                ? CellAggregation.summarise(recording) : recording;
        double fs = recording.sampleRateHz();
        int maxGap = (int) Math.round(settings.maxGapInterpolatedS() * fs);
        Feet feet = new Feet(PerFoot.map(List.of(FEET), recording.length(),
                side -> foot(recording, side, usableForce(side, forces, imus), imus.get(side), settings, imu, maxGap)));
        AssembledStrides assembled = AssembledStrides.of(feet.events, missingSamples(feet, recording), settings);
        Map<Side, PressureTrack> pressure = pressureTracks(summarised, forces);
        StrideLoading[] loadings = new StrideLoading[assembled.strides.size()];
        if (newtons) {
            computeLoadings(loadings, assembled.strides, feet.signals, pressure, recording, settings, bodyWeightN);
        }
        List<StrideResult> results = results(assembled.strides, loadings);
        assembled.rejected.sort(Comparator.comparingDouble(RejectedStride::startS));
        return GaitSummaries.build(feet.events, results, assembled.rejected, feet.coverage.keySet(),
                recording.durationS(), settings, newtons, feet.missing, recording.metadata().bodyMassKg(),
                feet.imuAxes);
    }

    /**
     * Each leg's gyroscope when {@code imu} is given: the foot's, or on a leg without one the
     * shank's; none without {@code imu}.
     */
    private static Map<Side, ImuChannels> gyroscopes(Recording recording, ImuSettings imu) {
        Map<Side, ImuChannels> imus = new EnumMap<>(Side.class);
        if (imu != null) {
            for (Side side : FEET) {
                Optional<ImuChannels> gyro = ImuChannels.foot(recording, side);
                if (gyro.isEmpty()) {
                    gyro = ImuChannels.find(recording, side, ImuChannels.SHANK_PLACE);
                }
                gyro.ifPresent(c -> imus.put(side, c));
            }
        }
        return imus;
    }

    /**
     * Throws when no foot has a channel that times events: neither an insole force nor (with
     * {@code imu}) a gyroscope; the message says what a recording of insole cells lacks.
     */
    private static void requireEventChannels(Recording recording, Map<Side, Channel> forces,
                                             Map<Side, ImuChannels> imus, ImuSettings imu) {
        if (forces.isEmpty() && imus.isEmpty()) {
            boolean cells = recording.channelNames().stream().anyMatch(InsoleChannels::isCell);
            throw new IllegalArgumentException("no insole force channel (left.insole.force_<unit> or "
                    + "right.insole.force_<unit>)" + (imu == null ? "" : " and no foot or shank gyroscope (<side>.foot.gyr_x_<unit>, "
                    + "gyr_y, gyr_z, or <side>.shank.gyr_x_<unit> …)") + " in " + recording.source()
                    + (cells ? " (insole cells give no force by themselves: a calibration turns raw cell counts into"
                    + " <side>.insole.force_n)" : "") + "; channels: " + recording.channelNames());
        }
    }

    /**
     * The foot's insole force channel, or null where it has none, or where its insole is dead
     * ({@link InsoleChannels#isDead}) and a gyroscope times its events instead.
     */
    private static Channel usableForce(Side side, Map<Side, Channel> forces, Map<Side, ImuChannels> imus) {
        return imus.containsKey(side) && forces.containsKey(side) && InsoleChannels.isDead(forces.get(side))
                ? null : forces.get(side);
    }

    /**
     * Whether a stride's samples (with one beside each end) hold a missing one, looked up in the
     * coverage of its foot; never for a foot known to be gapless or without coverage.
     */
    private static MissingSamples missingSamples(Feet feet, Recording recording) {
        Map<Side, double[]> coverage = feet.coverage;
        Set<Side> gapless = feet.gapless;
        return (side, fromS, toS) -> coverage.containsKey(side) && !gapless.contains(side)
                && hasMissing(coverage.get(side), index(fromS, recording) - 1, index(toS, recording) + 1);
    }

    /** Each foot's centre of pressure track (with heel force where its layout gives one), where it has one. */
    private static Map<Side, PressureTrack> pressureTracks(Recording summarised, Map<Side, Channel> forces) {
        Map<Side, PressureTrack> pressure = new EnumMap<>(Side.class);
        for (Side side : forces.keySet()) {
            PressureTrack track = pressureTrack(summarised, side, forces.get(side));
            if (track != null) {
                pressure.put(side, track);
            }
        }
        return pressure;
    }

    /**
     * Fills {@code loadings} with the loading of each stride's stance, from its foot's force in
     * newtons ({@link StanceLoadingWindows}), the strides in chunks on parallel threads
     * ({@link IndexChunks}).
     */
    private static void computeLoadings(StrideLoading[] loadings, List<Stride> strides, Map<Side, double[]> signals,
                                        Map<Side, PressureTrack> pressure, Recording recording, GaitSettings settings,
                                        double bodyWeightN) {
        double fs = recording.sampleRateHz();
        IndexChunks.run(loadings.length, recording.length(),
                () -> new StanceLoadingWindows(settings, fs, recording.startTimeS(), bodyWeightN),
                (windows, from, to) -> {
                    for (int i = from; i < to; i++) {
                        Stride s = strides.get(i);
                        double[] forceN = signals.get(s.side());
                        if (forceN != null) {
                            loadings[i] = windows.compute(forceN, index(s.startS(), recording),
                                    index(s.toeOffS(), recording) + 1, pressure.get(s.side()));
                        }
                    }
                });
    }

    /** Each stride with its loading (null where it has none), in the order of their starts. */
    private static List<StrideResult> results(List<Stride> strides, StrideLoading[] loadings) {
        List<StrideResult> results = new ArrayList<>(strides.size());
        for (int i = 0; i < loadings.length; i++) {
            results.add(new StrideResult(strides.get(i), loadings[i]));
        }
        results.sort(Comparator.comparingDouble(r -> r.stride().startS()));
        return results;
    }

    /**
     * One foot's events, before strides are assembled: from its insole force, its gyroscope or
     * both; touches nothing shared, so that the feet can be analysed at the same time.
     */
    private static Foot foot(Recording recording, Side side, Channel channel, ImuChannels gyro, GaitSettings settings,
                             ImuSettings imu, int maxGap) {
        double fs = recording.sampleRateHz();
        Map<String, Integer> missing = new LinkedHashMap<>();
        double[] x = null;
        List<GaitEvent> insoleEvents = List.of();
        boolean gapless = false;
        if (channel != null) {
            SampleStats stats = channel.stats();
            missing.put(channel.name().toString(), stats.missing());
            x = finiteOrMissing(channel);
            double maxForceN = ForceRange.applies(channel.name()) && recording.metadata().hasBodyMass()
                    ? ForceRange.maxForceN(recording.metadata().bodyMassKg() * Gravity.STANDARD_MPS2)
                    : Double.POSITIVE_INFINITY;
            long screened = ForceRange.countBeyond(channel, maxForceN) > 0
                    ? ForceScreen.apply(x, maxForceN, recording.sampleRateHz()).screened() : 0;
            int gaps = channel.length() - stats.finite() + (int) screened;
            gapless = gaps == 0 || gaps == Gaps.interpolateLinear(x, maxGap);
            insoleEvents = ContactEvents.detect(x, fs, recording.startTimeS(), side, settings.contact(),
                    recording.metadata().rangeMinimum(channel.name()), settings.eventTiming(recording.metadata()));
        }
        if (gyro == null) {
            return new Foot(missing, x, x, gapless, insoleEvents, null);
        }
        double[][] rates = gyro.gyroDps();
        for (int a = 0; a < 3; a++) {
            missing.put(gyro.gyro().get(a).name().toString(), gyro.gyro().get(a).missingCount());
            Gaps.interpolateLinear(rates[a], maxGap);
        }
        ImuEvents imuEvents = gyro.place().equals(ImuChannels.SHANK_PLACE)
                ? ShankGyroEvents.run(rates[0], rates[1], rates[2], fs, recording.startTimeS(), side, gyro.sensor(),
                        imu.shankEvents())
                : GyroGaitEvents.run(rates[0], rates[1], rates[2], fs, recording.startTimeS(), side, gyro.sensor(),
                        imu.events());
        if (channel == null) {
            return new Foot(missing, null, missingWhereAny(rates), false, imuEvents.events(), imuEvents.axis());
        }
        return new Foot(missing, x, x, gapless, GaitEventFusion.fuse(insoleEvents, imuEvents.events(),
                missingSpans(side, x, recording), imu.pairWindowS()), imuEvents.axis());
    }

    /**
     * What one foot gives before strides are assembled; the arrays are null for what it lacks.
     * {@code gapless}: {@code coverage} is known to hold no NaN, so no stride need look for one.
     */
    private static final class Foot {
        private final Map<String, Integer> missing;
        private final double[] forceN;
        private final double[] coverage;
        private final boolean gapless;
        private final List<GaitEvent> events;
        private final SagittalAxis imuAxis;

        Foot(Map<String, Integer> missing, double[] forceN, double[] coverage, boolean gapless, List<GaitEvent> events,
             SagittalAxis imuAxis) {
            this.missing = missing;
            this.forceN = forceN;
            this.coverage = coverage;
            this.gapless = gapless;
            this.events = events;
            this.imuAxis = imuAxis;
        }
    }

    /**
     * What both feet give, gathered left then right for stride assembly: their
     * missing-sample counts, force signals, coverage, gapless feet, sagittal axes, and their events
     * in the order of time.
     */
    private static final class Feet {
        private final Map<String, Integer> missing = new LinkedHashMap<>();
        private final Map<Side, double[]> signals = new EnumMap<>(Side.class);
        private final Map<Side, double[]> coverage = new EnumMap<>(Side.class);
        private final Set<Side> gapless = EnumSet.noneOf(Side.class);
        private final List<GaitEvent> events = new ArrayList<>();
        private final Map<Side, SagittalAxis> imuAxes = new EnumMap<>(Side.class);

        /** @param feet what the left foot gives, then the right */
        Feet(List<Foot> feet) {
            for (int f = 0; f < FEET.length; f++) {
                add(FEET[f], feet.get(f));
            }
            events.sort(Comparator.comparingDouble(GaitEvent::timeS));
        }

        private void add(Side side, Foot foot) {
            missing.putAll(foot.missing);
            if (foot.imuAxis != null) {
                imuAxes.put(side, foot.imuAxis);
            }
            if (foot.forceN != null) {
                signals.put(side, foot.forceN);
            }
            if (foot.coverage != null) {
                coverage.put(side, foot.coverage);
            }
            if (foot.gapless) {
                gapless.add(side);
            }
            events.addAll(foot.events);
        }
    }

    /** The strides a {@link StrideAssembler} completes from both feet's events, valid and rejected, as it gives them. */
    private static final class AssembledStrides implements StrideListener {
        private final List<Stride> strides = new ArrayList<>();
        private final List<RejectedStride> rejected = new ArrayList<>();

        /** Assembles the strides of {@code events}, in the order of time. */
        static AssembledStrides of(List<GaitEvent> events, MissingSamples missingSamples, GaitSettings settings) {
            AssembledStrides assembled = new AssembledStrides();
            StrideAssembler assembler = new StrideAssembler(settings.strideLimits(), missingSamples, assembled);
            events.forEach(assembler::accept);
            return assembled;
        }

        @Override
        public void onStride(Stride stride) {
            strides.add(stride);
        }

        @Override
        public void onRejected(RejectedStride r) {
            rejected.add(r);
        }
    }

    /**
     * Whether analysing {@code recording} needs its subject's body mass: its insole force is in
     * newtons, whose loading is given in body weights ({@link UnknownBodyMassException} without it).
     */
    public static boolean needsBodyMass(Recording recording) {
        return needsBodyMass(recording.channelNames());
    }

    /** {@link #needsBodyMass(Recording)} of a recording or stream with these channels. */
    public static boolean needsBodyMass(List<ChannelName> channels) {
        return InsoleChannels.inNewtons(InsoleChannels.forceChannelsOf(channels).values());
    }

    /** Each foot's force channel, as {@link InsoleChannels} chooses it for a stream too. */
    private static Map<Side, Channel> forceChannels(Recording recording) {
        Map<Side, Channel> forces = new EnumMap<>(Side.class);
        InsoleChannels.forceChannelsOf(recording.channelNames())
                .forEach((side, name) -> forces.put(side, recording.channel(name.toString())));
        return forces;
    }

    private static PressureTrack pressureTrack(Recording recording, Side side, Channel force) {
        PressureTrackChannels names = PressureTrackChannels.of(side, recording.metadata().layout(side));
        Optional<Channel> copX = recording.find(names.copX());
        Optional<Channel> copY = recording.find(names.copY());
        Optional<Channel> heel = recording.find(names.heelForce());
        if (copY.isEmpty() || (names.heelRequired() && heel.isEmpty())) {
            return null;
        }
        float[] heelForceN = heel.map(Channel::samples).orElse(null);
        float[] totalForceN = heelForceN == null ? null : force.samples();
        return new PressureTrack(heelForceN, totalForceN, copX.map(Channel::samples).orElse(null), copY.get().samples(),
                names.spanY());
    }

    /** NaN where any of the axes is NaN, 0 elsewhere. */
    private static double[] missingWhereAny(double[][] axes) {
        double[] out = new double[axes[0].length];
        for (double[] axis : axes) {
            for (int i = 0; i < out.length; i++) {
                if (Double.isNaN(axis[i])) {
                    out[i] = Double.NaN;
                }
            }
        }
        return out;
    }

    /** The runs of NaN in {@code x} as spans of time. */
    private static List<MissingSpan> missingSpans(Side side, double[] x, Recording recording) {
        List<MissingSpan> spans = new ArrayList<>();
        int i = 0;
        while (i < x.length) {
            if (!Double.isNaN(x[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < x.length && Double.isNaN(x[i])) {
                i++;
            }
            spans.add(new MissingSpan(side, recording.timeS(start), recording.timeS(i - 1)));
        }
        return spans;
    }

    /**
     * The channel's samples widened to doubles, an infinite one as NaN: an infinite force carries
     * no magnitude, so it is treated as a missing sample.
     */
    private static double[] finiteOrMissing(Channel channel) {
        float[] samples = channel.samples();
        double[] x = new double[samples.length];
        for (int i = 0; i < x.length; i++) {
            float v = samples[i];
            x[i] = Float.isInfinite(v) ? Double.NaN : v;
        }
        return x;
    }

    private static boolean hasMissing(double[] x, int from, int to) {
        for (int i = Math.max(0, from); i <= Math.min(x.length - 1, to); i++) {
            if (Double.isNaN(x[i])) {
                return true;
            }
        }
        return false;
    }

    private static int index(double timeS, Recording recording) {
        int i = (int) Math.round((timeS - recording.startTimeS()) * recording.sampleRateHz());
        return Math.max(0, Math.min(recording.length() - 1, i));
    }
}
