package org.soleus.core.exercise;

import java.util.Objects;
import org.soleus.core.recording.Side;

/**
 * One detected calf-raise repetition of one foot.
 *
 * @param side                which foot
 * @param set                 set number, from 0 (a pause longer than {@link CalfRaiseSettings#setGapS()} starts the next)
 * @param index               repetition within the set, from 0
 * @param startS              the heel starts to rise: the last sample before the lift with the centre of
 *                            pressure within the rest band of its flat-foot baseline (see {@link CalfRaiseSettings}), s
 * @param endS                the heel is down again: the first sample after the lift back within the rest band, s
 * @param heelOffS            time with the heel off, s (rise-height proxy)
 * @param copTravelNorm       largest forward travel of the centre of pressure from its flat-foot
 *                            baseline, fraction of insole length (rise-height proxy)
 * @param heelRiseDeg         heel-rise angle: largest tilt of the foot during the lift from its pose at
 *                            {@code startS}, degrees, from a foot-worn IMU; NaN without one
 * @param peakForefootN       peak forefoot load, N: total minus heel-region force, or without a heel
 *                            channel the total force scaled by travel / heel-off travel (at most 1)
 * @param peakForefootBw      the same in body weights; NaN without a body mass
 * @param meanForceN          mean total force during the lift, N
 * @param meanKneeFlexionDeg  mean knee flexion during the lift, degrees; NaN without a knee angle
 * @param kind                straight-knee, standing bent-knee, seated or unknown
 * @param tooFast             the lift took less than {@link CalfRaiseSettings#tooFastS()}
 * @param tooShallow          heel-rise angle below {@link CalfRaiseSettings#minHeelRiseDeg()} or below
 *                            {@link CalfRaiseSettings#shallowFraction()} of the set's median; without an angle, heel-off
 *                            share of the lift or travel below that fraction of the set's median (false until the set
 *                            is judged, see {@link CalfRaiseAnalysis#flagShallow})
 */
public record CalfRaiseRepetition(Side side, int set, int index, double startS, double endS, double heelOffS,
                                  double copTravelNorm, double heelRiseDeg, double peakForefootN, double peakForefootBw,
                                  double meanForceN, double meanKneeFlexionDeg, CalfRaiseKind kind, boolean tooFast,
                                  boolean tooShallow) {
    public CalfRaiseRepetition {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(kind, "kind");
        if (set < 0 || index < 0) {
            throw new IllegalArgumentException("set and index must be >= 0, got " + set + ", " + index);
        }
        if (!(startS < endS) || !Double.isFinite(startS) || !Double.isFinite(endS)) {
            throw new IllegalArgumentException("need finite start < end, got " + startS + ", " + endS);
        }
        if (!(heelOffS >= 0 && heelOffS <= endS - startS + 1e-9)) {
            throw new IllegalArgumentException("heel-off time must be within 0 and the duration, got " + heelOffS);
        }
        if (!Double.isNaN(heelRiseDeg) && !(heelRiseDeg >= 0 && heelRiseDeg <= 180)) {
            throw new IllegalArgumentException("heel-rise angle must be within 0–180° or NaN without a foot IMU, got "
                    + heelRiseDeg);
        }
    }

    /** Time per repetition (heel starts to rise to heel down), s: the tempo. */
    public double durationS() {
        return endS - startS;
    }

    /** Heel-off time as a share of the lift duration, 0–1 (rise-height proxy independent of tempo). */
    public double heelOffShare() {
        return heelOffS / durationS();
    }

    /** A copy with the shallow flag set. */
    public CalfRaiseRepetition withTooShallow(boolean shallow) {
        return new CalfRaiseRepetition(side, set, index, startS, endS, heelOffS, copTravelNorm, heelRiseDeg, peakForefootN,
                peakForefootBw, meanForceN, meanKneeFlexionDeg, kind, tooFast, shallow);
    }
}
