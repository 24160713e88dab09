package org.soleus.core.joint;


import org.soleus.core.orientation.MahonyFilter;
import org.soleus.core.recording.SampleRates;
/**
 * Settings of a hinge joint's angle from the IMUs on its two segments ({@link HingeJoint}): knee
 * flexion from thigh and shank IMUs ({@link #defaults}), ankle plantar flexion from shank and foot
 * IMUs ({@link #ankleDefaults}).
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
 * @param axisMotionS      movement the joint axes are estimated from, s: {@link StreamingJointAngle}
 *                         keeps the samples after the calibration period until this much of them
 *                         move (either segment turning faster than
 *                         {@value StreamingJointAngle#MOVING_DPS} deg/s), then finds the axes in
 *                         what it kept. Default {@value #DEFAULT_AXIS_MOTION_S} s: on synthetic
 *                         walking, knee bends and sitting down the RMSE of flexion is within 0.15°
 *                         of that with axes from a whole minute.
 * @param maxAxisWindowS   the longest stretch after the calibration period kept for the axes, s:
 *                         they are estimated when it is full even if less of it moved. It bounds
 *                         the memory and the delay of the first angles. Default
 *                         {@value #DEFAULT_MAX_AXIS_WINDOW_S} s.
 */
public record JointAngleSettings(double sampleRateHz, double calibrationS, double proportionalGain,
                                 double integralGain, double feedbackHalfRateDps, double axisMotionS,
                                 double maxAxisWindowS) {
    /** Default standing calibration period, s. */
    public static final double DEFAULT_CALIBRATION_S = 2.0;
    /** Default accelerometer feedback gain, 1/s. */
    public static final double DEFAULT_PROPORTIONAL_GAIN = 1.0;
    /** Default angular rate at which the accelerometer feedback is halved, deg/s. */
    public static final double DEFAULT_FEEDBACK_HALF_RATE_DPS = 30.0;
    /** Default movement the joint axes are estimated from, s. */
    public static final double DEFAULT_AXIS_MOTION_S = 10.0;
    /**
     * Default angular rate at which the accelerometer feedback is halved for the ankle, deg/s:
     * practically never. On synthetic walking, stair climbing and calf raises with random
     * mountings ({@code AnklePlantarFlexionTest}) plantar flexion has an RMSE of 1.5° with it and
     * 5.8° with the knee's {@value #DEFAULT_FEEDBACK_HALF_RATE_DPS} deg/s: the foot and shank
     * accelerate most while they turn slowly (the foot carried through stance and landing), so
     * weighting the feedback towards slow rotation weights it towards those accelerations.
     */
    public static final double DEFAULT_ANKLE_FEEDBACK_HALF_RATE_DPS = 1000.0;
    /** Default longest stretch after calibration kept for the joint axes, s. */
    public static final double DEFAULT_MAX_AXIS_WINDOW_S = 60.0;
    /** Most samples the calibration period and the axis window may hold together. */
    static final int MAX_WARM_UP_SAMPLES = 1 << 24;

    public JointAngleSettings {
        SampleRates.require(sampleRateHz);
        if (!(calibrationS * sampleRateHz >= 1) || Double.isInfinite(calibrationS)) {
            throw new IllegalArgumentException("calibration period must hold at least one sample (" + 1 / sampleRateHz
                    + " s at " + sampleRateHz + " Hz), got " + calibrationS + " s");
        }
        MahonyFilter.checkGains(proportionalGain, integralGain, feedbackHalfRateDps);
        if (!(axisMotionS * sampleRateHz >= 1) || !(maxAxisWindowS >= axisMotionS) || Double.isInfinite(maxAxisWindowS)) {
            throw new IllegalArgumentException("axis window must hold at least one sample of movement and be finite and"
                    + " no shorter than the movement it waits for, got " + axisMotionS + " s of movement in at most "
                    + maxAxisWindowS + " s");
        }
        if ((calibrationS + maxAxisWindowS) * sampleRateHz > MAX_WARM_UP_SAMPLES) {
            throw new IllegalArgumentException("calibration (" + calibrationS + " s) and axis window (" + maxAxisWindowS
                    + " s) hold more than " + MAX_WARM_UP_SAMPLES + " samples at " + sampleRateHz + " Hz; shorten them");
        }
    }

    /**
     * The knee's defaults for a sampling rate ({@link #ankleDefaults} for the ankle's): 2 s
     * standing calibration, {@code k_P} 1/s halved at 30 deg/s, no bias learning, joint axes
     * from 10 s of movement within the first 60 s after calibration.
     */
    public static JointAngleSettings defaults(double sampleRateHz) {
        return new JointAngleSettings(sampleRateHz, DEFAULT_CALIBRATION_S, DEFAULT_PROPORTIONAL_GAIN, 0.0,
                DEFAULT_FEEDBACK_HALF_RATE_DPS, DEFAULT_AXIS_MOTION_S, DEFAULT_MAX_AXIS_WINDOW_S);
    }

    /**
     * The defaults for ankle plantar flexion at a sampling rate: those of {@link #defaults} with
     * the accelerometer feedback halved only at {@value #DEFAULT_ANKLE_FEEDBACK_HALF_RATE_DPS} deg/s.
     */
    public static JointAngleSettings ankleDefaults(double sampleRateHz) {
        return defaults(sampleRateHz).withFeedback(DEFAULT_PROPORTIONAL_GAIN, DEFAULT_ANKLE_FEEDBACK_HALF_RATE_DPS);
    }

    /** A copy with another calibration period, s. */
    public JointAngleSettings withCalibrationS(double seconds) {
        return new JointAngleSettings(sampleRateHz, seconds, proportionalGain, integralGain, feedbackHalfRateDps,
                axisMotionS, maxAxisWindowS);
    }

    /** A copy with other accelerometer feedback: {@code k_P} (1/s) halved at {@code halfRateDps}. */
    public JointAngleSettings withFeedback(double gain, double halfRateDps) {
        return new JointAngleSettings(sampleRateHz, calibrationS, gain, integralGain, halfRateDps, axisMotionS,
                maxAxisWindowS);
    }

    /** A copy whose joint axes come from {@code motionS} of movement within {@code maxWindowS} after calibration. */
    public JointAngleSettings withAxisWindow(double motionS, double maxWindowS) {
        return new JointAngleSettings(sampleRateHz, calibrationS, proportionalGain, integralGain, feedbackHalfRateDps,
                motionS, maxWindowS);
    }

    /** Samples in the calibration period (at least 1). */
    public int calibrationSamples() {
        return (int) Math.max(1, Math.round(calibrationS * sampleRateHz));
    }

    /** Moving samples the joint axes wait for (at least 1). */
    public int axisMotionSamples() {
        return (int) Math.max(1, Math.round(axisMotionS * sampleRateHz));
    }

    /**
     * Samples kept until the joint axes are known at the latest: the calibration period and the
     * longest axis window. Angles are reported at most this many samples late.
     */
    public int maxWarmUpSamples() {
        return calibrationSamples() + (int) Math.max(axisMotionSamples(), Math.round(maxAxisWindowS * sampleRateHz));
    }
}
