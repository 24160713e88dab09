package org.soleus.core.ankle;

import java.util.Objects;

/**
 * Streaming plantar-flexion load of one foot: feed one sample at a time with
 * {@link #accept(double, double, double)}, read that sample's moment and tendon force from the
 * getters, and collect per-stride figures between {@link #startStride(double)} and
 * {@link #finishStride()}. Gives the same numbers as {@link PlantarFlexionMoment} and
 * {@link PlantarFlexionLoading} in batch.
 *
 * <p>No allocation per sample (only {@link #finishStride()} creates its record). Not thread-safe.
 */
public final class PlantarFlexionStream {
    private final PlantarFlexionSettings settings;
    private final double sampleRateHz;
    private final double bodyMassKg;
    private final double bodyWeightN;

    private double momentNm = Double.NaN;
    private double achillesN = Double.NaN;

    private boolean inStride;
    private double strideStartS;
    private long strideSamples;
    private double peakMomentNm;
    private long peakIndex;
    private double peakAchillesN;
    private double impulseNms;
    private long aboveSamples;
    private int missing;

    /**
     * @param settings     geometry, moment arm and threshold
     * @param sampleRateHz sample rate, Hz
     * @param bodyMassKg   body mass, kg, or NaN when unknown (per-kg figures are then NaN)
     */
    public PlantarFlexionStream(PlantarFlexionSettings settings, double sampleRateHz, double bodyMassKg) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be a positive number of Hz, got " + sampleRateHz);
        }
        if (!(Double.isNaN(bodyMassKg) || bodyMassKg > 0)) {
            throw new IllegalArgumentException("body mass must be > 0 kg or NaN, got " + bodyMassKg);
        }
        this.sampleRateHz = sampleRateHz;
        this.bodyMassKg = bodyMassKg;
        this.bodyWeightN = bodyMassKg * PlantarFlexionLoading.STANDARD_GRAVITY_MPS2;
    }

    /**
     * Takes one sample.
     *
     * @param forceN            vertical force, N (NaN when missing)
     * @param copNorm           heel-to-toe CoP, fraction of insole length, −0.5 … +0.5
     * @param plantarFlexionDeg ankle angle for an angle-dependent moment arm, or NaN
     */
    public void accept(double forceN, double copNorm, double plantarFlexionDeg) {
        momentNm = PlantarFlexionMoment.momentNm(forceN, copNorm, settings.geometry());
        achillesN = PlantarFlexionMoment.achillesForceN(momentNm, plantarFlexionDeg, settings.momentArm());
        if (!inStride) {
            return;
        }
        long index = strideSamples++;
        if (Double.isNaN(momentNm)) {
            missing++;
            return;
        }
        if (Double.isNaN(peakMomentNm) || momentNm > peakMomentNm) {
            peakMomentNm = momentNm;
            peakIndex = index;
        }
        if (Double.isNaN(peakAchillesN) || achillesN > peakAchillesN) {
            peakAchillesN = achillesN;
        }
        impulseNms += Math.max(0, momentNm) / sampleRateHz;
        if (momentNm / bodyMassKg >= settings.thresholdNmPerKg()) {
            aboveSamples++;
        }
    }

    /** Plantar-flexor moment of the last sample, N·m. */
    public double momentNm() {
        return momentNm;
    }

    /** Achilles tendon force of the last sample, N. */
    public double achillesForceN() {
        return achillesN;
    }

    /**
     * Starts collecting a stride; the next accepted sample is its first.
     *
     * @param startTimeS time of that first sample, s
     */
    public void startStride(double startTimeS) {
        inStride = true;
        strideStartS = startTimeS;
        strideSamples = 0;
        peakMomentNm = Double.NaN;
        peakIndex = 0;
        peakAchillesN = Double.NaN;
        impulseNms = 0;
        aboveSamples = 0;
        missing = 0;
    }

    /** Whether a stride is being collected. */
    public boolean inStride() {
        return inStride;
    }

    /**
     * Ends the stride and returns its figures.
     *
     * @throws IllegalStateException when no stride was started
     */
    public PlantarFlexionLoad finishStride() {
        if (!inStride) {
            throw new IllegalStateException("finishStride() without startStride()");
        }
        inStride = false;
        double dt = 1.0 / sampleRateHz;
        boolean massKnown = !Double.isNaN(bodyMassKg);
        return new PlantarFlexionLoad(peakMomentNm, peakMomentNm / bodyMassKg,
                Double.isNaN(peakMomentNm) ? Double.NaN : strideStartS + peakIndex * dt,
                peakAchillesN, peakAchillesN / bodyWeightN, impulseNms,
                massKnown ? aboveSamples * dt : Double.NaN, missing);
    }
}
