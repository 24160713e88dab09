package org.soleus.core.joint;

/**
 * Settings of knee flexion from thigh and shank IMUs.
 *
 * @param sampleRateHz     sampling rate of both IMUs, Hz
 * @param calibrationS     length of the standing calibration period at the start of the
 *                         recording, s: the person stands still with the knee straight; this
 *                         period gives each gyroscope's bias, each sensor's tilt, and the pose that
 *                         defines 0° flexion. Default {@value #DEFAULT_CALIBRATION_S} s.
 * @param proportionalGain accelerometer feedback {@code k_P} of both orientation filters, 1/s.
 *                         Default {@value #DEFAULT_PROPORTIONAL_GAIN}: tilt drift is corrected
 *                         within about a second while a segment is still or turns slowly.
 * @param integralGain     gyroscope-bias learning {@code k_I} of both filters, 1/s²; default 0,
 *                         since the calibration period already removes a constant bias
 * @param feedbackHalfRateDps angular rate at which the filters' accelerometer feedback is halved,
 *                         deg/s (see {@link org.soleus.core.orientation.MahonyFilter}). Default
 *                         {@value #DEFAULT_FEEDBACK_HALF_RATE_DPS}: a shank swinging at 300 deg/s
 *                         accelerates at up to several g and its accelerometer is then trusted
 *                         about a hundredth as much as at rest, while in knee bends at calf-raise
 *                         tempo (segments turning at up to 20–40 deg/s) a third to two thirds of
 *                         it remains.
 *                         On synthetic walking with the feedback not weakened, the segments'
 *                         accelerations tilt the estimates enough for a 10° RMSE in flexion.
 */
public record KneeFlexionSettings(double sampleRateHz, double calibrationS, double proportionalGain,
                                  double integralGain, double feedbackHalfRateDps) {
    /** Default standing calibration period, s. */
    public static final double DEFAULT_CALIBRATION_S = 2.0;
    /** Default accelerometer feedback gain, 1/s. */
    public static final double DEFAULT_PROPORTIONAL_GAIN = 1.0;
    /** Default angular rate at which the accelerometer feedback is halved, deg/s. */
    public static final double DEFAULT_FEEDBACK_HALF_RATE_DPS = 30.0;

    public KneeFlexionSettings {
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be > 0 Hz, got " + sampleRateHz);
        }
        if (!(calibrationS * sampleRateHz >= 1) || Double.isInfinite(calibrationS)) {
            throw new IllegalArgumentException("calibration period must hold at least one sample (" + 1 / sampleRateHz
                    + " s at " + sampleRateHz + " Hz), got " + calibrationS + " s");
        }
        if (!(proportionalGain >= 0) || Double.isInfinite(proportionalGain)) {
            throw new IllegalArgumentException("proportional gain must be finite and >= 0 (1/s), got "
                    + proportionalGain);
        }
        if (!(integralGain >= 0) || Double.isInfinite(integralGain)) {
            throw new IllegalArgumentException("integral gain must be finite and >= 0 (1/s²), got " + integralGain);
        }
        if (!(feedbackHalfRateDps > 0)) {
            throw new IllegalArgumentException("feedback half rate must be > 0 deg/s (infinity for none), got "
                    + feedbackHalfRateDps);
        }
    }

    /**
     * The defaults for a sampling rate: 2 s standing calibration, {@code k_P} 1/s halved at
     * 30 deg/s, no bias learning.
     */
    public static KneeFlexionSettings defaults(double sampleRateHz) {
        return new KneeFlexionSettings(sampleRateHz, DEFAULT_CALIBRATION_S, DEFAULT_PROPORTIONAL_GAIN, 0.0,
                DEFAULT_FEEDBACK_HALF_RATE_DPS);
    }

    /** A copy with another calibration period, s. */
    public KneeFlexionSettings withCalibrationS(double seconds) {
        return new KneeFlexionSettings(sampleRateHz, seconds, proportionalGain, integralGain, feedbackHalfRateDps);
    }

    /** A copy with other accelerometer feedback: {@code k_P} (1/s) halved at {@code halfRateDps}. */
    public KneeFlexionSettings withFeedback(double gain, double halfRateDps) {
        return new KneeFlexionSettings(sampleRateHz, calibrationS, gain, integralGain, halfRateDps);
    }

    /** Samples in the calibration period (at least 1). */
    public int calibrationSamples() {
        return (int) Math.max(1, Math.round(calibrationS * sampleRateHz));
    }
}
