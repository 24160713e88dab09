package org.soleus.io.calibration;

import java.util.List;

/**
 * How a guided calibration measures each cell: the loads put on it in turn, kg (0, the
 * reading without load that gives the zero offset, among them), how long each load settles
 * before its reading, how long the reading is averaged, and the largest standard deviation of a
 * steady reading.
 *
 * @param loadsKg     the loads in the order they are asked for, kg; finite, >= 0, with 0 and at
 *                    least one other
 * @param settleS     wait after the user confirms a load before averaging, s; >= 0
 * @param holdS       how long a reading is averaged, s; > 0
 * @param maxSdCounts a reading whose standard deviation is larger is taken again, counts; > 0
 *                    (infinite: none is rejected for its SD)
 */
public record MeasuringPlan(List<Double> loadsKg, double settleS, double holdS, double maxSdCounts) {
    /** A reading missing more than this share of its samples is taken again. */
    public static final double MAX_MISSING_FRACTION = 0.1;

    /** Checks each value against its limits (above), naming the value and its unit when one is outside. */
    public MeasuringPlan {
        loadsKg = List.copyOf(loadsKg);
        for (double load : loadsKg) {
            requireAtLeast("a load", load, 0, "kg");
        }
        if (!loadsKg.contains(0.0) || loadsKg.size() < 2) {
            throw new IllegalArgumentException("the loads must hold 0 kg (the zero offset) and at least one other, got "
                    + loadsKg);
        }
        requireAtLeast("settleS", settleS, 0, "s");
        requireAtLeast("holdS", holdS, Double.MIN_VALUE, "s");
        if (!(maxSdCounts > 0)) {
            throw new IllegalArgumentException("maxSdCounts must be > 0 counts, got " + maxSdCounts);
        }
    }

    /** The samples skipped while a load settles, at {@code sampleRateHz}. */
    public int settleSamples(double sampleRateHz) {
        return (int) Math.round(settleS * sampleRateHz);
    }

    /** The samples a reading averages, at least 2, at {@code sampleRateHz}. */
    public int holdSamples(double sampleRateHz) {
        return (int) Math.max(2, Math.round(holdS * sampleRateHz));
    }

    private static void requireAtLeast(String name, double value, double min, String unit) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number " + (min > 0 ? "> 0" : ">= 0") + " "
                    + unit + ", got " + value);
        }
    }
}
