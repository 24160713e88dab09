package org.soleus.core.analysis;

/**
 * Settings of the insole gait analysis, with documented defaults ({@link #defaults()}).
 *
 * @param lowPassCutoffHz     cutoff of the zero-phase Butterworth low-pass applied to force
 *                            before detection, Hz
 * @param lowPassOrder        order of that filter (even; applied forward and backward)
 * @param minStrideS          shortest valid stride, s
 * @param maxStrideS          longest valid stride, s
 * @param maxGapInterpolatedS longest run of missing samples bridged by linear interpolation, s;
 *                            longer gaps split the signal and strides across them are rejected
 */
public record GaitSettings(double lowPassCutoffHz, int lowPassOrder, double minStrideS, double maxStrideS,
                           double maxGapInterpolatedS) {

    public GaitSettings {
        if (!(lowPassCutoffHz > 0)) {
            throw new IllegalArgumentException("low-pass cutoff must be > 0 Hz, got " + lowPassCutoffHz);
        }
        if (lowPassOrder < 1 || lowPassOrder > 8) {
            throw new IllegalArgumentException("low-pass order must be 1..8, got " + lowPassOrder);
        }
        if (!(minStrideS > 0 && maxStrideS > minStrideS)) {
            throw new IllegalArgumentException("stride limits must satisfy 0 < min < max, got "
                    + minStrideS + " and " + maxStrideS);
        }
        if (!(maxGapInterpolatedS >= 0)) {
            throw new IllegalArgumentException("max interpolated gap must be >= 0 s, got " + maxGapInterpolatedS);
        }
    }

    /**
     * Defaults: 4th-order 20 Hz low-pass (zero-phase), strides of 0.6–3.0 s (the range
     * gaitmap uses after Rampp et al. 2015), gaps up to 0.05 s interpolated.
     */
    public static GaitSettings defaults() {
        return new GaitSettings(20.0, 4, 0.6, 3.0, 0.05);
    }
}
