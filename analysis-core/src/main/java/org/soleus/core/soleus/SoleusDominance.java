package org.soleus.core.soleus;

/**
 * Soleus-dominant loading over arrays: the per-sample flag and the sums over a span of samples,
 * computed by driving a {@link SoleusDominanceStream} over them. Stateless and thread-safe.
 */
public final class SoleusDominance {
    private SoleusDominance() {
    }

    /**
     * Whether each sample is soleus-dominant.
     *
     * @param momentNm       plantar-flexor moment, N·m
     * @param kneeFlexionDeg knee flexion, degrees, same length
     * @param sampleRateHz   sample rate, Hz
     * @param settings       thresholds
     * @param bodyMassKg     body mass, kg
     * @param footLengthM    foot (insole) length, m
     * @return a new array; missing samples are not dominant
     */
    public static boolean[] dominant(double[] momentNm, double[] kneeFlexionDeg, double sampleRateHz,
                                     SoleusSettings settings, double bodyMassKg, double footLengthM) {
        requireSameLength(momentNm, kneeFlexionDeg);
        SoleusDominanceStream stream = new SoleusDominanceStream(settings, sampleRateHz, bodyMassKg, footLengthM);
        boolean[] out = new boolean[momentNm.length];
        for (int i = 0; i < out.length; i++) {
            stream.accept(momentNm[i], kneeFlexionDeg[i]);
            out[i] = stream.dominant();
        }
        return out;
    }

    /**
     * Sums over the samples {@code [from, to)}: a {@link SoleusDominanceStream} fed those samples
     * as one stride.
     *
     * @param momentNm       plantar-flexor moment, N·m
     * @param kneeFlexionDeg knee flexion, degrees, same length
     * @param from           first sample
     * @param to             one past the last sample
     * @param sampleRateHz   sample rate, Hz
     * @param settings       thresholds
     * @param bodyMassKg     body mass, kg
     * @param footLengthM    foot (insole) length, m
     */
    public static SoleusLoad window(double[] momentNm, double[] kneeFlexionDeg, int from, int to, double sampleRateHz,
                                    SoleusSettings settings, double bodyMassKg, double footLengthM) {
        requireSameLength(momentNm, kneeFlexionDeg);
        if (from < 0 || to > momentNm.length || from > to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") must lie within " + momentNm.length + " samples");
        }
        SoleusDominanceStream stream = new SoleusDominanceStream(settings, sampleRateHz, bodyMassKg, footLengthM);
        stream.startStride();
        for (int i = from; i < to; i++) {
            stream.accept(momentNm[i], kneeFlexionDeg[i]);
        }
        return stream.finishStride();
    }

    private static void requireSameLength(double[] momentNm, double[] kneeFlexionDeg) {
        if (momentNm.length != kneeFlexionDeg.length) {
            throw new IllegalArgumentException("moment has " + momentNm.length + " samples but knee flexion has "
                    + kneeFlexionDeg.length + "; pass both on one time base");
        }
    }
}
