package org.soleus.core.monitor;

import java.util.Arrays;
import java.util.List;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Side;

/**
 * Batch load-spike flags ({@link LoadSpikeRule}) over a recording's strides: the same verdicts
 * as {@link LoadSpikeStream} fed the strides one by one, computed window by window over arrays.
 * Stateless and thread-safe.
 */
public final class LoadSpikes {
    private static final double CONSISTENCY = 0.6745;

    private LoadSpikes() {
    }

    /**
     * Whether each stride of an analysis ({@code GaitAnalysis.strides()}, in time order) is a load
     * spike under {@link LoadSpikeRule#DEFAULT}; a stride without loading figures is not.
     */
    public static boolean[] flags(List<StrideResult> strides) {
        return flags(strides, LoadSpikeRule.DEFAULT);
    }

    /** {@link #flags(List)} under {@code rule}. */
    public static boolean[] flags(List<StrideResult> strides, LoadSpikeRule rule) {
        int n = strides.size();
        Side[] sides = new Side[n];
        double[] peakForceBw = new double[n];
        double[] loadingRateBwPerS = new double[n];
        for (int i = 0; i < n; i++) {
            StrideResult r = strides.get(i);
            StrideLoading l = r.loading();
            sides[i] = r.stride().side();
            peakForceBw[i] = l == null ? Double.NaN : l.peakForceBw();
            loadingRateBwPerS[i] = l == null ? Double.NaN : l.loadingRateBwPerS();
        }
        return flags(sides, peakForceBw, loadingRateBwPerS, rule);
    }

    /**
     * Whether each stride is a load spike: its peak force or loading rate scores above
     * {@code rule.thresholdZ()} ({@link #scores}).
     *
     * @param sides             each stride's foot, left or right; each foot's strides in time order
     * @param peakForceBw       each stride's peak vertical force, body weights (NaN: unknown)
     * @param loadingRateBwPerS each stride's loading rate, body weights per second (NaN: unknown)
     * @return a new array, one flag per stride
     */
    public static boolean[] flags(Side[] sides, double[] peakForceBw, double[] loadingRateBwPerS, LoadSpikeRule rule) {
        if (peakForceBw.length != sides.length || loadingRateBwPerS.length != sides.length) {
            throw new IllegalArgumentException("one side, peak force and loading rate per stride, got " + sides.length
                    + ", " + peakForceBw.length + " and " + loadingRateBwPerS.length);
        }
        double[] peakZ = scores(sides, peakForceBw, rule);
        double[] rateZ = scores(sides, loadingRateBwPerS, rule);
        boolean[] out = new boolean[sides.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rule.isSpike(peakZ[i], rateZ[i]);
        }
        return out;
    }

    /**
     * The modified z-score of each stride's {@code value} against the median and MAD of the
     * previous {@code rule.windowStrides()} known (non-NaN) values of the same foot, the MAD taken
     * as at least {@code rule.minMadShareOfMedian()} of the median; NaN for a value that is NaN,
     * with fewer than {@code rule.minHistoryStrides()} such values before it, or where that MAD
     * is still 0 (a median of 0).
     *
     * @param sides each value's foot, left or right
     * @return a new array, one score per value
     */
    public static double[] scores(Side[] sides, double[] values, LoadSpikeRule rule) {
        if (values.length != sides.length) {
            throw new IllegalArgumentException("one side per value, got " + sides.length + " and " + values.length);
        }
        double[] out = new double[values.length];
        Arrays.fill(out, Double.NaN);
        double[] window = new double[rule.windowStrides()];
        for (Side foot : new Side[] {Side.LEFT, Side.RIGHT}) {
            // the foot's known values in time order, and where each came from
            double[] known = new double[values.length];
            int count = 0;
            for (int i = 0; i < values.length; i++) {
                if (sides[i] == Side.NONE) {
                    throw new IllegalArgumentException("load spikes are per foot: stride " + i + " is neither left nor right");
                }
                if (sides[i] != foot || Double.isNaN(values[i])) {
                    continue;
                }
                int from = Math.max(0, count - rule.windowStrides());
                int n = count - from;
                if (n >= rule.minHistoryStrides()) {
                    System.arraycopy(known, from, window, 0, n);
                    double median = median(window, n);
                    for (int k = 0; k < n; k++) {
                        window[k] = Math.abs(known[from + k] - median);
                    }
                    double mad = Math.max(median(window, n), rule.minMadShareOfMedian() * Math.abs(median));
                    out[i] = mad > 0 ? CONSISTENCY * (values[i] - median) / mad : Double.NaN;
                }
                known[count++] = values[i];
            }
        }
        return out;
    }

    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
