package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.events.ContactEvents;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.filter.Butterworth;
import org.soleus.core.filter.Gaps;
import org.soleus.core.filter.SecondOrderSections;
import org.soleus.core.filter.ZeroPhase;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.gait.StrideAssembler;
import org.soleus.core.gait.StrideListener;
import org.soleus.core.load.InsoleCellForces;
import org.soleus.core.load.StanceLoading;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/**
 * Gait cycles and vertical loading from insole force: per foot, short gaps bridged, heel
 * strikes and toe offs detected ({@link org.soleus.core.events.ContactEventDetector}), strides
 * assembled and checked ({@link StrideAssembler}), and, where force is in newtons, each
 * stance's loading computed on the zero-phase low-passed force ({@link StanceLoading}).
 *
 * <p>The force channel of a foot is {@code <side>.insole.force_<unit>}; unit {@code n} means
 * newtons, any other unit (e.g. {@code au} for footswitch signals) gives timing only.
 * Stateless and thread-safe.
 */
public final class InsoleGaitAnalyzer {
    /** Standard gravity, m/s², for body weight = mass × g. */
    public static final double STANDARD_GRAVITY = 9.80665;

    private InsoleGaitAnalyzer() {
    }

    /**
     * Analyses one recording.
     *
     * @throws IllegalArgumentException when the recording has no insole force channel, or when
     *                                  force is in newtons and the body mass is unknown
     */
    public static GaitAnalysis analyze(Recording recording, GaitSettings settings) {
        Map<Side, Channel> forces = forceChannels(recording);
        boolean newtons = forces.values().stream().allMatch(c -> c.name().unit().equals("n"));
        double bodyWeightN = recording.metadata().bodyMassKg() * STANDARD_GRAVITY;
        if (newtons && !recording.metadata().hasBodyMass()) {
            throw new IllegalArgumentException("body mass of the subject in " + recording.source()
                    + " is unknown: loading in body weights needs it; give it with --mass KG");
        }
        double fs = recording.sampleRateHz();
        int maxGap = (int) Math.round(settings.maxGapInterpolatedS() * fs);
        Map<String, Integer> missing = new LinkedHashMap<>();
        Map<Side, double[]> signals = new EnumMap<>(Side.class);
        Map<Side, int[]> missingPrefix = new EnumMap<>(Side.class);
        List<GaitEvent> events = new ArrayList<>();
        for (Map.Entry<Side, Channel> e : forces.entrySet()) {
            Channel channel = e.getValue();
            missing.put(channel.name().toString(), channel.missingCount());
            double[] x = channel.toDoubleArray();
            Gaps.interpolateLinear(x, maxGap);
            signals.put(e.getKey(), x);
            missingPrefix.put(e.getKey(), missingPrefix(x));
            events.addAll(ContactEvents.detect(x, fs, recording.startTimeS(), e.getKey(), settings.contact()));
        }
        events.sort(Comparator.comparingDouble(GaitEvent::timeS));

        List<Stride> strides = new ArrayList<>();
        List<RejectedStride> rejected = new ArrayList<>();
        StrideAssembler assembler = new StrideAssembler(settings.strideLimits(), new StrideListener() {
            @Override
            public void onStride(Stride stride) {
                int[] prefix = missingPrefix.get(stride.side());
                int from = index(stride.startS(), recording);
                int to = Math.min(index(stride.endS(), recording) + 1, prefix.length - 1);
                if (prefix[to] - prefix[from] > 0) {
                    rejected.add(new RejectedStride(stride.side(), stride.startS(), stride.endS(),
                            RejectedStride.Reason.MISSING_DATA));
                } else {
                    strides.add(stride);
                }
            }

            @Override
            public void onRejected(RejectedStride r) {
                rejected.add(r);
            }
        });
        events.forEach(assembler::accept);

        List<StrideResult> results = new ArrayList<>(strides.size());
        Map<Side, double[]> filtered = new EnumMap<>(Side.class);
        if (newtons) {
            SecondOrderSections lowPass = Butterworth.lowPass(settings.lowPassOrder(),
                    Math.min(settings.lowPassCutoffHz(), 0.45 * fs), fs);
            signals.forEach((side, x) -> filtered.put(side, filterFiniteRuns(lowPass, x)));
        }
        Map<Side, InsoleCellForces> cells = new EnumMap<>(Side.class);
        for (Side side : forces.keySet()) {
            InsoleCellForces c = cellForces(recording, side);
            if (c != null) {
                cells.put(side, c);
            }
        }
        for (Stride s : strides) {
            StrideLoading loading = null;
            if (newtons) {
                int from = index(s.startS(), recording);
                int to = index(s.toeOffS(), recording) + 1;
                loading = StanceLoading.compute(filtered.get(s.side()), from, to, fs, recording.startTimeS(),
                        bodyWeightN, cells.get(s.side()));
            }
            results.add(new StrideResult(s, loading));
        }
        results.sort(Comparator.comparingDouble(r -> r.stride().startS()));
        rejected.sort(Comparator.comparingDouble(RejectedStride::startS));
        return GaitSummaries.build(events, results, rejected, forces.keySet(), recording.durationS(), settings,
                newtons, missing);
    }

    private static Map<Side, Channel> forceChannels(Recording recording) {
        Map<Side, Channel> forces = new EnumMap<>(Side.class);
        InsoleChannels.forceChannels(recording.channelNames(), recording.source())
                .forEach((side, name) -> forces.put(side, recording.find(name).orElseThrow()));
        return forces;
    }

    private static InsoleCellForces cellForces(Recording recording, Side side) {
        InsoleLayout layout = recording.metadata().layout(side);
        if (layout == null) {
            return null;
        }
        List<InsoleCell> cells = layout.cells();
        float[][] forces = new float[cells.size()][];
        double[] x = new double[cells.size()];
        double[] y = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            InsoleCell cell = cells.get(c);
            Channel channel = recording.find(InsoleChannels.cellChannel(side, cell.quantity())).orElse(null);
            if (channel == null) {
                return null;
            }
            forces[c] = channel.samples();
            x[c] = cell.x();
            y[c] = cell.y();
        }
        return new InsoleCellForces(forces, x, y);
    }

    /** Zero-phase filters each run of finite samples on its own; NaN runs stay NaN. */
    private static double[] filterFiniteRuns(SecondOrderSections lowPass, double[] x) {
        double[] out = x.clone();
        int minRun = ZeroPhase.defaultPadLength(lowPass) + 1;
        int i = 0;
        while (i < x.length) {
            if (Double.isNaN(x[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < x.length && !Double.isNaN(x[i])) {
                i++;
            }
            if (i - start >= minRun) {
                ZeroPhase.filtfilt(lowPass, x, start, out, start, i - start);
            }
        }
        return out;
    }

    private static int[] missingPrefix(double[] x) {
        int[] prefix = new int[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + (Double.isNaN(x[i]) ? 1 : 0);
        }
        return prefix;
    }

    private static int index(double timeS, Recording recording) {
        int i = (int) Math.round((timeS - recording.startTimeS()) * recording.sampleRateHz());
        return Math.max(0, Math.min(recording.length() - 1, i));
    }
}
