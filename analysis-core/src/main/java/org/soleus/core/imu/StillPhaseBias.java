package org.soleus.core.imu;

/**
 * The gyroscope bias in use by {@link SagittalProjector}, started from an axis search's bias and
 * then followed through still phases: runs of at least 50 ms in which the rate, less the bias,
 * stays below a still level; each run's mean pulls the bias with a 2 s time constant. A still
 * level of 0 holds the bias fixed (a walking shank never rests). Allocates nothing. Not
 * thread-safe.
 */
final class StillPhaseBias {
    private static final double TIME_CONSTANT_S = 2.0;

    private final int minStillSamples;
    private final double timeConstantSamples;
    private double biasX;
    private double biasY;
    private double biasZ;
    private double stillSquaredDps2;
    private int stillRun;
    private double stillSumX;
    private double stillSumY;
    private double stillSumZ;

    StillPhaseBias(double sampleRateHz) {
        this.minStillSamples = Math.max(1, (int) Math.round(AxisStatistics.MIN_STILL_S * sampleRateHz));
        this.timeConstantSamples = TIME_CONSTANT_S * sampleRateHz;
    }

    /** Starts from the bias {@code (x, y, z)}, deg/s, following it below {@code stillDps} (0: not at all). */
    void restart(double x, double y, double z, double stillDps) {
        biasX = x;
        biasY = y;
        biasZ = z;
        stillSquaredDps2 = stillDps * stillDps;
        stillRun = 0;
    }

    /** Missing data ends a still run without using it. */
    void gap() {
        stillRun = 0;
    }

    /** Takes the next finite sample, deg/s; the bias moves when a long enough still run ends. */
    void follow(double xDps, double yDps, double zDps) {
        double x = xDps - biasX;
        double y = yDps - biasY;
        double z = zDps - biasZ;
        if (x * x + y * y + z * z < stillSquaredDps2) {
            if (stillRun == 0) {
                stillSumX = 0;
                stillSumY = 0;
                stillSumZ = 0;
            }
            stillRun++;
            stillSumX += xDps;
            stillSumY += yDps;
            stillSumZ += zDps;
            return;
        }
        if (stillRun >= minStillSamples) {
            double weight = stillRun / (stillRun + timeConstantSamples);
            biasX += weight * (stillSumX / stillRun - biasX);
            biasY += weight * (stillSumY / stillRun - biasY);
            biasZ += weight * (stillSumZ / stillRun - biasZ);
        }
        stillRun = 0;
    }

    /** X component of the bias, deg/s; 0 before the first restart. */
    double x() {
        return biasX;
    }

    /** Y component, deg/s. */
    double y() {
        return biasY;
    }

    /** Z component, deg/s. */
    double z() {
        return biasZ;
    }
}
