package org.soleus.core.exercise;

/**
 * Thresholds of the calf-raise detector and its checks. All are conventions, not measurements;
 * centre-of-pressure distances are fractions of insole length.
 *
 * <p>Detection: a heel lift is found when the centre of pressure moves more than
 * {@code releaseTravelNorm} forward of its flat-foot baseline and is over when it comes back within
 * it; it counts as a repetition when it went at least {@code onsetTravelNorm} forward, the heel
 * came off where a heel force is given (below: a forward shift of weight with the heel loaded, as
 * in standing sway, is no raise; without a heel force the centre of pressure cannot tell them
 * apart, and a small lift is reported, flagged too shallow), lasted
 * {@code minRepS} to {@code maxRepS} (start to end as refined below), and the foot carried at least
 * {@code minLoadN} throughout (toe off in walking cancels it). The baseline follows the centre of
 * pressure while the foot is flat (not during a lift and the search for its end) with time
 * constant {@code baselineTauS}, and unconditionally for {@code settleS} after the foot becomes
 * loaded (no lift starts then: walking stances are shorter, and the centre of pressure of a foot
 * just put down moves from the heel to its standing position); a lift longer than
 * {@code maxRepS} re-anchors it where the centre of pressure is.
 *
 * <p>Start and end: the band crossings come after the heel starts to rise and before it is fully
 * down, by the time the centre of pressure takes to travel {@code releaseTravelNorm} (a raise
 * eases in and out, so this grows with a slower tempo: on synthetic sets about 0.1 s each at
 * 2.5 s per repetition, 0.3 s at 6 s). So both are refined against the rest band, within
 * {@code restFraction} × {@code releaseTravelNorm} of the baseline (the heel still or again
 * down), tested on the centred moving mean of the centre of pressure over {@code restSmoothingS}
 * (so that one noisy sample neither meets nor misses it):
 * <ul>
 *   <li>start: the last sample, at most {@code edgeSearchS} before the forward crossing, within
 *       the rest band, or, when none of that look-back is, its sample of least travel. For this
 *       search and the rest of the lift the baseline is the one of the first sample of the
 *       look-back, before an easing-in rise could pull the low-pass up;</li>
 *   <li>end: the first sample after the return crossing within the rest band (decided
 *       {@code restSmoothingS} / 2 later, when its centred mean is complete), or, when none is
 *       within {@code edgeSearchS}, the sample of least travel since the crossing. A centre of
 *       pressure that goes forward past the band again before reaching the rest band continues
 *       the same lift (noise at the band edge does not split a repetition; raises that bounce
 *       without the heel coming down count as one).</li>
 * </ul>
 * A repetition is thus reported at most {@code edgeSearchS} after the return crossing. Both
 * thresholds are relative to the band and neither depends on the tempo; the rise still meets the
 * rest band a little after it starts (on synthetic sets 0.02 s at 1 s per repetition, 0.04 s at
 * 2.5 s, 0.11 s at 6 s, the same before the end, so durations read that much short twice).
 *
 * <p>Heel off: the heel counts as off while the heel-region force is below {@code heelOffForceFraction} of
 * the total, or, without a heel channel, while the centre of pressure is at least
 * {@code heelOffTravelNorm} forward of the baseline (a full raise moves it about 0.4–0.5 of the
 * insole length, from mid-foot to the forefoot).
 *
 * <p>Classification: seated when the mean force during the lift is below
 * {@code seatedMaxForceBw} body weights and the knee is flexed at least
 * {@code seatedMinKneeDeg} (standing on both feet puts about 0.5 body weights on each foot,
 * sitting about 0.1–0.25 with a weight on the knees); otherwise standing bent-knee when the mean
 * knee flexion reaches {@code bentKneeDeg}, else straight-knee. Without a body mass, seated needs
 * the knee angle alone to reach {@code seatedMinKneeDeg}.
 *
 * <p>Heel-rise angle (with a foot-worn IMU): the largest tilt of the foot during the lift from
 * its pose at the start, from the gravity direction of a Mahony filter (see
 * {@link CalfRaiseDetector}).
 *
 * <p>Checks: too fast when the lift (rise, hold, lower) takes less than {@code tooFastS}
 * (slow raises of about 2 s up and 2 s down are what rehabilitation programmes prescribe). Too
 * shallow, when the repetition has a heel-rise angle: the angle is below {@code minHeelRiseDeg}
 * or below {@code shallowFraction} of the median angle over the set; without one: the heel-off
 * share of the lift (heel-off time over duration, which does not shrink with a faster tempo) or
 * the centre-of-pressure travel is below {@code shallowFraction} of its median over the set. The
 * insole proxies are a fallback only: the centre of pressure reaches the forefoot as soon as the
 * heel is off, whatever the height, so a set of low raises moves them little.
 *
 * <p>Sets: a repetition starts a new set when it begins more than {@code setGapS} after the end
 * of the previous one or is of another kind ({@link CalfRaiseKind}): a programme prescribes sets
 * of one kind ("3 × 15 seated"), the shallow check compares a repetition with the median of its
 * set, and raises of different kinds (seated with a weight on the knees against standing) need
 * not rise alike. The price is that a repetition whose mean knee angle lands on the other side of
 * {@code bentKneeDeg} than its neighbours splits its set.
 *
 * @param onsetTravelNorm      forward travel a repetition must reach, fraction of insole length
 * @param releaseTravelNorm    forward travel that starts and ends a lift, fraction of insole length
 * @param restFraction         fraction of {@code releaseTravelNorm} within which the heel counts as down
 *                             when refining start and end, 0 (at the baseline) to below 1
 * @param edgeSearchS          longest look-back for the start and look-ahead for the end, s (also the
 *                             longest delay of a report after the heel comes down)
 * @param restSmoothingS       span of the centred moving mean of the centre of pressure that the rest-band
 *                             test uses, s (0: the samples themselves)
 * @param heelOffTravelNorm    forward travel that counts as heel off without a heel channel
 * @param heelOffForceFraction heel-region share of the total force below which the heel is off
 * @param minLoadN             least force on the foot throughout a repetition, N
 * @param minRepS              shortest lift that counts, s
 * @param maxRepS              longest lift that counts, s
 * @param baselineTauS         time constant of the flat-foot baseline, s
 * @param settleS              time after the foot becomes loaded during which the baseline settles, s
 * @param tooFastS             lifts shorter than this are flagged too fast, s
 * @param shallowFraction      fraction of the set's median below which a repetition is too shallow
 * @param minHeelRiseDeg       heel-rise angle below which a repetition is too shallow whatever its set, degrees
 * @param setGapS              pause that starts a new set (as does a change of kind), s
 * @param bentKneeDeg          mean knee flexion from which a standing raise is bent-knee, degrees
 * @param seatedMinKneeDeg     least mean knee flexion of a seated raise, degrees
 * @param seatedMaxForceBw     mean force per foot below which a raise is seated, body weights
 */
public record CalfRaiseSettings(double onsetTravelNorm, double releaseTravelNorm, double restFraction, double edgeSearchS,
                                double restSmoothingS, double heelOffTravelNorm, double heelOffForceFraction,
                                double minLoadN, double minRepS, double maxRepS, double baselineTauS, double settleS,
                                double tooFastS, double shallowFraction, double minHeelRiseDeg, double setGapS, double bentKneeDeg,
                                double seatedMinKneeDeg, double seatedMaxForceBw) {
    /**
     * Defaults: onset 0.08, release 0.04, start and end refined to where the travel is within
     * 0.25 of the release band (0.01 of insole length, under 3 mm on a 27-cm insole) on a 0.1-s
     * centred mean, searching up to 0.5 s either side, heel off at 0.2 of insole length or heel
     * force below 10 % of the total, 20 N least load (the force-plate contact threshold), lifts of
     * 0.5–10 s, baseline time constant 0.5 s settling for 1.5 s after the foot is loaded, too fast
     * below 2 s, too shallow below 0.6 of the set's median or, with a foot IMU, below a 10° heel
     * rise, 8 s between sets, bent knee from 20°, seated from 45° and below 0.35 body weights per foot.
     * The seated knee limit sits well below 90° because the force already marks a seated raise:
     * a seat lower or higher than the knee still counts. The 10° heel rise is a
     * convention of this toolkit, not a published criterion (heel-rise tests ask for the heel "as
     * high as possible"): with the heel about 0.19 m behind the ball of the foot it lifts the heel
     * about 3 cm, well short of a full raise (about 25° or more, 8 cm).
     */
    public static final CalfRaiseSettings DEFAULTS =
            new CalfRaiseSettings(0.08, 0.04, 0.25, 0.5, 0.1, 0.2, 0.1, 20, 0.5, 10, 0.5, 1.5, 2.0, 0.6, 10, 8, 20, 45,
                    0.35);

    public CalfRaiseSettings {
        if (!(releaseTravelNorm > 0 && releaseTravelNorm < onsetTravelNorm && onsetTravelNorm < 1)) {
            throw new IllegalArgumentException("need 0 < release < onset < 1 (fractions of insole length), got release "
                    + releaseTravelNorm + ", onset " + onsetTravelNorm);
        }
        if (!(restFraction >= 0 && restFraction < 1)) {
            throw new IllegalArgumentException("rest fraction must be within 0 (inclusive) and 1 of the release travel, got "
                    + restFraction);
        }
        if (!(edgeSearchS > 0 && edgeSearchS <= 5)) {
            throw new IllegalArgumentException("start/end search window must be within 0–5 s, got " + edgeSearchS);
        }
        if (!(restSmoothingS >= 0 && restSmoothingS < edgeSearchS)) {
            throw new IllegalArgumentException("rest-test smoothing must be within 0 (inclusive) and the search window "
                    + edgeSearchS + " s, got " + restSmoothingS);
        }
        if (!(heelOffTravelNorm > 0 && heelOffTravelNorm < 1)) {
            throw new IllegalArgumentException("heel-off travel must be within 0–1 of insole length, got " + heelOffTravelNorm);
        }
        if (!(heelOffForceFraction > 0 && heelOffForceFraction < 1)) {
            throw new IllegalArgumentException("heel-off force fraction must be within 0–1, got " + heelOffForceFraction);
        }
        if (!(minLoadN >= 0 && minLoadN < 10_000)) {
            throw new IllegalArgumentException("least load must be within 0–10000 N, got " + minLoadN);
        }
        if (!(minRepS > 0 && minRepS < maxRepS && maxRepS <= 600)) {
            throw new IllegalArgumentException("need 0 < minRepS < maxRepS <= 600 s, got " + minRepS + ", " + maxRepS);
        }
        if (!(baselineTauS > 0 && baselineTauS <= 60)) {
            throw new IllegalArgumentException("baseline time constant must be within 0–60 s, got " + baselineTauS);
        }
        if (!(settleS >= 0 && settleS <= 60)) {
            throw new IllegalArgumentException("settling time must be within 0–60 s, got " + settleS);
        }
        if (!(tooFastS >= 0 && tooFastS <= 60)) {
            throw new IllegalArgumentException("too-fast limit must be within 0–60 s, got " + tooFastS);
        }
        if (!(shallowFraction >= 0 && shallowFraction <= 1)) {
            throw new IllegalArgumentException("shallow fraction must be within 0–1 of the set median, got " + shallowFraction);
        }
        if (!(minHeelRiseDeg >= 0 && minHeelRiseDeg <= 60)) {
            throw new IllegalArgumentException("least heel-rise angle must be within 0–60°, got " + minHeelRiseDeg);
        }
        if (!(setGapS > 0 && setGapS <= 3600)) {
            throw new IllegalArgumentException("set gap must be within 0–3600 s, got " + setGapS);
        }
        if (!(bentKneeDeg >= 0 && bentKneeDeg <= seatedMinKneeDeg && seatedMinKneeDeg <= 150)) {
            throw new IllegalArgumentException("need 0 <= bentKneeDeg <= seatedMinKneeDeg <= 150°, got " + bentKneeDeg
                    + ", " + seatedMinKneeDeg);
        }
        if (!(seatedMaxForceBw > 0 && seatedMaxForceBw < 2)) {
            throw new IllegalArgumentException("seated force limit must be within 0–2 body weights, got " + seatedMaxForceBw);
        }
    }

    /** A copy with another too-fast limit, s. */
    public CalfRaiseSettings withTooFastS(double seconds) {
        return new CalfRaiseSettings(onsetTravelNorm, releaseTravelNorm, restFraction, edgeSearchS, restSmoothingS,
                heelOffTravelNorm, heelOffForceFraction, minLoadN, minRepS, maxRepS, baselineTauS, settleS, seconds,
                shallowFraction, minHeelRiseDeg, setGapS, bentKneeDeg, seatedMinKneeDeg, seatedMaxForceBw);
    }

    /** A copy with another least heel-rise angle, degrees (0 leaves only the comparison with the set). */
    public CalfRaiseSettings withMinHeelRiseDeg(double degrees) {
        return new CalfRaiseSettings(onsetTravelNorm, releaseTravelNorm, restFraction, edgeSearchS, restSmoothingS,
                heelOffTravelNorm, heelOffForceFraction, minLoadN, minRepS, maxRepS, baselineTauS, settleS, tooFastS,
                shallowFraction, degrees, setGapS, bentKneeDeg, seatedMinKneeDeg, seatedMaxForceBw);
    }
}
