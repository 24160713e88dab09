package org.soleus.core.exercise;

import java.util.Objects;
import java.util.function.Consumer;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.orientation.MahonyFilter;
import org.soleus.core.recording.BodyMass;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.SampleRates;
import org.soleus.core.recording.Side;

/**
 * Streaming calf-raise detector for one foot: feed one sample at a time with
 * {@link #accept}; each completed repetition goes to the listener when the heel is down again,
 * with its set, classification and too-fast flag (the too-shallow flag needs the whole set, see
 * {@link CalfRaiseAnalysis#flagShallow}).
 *
 * <p>Method (thresholds in {@link CalfRaiseSettings}): a flat-foot baseline of the heel-to-toe
 * centre of pressure follows the signal with a first-order low-pass while the foot is flat and
 * while it settles after being put down; a lift is under way while the centre of pressure stays
 * more than the release travel forward of it; a lift that reached the onset travel, kept the foot
 * loaded, lasted a plausible time and, where a heel-region force is given, took the heel off is a
 * repetition (without a heel force the centre of pressure cannot tell a raise from a forward shift
 * of weight with the heel loaded). Its start is refined back to the last
 * sample before the forward crossing within the rest band of the baseline, its end forward to the
 * first sample after the return crossing back within it, each searched at most
 * {@link CalfRaiseSettings#edgeSearchS()} away (rules in {@link CalfRaiseSettings}); a repetition is
 * therefore reported up to that long after the heel comes down. Heel-off time comes from the
 * heel-region force ({@link FootPressureChannels#heelForce}) when given, else from the
 * centre-of-pressure travel.
 *
 * <p>Heel-rise angle, when a foot-worn IMU (gyroscope and accelerometer, any mounting) is fed
 * with {@link #accept(double, double, double, double, double, double, double, double, double, double, double)}:
 * a {@link MahonyFilter} (Mahony, Hamel and Pflimlin 2008, doi:10.1109/TAC.2008.923738; gains
 * {@value FootUpTracker#PROPORTIONAL_GAIN}/s and {@value FootUpTracker#INTEGRAL_GAIN}/s², feedback halved at
 * {@value FootUpTracker#FEEDBACK_HALF_RATE_DPS}°/s so that walking between sets does not tilt it) tracks
 * the direction of gravity in the sensor frame, aligned to the accelerometer on the first sample
 * (and again after more than {@value FootUpTracker#MAX_GAP_S} s without a complete IMU sample; over a
 * shorter gap it holds its state and then integrates over the whole gap). The heel-rise angle of a repetition is the largest angle between that
 * direction during the lift and its direction at the refined start, the flat-foot pose. A tilt
 * change needs neither the sensor's axes nor its orientation on the foot, and heading about the
 * vertical, which the filter cannot observe, does not enter it. It is the foot pitch when the
 * foot only pitches; a roll (inversion) of {@code r} during a raise of pitch {@code p} reads as
 * {@code acos(cos p · cos r)}, e.g. 9.4° for 8° with 5° of roll, 25.5° for 25°. Gyroscope bias
 * matters only through its change of the tilt over one lift, which the accelerometer feedback
 * holds down (a slow raise hardly accelerates the foot).
 *
 * <p>Missing samples (NaN force, or NaN centre of pressure on a loaded foot) are skipped without
 * changing the state (a force below {@code minLoadN} ends a lift with or without a centre of pressure);
 * a NaN knee angle or heel force only leaves that sample out of the knee mean or uses the
 * centre-of-pressure rule; a sample with a NaN IMU value takes the filter's held state, or, after
 * a longer gap, is left out of the heel-rise angle (NaN when the flat-foot pose or every lift
 * sample lacks one). The filter runs on every sample, loaded or not, over the sample times. The samples of the search window are kept in ring buffers sized once
 * in the constructor ({@code edgeSearchS × sampleRateHz}); {@link #accept} does not allocate; a
 * listener call allocates one record per repetition. Not thread-safe.
 */
public final class CalfRaiseDetector {
    private final Side side;
    private final CalfRaiseSettings settings;
    private final double sampleS;
    private final double bodyWeightN;
    private final double baselineAlpha;
    private final double restTravelNorm;
    /** Half-width of the centred moving mean for the rest test, samples. */
    private final int restHalfWidth;
    private final Consumer<CalfRaiseRepetition> listener;

    /** Recent samples below the release band: the look-back before a lift, the look-ahead after it. */
    private final double[] bufTimeS;
    private final double[] bufCopNorm;
    private final double[] bufBaselineNorm;
    private final double[] bufForceN;
    private final double[] bufHeelN;
    private final double[] bufKneeDeg;
    private final double[] bufUpX;
    private final double[] bufUpY;
    private final double[] bufUpZ;
    private int bufHead;

    private final FootUpTracker foot = new FootUpTracker();
    /** Up vector at the start of the lift (the flat-foot pose). */
    private double refUpX;
    private double refUpY;
    private double refUpZ;
    private double maxTiltDeg;
    private int bufCount;

    private double loadedSinceS = Double.NaN;
    private double baselineNorm;
    private boolean lifting;
    private boolean returning;
    private double returnS;
    private double startS;
    private int heelOffSamples;
    /** Lift samples with a heel force: with one, the heel must come off for a repetition. */
    private int heelForceSamples;
    private int samples;
    private double maxTravelNorm;
    private double peakForefootN;
    private double sumForceN;
    private double sumKneeDeg;
    private int kneeSamples;
    private int set = -1;
    private CalfRaiseKind lastKind;
    private int index;
    private double lastEndS = Double.NEGATIVE_INFINITY;

    /**
     * @param side         which foot (copied into each repetition)
     * @param sampleRateHz sample rate, Hz
     * @param bodyMassKg   body mass, kg; NaN when unknown (no body-weight figures, seated from the knee alone)
     * @param settings     thresholds
     * @param listener     receives each repetition
     * @throws IllegalArgumentException when the rate is not positive and finite, or the mass is neither NaN
     *                                  nor within {@link BodyMass#RANGE}
     */
    public CalfRaiseDetector(Side side, double sampleRateHz, double bodyMassKg, CalfRaiseSettings settings,
                             Consumer<CalfRaiseRepetition> listener) {
        this.side = Objects.requireNonNull(side, "side");
        SampleRates.require(sampleRateHz);
        if (!(Double.isNaN(bodyMassKg) || BodyMass.accepted(bodyMassKg))) {
            throw new IllegalArgumentException("body mass must be " + BodyMass.RANGE + " or NaN when unknown, got "
                    + bodyMassKg);
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sampleS = 1 / sampleRateHz;
        this.bodyWeightN = bodyMassKg * Gravity.STANDARD_MPS2;
        this.baselineAlpha = 1 - Math.exp(-sampleS / settings.baselineTauS());
        this.restTravelNorm = settings.restFraction() * settings.releaseTravelNorm();
        this.restHalfWidth = (int) Math.round(0.5 * settings.restSmoothingS() * sampleRateHz);
        double window = Math.ceil(settings.edgeSearchS() * sampleRateHz) + 2;
        if (window > 1 << 20) {
            throw new IllegalArgumentException("the start/end search window holds " + window + " samples at "
                    + sampleRateHz + " Hz; shorten CalfRaiseSettings.edgeSearchS (" + settings.edgeSearchS() + " s)");
        }
        int capacity = (int) window;
        this.bufTimeS = new double[capacity];
        this.bufCopNorm = new double[capacity];
        this.bufBaselineNorm = new double[capacity];
        this.bufForceN = new double[capacity];
        this.bufHeelN = new double[capacity];
        this.bufKneeDeg = new double[capacity];
        this.bufUpX = new double[capacity];
        this.bufUpY = new double[capacity];
        this.bufUpZ = new double[capacity];
    }

    /**
     * One sample without a foot IMU (no heel-rise angle).
     *
     * @param timeS          sample time, s (rising)
     * @param forceN         total insole force, N
     * @param copYNorm       heel-to-toe centre of pressure, fraction of insole length, toes positive
     * @param heelForceN     heel-region force, N, or NaN without a heel channel
     * @param kneeFlexionDeg knee flexion, degrees, or NaN without a knee angle
     */
    public void accept(double timeS, double forceN, double copYNorm, double heelForceN, double kneeFlexionDeg) {
        accept(timeS, forceN, copYNorm, heelForceN, kneeFlexionDeg, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    /**
     * One sample with the foot IMU (sensor frame, any mounting on the foot; NaN where missing).
     *
     * @param timeS          sample time, s (rising)
     * @param forceN         total insole force, N
     * @param copYNorm       heel-to-toe centre of pressure, fraction of insole length, toes positive
     * @param heelForceN     heel-region force, N, or NaN without a heel channel
     * @param kneeFlexionDeg knee flexion, degrees, or NaN without a knee angle
     * @param gyrXDps        foot angular rate about the sensor's x axis, deg/s
     * @param gyrYDps        about its y axis, deg/s
     * @param gyrZDps        about its z axis, deg/s
     * @param accXMps2       foot specific force along the sensor's x axis, any unit (only its direction is used)
     * @param accYMps2       along its y axis
     * @param accZMps2       along its z axis
     */
    public void accept(double timeS, double forceN, double copYNorm, double heelForceN, double kneeFlexionDeg,
                       double gyrXDps, double gyrYDps, double gyrZDps, double accXMps2, double accYMps2, double accZMps2) {
        foot.track(timeS, gyrXDps, gyrYDps, gyrZDps, accXMps2, accYMps2, accZMps2);
        if (Double.isNaN(forceN)) {
            return;
        }
        // an unloaded foot ends any lift whether or not it has a centre of pressure (an insole
        // may give none without load)
        if (forceN < settings.minLoadN()) {
            if (returning) {
                finish(leastTravelTimeS());
            }
            lifting = false;
            bufCount = 0;
            loadedSinceS = Double.NaN;
            return;
        }
        if (Double.isNaN(copYNorm)) {
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
        double release = settings.releaseTravelNorm();
        if (returning) {
            if (travel > release) {
                resume();
            } else if (timeS - returnS > settings.edgeSearchS() || bufCount == bufTimeS.length) {
                finish(leastTravelTimeS());
            } else {
                push(timeS, copYNorm, forceN, heelForceN, kneeFlexionDeg);
                settleEnd();
                return;
            }
        }
        if (!lifting) {
            if (travel <= release) {
                push(timeS, copYNorm, forceN, heelForceN, kneeFlexionDeg);
                baselineNorm += baselineAlpha * (copYNorm - baselineNorm);
            } else {
                begin(timeS);
                add(forceN, copYNorm - baselineNorm, heelForceN, kneeFlexionDeg, foot.upX(), foot.upY(), foot.upZ());
            }
            return;
        }
        if (travel > release) {
            if (timeS - startS > settings.maxRepS()) {
                lifting = false;
                baselineNorm = copYNorm;
                return;
            }
            add(forceN, travel, heelForceN, kneeFlexionDeg, foot.upX(), foot.upY(), foot.upZ());
            return;
        }
        returning = true;
        returnS = timeS;
        bufCount = 0;
        push(timeS, copYNorm, forceN, heelForceN, kneeFlexionDeg);
        settleEnd();
    }

    /**
     * Starts a lift at the forward crossing at {@code crossingS}. The flat-foot baseline becomes the
     * one of the oldest buffered sample within the search window (before an easing-in rise could
     * pull the low-pass towards it); the start is the newest buffered sample of that window whose
     * travel from it was within the rest band, else the one of least travel there, else the
     * crossing itself; the buffered samples from the start on join the lift.
     */
    private void begin(double crossingS) {
        int oldest = bufCount;
        for (int k = bufCount - 1; k >= 0 && crossingS - bufTimeS[slot(k)] <= settings.edgeSearchS(); k--) {
            oldest = k;
        }
        if (oldest < bufCount) {
            baselineNorm = bufBaselineNorm[slot(oldest)];
        }
        int from = bufCount;
        int least = -1;
        double leastCop = Double.NaN;
        for (int k = bufCount - 1; k >= oldest; k--) {
            double cop = smoothedCop(k, oldest);
            if (cop - baselineNorm <= restTravelNorm) {
                from = k;
                break;
            }
            if (least < 0 || cop < leastCop) {
                least = k;
                leastCop = cop;
            }
        }
        if (from == bufCount && least >= 0) {
            from = least;
        }
        lifting = true;
        startS = from < bufCount ? bufTimeS[slot(from)] : crossingS;
        refUpX = from < bufCount ? bufUpX[slot(from)] : foot.upX();
        refUpY = from < bufCount ? bufUpY[slot(from)] : foot.upY();
        refUpZ = from < bufCount ? bufUpZ[slot(from)] : foot.upZ();
        maxTiltDeg = Double.NaN;
        heelOffSamples = 0;
        heelForceSamples = 0;
        samples = 0;
        maxTravelNorm = 0;
        peakForefootN = 0;
        sumForceN = 0;
        sumKneeDeg = 0;
        kneeSamples = 0;
        for (int k = from; k < bufCount; k++) {
            int j = slot(k);
            add(bufForceN[j], bufCopNorm[j] - baselineNorm, bufHeelN[j], bufKneeDeg[j], bufUpX[j], bufUpY[j], bufUpZ[j]);
        }
        bufCount = 0;
    }

    /**
     * Ends the lift at {@code endS}, a buffered sample time: the buffered samples before it join the
     * lift, the rest stay as the look-back of the next; reports the lift if it is a repetition.
     */
    private void finish(double endS) {
        int k = 0;
        while (k < bufCount && bufTimeS[slot(k)] < endS) {
            int j = slot(k);
            add(bufForceN[j], bufCopNorm[j] - baselineNorm, bufHeelN[j], bufKneeDeg[j], bufUpX[j], bufUpY[j], bufUpZ[j]);
            k++;
        }
        bufCount -= k;
        lifting = false;
        returning = false;
        double durationS = endS - startS;
        boolean heelCameOff = heelForceSamples == 0 || heelOffSamples > 0;
        if (maxTravelNorm >= settings.onsetTravelNorm() && heelCameOff && durationS >= settings.minRepS()) {
            emit(endS);
        }
    }

    /** The centre of pressure went forward past the band again before the heel was down: the lift goes on. */
    private void resume() {
        for (int k = 0; k < bufCount; k++) {
            int j = slot(k);
            add(bufForceN[j], bufCopNorm[j] - baselineNorm, bufHeelN[j], bufKneeDeg[j], bufUpX[j], bufUpY[j], bufUpZ[j]);
        }
        bufCount = 0;
        returning = false;
    }

    /**
     * After the return crossing: ends the lift at the buffered sample {@code restHalfWidth} before
     * the newest when its smoothed travel is within the rest band (the buffer holds the samples
     * since the return crossing).
     */
    private void settleEnd() {
        int k = bufCount - 1 - restHalfWidth;
        if (k >= 0 && smoothedCop(k, 0) - baselineNorm <= restTravelNorm) {
            finish(bufTimeS[slot(k)]);
        }
    }

    /** Time of the buffered sample of least smoothed travel (the buffer holds the samples since the return crossing). */
    private double leastTravelTimeS() {
        int least = 0;
        double leastCop = smoothedCop(0, 0);
        for (int k = 1; k < bufCount; k++) {
            double cop = smoothedCop(k, 0);
            if (cop < leastCop) {
                least = k;
                leastCop = cop;
            }
        }
        return bufTimeS[slot(least)];
    }

    /**
     * Centred moving mean of the buffered centre of pressure around the {@code k}-th oldest sample,
     * over at most {@code restHalfWidth} samples either side, none older than the {@code oldest}-th.
     */
    private double smoothedCop(int k, int oldest) {
        int lo = Math.max(oldest, k - restHalfWidth);
        int hi = Math.min(bufCount - 1, k + restHalfWidth);
        double sum = 0;
        for (int m = lo; m <= hi; m++) {
            sum += bufCopNorm[slot(m)];
        }
        return sum / (hi - lo + 1);
    }

    private void push(double timeS, double copYNorm, double forceN, double heelForceN, double kneeDeg) {
        bufUpX[bufHead] = foot.upX();
        bufUpY[bufHead] = foot.upY();
        bufUpZ[bufHead] = foot.upZ();
        bufTimeS[bufHead] = timeS;
        bufCopNorm[bufHead] = copYNorm;
        bufBaselineNorm[bufHead] = baselineNorm;
        bufForceN[bufHead] = forceN;
        bufHeelN[bufHead] = heelForceN;
        bufKneeDeg[bufHead] = kneeDeg;
        bufHead = bufHead + 1 == bufTimeS.length ? 0 : bufHead + 1;
        if (bufCount < bufTimeS.length) {
            bufCount++;
        }
    }

    /** Buffer slot of the {@code k}-th oldest buffered sample. */
    private int slot(int k) {
        int j = bufHead - bufCount + k;
        return j < 0 ? j + bufTimeS.length : j;
    }

    private void add(double forceN, double travel, double heelForceN, double kneeDeg, double ux, double uy, double uz) {
        samples++;
        tilt(ux, uy, uz);
        sumForceN += forceN;
        maxTravelNorm = Math.max(maxTravelNorm, travel);
        double forefootN;
        boolean heelOff;
        if (Double.isNaN(heelForceN)) {
            heelOff = travel >= settings.heelOffTravelNorm();
            forefootN = forceN * Math.min(1, travel / settings.heelOffTravelNorm());
        } else {
            heelForceSamples++;
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

    /**
     * Raises the lift's largest tilt to the angle between the up vector {@code u} and the one at the
     * start, {@code atan2(|u × r|, u · r)} (accurate at small angles, unlike {@code acos}); NaN
     * vectors leave it.
     */
    private void tilt(double ux, double uy, double uz) {
        double cx = uy * refUpZ - uz * refUpY;
        double cy = uz * refUpX - ux * refUpZ;
        double cz = ux * refUpY - uy * refUpX;
        double deg = Math.toDegrees(Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz),
                ux * refUpX + uy * refUpY + uz * refUpZ));
        if (!Double.isNaN(deg) && !(deg <= maxTiltDeg)) {
            maxTiltDeg = deg;
        }
    }

    private void emit(double endS) {
        double meanForceN = sumForceN / samples;
        double kneeDeg = kneeSamples > 0 ? sumKneeDeg / kneeSamples : Double.NaN;
        CalfRaiseKind kind = classify(meanForceN, kneeDeg);
        if (startS - lastEndS > settings.setGapS() || kind != lastKind) {
            set++;
            index = 0;
        }
        double durationS = endS - startS;
        CalfRaiseRepetition rep = new CalfRaiseRepetition(side, set, index, startS, endS,
                Math.min(durationS, heelOffSamples * sampleS), maxTravelNorm, maxTiltDeg, peakForefootN,
                peakForefootN / bodyWeightN, meanForceN, kneeDeg, kind, durationS < settings.tooFastS(), false);
        index++;
        lastKind = kind;
        lastEndS = endS;
        listener.accept(rep);
    }

    /** The kind of a repetition from its mean force on the foot, N, and its mean knee flexion, degrees (NaN when unknown). */
    CalfRaiseKind classify(double meanForceN, double kneeDeg) {
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
