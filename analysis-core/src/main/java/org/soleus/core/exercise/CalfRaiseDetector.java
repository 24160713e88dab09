package org.soleus.core.exercise;

import java.util.Objects;
import java.util.function.Consumer;
import org.soleus.core.imu.ImuUnits;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.recording.Side;

/**
 * Streaming calf-raise detector for one foot: feed one sample at a time with
 * {@link #accept}; each completed repetition goes to the listener when the heel is down again,
 * with its set, classification and too-fast flag (the too-shallow flag needs the whole set, see
 * {@link CalfRaiseAnalysis#flagShallow}).
 *
 * <p>Method (thresholds in {@link CalfRaiseSettings}): a flat-foot baseline of the heel-to-toe
 * centre of pressure follows the signal with a first-order low-pass while the foot is flat and
 * while it settles after being put down; a
 * lift runs while the centre of pressure stays more than the release travel forward of it; a lift
 * that reached the onset travel, kept the foot loaded and lasted a plausible time is a
 * repetition. Heel-off time comes from the heel-region force ({@link FootPressureChannels#heelForce})
 * when given, else from the centre-of-pressure travel.
 *
 * <p>Missing samples (NaN force or centre of pressure) are skipped without changing the state;
 * a NaN knee angle or heel force only leaves that sample out of the knee mean or uses the
 * centre-of-pressure rule. {@link #accept} does not allocate; a listener call allocates one
 * record per repetition. Not thread-safe.
 */
public final class CalfRaiseDetector {
    private final Side side;
    private final CalfRaiseSettings settings;
    private final double sampleS;
    private final double bodyWeightN;
    private final double baselineAlpha;
    private final Consumer<CalfRaiseRepetition> listener;

    private double loadedSinceS = Double.NaN;
    private double baselineNorm;
    private boolean lifting;
    private double startS;
    private int heelOffSamples;
    private int samples;
    private double maxTravelNorm;
    private double peakForefootN;
    private double sumForceN;
    private double sumKneeDeg;
    private int kneeSamples;
    private int set = -1;
    private int index;
    private double lastEndS = Double.NEGATIVE_INFINITY;
    private long repetitions;

    /**
     * @param side         which foot (copied into each repetition)
     * @param sampleRateHz sample rate, Hz
     * @param bodyMassKg   body mass, kg; NaN when unknown (no body-weight figures, seated from the knee alone)
     * @param settings     thresholds
     * @param listener     receives each repetition
     * @throws IllegalArgumentException when the rate or mass is not positive and finite
     */
    public CalfRaiseDetector(Side side, double sampleRateHz, double bodyMassKg, CalfRaiseSettings settings,
                             Consumer<CalfRaiseRepetition> listener) {
        this.side = Objects.requireNonNull(side, "side");
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be positive and finite, got " + sampleRateHz);
        }
        if (!Double.isNaN(bodyMassKg) && !(bodyMassKg > 0 && bodyMassKg < 500)) {
            throw new IllegalArgumentException("body mass must be within 0–500 kg or NaN when unknown, got " + bodyMassKg);
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sampleS = 1 / sampleRateHz;
        this.bodyWeightN = bodyMassKg * ImuUnits.STANDARD_GRAVITY;
        this.baselineAlpha = 1 - Math.exp(-sampleS / settings.baselineTauS());
    }

    /**
     * One sample.
     *
     * @param timeS          sample time, s (rising)
     * @param forceN         total insole force, N
     * @param copYNorm       heel-to-toe centre of pressure, fraction of insole length, toes positive
     * @param heelForceN     heel-region force, N, or NaN without a heel channel
     * @param kneeFlexionDeg knee flexion, degrees, or NaN without a knee angle
     */
    public void accept(double timeS, double forceN, double copYNorm, double heelForceN, double kneeFlexionDeg) {
        if (Double.isNaN(forceN) || Double.isNaN(copYNorm)) {
            return;
        }
        if (forceN < settings.minLoadN()) {
            lifting = false;
            loadedSinceS = Double.NaN;
            return;
        }
        if (Double.isNaN(loadedSinceS)) {
            loadedSinceS = timeS;
            baselineNorm = copYNorm;
        }
        if (timeS - loadedSinceS < settings.settleS()) {
            baselineNorm += baselineAlpha * (copYNorm - baselineNorm);
            return;
        }
        double travel = copYNorm - baselineNorm;
        if (!lifting) {
            if (travel <= settings.releaseTravelNorm()) {
                baselineNorm += baselineAlpha * (copYNorm - baselineNorm);
            } else {
                begin(timeS);
                add(forceN, travel, heelForceN, kneeFlexionDeg);
            }
            return;
        }
        if (travel > settings.releaseTravelNorm()) {
            if (timeS - startS > settings.maxRepS()) {
                lifting = false;
                baselineNorm = copYNorm;
                return;
            }
            add(forceN, travel, heelForceN, kneeFlexionDeg);
            return;
        }
        lifting = false;
        baselineNorm += baselineAlpha * (copYNorm - baselineNorm);
        double durationS = timeS - startS;
        if (maxTravelNorm >= settings.onsetTravelNorm() && durationS >= settings.minRepS()) {
            emit(timeS);
        }
    }

    /** Number of repetitions reported so far. */
    public long repetitions() {
        return repetitions;
    }

    /** Whether a lift is under way (a repetition may be reported when the heel comes down). */
    public boolean lifting() {
        return lifting;
    }

    /** The flat-foot baseline of the centre of pressure, fraction of insole length; NaN while the foot is unloaded. */
    public double baselineNorm() {
        return Double.isNaN(loadedSinceS) ? Double.NaN : baselineNorm;
    }

    private void begin(double timeS) {
        lifting = true;
        startS = timeS;
        heelOffSamples = 0;
        samples = 0;
        maxTravelNorm = 0;
        peakForefootN = 0;
        sumForceN = 0;
        sumKneeDeg = 0;
        kneeSamples = 0;
    }

    private void add(double forceN, double travel, double heelForceN, double kneeDeg) {
        samples++;
        sumForceN += forceN;
        maxTravelNorm = Math.max(maxTravelNorm, travel);
        double forefootN;
        boolean heelOff;
        if (Double.isNaN(heelForceN)) {
            heelOff = travel >= settings.heelOffTravelNorm();
            forefootN = forceN * Math.min(1, travel / settings.heelOffTravelNorm());
        } else {
            heelOff = heelForceN < settings.heelOffForceFraction() * forceN;
            forefootN = forceN - heelForceN;
        }
        if (heelOff) {
            heelOffSamples++;
        }
        peakForefootN = Math.max(peakForefootN, forefootN);
        if (!Double.isNaN(kneeDeg)) {
            sumKneeDeg += kneeDeg;
            kneeSamples++;
        }
    }

    private void emit(double endS) {
        if (startS - lastEndS > settings.setGapS()) {
            set++;
            index = 0;
        }
        double meanForceN = sumForceN / samples;
        double kneeDeg = kneeSamples > 0 ? sumKneeDeg / kneeSamples : Double.NaN;
        double durationS = endS - startS;
        CalfRaiseRepetition rep = new CalfRaiseRepetition(side, set, index, startS, endS,
                Math.min(durationS, heelOffSamples * sampleS), maxTravelNorm, peakForefootN, peakForefootN / bodyWeightN,
                meanForceN, kneeDeg, classify(meanForceN, kneeDeg), durationS < settings.tooFastS(), false);
        index++;
        lastEndS = endS;
        repetitions++;
        listener.accept(rep);
    }

    private CalfRaiseKind classify(double meanForceN, double kneeDeg) {
        boolean kneeSeated = kneeDeg >= settings.seatedMinKneeDeg();
        if (Double.isNaN(bodyWeightN)) {
            if (kneeSeated) {
                return CalfRaiseKind.SEATED;
            }
        } else if (meanForceN < settings.seatedMaxForceBw() * bodyWeightN && (kneeSeated || Double.isNaN(kneeDeg))) {
            return CalfRaiseKind.SEATED;
        }
        if (Double.isNaN(kneeDeg)) {
            return CalfRaiseKind.UNKNOWN_KNEE;
        }
        return kneeDeg >= settings.bentKneeDeg() ? CalfRaiseKind.STANDING_BENT_KNEE : CalfRaiseKind.STRAIGHT_KNEE;
    }
}
