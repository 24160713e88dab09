package org.soleus.io.calibration;

import org.soleus.core.recording.Gravity;

/**
 * One reading of a cell under a known load.
 *
 * @param loadKg     the mass resting on the cell, kg, &ge; 0 (0 = unloaded)
 * @param meanCounts the cell's reading, ADC counts (usually the mean over a hold)
 */
public record CalibrationPoint(double loadKg, double meanCounts) {

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
        return loadKg * Gravity.STANDARD_MPS2;
    }
}
