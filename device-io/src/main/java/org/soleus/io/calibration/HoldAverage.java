package org.soleus.io.calibration;

/**
 * Mean and standard deviation of a cell's readings while a load is held, by Welford's
 * one-pass update (Welford, Technometrics 4(3):419–420, 1962, doi:10.1080/00401706.1962.10490022),
 * which stays accurate when the readings are large and vary little. Missing readings (NaN) are
 * counted, not averaged.
 *
 * <p>No allocation per reading. Not thread-safe.
 */
public final class HoldAverage {
    private long count;
    private long missing;
    private double mean;
    private double sumSquares;

    /** Forgets every reading. */
    public void reset() {
        count = 0;
        missing = 0;
        mean = 0;
        sumSquares = 0;
    }

    /** Adds one reading, counts; NaN counts as missing. */
    public void accept(double counts) {
        if (Double.isNaN(counts)) {
            missing++;
            return;
        }
        count++;
        double delta = counts - mean;
        mean += delta / count;
        sumSquares += delta * (counts - mean);
    }

    /** Readings averaged (missing ones not included). */
    public long count() {
        return count;
    }

    /** Missing readings seen. */
    public long missing() {
        return missing;
    }

    /** Mean of the readings, counts; NaN when there is none. */
    public double meanCounts() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sample standard deviation (divisor n − 1), counts; NaN with fewer than two readings. */
    public double sdCounts() {
        return count < 2 ? Double.NaN : Math.sqrt(sumSquares / (count - 1));
    }
}
