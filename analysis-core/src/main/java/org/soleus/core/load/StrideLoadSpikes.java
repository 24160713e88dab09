package org.soleus.core.load;

import java.util.Arrays;
import org.soleus.core.recording.Side;

/**
 * Flags a stride whose load stands out from the recent strides of the same foot, by the
 * modified z-score of Iglewicz and Hoaglin ("How to detect and handle outliers", ASQC Quality
 * Press, 1993): {@code z = 0.6745 (x − median) / MAD} against the median and the median absolute
 * deviation of the foot's previous {@code window} values, the MAD taken as at least
 * {@code minMadShareOfMedian} of the median. A score above 3.5 is their outlier threshold. The
 * score is NaN until {@code minHistory} values are known, or when that MAD is still 0.
 *
 * <p>A within-session comparison of a step with the athlete's own recent steps, not a
 * diagnosis. No allocation per call. Not thread-safe.
 */
public final class StrideLoadSpikes {
    /** Iglewicz and Hoaglin's threshold for the modified z-score. */
    public static final double DEFAULT_THRESHOLD = 3.5;
    private static final double CONSISTENCY = 0.6745;

    private final int window;
    private final int minHistory;
    private final double minMadShareOfMedian;
    private final double[][] history = new double[2][];
    private final int[] count = new int[2];
    private final double[] sorted;
    private final double[] deviations;

    /**
     * @param window              previous strides compared with, per foot, ≥ 3
     * @param minHistory          strides needed before scores are given, 3 … window
     * @param minMadShareOfMedian the least MAD, as a share of the median, ≥ 0
     */
    public StrideLoadSpikes(int window, int minHistory, double minMadShareOfMedian) {
        if (window < 3 || minHistory < 3 || minHistory > window) {
            throw new IllegalArgumentException("need 3 <= minHistory <= window, got window " + window + " and minHistory "
                    + minHistory);
        }
        if (!(minMadShareOfMedian >= 0)) {
            throw new IllegalArgumentException("minMadShareOfMedian must be >= 0, got " + minMadShareOfMedian);
        }
        this.window = window;
        this.minHistory = minHistory;
        this.minMadShareOfMedian = minMadShareOfMedian;
        history[0] = new double[window];
        history[1] = new double[window];
        sorted = new double[window];
        deviations = new double[window];
    }

    /**
     * The modified z-score of {@code value} against the foot's recent values, which then takes
     * {@code value} into its history (NaN values are scored NaN and not kept).
     */
    public double score(Side side, double value) {
        int f = switch (side) {
            case LEFT -> 0;
            case RIGHT -> 1;
            case NONE -> throw new IllegalArgumentException("load spikes are per foot: left or right");
        };
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        int n = Math.min(count[f], window);
        double z = Double.NaN;
        if (n >= minHistory) {
            System.arraycopy(history[f], 0, sorted, 0, n);
            double median = median(sorted, n);
            for (int i = 0; i < n; i++) {
                deviations[i] = Math.abs(history[f][i] - median);
            }
            double mad = Math.max(median(deviations, n), minMadShareOfMedian * Math.abs(median));
            z = mad > 0 ? CONSISTENCY * (value - median) / mad : Double.NaN;
        }
        history[f][count[f] % window] = value;
        count[f]++;
        return z;
    }

    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
