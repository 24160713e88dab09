package org.soleus.core.imu;

/**
 * The angular rates a gyroscope on a body segment can report: within ±{@value #MAX_DPS} deg/s,
 * twice the widest full scale of the MEMS gyroscopes in wearables (±2000 deg/s in the
 * MPU6050, BMI160 and LSM6DSL data sheets) and far above what a segment reaches (walking peaks
 * at 150–800 deg/s, {@link ImuUnits}). A sample beyond it is no measurement (a transmission
 * error, a garbled value) and, integrated into an orientation, would turn it by tens of
 * degrees for good: each such sample is taken as the last one within the range (the rotation
 * of one sample period at the rate before it), NaN where there is none since a missing sample.
 * One axis, sample by sample; {@link #holdOutOfRange} drives it over an array, so that files
 * and live streams treat such samples alike. No allocation. Not thread-safe.
 */
public final class GyroRange {
    /** The largest magnitude of a plausible angular rate, deg/s. */
    public static final double MAX_DPS = 4000;

    private double lastDps = Double.NaN;

    /** Whether {@code dps} is a rate beyond the range (an infinite value is; NaN, a missing sample, is not). */
    public static boolean beyond(double dps) {
        return Math.abs(dps) > MAX_DPS;
    }

    /** The next sample, deg/s: itself, or the last sample within the range when it lies beyond. */
    public double accept(double dps) {
        if (beyond(dps)) {
            return lastDps;
        }
        lastDps = dps;
        return dps;
    }

    /**
     * Replaces, in place, each sample of {@code dps} beyond the range by the last one within it
     * ({@link #accept}).
     *
     * @return the samples replaced
     */
    public static int holdOutOfRange(double[] dps) {
        GyroRange range = new GyroRange();
        int replaced = 0;
        for (int i = 0; i < dps.length; i++) {
            if (beyond(dps[i])) {
                replaced++;
            }
            dps[i] = range.accept(dps[i]);
        }
        return replaced;
    }
}
