package org.soleus.core.synthetic;

/**
 * Sensor imperfections added to the synthetic signals (truth stays clean). Gaussian white noise
 * of the given standard deviations; each gyroscope axis gets a constant bias drawn uniformly from
 * ±{@code gyroBiasDps} plus a random walk of {@code gyroDriftDpsPerSqrtS} per √s; the insole
 * force drifts linearly by {@code forceDriftNPerMin}.
 *
 * @param forceN               force noise, N
 * @param copNorm              centre-of-pressure noise, fraction of insole length (only while loaded)
 * @param gyroDps              gyroscope noise, °/s
 * @param accMps2              accelerometer noise, m/s²
 * @param gyroBiasDps          largest constant gyroscope bias, °/s
 * @param gyroDriftDpsPerSqrtS gyroscope bias random walk, °/s per √s
 * @param forceDriftNPerMin    insole force offset drift, N per minute
 */
public record SensorNoise(double forceN, double copNorm, double gyroDps, double accMps2, double gyroBiasDps,
                          double gyroDriftDpsPerSqrtS, double forceDriftNPerMin) {
    /** No noise at all. */
    public static final SensorNoise NONE = new SensorNoise(0, 0, 0, 0, 0, 0, 0);
    /** Consumer-grade sensors: 5 N, 0.01, 1 °/s, 0.1 m/s², bias up to 2 °/s, drift 0.05 °/s/√s, 2 N/min. */
    public static final SensorNoise TYPICAL = new SensorNoise(5, 0.01, 1, 0.1, 2, 0.05, 2);

    public SensorNoise {
        double[] all = {forceN, copNorm, gyroDps, accMps2, gyroBiasDps, gyroDriftDpsPerSqrtS};
        for (double v : all) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("noise levels must be finite and >= 0, got " + v);
            }
        }
        if (!Double.isFinite(forceDriftNPerMin)) {
            throw new IllegalArgumentException("force drift must be finite, got " + forceDriftNPerMin);
        }
    }
}
