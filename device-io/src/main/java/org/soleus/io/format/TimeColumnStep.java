package org.soleus.io.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The step of a time column over the rows {@link RowStreamer} holds back: as the rate is derived
 * from it ({@link #of}), or, for a time column that is not checked, its typical step
 * ({@link #typical}).
 *
 * @param seconds the step, s
 * @param taken   how it was taken, for a message: "the median of the first 255 steps"
 */
record TimeColumnStep(double seconds, String taken) {
    /** How many typical steps a step of a time column that is not checked must span to be a gap ({@link #typical}). */
    private static final double GAP_STEPS = 2.5;
    /** The sample rates of common gait sensors, Hz, which {@link #typical} snaps to. */
    private static final double[] COMMON_RATES_HZ = {10, 20, 25, 30, 40, 50, 60, 64, 100, 120, 128, 200, 204.8, 250, 256,
        300, 400, 500, 512, 1000, 1024, 2000};

    /**
     * The time column's step over the held rows: the median step, or, where times are rounded
     * so coarsely that it misses the period, the mean of the steps within half a step of the
     * median; fails at the first step that is not positive.
     *
     * <p>The median is the step of a typical row: the period the file was written with (0.01 s)
     * whatever its time column's clock drift or last-digit rounding (gaitpdb's times step by
     * 0.0099 s every 143rd row). But times written with few digits step unevenly (300 Hz to the
     * millisecond: 0.003, 0.003, 0.004 s…), and the median is then one of the rounded steps (0.003
     * s, i.e. 333 Hz, 11 % off). The mean of consecutive steps is the time elapsed over them
     * divided by their number, so the rounding of each time cancels but for the first and last:
     * over 255 steps, to about 0.1 % there. The mean is taken over the steps within half a median
     * step of the median, so that a gap among the first rows (at least two periods, 1.5 median
     * steps even where rounding has shortened the median) does not bias it; the window is wider
     * than the ±25 % a single row may deviate, because a rounded step may exceed the median by
     * more than that (0.004 s is 1.33 steps of 0.003 s) while being one period. The mean replaces
     * the median only where the two differ by more than {@link RowStreamer#RATE_WARNING_TOLERANCE}: a smaller
     * difference is drift or rounding not worth a warning, and the median gives the rate the
     * file was written at (gaitpdb's 100 Hz, where the mean says 100.008 Hz).
     *
     * @param file   the file, for the error
     * @param column the time column, 1-based, for the error
     */
    static TimeColumnStep of(Path file, double[] times, long[] lines, int n, int column) throws DataFormatException {
        double[] steps = positiveSteps(file, times, lines, n, column);
        if (steps.length == 1) {
            return new TimeColumnStep(steps[0], "the first step");
        }
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
        double mean = meanNear(steps, median);
        return Math.abs(mean - median) <= RowStreamer.RATE_WARNING_TOLERANCE * median
                ? new TimeColumnStep(median, "the median of the first " + steps.length + " steps")
                : new TimeColumnStep(mean, "the mean of the first " + steps.length + " steps, gaps left out");
    }

    /** The steps between the first {@code n} times; fails at the first step that is not positive. */
    private static double[] positiveSteps(Path file, double[] times, long[] lines, int n, int column)
            throws DataFormatException {
        double[] steps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = times[i] - times[i - 1];
            if (!(steps[i - 1] > 0)) {
                throw new DataFormatException(file, lines[i], column, TimeSteps.notIncreasing(times[i], times[i - 1],
                        lines[i] - lines[i - 1]));
            }
        }
        return steps;
    }

    /** The mean of the steps within half a step of {@code median}. */
    private static double meanNear(double[] steps, double median) {
        double sum = 0;
        int count = 0;
        // half a step, and the error of a difference of two decimal times in binary (60 Hz to
        // 0.01 s steps by 0.01 and 0.02 s: 0.01 s is exactly half a median step, give or take 1e-17 s)
        double window = 0.5 * median * (1 + 1e-9);
        for (double step : steps) {
            if (Math.abs(step - median) <= window) {
                sum += step;
                count++;
            }
        }
        return sum / count;
    }

    /**
     * The typical step of the held times for a time column that is not checked
     * ({@link ReadOptions#timeColumnIgnored}): the least-squares slope of time over row number at
     * the rows where the time changes, pooled over the pieces between gaps, snapped to a common
     * device rate
     * ({@link #COMMON_RATES_HZ}) within {@link RowStreamer#RATE_WARNING_TOLERANCE}. Jitter and bursts of equal
     * times (rows stamped per radio packet, of any length) average out in the slope; a gap is a
     * step more than {@value #GAP_STEPS} times the median of the steps that are not zero (the
     * period, or a burst's), so that it does not count as time between rows. Null when the times
     * do not rise.
     */
    static TimeColumnStep typical(double[] times, int n) {
        double gapS = gapSeconds(times, n);
        if (Double.isNaN(gapS)) {
            return null;
        }
        double stepS = pooledSlope(times, changeRows(times, n), gapS);
        if (!(stepS > 0)) {
            return null;
        }
        for (double rateHz : COMMON_RATES_HZ) {
            if (Math.abs(stepS * rateHz - 1) <= RowStreamer.RATE_WARNING_TOLERANCE) {
                return new TimeColumnStep(1 / rateHz, "the mean step of the first " + n + " rows, gaps left out, within "
                        + RowStreamer.RATE_WARNING_TOLERANCE * 100 + " % of a common rate");
            }
        }
        return new TimeColumnStep(stepS, "the mean step of the first " + n + " rows, gaps left out");
    }

    /**
     * The step beyond which a step of the first {@code n} times is a gap: {@value #GAP_STEPS}
     * times the median of the steps that are not zero; NaN when the times do not rise.
     */
    private static double gapSeconds(double[] times, int n) {
        double[] rising = new double[n - 1];
        int count = 0;
        for (int i = 1; i < n; i++) {
            if (times[i] > times[i - 1]) {
                rising[count++] = times[i] - times[i - 1];
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(rising, count);
        Arrays.sort(sorted);
        return GAP_STEPS * sorted[count / 2];
    }

    /**
     * The rows among the first {@code n} where the time changes: the first of a burst of equal
     * times is stamped when the burst arrives, its last row's sample having been taken then.
     */
    private static int[] changeRows(double[] times, int n) {
        int[] rows = new int[n];
        int changes = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || times[i] != times[i - 1]) {
                rows[changes++] = i;
            }
        }
        return Arrays.copyOf(rows, changes);
    }

    /**
     * The least-squares slope of time over row number at {@code rows}, pooled over the pieces
     * that steps longer than {@code gapS} part.
     */
    private static double pooledSlope(double[] times, int[] rows, double gapS) {
        double covariance = 0;
        double variance = 0;
        int from = 0;
        for (int c = 1; c <= rows.length; c++) {
            if (c == rows.length || times[rows[c]] - times[rows[c - 1]] > gapS) {
                double meanRow = 0;
                double meanTime = 0;
                for (int k = from; k < c; k++) {
                    meanRow += (double) rows[k] / (c - from);
                    meanTime += times[rows[k]] / (c - from);
                }
                for (int k = from; k < c; k++) {
                    covariance += (rows[k] - meanRow) * (times[rows[k]] - meanTime);
                    variance += (rows[k] - meanRow) * (rows[k] - meanRow);
                }
                from = c;
            }
        }
        return covariance / variance;
    }

    /** The rate of this step for a message or a suggested {@code --rate}: snapped, to 6 digits. */
    String rateText() {
        return Double.toString(new BigDecimal(snappedRateHz(seconds)).round(new MathContext(6)).doubleValue());
    }

    /** {@code 1 / stepS}, snapped to 0.001 Hz when within 1 ppm. */
    static double snappedRateHz(double stepS) {
        double rate = 1 / stepS;
        double snapped = Math.rint(rate * 1000) / 1000;
        return snapped > 0 && Math.abs(snapped - rate) <= 1e-6 * rate ? snapped : rate;
    }
}
