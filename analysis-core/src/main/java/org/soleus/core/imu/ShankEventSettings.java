package org.soleus.core.imu;

/**
 * Settings of the shank gyroscope gait-event detectors ({@link ShankSagittalEventDetector},
 * {@link GyroEventDetector#shank}). Every amplitude but the floor is relative to the signal's own
 * scale (a swing's peak, or the median of recent peaks), and every search window is a fraction of
 * the local stride time, so the same settings hold for any sensor, mounting and unit.
 *
 * @param minSwingPeakDps      floor below which a positive lobe is not a swing at all (a walking
 *                             shank turns at 150–500 deg/s in mid-swing), deg/s; also the 98th
 *                             percentile rate that the axis search needs to see walking
 * @param swingPeakFraction    a swing's mid-swing peak must reach this fraction of the median of
 *                             the recent candidate peaks
 * @param prominenceFraction   a minimum counts as initial or terminal contact once the rate has
 *                             risen beyond it by this fraction of the swing's peak, and it must
 *                             lie that far below zero
 * @param searchWindowStrides  initial and terminal contact are searched within this fraction of
 *                             the local stride time after and before the mid-swing peak
 * @param minStrideS           shortest peak-to-peak stride time taken into the local estimate, s
 * @param maxStrideS           longest, s; a swing lobe may last at most 0.6 of it
 * @param calibrationWindowS   span of recent samples (gaps not counted) from which the
 *                             sagittal axis and its sign are learned, and which are replayed
 *                             once they are known, s
 */
public record ShankEventSettings(double minSwingPeakDps, double swingPeakFraction, double prominenceFraction,
                                 double searchWindowStrides, double minStrideS, double maxStrideS,
                                 double calibrationWindowS) {

    public ShankEventSettings {
        if (!(minSwingPeakDps > 0) || Double.isInfinite(minSwingPeakDps)) {
            throw new IllegalArgumentException("minimum swing peak must be > 0 deg/s, got " + minSwingPeakDps);
        }
        if (!(swingPeakFraction >= 0 && swingPeakFraction < 1)) {
            throw new IllegalArgumentException("swing peak fraction must be in [0, 1), got " + swingPeakFraction);
        }
        if (!(prominenceFraction > 0 && prominenceFraction < 0.5)) {
            throw new IllegalArgumentException("prominence fraction must be in (0, 0.5), got " + prominenceFraction);
        }
        if (!(searchWindowStrides > 0 && searchWindowStrides <= 0.6)) {
            throw new IllegalArgumentException("search window must be in (0, 0.6] strides, got " + searchWindowStrides);
        }
        if (!(minStrideS > 0 && minStrideS < maxStrideS && maxStrideS <= 5)) {
            throw new IllegalArgumentException("stride limits must satisfy 0 < minStrideS < maxStrideS <= 5 s, got "
                    + minStrideS + " and " + maxStrideS);
        }
        if (!(calibrationWindowS >= 2 && calibrationWindowS <= 120)) {
            throw new IllegalArgumentException("calibration window must be in [2, 120] s, got " + calibrationWindowS);
        }
    }

    /**
     * Defaults: a 50 deg/s floor, swings of at least half the recent median peak, minima
     * prominent by 5 % of their swing's peak, searched within 0.4 of a stride of it, strides of
     * 0.5–3.0 s, a 10 s calibration window.
     */
    public static ShankEventSettings defaults() {
        return new ShankEventSettings(50.0, 0.5, 0.05, 0.4, 0.5, 3.0, 10.0);
    }
}
