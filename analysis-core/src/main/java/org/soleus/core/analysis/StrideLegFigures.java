package org.soleus.core.analysis;

import java.util.Arrays;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoad;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.filter.Median3;
import org.soleus.core.soleus.SoleusDominance;
import org.soleus.core.soleus.SoleusLoad;

/**
 * The {@link StrideLegLoad} of one stride from the leg's signals over a span of samples: the
 * whole recording in batch ({@link LegLoadAnalyzer}), a window of recent samples in a live
 * stream ({@link StreamingGaitAnalyzer}), so both compute the same figures the same way. The
 * plantar-flexion and soleus figures are those of the streaming objects, driven over the span
 * ({@link PlantarFlexionLoading#window}, {@link SoleusDominance#window}), after single-sample
 * transmission errors are taken out of the stride's moments ({@link #despiked}).
 */
final class StrideLegFigures {
    private StrideLegFigures() {
    }

    /**
     * @param momentNm       plantar-flexor moment, N·m, or null
     * @param ankleDeg       ankle plantar flexion, degrees, for an angle-dependent Achilles
     *                       moment arm, or null for the neutral arm
     * @param kneeDeg        knee flexion, degrees, or null
     * @param soleus         whether soleus-dominant figures are wanted (moment, knee and mass known)
     * @param from           heel-strike sample (index into the arrays)
     * @param toeOff         toe-off sample
     * @param to             closing heel-strike sample (exclusive)
     * @param sampleRateHz   sample rate, Hz
     * @param startTimeS     time of index 0 of the arrays, s
     * @param massKg         body mass, kg, or NaN
     * @param settings       thresholds
     * @param geometry       the foot geometry (for the soleus moment threshold)
     */
    static StrideLegLoad compute(double[] momentNm, double[] ankleDeg, double[] kneeDeg, boolean soleus, int from,
                                 int toeOff, int to, double sampleRateHz, double startTimeS, double massKg,
                                 LegLoadSettings settings, FootGeometry geometry) {
        int len = to - from;
        double spanStartS = startTimeS + from / sampleRateHz;
        // a stride without a single moment (a force on another scale, a dropout) has no moment figures, not zeros
        double[] moment = momentNm == null || len <= 0 || allMissing(momentNm, from, to) ? null
                : despiked(momentNm, from, len);
        double[] ankle = ankleDeg == null || moment == null ? null : Arrays.copyOfRange(ankleDeg, from, to);
        PlantarFlexionLoad load = moment == null ? null
                : PlantarFlexionLoading.window(moment, ankle, 0, len, sampleRateHz, spanStartS,
                        settings.plantarFlexion(), massKg);
        double kneeAtPeak = Double.NaN;
        double maxStanceKnee = Double.NaN;
        if (kneeDeg != null) {
            if (load != null && !Double.isNaN(load.peakMomentTimeS())) {
                int peak = (int) Math.round((load.peakMomentTimeS() - startTimeS) * sampleRateHz);
                kneeAtPeak = kneeDeg[Math.max(from, Math.min(to - 1, peak))];
            }
            for (int i = from; i < toeOff; i++) {
                if (!Double.isNaN(kneeDeg[i]) && !(kneeDeg[i] <= maxStanceKnee)) {
                    maxStanceKnee = kneeDeg[i];
                }
            }
        }
        SoleusLoad dominant = null;
        if (soleus && load != null) {
            dominant = SoleusDominance.window(moment, Arrays.copyOfRange(kneeDeg, from, to), 0, len, sampleRateHz,
                    settings.soleus(), massKg, geometry.insoleLengthM());
        }
        return new StrideLegLoad(
                load == null ? Double.NaN : load.peakMomentNmPerKg(),
                load == null ? Double.NaN : load.peakMomentTimeS(),
                load == null ? Double.NaN : load.peakAchillesBw(),
                load == null ? Double.NaN : load.impulseNms(),
                load == null ? Double.NaN : load.timeAboveS(),
                kneeAtPeak, maxStanceKnee,
                dominant == null ? Double.NaN : dominant.dominantTimeS(),
                dominant == null ? Double.NaN : dominant.dominantImpulseNms(),
                dominant == null ? Double.NaN : dominant.soleusShare());
    }

    private static boolean allMissing(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stride's moments with a single sample far off its neighbours (an insole force that a
     * transmission error made thousands of newtons for one sample) replaced by their median, as
     * the vertical loading figures replace the force's ({@link StanceLoadingWindows}): a real
     * moment peak, which rises and falls over many samples, stays.
     */
    private static double[] despiked(double[] momentNm, int from, int len) {
        double[] span = new double[len];
        Median3.replaceOutliers(momentNm, from, span, 0, len, StanceLoadingWindows.OUTLIER_SHARE_OF_RANGE);
        return span;
    }
}
