package org.soleus.core.soleus;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.gait.Stride;

/**
 * Batch soleus-dominant loading: the per-sample flag, and sums over a window, per stride and per
 * session, with the same rules as {@link SoleusDominanceStream}. Stateless and thread-safe.
 */
public final class SoleusDominance {
    private SoleusDominance() {
    }

    /**
     * Whether each sample is soleus-dominant.
     *
     * @param momentNm          plantar-flexor moment, N·m
     * @param kneeFlexionDeg    knee flexion, degrees, same length
     * @param momentThresholdNm moment threshold ({@link SoleusSettings#momentThresholdNm})
     * @param kneeThresholdDeg  knee flexion threshold
     * @return a new array; missing samples are not dominant
     */
    public static boolean[] dominant(double[] momentNm, double[] kneeFlexionDeg, double momentThresholdNm,
                                     double kneeThresholdDeg) {
        requireSameLength(momentNm, kneeFlexionDeg);
        boolean[] out = new boolean[momentNm.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = momentNm[i] > momentThresholdNm && kneeFlexionDeg[i] > kneeThresholdDeg;
        }
        return out;
    }

    /** Sums over the samples {@code [from, to)}. */
    public static SoleusLoad window(double[] momentNm, double[] kneeFlexionDeg, int from, int to, double sampleRateHz,
                                    double momentThresholdNm, double kneeThresholdDeg) {
        requireSameLength(momentNm, kneeFlexionDeg);
        if (from < 0 || to > momentNm.length || from > to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") must lie within " + momentNm.length + " samples");
        }
        long dominantSamples = 0;
        double dominantImpulse = 0;
        double impulse = 0;
        double soleusImpulse = 0;
        long valid = 0;
        long missing = 0;
        for (int i = from; i < to; i++) {
            double m = momentNm[i];
            double k = kneeFlexionDeg[i];
            if (Double.isNaN(m) || Double.isNaN(k)) {
                missing++;
                continue;
            }
            valid++;
            double sampleImpulse = Math.max(0, m) / sampleRateHz;
            impulse += sampleImpulse;
            soleusImpulse += SoleusShareModel.share(k) * sampleImpulse;
            if (m > momentThresholdNm && k > kneeThresholdDeg) {
                dominantSamples++;
                dominantImpulse += sampleImpulse;
            }
        }
        return new SoleusLoad(dominantSamples / sampleRateHz, dominantImpulse, impulse, soleusImpulse, valid, missing);
    }

    /**
     * Sums per stride, heel strike to heel strike (samples
     * {@code [round((startS − t0) · fs), round((endS − t0) · fs))}, clipped to the series).
     *
     * @return one entry per stride that overlaps the series, in order
     */
    public static List<SoleusLoad> strides(double[] momentNm, double[] kneeFlexionDeg, double sampleRateHz,
                                           double startTimeS, List<Stride> strides, double momentThresholdNm,
                                           double kneeThresholdDeg) {
        List<SoleusLoad> out = new ArrayList<>(strides.size());
        for (Stride s : strides) {
            int from = Math.max(0, (int) Math.round((s.startS() - startTimeS) * sampleRateHz));
            int to = Math.min(momentNm.length, (int) Math.round((s.endS() - startTimeS) * sampleRateHz));
            if (from < to) {
                out.add(window(momentNm, kneeFlexionDeg, from, to, sampleRateHz, momentThresholdNm, kneeThresholdDeg));
            }
        }
        return out;
    }

    private static void requireSameLength(double[] momentNm, double[] kneeFlexionDeg) {
        if (momentNm.length != kneeFlexionDeg.length) {
            throw new IllegalArgumentException("moment has " + momentNm.length + " samples but knee flexion has "
                    + kneeFlexionDeg.length + "; pass both on one time base");
        }
    }
}
