package org.soleus.core.load;

/**
 * Loading figures of one stance phase from vertical force in newtons.
 *
 * <ul>
 *   <li>Peak force: the largest force in stance.</li>
 *   <li>First and second peaks: the largest force in the first and in the second half of
 *       stance; the valley is the smallest force between their times (the double-hump walking
 *       curve; a single-hump curve gives a valley equal to the lower peak).</li>
 *   <li>Loading rate: the vertical instantaneous loading rate (VILR), the largest
 *       sample-to-sample slope from heel strike to the first peak, in body weights per second.
 *       The instantaneous maximum is used rather than the 20–80 % average (VALR) because it
 *       does not depend on how the rise is delimited. (Both are the running-injury measures of
 *       Milner et al., "Biomechanical factors associated with tibial stress fracture in female
 *       runners", Med Sci Sports Exerc 38(2):323–328, 2006, who take the VILR within 20–80 %
 *       of the rise; here it is the whole rise, as a walking curve has no impact transient.)</li>
 *   <li>Impulse: the trapezoidal force-time integral over stance, N·s.</li>
 *   <li>With a {@link PressureTrack}: the length of the centre-of-pressure path (where the
 *       track has both coordinates) and its heel-to-toe progression, as a fraction of the
 *       track's heel-to-toe span, over the samples that carry at least
 *       {@value #COP_MIN_PEAK_FRACTION} of the stance's peak force (from the first to the last
 *       of them); where the track has the heel force (from the insole cells), the heel region's
 *       share of the stance force-time integral: heel force over the insole's total force, both
 *       as recorded (not low-passed), over the samples where both are known (NaN when that is
 *       less than half of the stance: a share of a part is not the stance's). The centre of
 *       pressure of an insole is accurate only under load (its error falls as the force rises:
 *       Morin et al., "Evaluation of the foot center of pressure estimation from pressure insoles
 *       during sidestep cuts, runs and walks", Sensors 22(15):5628, 2022, doi:10.3390/s22155628),
 *       and near the stance's ends it rests on one or
 *       two cells and jumps; vendors blank it below a floor (Moticon writes 0, 0 below 50 N).
 *       A floor relative to the stance's own peak keeps those samples out whatever the device
 *       and the subject's weight.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class StanceLoading {
    /** Fraction of the stance's peak force below which a sample's centre of pressure is not used. */
    public static final double COP_MIN_PEAK_FRACTION = 0.1;

    private StanceLoading() {
    }

    /**
     * Computes the loading of the stance {@code [from, to)}.
     *
     * @param forceN       filtered vertical force, N (may be a window of the recording)
     * @param from         first stance sample (heel strike), index into {@code forceN}
     * @param to           one past the last stance sample (toe off)
     * @param sampleRateHz sample rate, Hz
     * @param startTimeS   time of {@code forceN[0]}, s
     * @param bodyWeightN  body weight in N (mass × g), or NaN to leave body-weight figures NaN
     * @param pressure     heel force and CoP of the whole recording, or null
     * @param pressureOff  index in {@code pressure} of {@code forceN[0]}
     * @return the figures; NaN where not measurable
     */
    public static StrideLoading compute(double[] forceN, int from, int to, double sampleRateHz, double startTimeS,
                                        double bodyWeightN, PressureTrack pressure, int pressureOff) {
        if (from < 0 || to > forceN.length || to - from < 3) {
            throw new IllegalArgumentException("stance [" + from + ", " + to + ") must hold at least 3 samples within "
                    + forceN.length);
        }
        double dt = 1.0 / sampleRateHz;
        int mid = (from + to) >>> 1;
        int peak = argMax(forceN, from, to);
        int first = argMax(forceN, from, mid);
        int second = argMax(forceN, mid, to);
        int valley = first + 1 < second ? argMin(forceN, first, second + 1) : (forceN[first] < forceN[second] ? first : second);
        double maxSlope = Double.NEGATIVE_INFINITY;
        for (int i = from; i < Math.max(first, from + 1); i++) {
            maxSlope = Math.max(maxSlope, (forceN[i + 1] - forceN[i]) * sampleRateHz);
        }
        double impulse = 0;
        for (int i = from; i < to - 1; i++) {
            impulse += 0.5 * (forceN[i] + forceN[i + 1]) * dt;
        }
        double heelShare = Double.NaN;
        double copPath = Double.NaN;
        double copProgression = Double.NaN;
        if (pressure != null && pressure.hasHeelForce()) {
            double heelImpulse = 0;
            double totalImpulse = 0;
            int known = 0;
            for (int i = pressureOff + from; i < pressureOff + to; i++) {
                float heel = pressure.heelForceN(i);
                float total = pressure.totalForceN(i);
                if (!Float.isNaN(heel) && !Float.isNaN(total)) {
                    heelImpulse += Math.max(0, heel);
                    totalImpulse += Math.max(0, total);
                    known++;
                }
            }
            heelShare = totalImpulse > 0 && 2 * known >= to - from ? 100.0 * heelImpulse / totalImpulse : Double.NaN;
        }
        if (pressure != null) {
            double[] path = copPath(pressure, forceN, from, to, pressureOff, COP_MIN_PEAK_FRACTION * forceN[peak]);
            copPath = path[0];
            copProgression = path[1];
        }
        return new StrideLoading(forceN[peak], forceN[peak] / bodyWeightN, forceN[first], startTimeS + first * dt,
                forceN[valley], forceN[second], startTimeS + second * dt, maxSlope / bodyWeightN, impulse,
                heelShare, copPath, copProgression);
    }

    /**
     * Returns {CoP path length, CoP heel-to-toe progression as a fraction of the span} over the
     * samples of [from, to) whose force is at least {@code minForceN}.
     */
    private static double[] copPath(PressureTrack pressure, double[] forceN, int from, int to, int pressureOff,
                                    double minForceN) {
        double path = 0;
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        double firstY = Double.NaN;
        boolean across = pressure.hasCopX();
        for (int i = from; i < to; i++) {
            double cx = across ? pressure.copX(pressureOff + i) : 0;
            double cy = pressure.copY(pressureOff + i);
            if (Double.isNaN(cx) || Double.isNaN(cy) || !(forceN[i] >= minForceN)) {
                continue;
            }
            if (Double.isNaN(prevX)) {
                firstY = cy;
            } else if (across) {
                double dx = cx - prevX;
                double dy = cy - prevY;
                path += Math.sqrt(dx * dx + dy * dy);
            }
            prevX = cx;
            prevY = cy;
        }
        if (Double.isNaN(firstY)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double progression = pressure.spanY() > 0 ? (prevY - firstY) / pressure.spanY() : Double.NaN;
        return new double[] {across ? path : Double.NaN, progression};
    }

    private static int argMax(double[] x, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argMin(double[] x, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (x[i] < x[best]) {
                best = i;
            }
        }
        return best;
    }
}
