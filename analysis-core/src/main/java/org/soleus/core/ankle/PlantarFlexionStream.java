package org.soleus.core.ankle;

import java.util.Objects;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.SampleRates;

/**
 * Per-stride plantar-flexion load of one foot, one sample at a time: feed each sample's
 * plantar-flexor moment ({@link PlantarFlexionMoment#momentNm(double, double, FootGeometry)})
 * and ankle angle with {@link #accept(double, double)}, and collect the figures of the samples
 * between {@link #startStride(double)} and {@link #finishStride()} ({@link PlantarFlexionLoad}):
 * the peak moment and its time, the peak Achilles tendon force
 * ({@link PlantarFlexionMoment#achillesForceN(double, double, AchillesMomentArm)}), the impulse
 * of the positive moment (rectangle rule) and the time at or above the threshold. A sample with
 * the moment missing (NaN) counts only as missing.
 *
 * <p>The only implementation of these rules: {@link PlantarFlexionLoading#window} drives it over
 * a span of arrays, for the strides of a recording and, once a stride's samples are all in, for
 * those of a live stream.
 *
 * <p>No allocation per sample (only {@link #finishStride()} creates its record). Not thread-safe.
 */
public final class PlantarFlexionStream {
    private final PlantarFlexionSettings settings;
    private final double dt;
    private final double bodyMassKg;
    private final double bodyWeightN;

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
     * @param settings     the Achilles moment arm and the threshold (the moment comes computed,
     *                     so the geometry is not used here)
     * @param sampleRateHz sample rate, Hz
     * @param bodyMassKg   body mass, kg, or NaN when unknown (per-kg figures are then NaN)
     */
    public PlantarFlexionStream(PlantarFlexionSettings settings, double sampleRateHz, double bodyMassKg) {
        this.settings = Objects.requireNonNull(settings, "settings");
        SampleRates.require(sampleRateHz);
        if (!(Double.isNaN(bodyMassKg) || bodyMassKg > 0)) {
            throw new IllegalArgumentException("body mass must be > 0 kg or NaN, got " + bodyMassKg);
        }
        this.dt = 1.0 / sampleRateHz;
        this.bodyMassKg = bodyMassKg;
        this.bodyWeightN = bodyMassKg * Gravity.STANDARD_MPS2;
    }

    /**
     * Takes one sample; outside a stride it is not counted.
     *
     * @param momentNm          plantar-flexor moment, N·m (NaN when missing)
     * @param plantarFlexionDeg ankle angle for an angle-dependent moment arm, or NaN
     */
    public void accept(double momentNm, double plantarFlexionDeg) {
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
        double achillesN = PlantarFlexionMoment.achillesForceN(momentNm, plantarFlexionDeg, settings.momentArm());
        if (Double.isNaN(peakAchillesN) || achillesN > peakAchillesN) {
            peakAchillesN = achillesN;
        }
        impulseNms += Math.max(0, momentNm) * dt;
        if (momentNm / bodyMassKg >= settings.thresholdNmPerKg()) {
            aboveSamples++;
        }
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
        boolean massKnown = !Double.isNaN(bodyMassKg);
        return new PlantarFlexionLoad(peakMomentNm, peakMomentNm / bodyMassKg,
                Double.isNaN(peakMomentNm) ? Double.NaN : strideStartS + peakIndex * dt,
                peakAchillesN, peakAchillesN / bodyWeightN, impulseNms,
                massKnown ? aboveSamples * dt : Double.NaN, missing);
    }
}
