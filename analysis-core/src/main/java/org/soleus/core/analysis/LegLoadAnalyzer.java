package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.ankle.PlantarFlexionSettings;
import org.soleus.core.exercise.CalfRaiseAnalysis;
import org.soleus.core.exercise.CalfRaiseRepetition;
import org.soleus.core.filter.Median3;
import org.soleus.core.gait.Stride;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.joint.HingeJoint;
import org.soleus.core.joint.JointAngleEstimator;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.load.ForceRange;
import org.soleus.core.load.ForceScreen;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.soleus.SoleusDominance;
import org.soleus.core.soleus.SoleusLoad;

/**
 * Plantar-flexion load, knee flexion, soleus-dominant loading and calf raises of a recording
 * whose gait cycles are known ({@link InsoleGaitAnalyzer}): the bent-knee loading analysis, on top
 * of the gait analysis.
 *
 * <p>Per leg, from what the recording has:
 * <ul>
 *   <li>insole force in newtons and the heel-to-toe centre of pressure
 *       ({@code <side>.insole.force_n}, {@code <side>.insole.cop_y_norm}): the ankle
 *       plantar-flexor moment and Achilles tendon force ({@link PlantarFlexionMoment}; foot
 *       geometry {@link LegLoadSettings#geometry}: the parts the settings give, else the
 *       recording's, else the default), and calf raises
 *       ({@link CalfRaiseAnalysis}, with the heel-region force when the insole cells gave one, and
 *       the heel-rise angle when a foot-worn IMU, {@link ImuChannels#foot}, has a gyroscope and an
 *       accelerometer of known units);</li>
 *   <li>thigh and shank IMUs: knee flexion ({@link JointAngleEstimator});</li>
 *   <li>shank and foot IMUs: ankle plantar flexion ({@link HingeJoint#ANKLE}, settings
 *       {@link JointAngleSettings#ankleDefaults}), which sets the Achilles tendon's moment arm
 *       when {@link PlantarFlexionSettings#momentArm()} depends on the angle; without it (no such
 *       IMUs, or their axes cannot be found: the ankle is then left out, not an error) the arm is
 *       the neutral one;</li>
 *   <li>both, and a body mass: the soleus-dominant flag ({@link SoleusDominance}).</li>
 * </ul>
 * A recording whose insole force is not in newtons gets none of the insole-based figures, and
 * a notice saying so. Per stride (heel strike to heel strike, samples {@code [round((start − t0)·fs),
 * round((end − t0)·fs))}) the figures of {@link StrideLegLoad}; per leg the session figures of
 * {@link LegSummary}. The moment and the tendon force are per-sample functions; each other step
 * is a streaming object driven over the recording's arrays: the plantar-flexion figures
 * {@link org.soleus.core.ankle.PlantarFlexionStream} and the soleus-dominant flag and figures
 * {@link org.soleus.core.soleus.SoleusDominanceStream} (through
 * {@link org.soleus.core.ankle.PlantarFlexionLoading#window} and {@link SoleusDominance}, which
 * {@link StreamingGaitAnalyzer} runs live too, over each stride's recent samples), the calf
 * raises {@link org.soleus.core.exercise.CalfRaiseDetector}, knee and ankle angles
 * {@link org.soleus.core.joint.StreamingJointAngle} (which {@link StreamingGaitAnalyzer} drives
 * live). Stateless and thread-safe.
 */
public final class LegLoadAnalyzer {
    private static final Side[] FEET = {Side.LEFT, Side.RIGHT};

    private LegLoadAnalyzer() {
    }

    /**
     * Analyses {@code recording}, whose gait analysis is {@code gait}.
     *
     * @return the analysis; legs without any derivable signal are left out, and strides of such
     *         legs carry no {@link StrideLegLoad}; a leg whose thigh and shank IMUs cannot give
     *         a knee angle (see {@link JointAngleEstimator#flexionDeg(Recording, Side, JointAngleSettings)},
     *         e.g. a recording no longer than the calibration period) has none, and a notice
     *         saying why
     * @throws IllegalArgumentException when the foot IMU's angular-rate unit can be neither read
     *                                  nor guessed, or when the given foot geometry does not fit the
     *                                  recording's ({@link LegLoadSettings#geometry})
     */
    public static LegLoadAnalysis analyze(Recording recording, GaitAnalysis gait, LegLoadSettings settings) {
        double massKg = recording.metadata().hasBodyMass() ? recording.metadata().bodyMassKg() : Double.NaN;
        Map<Side, LegSeries> legs = new EnumMap<>(Side.class);
        Map<Side, LegSummary> summaries = new EnumMap<>(Side.class);
        List<CalfRaiseRepetition> reps = new ArrayList<>();
        List<Side> calfRaiseFeet = new ArrayList<>();
        List<StrideResult> strides = new ArrayList<>(gait.strides());
        List<String> notices = new ArrayList<>();
        Optional<String> tooShort = GaitNotices.tooShortForAStride(gait, recording);
        tooShort.ifPresentOrElse(notices::add, () -> GaitNotices.noStrides(gait, recording.length()).ifPresent(notices::add));
        GaitNotices.manyRejected(gait).ifPresent(notices::add);
        GaitNotices.strideLostToMissingData(gait).ifPresent(notices::add);
        StoppedFootNotice.of(recording, gait).ifPresent(notices::add);
        GaitNotices.lowSampleRate(recording, gait).ifPresent(notices::add);
        if (!gait.forceInNewtons()) {
            InsoleSignalNotices.forceNotInNewtons(recording).ifPresent(notices::add);
        } else {
            InsoleSignalNotices.noCellLayout(recording).ifPresent(notices::add);
        }
        InsoleSignalNotices.emptyInsoles(recording).ifPresent(notices::add);
        ForceRange.notice(recording).ifPresent(notices::add);
        Optional<String> negative = InsoleSignalNotices.negativeForce(recording);
        negative.ifPresent(notices::add);
        if (negative.isEmpty()) {
            SwingForceNotice.of(recording, gait).ifPresent(notices::add);
        }
        if (negative.isEmpty()) {
            // below zero, the peaks are implausible too, but the unit is not what to check
            // implausible peaks already point at the unit, the calibration and the mass
            BodyWeightCheck bodyWeight = new BodyWeightCheck();
            gait.strides().forEach(bodyWeight::accept);
            bodyWeight.notice(massKg).ifPresent(notices::add);
        }
        if (tooShort.isEmpty()) {
            // a few samples of an insole may well be the same: no sign of a sensor not connected
            InsoleSignalNotices.flatInsoles(recording).ifPresent(notices::add);
        }
        InsoleSignalNotices.copBeyondTheInsole(recording).ifPresent(notices::add);
        InsoleSignalNotices.copOnZeroToOne(recording).ifPresent(notices::add);
        ImuSignalNotices.incompleteAxes(recording).ifPresent(notices::add);
        ImuSignalNotices.unitsJudged(recording).ifPresent(notices::add);
        ImuSignalNotices.gyroOutOfRange(recording).ifPresent(notices::add);
        ImuSignalNotices.gyroTooSlowForSteps(recording, gait).ifPresent(notices::add);
        ImuSignalNotices.legGyroTooSlowWhileWalking(recording, gait).ifPresent(notices::add);
        for (Side side : FEET) {
            double[] forceN = screenedForce(recording, side);
            LegSeries leg = series(recording, side, forceN, massKg, settings, notices);
            List<CalfRaiseRepetition> sideReps = calfRaises(recording, side, forceN, leg, massKg, settings);
            if (sideReps != null) {
                calfRaiseFeet.add(side);
                reps.addAll(sideReps);
            }
            if (leg.isEmpty()) {
                continue;
            }
            legs.put(side, leg);
            List<StrideLegLoad> figures = new ArrayList<>();
            for (int i = 0; i < strides.size(); i++) {
                Stride stride = strides.get(i).stride();
                if (stride.side() == side) {
                    StrideLegLoad f = stride(leg, stride, recording, massKg, settings);
                    strides.set(i, strides.get(i).withLeg(f));
                    figures.add(f);
                }
            }
            summaries.put(side, summary(leg, figures, recording.sampleRateHz(), massKg, settings,
                    sideReps == null ? null : sideReps.size()));
        }
        LegLoadNotices.defaultInsoleLength(recording, legs.values(), settings).ifPresent(notices::add);
        reps.sort(Comparator.comparingDouble(CalfRaiseRepetition::startS).thenComparing(CalfRaiseRepetition::side));
        GaitAnalysis withLegs = new GaitAnalysis(gait.events(), strides, gait.rejected(), gait.sides(), gait.session(),
                gait.settings(), gait.forceInNewtons(), gait.missingSamples(), gait.imuAxes());
        return new LegLoadAnalysis(withLegs, legs, summaries, reps, calfRaiseFeet, settings, notices);
    }

    /** @param forceN the foot's force as {@link #screenedForce} gives it, or null */
    private static LegSeries series(Recording recording, Side side, double[] forceN, double massKg,
                                    LegLoadSettings settings, List<String> notices) {
        PlantarFlexionSettings pf = settings.plantarFlexion();
        FootGeometry geometry = settings.geometry(recording.metadata(), side);
        Optional<Channel> force = recording.find(PlantarFlexionLoading.forceChannel(side));
        Optional<Channel> cop = recording.find(PlantarFlexionLoading.copChannel(side));
        double[] ankle = ankleDeg(recording, side);
        double[] moment = null;
        double[] achilles = null;
        // an insole without a single sample (a one-insole recording's other columns) gives no moment
        LegLoadNotices.noCentreOfPressure(recording, side, force, cop).ifPresent(notices::add);
        if (forceN != null) {
            // a single-sample transmission error in the force taken out, as the strides' figures do
            double[] raw = PlantarFlexionMoment.momentNm(forceN, cop.get().toDoubleArray(), geometry);
            moment = new double[raw.length];
            Median3.replaceOutliers(raw, 0, moment, 0, raw.length, StanceLoadingWindows.OUTLIER_SHARE_OF_RANGE);
            achilles = PlantarFlexionMoment.achillesForceN(moment, ankle, pf.momentArm());
        }
        double[] knee = null;
        if (HingeJoint.KNEE.hasImus(recording, side)) {
            try {
                knee = JointAngleEstimator.flexionDeg(recording, side,
                        JointAngleSettings.defaults(recording.sampleRateHz())).orElse(null);
            } catch (IllegalArgumentException e) {
                notices.add(LegLoadNotices.kneeAngleFailure(side, e.getMessage()));
            }
            Optional<String> beyondStraight = knee == null ? Optional.empty() : KneeBeyondStraight.of(knee).notice(side);
            if (beyondStraight.isPresent()) {
                notices.add(beyondStraight.get());
                knee = null;
            }
        } else {
            LegLoadNotices.oneKneeSegment(recording, side).ifPresent(notices::add);
        }
        boolean[] dominant = null;
        if (moment != null && knee != null && massKg > 0) {
            dominant = SoleusDominance.dominant(moment, knee, recording.sampleRateHz(), settings.soleus(), massKg,
                    geometry.insoleLengthM());
        }
        return new LegSeries(side, geometry, moment, achilles, knee, ankle, dominant);
    }

    /**
     * The force's samples as the gait analysis screens them ({@link ForceScreen}): a force no foot
     * carries missing, as a dropout is, and from where the force shows itself to be on another
     * scale, every sample, since its moments and calf raises would be as far off; infinite
     * samples missing. {@link LiveLegTrack} takes the same samples from the stream's screen.
     * Null where the foot has no force in newtons with samples, or no centre of pressure: no
     * moment and no calf raises then.
     */
    private static double[] screenedForce(Recording recording, Side side) {
        Optional<Channel> force = recording.find(PlantarFlexionLoading.forceChannel(side));
        if (force.isEmpty() || recording.find(PlantarFlexionLoading.copChannel(side)).isEmpty()
                || !InsoleSignalNotices.hasSamples(force.get())) {
            return null;
        }
        double[] forceN = force.get().toDoubleArray();
        for (int i = 0; i < forceN.length; i++) {
            forceN[i] = Double.isInfinite(forceN[i]) ? Double.NaN : forceN[i];
        }
        double maxForceN = recording.metadata().hasBodyMass()
                ? ForceRange.maxForceN(recording.metadata().bodyMassKg() * Gravity.STANDARD_MPS2)
                : Double.POSITIVE_INFINITY;
        long scaleFrom = ForceScreen.apply(forceN, maxForceN, recording.sampleRateHz()).scaleFrom();
        if (scaleFrom >= 0) {
            Arrays.fill(forceN, (int) scaleFrom, forceN.length, Double.NaN);
        }
        return forceN;
    }

    /** Ankle plantar flexion from the shank and foot IMUs, or null without them or when their axes cannot be found. */
    private static double[] ankleDeg(Recording recording, Side side) {
        try {
            return HingeJoint.ANKLE.anglesDeg(recording, side, JointAngleSettings.ankleDefaults(recording.sampleRateHz()))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The foot's repetitions, or null when its insole gives no force in newtons with a centre of pressure. */
    private static List<CalfRaiseRepetition> calfRaises(Recording recording, Side side, double[] forceN, LegSeries leg,
                                                        double massKg, LegLoadSettings settings) {
        if (forceN == null) {
            return null;
        }
        float[] heel = recording.find(FootPressureChannels.heelForce(side)).map(Channel::samples).orElse(null);
        float[] force = new float[forceN.length];
        for (int i = 0; i < force.length; i++) {
            force[i] = (float) forceN[i];
        }
        float[] cop = recording.find(PlantarFlexionLoading.copChannel(side)).orElseThrow().samples();
        return CalfRaiseAnalysis.analyze(side, force, cop, heel, leg.kneeFlexionDeg(),
                footImu(recording, side), recording.sampleRateHz(), recording.startTimeS(), massKg, settings.calfRaise());
    }

    /** The foot-worn IMU in deg/s and m/s², or null without one that has an accelerometer of known unit. */
    private static ImuSamples footImu(Recording recording, Side side) {
        Optional<ImuChannels> imu;
        try {
            imu = ImuChannels.foot(recording, side);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(side.label() + " foot IMU: " + e.getMessage(), e);
        }
        if (imu.isEmpty() || imu.get().acc().isEmpty() || Double.isNaN(imu.get().accToMps2())) {
            return null;
        }
        return ImuSamples.of(imu.get());
    }

    private static StrideLegLoad stride(LegSeries leg, Stride stride, Recording recording, double massKg,
                                        LegLoadSettings settings) {
        double fs = recording.sampleRateHz();
        double t0 = recording.startTimeS();
        int n = recording.length();
        int from = clamp((int) Math.round((stride.startS() - t0) * fs), n);
        int to = clamp((int) Math.round((stride.endS() - t0) * fs), n);
        int toeOff = clamp((int) Math.round((stride.toeOffS() - t0) * fs), n);
        return StrideLegFigures.compute(leg.momentNm(), leg.plantarFlexionDeg(), leg.kneeFlexionDeg(),
                leg.soleusDominant() != null, from, toeOff, to, fs, t0, massKg, settings, leg.geometry());
    }

    private static LegSummary summary(LegSeries leg, List<StrideLegLoad> figures, double fs, double massKg,
                                      LegLoadSettings settings, Integer calfRaises) {
        double[] moment = leg.momentNm();
        int n = moment != null ? moment.length : leg.kneeFlexionDeg().length;
        double impulse = moment == null || n == 0 ? Double.NaN
                : PlantarFlexionLoading.window(moment, leg.plantarFlexionDeg(), 0, n, fs, 0, settings.plantarFlexion(),
                        massKg).impulseNms();
        SoleusLoad soleus = leg.soleusDominant() == null || n == 0 ? null
                : SoleusDominance.window(moment, leg.kneeFlexionDeg(), 0, n, fs, settings.soleus(), massKg,
                        leg.geometry().insoleLengthM());
        return new LegSummary(leg.side(), leg.geometry().insoleLengthM(), leg.geometry().heelToAnkleM(),
                mean(figures, StrideLegLoad::peakMomentNmPerKg), mean(figures, StrideLegLoad::peakAchillesBw),
                mean(figures, StrideLegLoad::maxStanceKneeFlexionDeg), impulse,
                soleus == null ? Double.NaN : soleus.dominantTimeS(),
                soleus == null ? Double.NaN : soleus.dominantImpulseNms(),
                soleus == null ? Double.NaN : soleus.soleusShare(), calfRaises);
    }

    /** Mean of the finite values; NaN when there are none. */
    private static double mean(List<StrideLegLoad> figures, ToDoubleFunction<StrideLegLoad> value) {
        double sum = 0;
        int count = 0;
        for (StrideLegLoad f : figures) {
            double v = value.applyAsDouble(f);
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static int clamp(int index, int n) {
        return Math.max(0, Math.min(n, index));
    }
}
