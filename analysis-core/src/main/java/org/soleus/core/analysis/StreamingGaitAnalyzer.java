package org.soleus.core.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.events.ContactEventDetector;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.filter.GapBridge;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.gait.StrideAssembler;
import org.soleus.core.gait.StrideListener;
import org.soleus.core.imu.ImuColumns;
import org.soleus.core.joint.HingeJoint;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.joint.StreamingJointAngle;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.load.ForceRange;
import org.soleus.core.load.ForceScreen;
import org.soleus.core.load.PressureTrack;
import org.soleus.core.load.PressureTrackChannels;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * The insole gait analysis of {@link InsoleGaitAnalyzer} on a sample stream: each stride is
 * reported through a {@link LiveGaitListener} as soon as the heel strike that closes it is
 * certain, and the strides, rejections and events are those the batch analysis finds in the
 * same samples.
 *
 * <p>Per foot, as in the batch analysis: samples of a force no foot carries are taken as missing
 * ({@link ForceScreen}), short gaps are bridged ({@link GapBridge}, the
 * streaming form of the batch interpolation), heel strikes and toe offs are detected by the same
 * {@link ContactEventDetector}, and strides are assembled by the same {@link StrideAssembler}
 * and rejected when they hold missing samples. The two feet's events are merged in time order
 * (ties: left first, as the batch sort does) once neither detector can still report an earlier
 * one ({@link ContactEventDetector#reportFloor()}, at most
 * {@link ContactEventDetector#maxReportDelaySamples} after the fact), or, while a
 * detector is in its warm-up (whose contacts it reports at its end), once the warm-up has ended
 * or moved past them ({@link ContactEventDetector#warmUpFloor()}), so double support is computed
 * from the same contacts.
 *
 * <p>Loading (force in newtons) is computed as the batch analysis computes it, on the same
 * window of low-passed force around the stance ({@code StanceLoadingWindows}: the stance and
 * 0.25 s of context on each side, or the filter's pad length where longer), with heel force and centre of pressure summarised from the
 * insole cells by the same {@link CellAggregatingSink} when the stream carries a cell layout
 * and the cells but no summary. A stride is reported once the context after its toe off has
 * arrived. Only the times of the force peaks may differ from the batch values, in the last
 * bits (they are computed from another origin).
 *
 * <p>Where the stream carries {@code <side>.insole.force_n} with {@code <side>.insole.cop_y_norm},
 * each stride also carries its plantar-flexion figures ({@link StrideResult#leg()}: peak moment,
 * Achilles force, impulse, time above threshold), computed by the same code as
 * {@link LegLoadAnalyzer} over the foot's recent moments with the given {@link LegLoadSettings}
 * ({@link LegLoadSettings#DEFAULTS} unless given). With an angle-dependent Achilles moment arm,
 * where the stream carries that side's shank and foot IMUs the foot also tracks its ankle
 * plantar flexion, from a {@link StreamingJointAngle} for {@link HingeJoint#ANKLE} with
 * {@link JointAngleSettings#ankleDefaults}, and the Achilles force uses it as the batch analysis
 * does (the neutral arm where the ankle's axes cannot be found, as there).
 * Where it also carries that side's thigh and shank IMUs ({@code <side>.thigh.gyr_x_<unit>} …
 * {@code <side>.shank.acc_z_<unit>}, units named: {@link ImuColumns}), the foot keeps its recent
 * knee flexion angles from a {@link StreamingJointAngle} for {@link HingeJoint#KNEE} with
 * {@link JointAngleSettings#defaults}, the object {@link LegLoadAnalyzer} drives over a
 * recording, and each stride carries its knee figures and, with a body mass, its
 * soleus-dominant figures too. Where the knee's joint axes cannot be found (a calibration period
 * that was not still, no movement within the axis window after it), or its angles so far read
 * beyond straight ({@link KneeBeyondStraight}), the knee and soleus figures are NaN, as the batch
 * analysis leaves them empty, and the listener hears the batch analysis' notice once
 * ({@link LiveGaitListener#onNotice}).
 *
 * <p>Timing: a stride is reported once neither detector can still report an earlier event
 * ({@link ContactEventDetector#reportFloor()}: with the defaults at 100 Hz, a median of 0.32 s
 * after its closing heel strike at 110 steps a minute and 0.45 s at 70, at most
 * {@link ContactEventDetector#maxReportDelaySamples}, 0.61 s) plus any bridged gap, or 0.25 s
 * after its toe off if that is later. With knee (or ankle) angles, a stride also waits for its angles: those of the joint's warm-up (the
 * standing calibration and the movement the joint axes are found from, about 12 s into a walk,
 * at most {@link org.soleus.core.joint.StreamingJointAngle#maxDelaySamples}, 62 s with the defaults) come in one
 * burst when the axes are found, and the strides within it are then reported together. The
 * histories are sized for that delay, and for a foot whose force stays flat (an insole not
 * connected or not worn), whose detector then warms up for good and holds the other foot's
 * events back by up to {@link ContactEventDetector#maxWarmUpHoldSamples} (10 s at 100 Hz). No allocation per sample; each event and stride
 * allocates its result. Not thread-safe.
 */
public final class StreamingGaitAnalyzer implements SampleSink {
    private static final double HISTORY_S = 2.0;
    private static final int PENDING_CAPACITY = 16;

    private final GaitSettings settings;
    private final LegLoadSettings legSettings;
    private final LiveGaitListener listener;
    private final boolean keep;
    private final Core core = new Core();
    private final List<GaitEvent> events = new ArrayList<>();
    private final List<StrideResult> strides = new ArrayList<>();
    private final List<RejectedStride> rejected = new ArrayList<>();

    private SampleSink entry;
    private RecordingHeader streamHeader;
    private GaitAnalysis result;

    /**
     * @param settings the analysis settings ({@link GaitSettings#defaults()} for those of
     *                 {@code analyze})
     * @param listener receives strides and rejections as they complete
     * @param keep     whether to keep every event, stride and rejection for {@link #result()}
     *                 (memory grows with the stream, a few hundred bytes per stride)
     */
    public StreamingGaitAnalyzer(GaitSettings settings, LiveGaitListener listener, boolean keep) {
        this(settings, LegLoadSettings.DEFAULTS, listener, keep);
    }

    /**
     * @param settings    the analysis settings ({@link GaitSettings#defaults()} for those of
     *                    {@code analyze})
     * @param legSettings the plantar-flexion, soleus and calf-raise settings of the strides' leg
     *                    figures, as for {@link LegLoadAnalyzer#analyze}; with an angle-dependent
     *                    Achilles moment arm the feet with shank and foot IMUs also track the ankle
     *                    angle
     * @param listener    receives strides and rejections as they complete
     * @param keep        whether to keep every event, stride and rejection for {@link #result()}
     *                    (memory grows with the stream, a few hundred bytes per stride)
     */
    public StreamingGaitAnalyzer(GaitSettings settings, LegLoadSettings legSettings, LiveGaitListener listener,
                                 boolean keep) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.legSettings = Objects.requireNonNull(legSettings, "legSettings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.keep = keep;
    }

    /**
     * @throws IllegalArgumentException when the stream has no insole force channel, or force is
     *                                  in newtons and the body mass is unknown (an
     *                                  {@link UnknownBodyMassException})
     */
    @Override
    public void start(RecordingHeader header) {
        if (entry != null) {
            throw new IllegalStateException("start() was already called");
        }
        Map<Side, ChannelName> forces = InsoleChannels.forceChannels(header.channels(), header.source());
        streamHeader = header;
        entry = InsoleChannels.needsCellSummary(header.metadata(), header.channels(), forces.keySet()) ? new CellAggregatingSink(core) : core;
        entry.start(header);
    }

    @Override
    public void accept(float[] row) {
        if (entry == null) {
            throw new IllegalStateException("accept() before start()");
        }
        entry.accept(row);
    }

    @Override
    public void end(List<String> warnings) {
        if (entry == null) {
            throw new IllegalStateException("end() before start()");
        }
        entry.end(warnings);
    }

    /**
     * The sides whose Achilles force should use the ankle angle (the leg settings' moment arm
     * depends on it) but whose stream has no shank and foot IMUs, so that it keeps the neutral
     * moment arm; empty before {@link #start}.
     */
    public List<Side> sidesWithoutAnkleAngle() {
        List<Side> sides = new ArrayList<>(2);
        if (core.feet != null) {
            for (Foot foot : core.feet) {
                if (foot.leg != null && foot.leg.lacksAnkleAngle()) {
                    sides.add(foot.side);
                }
            }
        }
        return sides;
    }

    /** The stream's header as {@link #start} received it, or null before. */
    public RecordingHeader header() {
        return streamHeader;
    }

    /**
     * Everything found, as {@link InsoleGaitAnalyzer#analyze(org.soleus.core.recording.Recording,
     * GaitSettings)} reports it.
     *
     * @throws IllegalStateException before {@link #end} or when constructed without keeping
     */
    public GaitAnalysis result() {
        if (result == null) {
            throw new IllegalStateException(keep ? "the stream has not ended yet" : "constructed without keeping results");
        }
        return result;
    }

    /** The analysis proper, on the stream with cells summarised. */
    private final class Core implements SampleSink {
        private RecordingHeader header;
        private Foot[] feet;
        private StrideAssembler assembler;
        private double sampleRateHz;
        private double startTimeS;
        private boolean newtons;
        private StanceLoadingWindows loadings;
        private int contextSamples;
        private double[] forceWindow;
        private double bodyMassKg;
        private int maxReportDelay;
        private long samples;
        private Stride[] pendingStrides;
        private int pendingCount;
        private boolean ended;

        @Override
        public void start(RecordingHeader h) {
            Map<Side, ChannelName> forces = InsoleChannels.forceChannels(h.channels(), h.source());
            newtons = InsoleChannels.inNewtons(forces.values());
            if (newtons && !h.metadata().hasBodyMass()) {
                throw new UnknownBodyMassException(h.source());
            }
            header = h;
            sampleRateHz = h.sampleRateHz();
            startTimeS = h.startTimeS();
            int maxGap = (int) Math.round(settings.maxGapInterpolatedS() * sampleRateHz);
            maxReportDelay = ContactEventDetector.maxReportDelaySamples(sampleRateHz, settings.contact());
            if (newtons) {
                loadings = new StanceLoadingWindows(settings, sampleRateHz, 0, h.metadata().bodyMassKg()
                        * Gravity.STANDARD_MPS2);
                contextSamples = loadings.contextSamples();
            }
            int angleDelaySamples = 0;
            for (Map.Entry<Side, ChannelName> e : forces.entrySet()) {
                angleDelaySamples = Math.max(angleDelaySamples, LiveLegTrack.angleDelaySamples(e.getKey(), e.getValue(), h, legSettings));
            }
            // a stride waits for its joint angles, which come up to a joint's warm-up late, and for
            // the other foot's detector while it warms up, which it does for as long as that foot's
            // force stays flat (an insole that carries nothing)
            int warmUpHold = ContactEventDetector.maxWarmUpHoldSamples(sampleRateHz, settings.contact());
            long span = (long) Math.ceil((settings.strideLimits().maxStrideS() + HISTORY_S) * sampleRateHz)
                    + 2L * maxReportDelay + warmUpHold + maxGap + 4L * contextSamples + angleDelaySamples;
            if (span > 1 << 26) {
                throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz needs a history of " + span
                        + " samples; at most 2^26 are kept");
            }
            int capacity = Integer.highestOneBit((int) span) << 1;
            forceWindow = newtons ? new double[capacity] : null;
            bodyMassKg = h.metadata().bodyMassKg();
            feet = new Foot[forces.size()];
            int k = 0;
            for (Map.Entry<Side, ChannelName> e : forces.entrySet()) {
                feet[k++] = new Foot(e.getKey(), h.indexOf(e.getValue()), capacity, maxGap, h);
            }
            pendingStrides = new Stride[PENDING_CAPACITY + feet.length * (int) Math.ceil((angleDelaySamples + warmUpHold)
                    / sampleRateHz / settings.strideLimits().minStrideS())];
            assembler = new StrideAssembler(settings.strideLimits(), this::touchesGap, new StrideListener() {
                @Override
                public void onStride(Stride stride) {
                    complete(stride);
                }

                @Override
                public void onRejected(RejectedStride r) {
                    reject(r);
                }
            });
        }

        @Override
        public void accept(float[] row) {
            for (Foot f : feet) {
                f.accept(row);
            }
            samples++;
            release(false);
            reportReady();
        }

        @Override
        public void end(List<String> warnings) {
            for (Foot f : feet) {
                f.bridge.finish();
                f.detector.flush();
                if (f.leg != null) {
                    f.leg.end();
                }
            }
            release(true);
            ended = true;
            reportReady();
            for (Foot f : feet) {
                if (f.leg != null) {
                    f.leg.untoldNotice().ifPresent(listener::onNotice);
                }
            }
            if (keep) {
                Map<Side, ChannelName> forces = new LinkedHashMap<>();
                Map<String, Integer> missing = new LinkedHashMap<>();
                for (Foot f : feet) {
                    forces.put(f.side, header.channels().get(f.forceIndex));
                    missing.put(header.channels().get(f.forceIndex).toString(), (int) f.rawMissing);
                }
                List<StrideResult> sorted = new ArrayList<>(strides);
                sorted.sort(Comparator.comparingDouble(r -> r.stride().startS()));
                List<RejectedStride> sortedRejected = new ArrayList<>(rejected);
                sortedRejected.sort(Comparator.comparingDouble(RejectedStride::startS));
                result = GaitSummaries.build(events, sorted, sortedRejected, forces.keySet(), samples / sampleRateHz,
                        settings, newtons, missing, bodyMassKg, Map.of());
            }
        }

        /** Hands queued events to the assembler in time order, up to where no earlier one can come. */
        private void release(boolean all) {
            while (true) {
                Foot next = null;
                GaitEvent first = null;
                for (Foot f : feet) {
                    GaitEvent head = f.events.peekFirst();
                    if (head != null && (first == null || head.timeS() < first.timeS())) {
                        first = head;
                        next = f;
                    }
                }
                if (first == null) {
                    return;
                }
                if (!all) {
                    for (Foot f : feet) {
                        if (first.sampleIndex() >= f.detector.reportFloor()
                                || first.sampleIndex() >= f.detector.warmUpFloor()) {
                            return;
                        }
                    }
                }
                next.events.pollFirst();
                if (keep) {
                    events.add(first);
                }
                assembler.accept(first);
            }
        }

        private void complete(Stride stride) {
            Foot f = foot(stride.side());
            if (!newtons && (f.leg == null || !f.leg.tracksKnee())) {
                report(new StrideResult(stride, null));
                return;
            }
            if (pendingCount == pendingStrides.length) {
                throw new IllegalStateException("more than " + pendingStrides.length
                        + " strides wait for their loading context and joint angles");
            }
            pendingStrides[pendingCount++] = stride;
        }

        /**
         * Reports the strides whose context after toe off and whose joint angles have arrived (all
         * of them at the end).
         */
        private void reportReady() {
            int kept = 0;
            for (int i = 0; i < pendingCount; i++) {
                Stride s = pendingStrides[i];
                Foot f = foot(s.side());
                if (ended || f.contextComplete(index(s.toeOffS()) + 1, contextSamples)
                        && (f.leg == null || f.leg.anglesReported(index(s.endS())))) {
                    report(new StrideResult(s, newtons ? loading(f, s) : null, leg(f, s)));
                } else {
                    pendingStrides[kept++] = s;
                }
            }
            for (int i = kept; i < pendingCount; i++) {
                pendingStrides[i] = null;
            }
            pendingCount = kept;
        }

        private void report(StrideResult r) {
            if (keep) {
                strides.add(r);
            }
            listener.onStride(r);
        }

        private void reject(RejectedStride r) {
            if (keep) {
                rejected.add(r);
            }
            listener.onRejected(r);
        }

        private Foot foot(Side side) {
            for (Foot f : feet) {
                if (f.side == side) {
                    return f;
                }
            }
            throw new IllegalStateException("no foot " + side);
        }

        /**
         * Whether missing samples of the foot's bridged force lie within the span or next to its
         * ends; false for a foot without force.
         */
        private boolean touchesGap(Side side, double startS, double endS) {
            for (Foot f : feet) {
                if (f.side == side) {
                    return f.missing(Math.max(0, index(startS) - 1), index(endS) + 2) > 0;
                }
            }
            return false;
        }

        private long index(double timeS) {
            return Math.max(0, Math.round((timeS - startTimeS) * sampleRateHz));
        }

        /** The stance's loading, from the foot's recent samples as the batch analysis computes it. */
        private StrideLoading loading(Foot f, Stride stride) {
            long from = index(stride.startS());
            long to = index(stride.toeOffS()) + 1;
            long a = Math.max(Math.max(0, f.emitted - f.capacity()), from - contextSamples);
            long b = Math.min(f.emitted, to + contextSamples);
            int len = (int) (b - a);
            for (int i = 0; i < len; i++) {
                forceWindow[i] = f.force(a + i);
            }
            return loadings.compute(forceWindow, len, (int) (from - a), (int) (to - a), f.pressure(a, len),
                    startTimeS + a / sampleRateHz);
        }

        /** The stride's leg figures from the foot's recent samples, or null when it tracks none. */
        private StrideLegLoad leg(Foot f, Stride stride) {
            if (f.leg == null) {
                return null;
            }
            long from = Math.max(index(stride.startS()), Math.max(0, f.received - f.capacity()));
            long to = Math.min(index(stride.endS()), f.received);
            long toeOff = Math.min(Math.max(index(stride.toeOffS()), from), to);
            f.leg.untoldNotice().ifPresent(listener::onNotice);
            return f.leg.figures(from, toeOff, to, startTimeS, bodyMassKg);
        }
    }

    /** One foot's pipeline and history. */
    private final class Foot {
        final Side side;
        final int forceIndex;
        final ForceScreen screen;
        final GapBridge bridge;
        final ContactEventDetector detector;
        final ArrayDeque<GaitEvent> events = new ArrayDeque<>();
        final double[] force;
        final long[] missingBefore;
        final int mask;
        final int[] pressureIndex;
        final float[][] pressureHistory;
        final float[][] pressureWindow;
        final PressureTrack pressureTrack;
        final LiveLegTrack leg;
        /** The force no foot carries ({@link ForceRange}), N; +∞ for a force not in newtons or a mass unknown. */
        final double maxForceN;
        boolean toldScreened;
        boolean toldScale;
        long emitted;
        long missingTotal;
        long received;
        long rawMissing;

        Foot(Side side, int forceIndex, int capacity, int maxGap, RecordingHeader h) {
            this.side = side;
            this.forceIndex = forceIndex;
            this.force = new double[capacity];
            this.missingBefore = new long[capacity];
            this.mask = capacity - 1;
            double fs = h.sampleRateHz();
            double t0 = h.startTimeS();
            this.detector = new ContactEventDetector(fs, settings.contact(),
                    h.metadata().rangeMinimum(h.channels().get(forceIndex)), settings.eventTiming(h.metadata()),
                    (type, index) -> events.addLast(new GaitEvent(side, type, t0 + index / fs, index)));
            this.bridge = new GapBridge(maxGap, this::emit);
            PressureTrackChannels names = PressureTrackChannels.of(side, h.metadata().layout(side));
            int heel = h.indexOf(names.heelForce());
            // heel force, CoP x and y, and the raw total force that the heel share divides by
            int[] indices = {heel, h.indexOf(names.copX()), h.indexOf(names.copY()), heel >= 0 ? forceIndex : -1};
            boolean complete = indices[2] >= 0 && (!names.heelRequired() || heel >= 0);
            this.pressureIndex = complete ? indices : null;
            this.pressureHistory = complete ? new float[indices.length][] : null;
            this.pressureWindow = complete ? new float[indices.length][] : null;
            if (complete) {
                for (int c = 0; c < indices.length; c++) {
                    if (indices[c] >= 0) {
                        pressureHistory[c] = new float[capacity];
                        pressureWindow[c] = new float[capacity];
                    }
                }
            }
            this.pressureTrack = complete
                    ? new PressureTrack(pressureWindow[0], pressureWindow[3], pressureWindow[1], pressureWindow[2],
                    names.spanY()) : null;
            this.leg = LiveLegTrack.of(side, h.channels().get(forceIndex), h, legSettings, capacity);
            this.maxForceN = ForceRange.applies(h.channels().get(forceIndex)) && h.metadata().hasBodyMass()
                    ? ForceRange.maxForceN(h.metadata().bodyMassKg() * Gravity.STANDARD_MPS2) : Double.POSITIVE_INFINITY;
            this.screen = new ForceScreen(maxForceN, h.sampleRateHz());
        }

        int capacity() {
            return force.length;
        }

        void accept(float[] row) {
            if (pressureIndex != null) {
                int slot = (int) (received & mask);
                for (int c = 0; c < pressureIndex.length; c++) {
                    if (pressureIndex[c] >= 0) {
                        pressureHistory[c][slot] = row[pressureIndex[c]];
                    }
                }
            }
            float x = row[forceIndex];
            // an infinite force carries no magnitude: missing, as in the batch analysis
            double screened = screen.accept(Float.isInfinite(x) ? Double.NaN : x);
            if (leg != null) {
                // a force on another scale gives no moment
                leg.accept(row, screen.scaleFrom() >= 0 ? Double.NaN : screened, received);
            }
            received++;
            if (Float.isNaN(x)) {
                rawMissing++;
            }
            if (!toldScreened && screen.screened() > 0) {
                toldScreened = true;
                listener.onNotice(String.format(Locale.ROOT, "%s force %.0f N at %.2f s is beyond %d body weights"
                        + " (%.0f N), a force no foot carries: such samples are taken as missing (a transmission error;"
                        + " or are the force unit and the body mass right?)", side.label(), x, timeS(received - 1),
                        (int) ForceRange.MAX_BODY_WEIGHTS, maxForceN));
            }
            if (!toldScale && screen.scaleFrom() >= 0) {
                toldScale = true;
                listener.onNotice(String.format(Locale.ROOT, "%s force beyond %d body weights in more than 1 %% of the"
                        + " samples, too many for transmission errors: taken from %.2f s on as a force on another scale,"
                        + " whose events are kept and whose stances get no loading figures; check the force unit"
                        + " (newtons, not millinewtons), the insole's calibration and the body mass", side.label(),
                        (int) ForceRange.MAX_BODY_WEIGHTS, timeS(received - 1)));
            }
            bridge.accept(screened);
        }

        /** The time of sample {@code i} of the stream, s. */
        private double timeS(long i) {
            return streamHeader.startTimeS() + i / streamHeader.sampleRateHz();
        }

        void emit(double value) {
            int slot = (int) (emitted & mask);
            force[slot] = value;
            missingBefore[slot] = missingTotal;
            if (Double.isNaN(value)) {
                missingTotal++;
            }
            emitted++;
            detector.accept(value);
        }

        double force(long i) {
            return force[(int) (i & mask)];
        }

        /** Missing samples of the bridged force in {@code [from, to)}. */
        long missing(long from, long to) {
            return prefix(to) - prefix(from);
        }

        private long prefix(long i) {
            return i >= emitted ? missingTotal : missingBefore[(int) (i & mask)];
        }

        /** Whether the {@code context} samples from {@code to} have arrived, or a missing one ends them. */
        boolean contextComplete(long to, int context) {
            if (emitted >= to + context) {
                return true;
            }
            return missing(to, emitted) > 0;
        }

        /** Heel force and CoP over {@code [from, from + len)}, copied to the start of the track, or null. */
        PressureTrack pressure(long from, int len) {
            if (pressureIndex == null) {
                return null;
            }
            for (int c = 0; c < pressureIndex.length; c++) {
                if (pressureIndex[c] < 0) {
                    continue;
                }
                for (int i = 0; i < len; i++) {
                    pressureWindow[c][i] = pressureHistory[c][(int) ((from + i) & mask)];
                }
            }
            return pressureTrack;
        }
    }
}
