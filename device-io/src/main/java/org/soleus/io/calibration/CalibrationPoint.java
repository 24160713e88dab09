package org.soleus.io.calibration;

/**
 * One reading of a cell under a known load.
 *
 * @param loadKg     the mass resting on the cell, kg, &ge; 0 (0 = unloaded)
 * @param meanCounts the cell's reading, ADC counts (usually the mean over a hold)
 */
public record CalibrationPoint(double loadKg, double meanCounts) {
    /** Standard gravity, m/s², which turns a load in kg into newtons. */
    public static final double STANDARD_GRAVITY = 9.80665;

    public CalibrationPoint {
        if (!(loadKg >= 0) || Double.isInfinite(loadKg)) {
            throw new IllegalArgumentException("load must be a finite number of kg >= 0, got " + loadKg);
        }
        if (!Double.isFinite(meanCounts)) {
            throw new IllegalArgumentException("reading must be a finite number of counts, got " + meanCounts);
        }
    }

    /** The load's weight, N. */
    public double forceN() {
        return loadKg * STANDARD_GRAVITY;
    }
}
