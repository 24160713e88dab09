package org.soleus.core.load;

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
 * diagnosis. Each foot's previous values are also kept in order, updated by one insertion and
 * one removal per value, so that the median is read off and the MAD found by merging the
 * deviations below and above it outward from the middle: no sort per stride. No allocation per
 * call. Not thread-safe.
 */
public final class StrideLoadSpikes {
    /** Iglewicz and Hoaglin's threshold for the modified z-score. */
    public static final double DEFAULT_THRESHOLD = 3.5;
    private static final double CONSISTENCY = 0.6745;

    private final int window;
    private final int minHistory;
    private final double minMadShareOfMedian;
    /** Per foot, its last {@code window} values in the order they came (a ring). */
    private final double[][] history = new double[2][];
    /** Per foot, the same values in ascending order. */
    private final double[][] ordered = new double[2][];
    private final int[] count = new int[2];

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
        for (int f = 0; f < 2; f++) {
            history[f] = new double[window];
            ordered[f] = new double[window];
        }
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
        double[] values = ordered[f];
        double z = Double.NaN;
        if (n >= minHistory) {
            double median = median(values, n);
            double mad = Math.max(medianDeviation(values, n, median), minMadShareOfMedian * Math.abs(median));
            z = mad > 0 ? CONSISTENCY * (value - median) / mad : Double.NaN;
        }
        int slot = count[f] % window;
        if (n == window) {
            n = remove(values, n, history[f][slot]);
        }
        insert(values, n, value);
        history[f][slot] = value;
        count[f]++;
        return z;
    }

    /** The median of the ascending {@code values[0 .. n)}. */
    private static double median(double[] values, int n) {
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }

    /**
     * The median of the absolute deviations of the ascending {@code values[0 .. n)} from their
     * {@code median}: the deviations of the values below it grow downwards and those of the
     * values above it upwards, so merging the two runs outward from the middle meets them in
     * ascending order, and the merge stops at the middle rank.
     */
    private static double medianDeviation(double[] values, int n, double median) {
        int below = (n - 1) / 2;
        int above = below + 1;
        double lower = 0;
        double deviation = 0;
        for (int rank = 0; rank <= n / 2; rank++) {
            lower = deviation;
            if (above >= n || (below >= 0 && median - values[below] <= values[above] - median)) {
                deviation = median - values[below--];
            } else {
                deviation = values[above++] - median;
            }
        }
        return n % 2 == 1 ? deviation : 0.5 * (lower + deviation);
    }

    /** Removes one {@code value} from the ascending {@code values[0 .. n)}; returns the new count. */
    private static int remove(double[] values, int n, double value) {
        int i = 0;
        while (values[i] != value) {
            i++;
        }
        System.arraycopy(values, i + 1, values, i, n - i - 1);
        return n - 1;
    }

    /** Inserts {@code value} into the ascending {@code values[0 .. n)}, which has room for it. */
    private static void insert(double[] values, int n, double value) {
        int i = n;
        while (i > 0 && values[i - 1] > value) {
            values[i] = values[i - 1];
            i--;
        }
        values[i] = value;
    }
}
