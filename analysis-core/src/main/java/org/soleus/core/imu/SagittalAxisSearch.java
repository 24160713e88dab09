package org.soleus.core.imu;

/**
 * A search for the sagittal axis, its sign and the gyroscope's bias in a span of 3-axis
 * gyroscope data ({@link SagittalAxisFinder} for the foot, {@link ShankAxisFinder} for the
 * shank), as {@link SagittalProjector} uses it.
 */
interface SagittalAxisSearch {

    /** Looks for the axis and sign in {@code len} finite samples from {@code off}; whether both were found. */
    boolean find(double[] gx, double[] gy, double[] gz, int off, int len);

    /** X component of the unit axis, oriented so that mid-swing rotation is positive. */
    double axisX();

    /** Y component of the axis. */
    double axisY();

    /** Z component of the axis. */
    double axisZ();

    /** X component of the bias found, deg/s. */
    double biasX();

    /** Y component of the bias, deg/s. */
    double biasY();

    /** Z component of the bias, deg/s. */
    double biasZ();
}
