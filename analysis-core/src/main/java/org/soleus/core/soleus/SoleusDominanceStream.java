package org.soleus.core.soleus;

import java.util.Objects;

/**
 * Streaming soleus-dominant loading of one foot: feed each sample's plantar-flexor moment and
 * knee flexion with {@link #accept(double, double)}; read whether it was soleus-dominant and its
 * modelled soleus share; collect per-stride sums between {@link #startStride()} and
 * {@link #finishStride()} and session sums with {@link #session()}.
 *
 * <p>A sample with the moment or the knee angle missing (NaN) is not dominant and counts only as
 * missing. Integrals use the rectangle rule (value / sample rate per sample), as
 * {@link SoleusDominance} does in batch. No allocation per sample. Not thread-safe.
 */
public final class SoleusDominanceStream {
    private final double sampleRateHz;
    private final double momentThresholdNm;
    private final double kneeThresholdDeg;

    private boolean dominant;
    private double share = Double.NaN;

    private final Sums stride = new Sums();
    private final Sums session = new Sums();
    private boolean inStride;

    /**
     * @param settings     thresholds
     * @param sampleRateHz sample rate, Hz
     * @param bodyMassKg   body mass, kg
     * @param footLengthM  foot (insole) length, m
     */
    public SoleusDominanceStream(SoleusSettings settings, double sampleRateHz, double bodyMassKg, double footLengthM) {
        Objects.requireNonNull(settings, "settings");
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be a positive number of Hz, got " + sampleRateHz);
        }
        this.sampleRateHz = sampleRateHz;
        this.momentThresholdNm = settings.momentThresholdNm(bodyMassKg, footLengthM);
        this.kneeThresholdDeg = settings.kneeFlexionDeg();
    }

    /**
     * Takes one sample.
     *
     * @param momentNm       plantar-flexor moment, N·m (NaN when missing)
     * @param kneeFlexionDeg knee flexion, degrees (NaN when missing)
     */
    public void accept(double momentNm, double kneeFlexionDeg) {
        share = SoleusShareModel.share(kneeFlexionDeg);
        if (Double.isNaN(momentNm) || Double.isNaN(kneeFlexionDeg)) {
            dominant = false;
            session.missing++;
            if (inStride) {
                stride.missing++;
            }
            return;
        }
        dominant = momentNm > momentThresholdNm && kneeFlexionDeg > kneeThresholdDeg;
        double impulse = Math.max(0, momentNm) / sampleRateHz;
        session.add(dominant, impulse, share);
        if (inStride) {
            stride.add(dominant, impulse, share);
        }
    }

    /** Whether the last sample was soleus-dominant. */
    public boolean dominant() {
        return dominant;
    }

    /** Modelled soleus share of the last sample ({@link SoleusShareModel}); NaN without a knee angle. */
    public double soleusShare() {
        return share;
    }

    /** The moment threshold in use, N·m. */
    public double momentThresholdNm() {
        return momentThresholdNm;
    }

    /** Starts a stride: the next sample is its first. */
    public void startStride() {
        stride.clear();
        inStride = true;
    }

    /**
     * Ends the stride and returns its sums.
     *
     * @throws IllegalStateException when no stride was started
     */
    public SoleusLoad finishStride() {
        if (!inStride) {
            throw new IllegalStateException("finishStride() without startStride()");
        }
        inStride = false;
        return stride.toLoad(sampleRateHz);
    }

    /** Sums over every sample accepted so far. */
    public SoleusLoad session() {
        return session.toLoad(sampleRateHz);
    }

    /** Running sums. */
    private static final class Sums {
        long dominantSamples;
        double dominantImpulse;
        double impulse;
        double soleusImpulse;
        long valid;
        long missing;

        void add(boolean isDominant, double sampleImpulse, double sampleShare) {
            valid++;
            impulse += sampleImpulse;
            soleusImpulse += sampleShare * sampleImpulse;
            if (isDominant) {
                dominantSamples++;
                dominantImpulse += sampleImpulse;
            }
        }

        void clear() {
            dominantSamples = 0;
            dominantImpulse = 0;
            impulse = 0;
            soleusImpulse = 0;
            valid = 0;
            missing = 0;
        }

        SoleusLoad toLoad(double sampleRateHz) {
            return new SoleusLoad(dominantSamples / sampleRateHz, dominantImpulse, impulse, soleusImpulse, valid, missing);
        }
    }
}
