package org.soleus.core.ankle;

/**
 * Plantar-flexion figures of one stride (or any window of samples).
 *
 * @param peakMomentNm       largest plantar-flexor moment, N·m; NaN when no sample was valid
 * @param peakMomentNmPerKg  the same per kg body mass, N·m/kg; NaN when the mass is unknown
 * @param peakMomentTimeS    time of the peak moment, s
 * @param peakAchillesN      largest Achilles tendon force, N
 * @param peakAchillesBw     the same in body weights (mass × 9.80665 m/s²); NaN when the mass is unknown
 * @param impulseNms         plantar-flexion impulse: the time integral of the positive moment, N·m·s
 *                           (rectangle rule, each valid sample contributing moment / sample rate)
 * @param timeAboveS         time with the moment at or above the threshold, s; NaN when the mass
 *                           is unknown (the threshold is per kg)
 * @param missingSamples     samples skipped because force or CoP was missing
 */
public record PlantarFlexionLoad(double peakMomentNm, double peakMomentNmPerKg, double peakMomentTimeS,
                                 double peakAchillesN, double peakAchillesBw, double impulseNms, double timeAboveS,
                                 int missingSamples) {
    public PlantarFlexionLoad {
        if (missingSamples < 0) {
            throw new IllegalArgumentException("missing samples must be >= 0, got " + missingSamples);
        }
        if (impulseNms < 0 || timeAboveS < 0) {
            throw new IllegalArgumentException("impulse and time above threshold cannot be negative: "
                    + impulseNms + " N·m·s, " + timeAboveS + " s");
        }
    }
}
