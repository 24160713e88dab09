package org.soleus.core.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.recording.Side;

/**
 * Batch calf-raise analysis of one foot: drives a {@link CalfRaiseDetector} over whole arrays
 * (with the foot IMU when there is one), then judges each set for shallow repetitions with
 * {@link #flagShallow}. Stateless and
 * thread-safe.
 */
public final class CalfRaiseAnalysis {
    private CalfRaiseAnalysis() {
    }

    /**
     * Detects, classifies and flags the repetitions of one foot without a foot IMU (no heel-rise
     * angle); see {@link #analyze(Side, float[], float[], float[], double[], ImuSamples, double, double, double,
     * CalfRaiseSettings)}.
     */
    public static List<CalfRaiseRepetition> analyze(Side side, float[] forceN, float[] copYNorm, float[] heelForceN,
                                                    double[] kneeFlexionDeg, double sampleRateHz, double startTimeS,
                                                    double bodyMassKg, CalfRaiseSettings settings) {
        return analyze(side, forceN, copYNorm, heelForceN, kneeFlexionDeg, null, sampleRateHz, startTimeS, bodyMassKg,
                settings);
    }

    /**
     * Detects, classifies and flags the repetitions of one foot. Sample {@code i} is at
     * {@code startTimeS + i / sampleRateHz}.
     *
     * @param side           which foot
     * @param forceN         total insole force, N
     * @param copYNorm       heel-to-toe centre of pressure, fraction of insole length, toes positive
     * @param heelForceN     heel-region force, N, or null without a heel channel
     * @param kneeFlexionDeg knee flexion, degrees, or null without a knee angle
     * @param foot           the foot-worn IMU (deg/s, m/s², any mounting) for the heel-rise angle, or null
     * @param sampleRateHz   sample rate, Hz
     * @param startTimeS     time of sample 0, s
     * @param bodyMassKg     body mass, kg, or NaN when unknown
     * @param settings       thresholds
     * @return the repetitions in time order, with both flags set
     * @throws IllegalArgumentException when the given arrays or the IMU differ in length
     */
    public static List<CalfRaiseRepetition> analyze(Side side, float[] forceN, float[] copYNorm, float[] heelForceN,
                                                    double[] kneeFlexionDeg, ImuSamples foot, double sampleRateHz,
                                                    double startTimeS, double bodyMassKg, CalfRaiseSettings settings) {
        int n = forceN.length;
        if (copYNorm.length != n || (heelForceN != null && heelForceN.length != n)
                || (kneeFlexionDeg != null && kneeFlexionDeg.length != n) || (foot != null && foot.length() != n)) {
            throw new IllegalArgumentException("force, centre of pressure, heel force, knee angle and foot IMU must have"
                    + " equal lengths, got " + n + ", " + copYNorm.length + ", "
                    + (heelForceN == null ? "none" : heelForceN.length) + ", "
                    + (kneeFlexionDeg == null ? "none" : kneeFlexionDeg.length) + ", "
                    + (foot == null ? "none" : foot.length()));
        }
        List<CalfRaiseRepetition> reps = new ArrayList<>();
        CalfRaiseDetector detector = new CalfRaiseDetector(side, sampleRateHz, bodyMassKg, settings, reps::add);
        for (int i = 0; i < n; i++) {
            double t = startTimeS + i / sampleRateHz;
            double heel = heelForceN == null ? Double.NaN : heelForceN[i];
            double knee = kneeFlexionDeg == null ? Double.NaN : kneeFlexionDeg[i];
            if (foot == null) {
                detector.accept(t, forceN[i], copYNorm[i], heel, knee);
            } else {
                detector.accept(t, forceN[i], copYNorm[i], heel, knee, foot.gyrXDps()[i], foot.gyrYDps()[i],
                        foot.gyrZDps()[i], foot.accXMps2()[i], foot.accYMps2()[i], foot.accZMps2()[i]);
            }
        }
        return flagShallow(reps, settings);
    }

    /**
     * Sets the too-shallow flag. A repetition with a heel-rise angle is too shallow when the angle
     * is below {@link CalfRaiseSettings#minHeelRiseDeg()} or below
     * {@link CalfRaiseSettings#shallowFraction()} of the median angle over the repetitions of its set
     * (same side and set number) that have one; a repetition without one when its heel-off share
     * (heel-off time over lift duration, so that a fast repetition is not also called shallow) or
     * its centre-of-pressure travel is below that fraction of the median of the same quantity over
     * its set. Only the angle tells a set of low raises: the insole proxies change little with the
     * height, and a set that is shallow throughout has no deeper repetitions to be compared with.
     *
     * @param reps     repetitions as a {@link CalfRaiseDetector} reports them
     * @param settings thresholds
     * @return new list, same order
     */
    public static List<CalfRaiseRepetition> flagShallow(List<CalfRaiseRepetition> reps, CalfRaiseSettings settings) {
        List<CalfRaiseRepetition> out = new ArrayList<>(reps.size());
        for (CalfRaiseRepetition rep : reps) {
            List<CalfRaiseRepetition> set = new ArrayList<>();
            for (CalfRaiseRepetition other : reps) {
                if (other.side() == rep.side() && other.set() == rep.set()) {
                    set.add(other);
                }
            }
            double[] heelOff = new double[set.size()];
            double[] travel = new double[set.size()];
            double[] rise = new double[set.size()];
            int rises = 0;
            for (int i = 0; i < set.size(); i++) {
                heelOff[i] = set.get(i).heelOffShare();
                travel[i] = set.get(i).copTravelNorm();
                if (!Double.isNaN(set.get(i).heelRiseDeg())) {
                    rise[rises++] = set.get(i).heelRiseDeg();
                }
            }
            double f = settings.shallowFraction();
            boolean shallow;
            if (Double.isNaN(rep.heelRiseDeg())) {
                shallow = rep.heelOffShare() < f * median(heelOff, heelOff.length)
                        || rep.copTravelNorm() < f * median(travel, travel.length);
            } else {
                shallow = rep.heelRiseDeg() < settings.minHeelRiseDeg() || rep.heelRiseDeg() < f * median(rise, rises);
            }
            out.add(rep.withTooShallow(shallow));
        }
        return out;
    }

    /** Median of the first {@code n} (at least one) values. */
    private static double median(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int m = n / 2;
        return n % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}
