package org.soleus.core.analysis;

import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;

/**
 * The figures of a live stride, from its foot's recent samples, as the batch analysis computes
 * them: the loading (force in newtons) on the same window of low-passed force around the stance
 * ({@link StanceLoadingWindows}: the stance and 0.25 s of context on each side, or the filter's
 * pad length where longer), with the heel force and centre of pressure where the stream carries
 * them, and the leg figures of {@link LiveLegTrack}. A stride's figures can be computed once the
 * context after its toe off and its joint angles have arrived. The force window is allocated
 * once; each stride allocates its figures. Not thread-safe.
 */
final class LiveStrideFigures {
    /** The loading of a stance, or null when force is not in newtons. */
    private final StanceLoadingWindows loadings;
    private final int contextSamples;
    private final double[] forceWindow;
    private final LiveClock clock;
    private final double bodyMassKg;
    private final LiveGaitListener listener;

    /**
     * @param loadings   the loading of a stance, or null when force is not in newtons
     * @param capacity   samples the feet keep
     * @param bodyMassKg the body mass, kg, or NaN
     * @param listener   hears a leg's notice once, as the batch analysis gives it
     */
    LiveStrideFigures(StanceLoadingWindows loadings, int capacity, LiveClock clock, double bodyMassKg,
                      LiveGaitListener listener) {
        this.loadings = loadings;
        this.contextSamples = loadings != null ? loadings.contextSamples() : 0;
        this.forceWindow = loadings != null ? new double[capacity] : null;
        this.clock = clock;
        this.bodyMassKg = bodyMassKg;
        this.listener = listener;
    }

    /** Whether the foot's strides have figures to wait for: a loading or knee figures. */
    boolean waits(LiveFoot f) {
        return loadings != null || f.leg != null && f.leg.tracksKnee();
    }

    /** Whether the context after the stride's toe off and its joint angles have arrived. */
    boolean ready(LiveFoot f, Stride stride) {
        return f.force.contextComplete(clock.index(stride.toeOffS()) + 1, contextSamples)
                && (f.leg == null || f.leg.anglesReported(clock.index(stride.endS())));
    }

    /** The stride with its figures. */
    StrideResult of(LiveFoot f, Stride stride) {
        return new StrideResult(stride, loadings != null ? loading(f, stride) : null, leg(f, stride));
    }

    /** The stance's loading, from the foot's recent samples as the batch analysis computes it. */
    private StrideLoading loading(LiveFoot f, Stride stride) {
        long from = clock.index(stride.startS());
        long to = clock.index(stride.toeOffS()) + 1;
        long emitted = f.force.emitted();
        long a = Math.max(Math.max(0, emitted - f.force.capacity()), from - contextSamples);
        long b = Math.min(emitted, to + contextSamples);
        int len = (int) (b - a);
        f.force.copy(a, len, forceWindow);
        return loadings.compute(forceWindow, len, (int) (from - a), (int) (to - a),
                f.pressure == null ? null : f.pressure.track(a, len), clock.timeS(a));
    }

    /** The stride's leg figures from the foot's recent samples, or null when it tracks none. */
    private StrideLegLoad leg(LiveFoot f, Stride stride) {
        if (f.leg == null) {
            return null;
        }
        long received = f.received();
        long from = Math.max(clock.index(stride.startS()), Math.max(0, received - f.force.capacity()));
        long to = Math.min(clock.index(stride.endS()), received);
        long toeOff = Math.min(Math.max(clock.index(stride.toeOffS()), from), to);
        f.leg.untoldNotice().ifPresent(listener::onNotice);
        return f.leg.figures(from, toeOff, to, clock.startTimeS(), bodyMassKg);
    }
}
