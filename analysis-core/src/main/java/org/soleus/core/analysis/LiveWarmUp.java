package org.soleus.core.analysis;

import java.util.List;
import java.util.Map;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.StrideLimits;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * Runs the live gait analysis once, with nobody listening, over a synthetic walk laid out like
 * the real stream (same channels, rate and metadata), before the real samples are analysed.
 * The JIT then compiles the per-sample and per-stride code during the warm-up instead of during
 * the first strides of the session, whose events would otherwise come late: the first minute
 * of a stream is otherwise analysed partly in the interpreter.
 *
 * <p>The walk: 1.1-s strides, the right foot half a stride after the left, stance 62 % of the
 * stride (where the settings' stride limits reject that, strides and stance in the middle of
 * their ranges instead, so that the warm-up completes strides as the session will) with a two-humped vertical force of about 1.1 body weights (70 kg when the stream has
 * no mass; 1000 units for a force not in newtons), the centre of pressure moving from heel to
 * toe through each stance, insole cells loaded around it, every other channel 0. Not
 * thread-safe; a few hundred milliseconds per minute of 1 kHz stream.
 */
public final class LiveWarmUp {
    /** Synthetic walking that compiles the analysis' code paths, s. */
    public static final double DEFAULT_SECONDS = 60;
    private static final double WALKING_STRIDE_S = 1.1;
    private static final double WALKING_STANCE_PCT = 62;
    /** How far inside a stride limit the walk keeps, as a fraction of the limit. */
    private static final double MARGIN = 0.05;
    private static final double DEFAULT_MASS_KG = 70;

    private LiveWarmUp() {
    }

    /**
     * Analyses {@code seconds} of synthetic walking laid out as {@code header}.
     *
     * @return strides the warm-up analysis completed
     * @throws IllegalArgumentException when the header has no insole force channel
     */
    public static int run(RecordingHeader header, GaitSettings settings, LegLoadSettings legSettings, double seconds) {
        StrideLimits limits = settings.strideLimits();
        Walk walk = new Walk(within(WALKING_STRIDE_S, limits.minStrideS(), limits.maxStrideS()),
                within(WALKING_STANCE_PCT, limits.minStancePct(), limits.maxStancePct()) / 100);
        Map<Side, ChannelName> forces = InsoleChannels.forceChannels(header.channels(), header.source());
        double massKg = header.metadata().hasBodyMass() ? header.metadata().bodyMassKg() : DEFAULT_MASS_KG;
        RecordingHeader walkHeader = new RecordingHeader(header.source(), header.sampleRateHz(), 0, header.channels(),
                header.metadata().withBodyMassKg(massKg));
        int[] strides = new int[1];
        StreamingGaitAnalyzer analyzer = new StreamingGaitAnalyzer(settings, legSettings, new LiveGaitListener() {
            @Override
            public void onStride(StrideResult stride) {
                strides[0]++;
            }

            @Override
            public void onRejected(RejectedStride rejected) {
            }
        }, false);
        analyzer.start(walkHeader);
        List<ChannelName> channels = header.channels();
        float[] row = new float[channels.size()];
        long samples = Math.round(seconds * header.sampleRateHz());
        for (long i = 0; i < samples; i++) {
            double t = i / header.sampleRateHz();
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) value(walk, channels.get(c), t, forces, massKg, header);
            }
            analyzer.accept(row);
        }
        analyzer.end(List.of());
        return strides[0];
    }

    /**
     * {@code walking} when it lies well inside {@code [min, max]} (by {@value #MARGIN} of each
     * limit), else the middle of the range.
     */
    private static double within(double walking, double min, double max) {
        return walking >= min * (1 + MARGIN) && walking <= max * (1 - MARGIN) ? walking : (min + max) / 2;
    }

    /** The synthetic walk's stride time, s, and stance share of the stride. */
    private record Walk(double strideS, double stanceFraction) {
    }

    /** The synthetic value of one channel at time {@code t}. */
    private static double value(Walk walk, ChannelName name, double t, Map<Side, ChannelName> forces, double massKg,
                                RecordingHeader header) {
        if (name.side() == Side.NONE || !name.place().equals("insole")) {
            return 0;
        }
        double strideS = walk.strideS();
        double phase = ((t + (name.side() == Side.RIGHT ? strideS / 2 : 0)) % strideS) / (strideS * walk.stanceFraction());
        if (phase >= 1) {
            return 0;
        }
        boolean newtons = forces.get(name.side()) != null && forces.get(name.side()).unit().equals("n");
        double force = (newtons ? massKg * Gravity.STANDARD_MPS2 : 1000)
                * (Math.sin(Math.PI * phase) + 0.25 * Math.sin(3 * Math.PI * phase));
        if (name.equals(forces.get(name.side()))) {
            return force;
        }
        if (name.equals(PlantarFlexionLoading.copChannel(name.side()))) {
            return -0.35 + 0.7 * phase;
        }
        InsoleLayout layout = header.metadata().layout(name.side());
        InsoleCell cell = layout == null || !name.unit().equals("n") ? null : layout.cell(name.quantity());
        if (cell == null || name.equals(FootPressureChannels.heelForce(name.side()))) {
            return 0;
        }
        double span = Math.max(1e-9, layout.maxY() - layout.minY());
        double centre = layout.minY() + phase * span;
        double weight = Math.exp(-Math.pow((cell.y() - centre) / (0.25 * span), 2));
        return force * weight / layout.cells().size();
    }
}
