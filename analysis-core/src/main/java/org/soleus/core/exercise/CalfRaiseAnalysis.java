package org.soleus.core.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.soleus.core.recording.Side;

/**
 * Batch calf-raise analysis of one foot: drives a {@link CalfRaiseDetector} over whole arrays,
 * then judges each set for shallow repetitions with {@link #flagShallow}. Stateless and
 * thread-safe.
 */
public final class CalfRaiseAnalysis {
    private CalfRaiseAnalysis() {
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
     * @param sampleRateHz   sample rate, Hz
     * @param startTimeS     time of sample 0, s
     * @param bodyMassKg     body mass, kg, or NaN when unknown
     * @param settings       thresholds
     * @return the repetitions in time order, with both flags set
     * @throws IllegalArgumentException when the given arrays differ in length
     */
    public static List<CalfRaiseRepetition> analyze(Side side, float[] forceN, float[] copYNorm, float[] heelForceN,
                                                    double[] kneeFlexionDeg, double sampleRateHz, double startTimeS,
                                                    double bodyMassKg, CalfRaiseSettings settings) {
        int n = forceN.length;
        if (copYNorm.length != n || (heelForceN != null && heelForceN.length != n)
                || (kneeFlexionDeg != null && kneeFlexionDeg.length != n)) {
            throw new IllegalArgumentException("force, centre of pressure, heel force and knee angle must have equal lengths, got "
                    + n + ", " + copYNorm.length + ", " + (heelForceN == null ? "none" : heelForceN.length) + ", "
                    + (kneeFlexionDeg == null ? "none" : kneeFlexionDeg.length));
        }
        List<CalfRaiseRepetition> reps = new ArrayList<>();
        CalfRaiseDetector detector = new CalfRaiseDetector(side, sampleRateHz, bodyMassKg, settings, reps::add);
        for (int i = 0; i < n; i++) {
            detector.accept(startTimeS + i / sampleRateHz, forceN[i], copYNorm[i],
                    heelForceN == null ? Double.NaN : heelForceN[i],
                    kneeFlexionDeg == null ? Double.NaN : kneeFlexionDeg[i]);
        }
        return flagShallow(reps, settings);
    }

    /**
     * Sets the too-shallow flag: a repetition is too shallow when its heel-off share (heel-off
     * time over lift duration, so that a fast repetition is not also called shallow) or its
     * centre-of-pressure travel is below {@link CalfRaiseSettings#shallowFraction()} of the median
     * of the same quantity over its set (same side and set number).
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
            for (int i = 0; i < set.size(); i++) {
                heelOff[i] = set.get(i).heelOffShare();
                travel[i] = set.get(i).copTravelNorm();
            }
            double f = settings.shallowFraction();
            out.add(rep.withTooShallow(rep.heelOffShare() < f * median(heelOff) || rep.copTravelNorm() < f * median(travel)));
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}
