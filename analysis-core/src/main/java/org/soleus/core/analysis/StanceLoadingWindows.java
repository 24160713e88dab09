package org.soleus.core.analysis;

import org.soleus.core.filter.Butterworth;
import org.soleus.core.filter.Median3;
import org.soleus.core.filter.SecondOrderSections;
import org.soleus.core.filter.ZeroPhase;
import org.soleus.core.load.ForceRange;
import org.soleus.core.load.PressureTrack;
import org.soleus.core.load.PressureWindows;
import org.soleus.core.load.StanceLoading;
import org.soleus.core.load.StrideLoading;

/**
 * Loading of each stance on the zero-phase low-passed force, after samples more than half the
 * window's range off their 3-sample median are replaced by it ({@link Median3#replaceOutliers}:
 * a single sample far off its neighbours, a transmission error, would otherwise pass the
 * low-pass as a peak and a slope; the contact detector follows the same median; a real peak,
 * however sharp at a low sample rate, stays), and the heel force and centre of pressure
 * alike ({@link PressureWindows}: one insole cell's error would otherwise move the heel share
 * and the centre-of-pressure path), filtering only a window around the
 * stance (the stance plus {@value #CONTEXT_S} s of context on each side, or the filter's pad
 * length where that is longer, as at low sample rates; within the run of finite samples)
 * instead of the whole recording: a day-long recording then needs no second
 * full-length array. With that context the filter's edge transients (a few samples for the
 * default 20 Hz cutoff) have died out before the stance begins. A force no foot carries
 * ({@link ForceRange}: one on another scale, which {@link org.soleus.core.load.ForceScreen} keeps
 * for the events) ends the context as a missing sample does, and a stance that holds any has no
 * loading figures ({@link StrideLoading#NOT_MEASURED}). Buffers are reused; not thread-safe.
 */
final class StanceLoadingWindows {
    /** How far off its 3-sample median, as a share of the window's range, a sample is a transmission error. */
    static final double OUTLIER_SHARE_OF_RANGE = 0.5;
    /** Context filtered on each side of a stance, s (at least: the filter's pad length where longer). */
    static final double CONTEXT_S = 0.25;

    private final SecondOrderSections lowPass;
    private final int contextSamples;
    private final double sampleRateHz;
    private final double startTimeS;
    private final double bodyWeightN;
    private final double maxForceN;
    private final ZeroPhase.Workspace workspace = new ZeroPhase.Workspace();
    private double[] window = new double[0];
    private double[] despiked = new double[0];
    private final PressureWindows pressureWindows;

    StanceLoadingWindows(GaitSettings settings, double sampleRateHz, double startTimeS, double bodyWeightN) {
        this.lowPass = Butterworth.lowPass(settings.lowPassOrder(), settings.lowPassCutoffUsedHz(sampleRateHz),
                sampleRateHz);
        this.contextSamples = Math.max(ZeroPhase.defaultPadLength(lowPass), (int) Math.round(CONTEXT_S * sampleRateHz));
        this.sampleRateHz = sampleRateHz;
        this.startTimeS = startTimeS;
        this.bodyWeightN = bodyWeightN;
        this.maxForceN = ForceRange.maxForceN(bodyWeightN);
        this.pressureWindows = new PressureWindows(maxForceN);
    }

    /** Whether a sample may be context of a stance: neither missing nor beyond the range. */
    private boolean usable(double forceN) {
        return !Double.isNaN(forceN) && !ForceRange.beyond(forceN, maxForceN);
    }

    private boolean anyBeyond(double[] forceN, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ForceRange.beyond(forceN[i], maxForceN)) {
                return true;
            }
        }
        return false;
    }

    /** Samples of context on each side of a stance. */
    int contextSamples() {
        return contextSamples;
    }

    /**
     * @param forceN   the foot's force over the whole recording (gaps bridged, longer gaps NaN)
     * @param from     heel-strike sample
     * @param to       one past the toe-off sample
     * @param pressure heel force and CoP, or null
     */
    StrideLoading compute(double[] forceN, int from, int to, PressureTrack pressure) {
        return compute(forceN, forceN.length, from, to, pressure, startTimeS);
    }

    /**
     * As {@link #compute(double[], int, int, PressureTrack)} on a part of the recording: a live
     * stream's recent samples in {@code forceN[0 .. length)}, {@code forceN[0]} taken at
     * {@code forceStartTimeS}, and the pressure track indexed like {@code forceN}.
     */
    StrideLoading compute(double[] forceN, int length, int from, int to, PressureTrack pressure, double forceStartTimeS) {
        int windowFrom = from;
        while (windowFrom > 0 && from - windowFrom < contextSamples && usable(forceN[windowFrom - 1])) {
            windowFrom--;
        }
        int windowTo = to;
        while (windowTo < length && windowTo - to < contextSamples && usable(forceN[windowTo])) {
            windowTo++;
        }
        int len = windowTo - windowFrom;
        if (window.length < len) {
            window = new double[Math.max(len, 2 * window.length)];
            despiked = new double[window.length];
        }
        if (anyBeyond(forceN, from, to)) {
            return StrideLoading.NOT_MEASURED;
        }
        Median3.replaceOutliers(forceN, windowFrom, despiked, 0, len, OUTLIER_SHARE_OF_RANGE);
        int pad = Math.min(ZeroPhase.defaultPadLength(lowPass), len - 1);
        ZeroPhase.filtfilt(lowPass, despiked, 0, window, 0, len, pad, workspace);
        return StanceLoading.compute(window, from - windowFrom, to - windowFrom, sampleRateHz,
                forceStartTimeS + windowFrom / sampleRateHz, bodyWeightN,
                pressure == null ? null : pressureWindows.of(pressure, windowFrom, len, from, to, OUTLIER_SHARE_OF_RANGE), 0);
    }
}
