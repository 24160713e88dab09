package org.soleus.core.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.events.ContactEventDetector;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.filter.Butterworth;
import org.soleus.core.filter.GapBridge;
import org.soleus.core.filter.SecondOrderSections;
import org.soleus.core.filter.ZeroPhase;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.gait.StrideAssembler;
import org.soleus.core.gait.StrideListener;
import org.soleus.core.load.InsoleCellForces;
import org.soleus.core.load.StanceLoading;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * The insole gait analysis of {@link InsoleGaitAnalyzer} on a sample stream: each stride is
 * reported through a {@link LiveGaitListener} as soon as the heel strike that closes it is
 * certain, and the strides, rejections and events are those the batch analysis finds in the
 * same samples.
 *
 * <p>Per foot, as in the batch analysis: short gaps are bridged ({@link GapBridge}, the
 * streaming form of the batch interpolation), heel strikes and toe offs are detected by the same
 * {@link ContactEventDetector}, and strides are assembled by the same {@link StrideAssembler}
 * and rejected when they hold missing samples. The two feet's events are merged in time order
 * (ties: left first, as the batch sort does) once neither detector can still report an earlier
 * one, i.e. {@code 1.5 × refineWindowS} after the fact, so double support is computed from the
 * same contacts.
 *
 * <p>Loading (force in newtons): the batch analysis low-passes each run of finite samples
 * forward and backward as a whole; live, the stance is filtered within a window from up to
 * 2 s before the stride to the newest sample (at least the swing phase and the detection
 * delay later), which differs from the whole-run result only by the filter's decayed edge
 * transients: on the shipped walks by less than 1e-11 relative.
 *
 * <p>Timing: a stride is reported about {@code 1.5 × refineWindowS} (0.225 s with the defaults)
 * plus any bridged gap after its closing heel strike. No allocation per sample; each event and
 * stride allocates its result. Not thread-safe.
 */
public final class StreamingGaitAnalyzer implements SampleSink {
    private static final double WINDOW_BEFORE_S = 2.0;
    private static final double HISTORY_SLACK_S = 2.0;

    private final GaitSettings settings;
    private final LiveGaitListener listener;
    private final boolean keep;
    private final List<GaitEvent> events = new ArrayList<>();
    private final List<StrideResult> strides = new ArrayList<>();
    private final List<RejectedStride> rejected = new ArrayList<>();

    private RecordingHeader header;
    private Foot[] feet;
    private StrideAssembler assembler;
    private double sampleRateHz;
    private double startTimeS;
    private boolean newtons;
    private double bodyWeightN;
    private SecondOrderSections lowPass;
    private int padLength;
    private ZeroPhase.Workspace workspace;
    private double[] window;
    private int releaseMargin;
    private long samples;
    private GaitAnalysis result;

    /**
     * @param settings the analysis settings ({@link GaitSettings#defaults()} for those of
     *                 {@code analyze})
     * @param listener receives strides and rejections as they complete
     * @param keep     whether to keep every event, stride and rejection for {@link #result()}
     *                 (memory grows with the stream, a few hundred bytes per stride)
     */
    public StreamingGaitAnalyzer(GaitSettings settings, LiveGaitListener listener, boolean keep) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.keep = keep;
    }

    /**
     * @throws IllegalArgumentException when the stream has no insole force channel, or force is
     *                                  in newtons and the body mass is unknown
     */
    @Override
    public void start(RecordingHeader recordingHeader) {
        if (header != null) {
            throw new IllegalStateException("start() was already called");
        }
        Map<Side, ChannelName> forces = InsoleChannels.forceChannels(recordingHeader.channels(), recordingHeader.source());
        newtons = InsoleChannels.inNewtons(forces);
        if (newtons && !recordingHeader.metadata().hasBodyMass()) {
            throw new IllegalArgumentException("body mass of the subject in " + recordingHeader.source()
                    + " is unknown: loading in body weights needs it; give it with --mass KG");
        }
        header = recordingHeader;
        sampleRateHz = recordingHeader.sampleRateHz();
        startTimeS = recordingHeader.startTimeS();
        bodyWeightN = recordingHeader.metadata().bodyMassKg() * InsoleGaitAnalyzer.STANDARD_GRAVITY;
        int maxGap = (int) Math.round(settings.maxGapInterpolatedS() * sampleRateHz);
        int refineSamples = Math.max(2, (int) Math.round(settings.contact().refineWindowS() * sampleRateHz));
        releaseMargin = (int) Math.ceil(1.5 * refineSamples) + 2;
        long span = (long) Math.ceil((settings.strideLimits().maxStrideS() + WINDOW_BEFORE_S + HISTORY_SLACK_S)
                * sampleRateHz) + 2L * releaseMargin + maxGap;
        if (span > 1 << 26) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz needs a history of " + span
                    + " samples; at most 2^26 are kept");
        }
        int capacity = Integer.highestOneBit((int) span) << 1;
        if (newtons) {
            lowPass = Butterworth.lowPass(settings.lowPassOrder(), Math.min(settings.lowPassCutoffHz(), 0.45 * sampleRateHz),
                    sampleRateHz);
            padLength = ZeroPhase.defaultPadLength(lowPass);
            workspace = new ZeroPhase.Workspace(capacity, padLength);
            window = new double[capacity];
        }
        feet = new Foot[forces.size()];
        int k = 0;
        for (Map.Entry<Side, ChannelName> e : forces.entrySet()) {
            feet[k++] = new Foot(e.getKey(), recordingHeader.indexOf(e.getValue()), capacity, maxGap, recordingHeader);
        }
        assembler = new StrideAssembler(settings.strideLimits(), new StrideListener() {
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
        if (header == null) {
            throw new IllegalStateException("accept() before start()");
        }
        if (row.length != header.channels().size()) {
            throw new IllegalArgumentException("row has " + row.length + " values, header declares " + header.channels().size());
        }
        for (Foot f : feet) {
            f.accept(row);
        }
        samples++;
        release(false);
    }

    @Override
    public void end(List<String> warnings) {
        if (header == null) {
            throw new IllegalStateException("end() before start()");
        }
        for (Foot f : feet) {
            f.bridge.finish();
            f.detector.flush();
        }
        release(true);
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
            result = GaitSummaries.build(events, sorted, sortedRejected, forces.keySet(), samples / sampleRateHz, settings,
                    newtons, missing);
        }
    }

    /**
     * Everything found, as {@link InsoleGaitAnalyzer#analyze} reports it.
     *
     * @throws IllegalStateException before {@link #end} or when constructed without keeping
     */
    public GaitAnalysis result() {
        if (result == null) {
            throw new IllegalStateException(keep ? "the stream has not ended yet" : "constructed without keeping results");
        }
        return result;
    }

    /** Whether force is in newtons (loading is computed). */
    public boolean forceInNewtons() {
        return newtons;
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
                    if (first.sampleIndex() > f.detector.sampleCount() - releaseMargin) {
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
        long from = index(stride.startS());
        long to = index(stride.endS()) + 1;
        if (f.missing(from, to) > 0) {
            reject(new RejectedStride(stride.side(), stride.startS(), stride.endS(), RejectedStride.Reason.MISSING_DATA));
            return;
        }
        StrideResult r = new StrideResult(stride, newtons ? loading(f, stride) : null);
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

    private long index(double timeS) {
        return Math.max(0, Math.round((timeS - startTimeS) * sampleRateHz));
    }

    /** Stance loading on the stride's window of the foot's bridged force, low-passed forward and backward. */
    private StrideLoading loading(Foot f, Stride stride) {
        long from = index(stride.startS());
        long to = index(stride.toeOffS()) + 1;
        long oldest = Math.max(0, f.emitted - f.capacity());
        long a = Math.max(oldest, from - (long) Math.round(WINDOW_BEFORE_S * sampleRateHz));
        for (long j = from - 1; j >= a; j--) {
            if (Double.isNaN(f.force(j))) {
                a = j + 1;
                break;
            }
        }
        long b = f.emitted;
        for (long j = to; j < b; j++) {
            if (Double.isNaN(f.force(j))) {
                b = j;
                break;
            }
        }
        int len = (int) (b - a);
        for (int i = 0; i < len; i++) {
            window[i] = f.force(a + i);
        }
        if (len > padLength) {
            ZeroPhase.filtfilt(lowPass, window, 0, window, 0, len, padLength, workspace);
        }
        return StanceLoading.compute(window, (int) (from - a), (int) (to - a), sampleRateHz, startTimeS + a / sampleRateHz,
                bodyWeightN, f.cellForces(a, len));
    }

    /** One foot's pipeline and history. */
    private final class Foot {
        final Side side;
        final int forceIndex;
        final GapBridge bridge;
        final ContactEventDetector detector;
        final ArrayDeque<GaitEvent> events = new ArrayDeque<>();
        final double[] force;
        final long[] missingBefore;
        final int mask;
        final int[] cellIndex;
        final double[] cellX;
        final double[] cellY;
        final float[][] cellHistory;
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
            this.detector = new ContactEventDetector(sampleRateHz, settings.contact(),
                    (type, index) -> events.addLast(new GaitEvent(side, type, startTimeS + index / sampleRateHz, index)));
            this.bridge = new GapBridge(maxGap, this::emit);
            InsoleLayout layout = h.metadata().layout(side);
            int[] indices = null;
            if (newtons && layout != null) {
                indices = new int[layout.cells().size()];
                for (int c = 0; c < indices.length; c++) {
                    ChannelName name = ChannelName.isValid(InsoleChannels.cellChannel(side, layout.cells().get(c).quantity()))
                            ? ChannelName.parse(InsoleChannels.cellChannel(side, layout.cells().get(c).quantity())) : null;
                    indices[c] = name == null ? -1 : h.indexOf(name);
                    if (indices[c] < 0) {
                        indices = null;
                        break;
                    }
                }
            }
            this.cellIndex = indices;
            if (indices != null) {
                List<InsoleCell> cells = layout.cells();
                cellX = new double[cells.size()];
                cellY = new double[cells.size()];
                cellHistory = new float[cells.size()][capacity];
                for (int c = 0; c < cells.size(); c++) {
                    cellX[c] = cells.get(c).x();
                    cellY[c] = cells.get(c).y();
                }
            } else {
                cellX = null;
                cellY = null;
                cellHistory = null;
            }
        }

        int capacity() {
            return force.length;
        }

        void accept(float[] row) {
            if (cellIndex != null) {
                int slot = (int) (received & mask);
                for (int c = 0; c < cellIndex.length; c++) {
                    cellHistory[c][slot] = row[cellIndex[c]];
                }
            }
            received++;
            float x = row[forceIndex];
            if (Float.isNaN(x)) {
                rawMissing++;
            }
            bridge.accept(x);
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

        /** Cell forces over {@code [from, from + len)}, or null without a layout. */
        InsoleCellForces cellForces(long from, int len) {
            if (cellIndex == null) {
                return null;
            }
            float[][] window = new float[cellIndex.length][len];
            for (int c = 0; c < cellIndex.length; c++) {
                for (int i = 0; i < len; i++) {
                    window[c][i] = cellHistory[c][(int) ((from + i) & mask)];
                }
            }
            return new InsoleCellForces(window, cellX, cellY);
        }
    }
}
