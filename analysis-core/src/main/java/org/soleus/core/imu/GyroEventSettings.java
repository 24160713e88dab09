package org.soleus.core.imu;

/**
 * Settings of the gyroscope gait-event detectors ({@link SagittalEventDetector},
 * {@link GyroEventDetector#foot}). Angular rates are in deg/s on the sagittal axis, signed so
 * that the foot's rotation in mid-swing (toe rising) is positive.
 *
 * @param minSwingPeakDps      a swing's mid-swing peak must exceed this rate, deg/s (Salarian
 *                             et al. 2004: 50 deg/s)
 * @param swingPeakFraction    and this fraction of the median of the last accepted mid-swing
 *                             peaks, so that shuffles in turns and small corrective movements
 *                             between steps are not taken for swings
 * @param hysteresisDps        a swing begins once the rate has risen above {@code +hysteresisDps}
 *                             and ends once it has fallen below {@code -hysteresisDps}; the
 *                             events sit at the zero crossings, so noise around zero neither
 *                             splits nor starts a swing
 * @param minPreSwingDps       the rate must have fallen below {@code -minPreSwingDps} just before
 *                             the swing (the push-off rotation; Salarian et al. 2004: 20 deg/s)
 * @param preSwingSearchS      how far before the swing's rising zero crossing the push-off
 *                             minimum is searched, s
 * @param toeOffLevel          toe off is where the rate, rising from the push-off minimum
 *                             towards zero, has recovered to this fraction of that minimum
 *                             (0 = the zero crossing, 1 = the minimum itself)
 * @param minSwingS            shortest swing accepted, s
 * @param maxSwingS            longest swing accepted, s
 * @param calibrationWindowS   span of recent samples (gaps not counted) from which the
 *                             sagittal axis and its sign are learned, and which are replayed
 *                             once they are known, s
 */
public record GyroEventSettings(double minSwingPeakDps, double swingPeakFraction, double hysteresisDps,
                                double minPreSwingDps, double preSwingSearchS, double toeOffLevel,
                                double minSwingS, double maxSwingS, double calibrationWindowS) {

    public GyroEventSettings {
        if (!(minSwingPeakDps > 0)) {
            throw new IllegalArgumentException("minimum swing peak must be > 0 deg/s, got " + minSwingPeakDps);
        }
        if (!(swingPeakFraction >= 0 && swingPeakFraction < 1)) {
            throw new IllegalArgumentException("swing peak fraction must be in [0, 1), got " + swingPeakFraction);
        }
        if (!(hysteresisDps >= 0 && hysteresisDps < minSwingPeakDps)) {
            throw new IllegalArgumentException("hysteresis must be in [0, minSwingPeakDps) deg/s, got " + hysteresisDps);
        }
        if (!(minPreSwingDps >= 0)) {
            throw new IllegalArgumentException("minimum push-off rate must be >= 0 deg/s, got " + minPreSwingDps);
        }
        if (!(preSwingSearchS > 0 && preSwingSearchS <= 1)) {
            throw new IllegalArgumentException("push-off search window must be in (0, 1] s, got " + preSwingSearchS);
        }
        if (!(toeOffLevel >= 0 && toeOffLevel <= 1)) {
            throw new IllegalArgumentException("toe-off level must be in [0, 1], got " + toeOffLevel);
        }
        if (!(minSwingS > 0 && minSwingS < maxSwingS && maxSwingS <= 5)) {
            throw new IllegalArgumentException("swing limits must satisfy 0 < minSwingS < maxSwingS <= 5 s, got "
                    + minSwingS + " and " + maxSwingS);
        }
        if (!(calibrationWindowS >= 2 && calibrationWindowS <= 120)) {
            throw new IllegalArgumentException("calibration window must be in [2, 120] s, got " + calibrationWindowS);
        }
    }

    /**
     * Defaults: mid-swing peak above 50 deg/s and half the recent median peak, 15 deg/s
     * hysteresis, push-off below −20 deg/s searched over 0.15 s, toe off half way from the
     * push-off minimum to zero, swings of 0.15–1.0 s, a 10 s calibration window.
     *
     * <p>The toe-off level of one half lies between the two published definitions: Salarian et
     * al. 2004 place toe off at the rate minimum before the swing (on shank sensors), Rampp et
     * al. 2015 at the zero crossing that follows it (on foot sensors); on the gaitmap example
     * recording the minimum comes on average 4–8 ms before the motion-capture terminal contact and
     * the zero crossing 16–17 ms after it.
     */
    public static GyroEventSettings defaults() {
        return new GyroEventSettings(50.0, 0.5, 15.0, 20.0, 0.15, 0.5, 0.15, 1.0, 10.0);
    }
}
