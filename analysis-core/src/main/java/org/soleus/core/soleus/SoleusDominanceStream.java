package org.soleus.core.soleus;

import java.util.Objects;
import org.soleus.core.recording.SampleRates;

/**
 * Soleus-dominant loading of one foot, one sample at a time: feed each sample's plantar-flexor
 * moment and knee flexion with {@link #accept(double, double)}, read whether it was
 * soleus-dominant ({@link SoleusSettings}), and collect the sums of the samples between
 * {@link #startStride()} and {@link #finishStride()} ({@link SoleusLoad}, the soleus part
 * weighted by {@link SoleusShareModel}).
 *
 * <p>A sample with the moment or the knee angle missing (NaN) is not dominant and counts only as
 * missing. Integrals use the rectangle rule (value / sample rate per sample). The only
 * implementation of these rules: {@link SoleusDominance} drives it over arrays, for a
 * recording's per-sample flags and strides and, once a stride's samples are all in, for those
 * of a live stream. No allocation per sample. Not thread-safe.
 */
public final class SoleusDominanceStream {
    private final double sampleRateHz;
    private final double momentThresholdNm;
    private final double kneeThresholdDeg;

    private boolean dominant;
    private boolean inStride;
    private long dominantSamples;
    private double dominantImpulse;
    private double impulse;
    private double soleusImpulse;
    private long valid;
    private long missing;

    /**
     * @param settings     thresholds
     * @param sampleRateHz sample rate, Hz
     * @param bodyMassKg   body mass, kg
     * @param footLengthM  foot (insole) length, m
     * @throws IllegalArgumentException when the mass or the foot length is unknown
     *                                  ({@link SoleusSettings#momentThresholdNm})
     */
    public SoleusDominanceStream(SoleusSettings settings, double sampleRateHz, double bodyMassKg, double footLengthM) {
        Objects.requireNonNull(settings, "settings");
        SampleRates.require(sampleRateHz);
        this.sampleRateHz = sampleRateHz;
        this.momentThresholdNm = settings.momentThresholdNm(bodyMassKg, footLengthM);
        this.kneeThresholdDeg = settings.kneeFlexionDeg();
    }

    /**
     * Takes one sample; outside a stride it only sets {@link #dominant()}.
     *
     * @param momentNm       plantar-flexor moment, N·m (NaN when missing)
     * @param kneeFlexionDeg knee flexion, degrees (NaN when missing)
     */
    public void accept(double momentNm, double kneeFlexionDeg) {
        if (Double.isNaN(momentNm) || Double.isNaN(kneeFlexionDeg)) {
            dominant = false;
            if (inStride) {
                missing++;
            }
            return;
        }
        dominant = momentNm > momentThresholdNm && kneeFlexionDeg > kneeThresholdDeg;
        if (!inStride) {
            return;
        }
        valid++;
        double sampleImpulse = Math.max(0, momentNm) / sampleRateHz;
        impulse += sampleImpulse;
        soleusImpulse += SoleusShareModel.share(kneeFlexionDeg) * sampleImpulse;
        if (dominant) {
            dominantSamples++;
            dominantImpulse += sampleImpulse;
        }
    }

    /** Whether the last sample was soleus-dominant. */
    public boolean dominant() {
        return dominant;
    }

    /** Starts a stride: the next sample is its first. */
    public void startStride() {
        dominantSamples = 0;
        dominantImpulse = 0;
        impulse = 0;
        soleusImpulse = 0;
        valid = 0;
        missing = 0;
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
        return new SoleusLoad(dominantSamples / sampleRateHz, dominantImpulse, impulse, soleusImpulse, valid, missing);
    }
}
