package org.soleus.core.synthetic;

/**
 * One stretch of a synthetic session. Activities follow each other without gaps.
 */
public sealed interface Activity permits Activity.Standing, Activity.Walking, Activity.CalfRaises {

    /** Duration, s. */
    double durationS();

    /**
     * Quiet standing on both feet, knees straight: the calibration pose (knee flexion 0°).
     *
     * @param durationS duration, s
     */
    record Standing(double durationS) implements Activity {
        public Standing {
            if (!(durationS > 0 && durationS < 86_400)) {
                throw new IllegalArgumentException("standing duration must be within 0–86400 s, got " + durationS);
            }
        }
    }

    /**
     * Walking at a steady cadence. The duration is rounded to a whole number of strides (at least two).
     *
     * @param durationS            duration, s
     * @param cadenceStepsPerMin   cadence, steps per minute (stride time = 120 / cadence)
     * @param speedMps             walking speed, m/s; sets the hip flexion range
     * @param terrain              level ground, hill or stairs
     */
    record Walking(double durationS, double cadenceStepsPerMin, double speedMps, Terrain terrain) implements Activity {
        public Walking {
            if (!(durationS > 0 && durationS < 86_400)) {
                throw new IllegalArgumentException("walking duration must be within 0–86400 s, got " + durationS);
            }
            if (!(cadenceStepsPerMin >= 40 && cadenceStepsPerMin <= 200)) {
                throw new IllegalArgumentException("cadence must be within 40–200 steps/min, got " + cadenceStepsPerMin);
            }
            if (!(speedMps > 0 && speedMps <= 2.5)) {
                throw new IllegalArgumentException("walking speed must be within 0–2.5 m/s, got " + speedMps);
            }
            if (terrain == null) {
                throw new IllegalArgumentException("terrain must not be null; use Terrain.LEVEL");
            }
        }

        /** Stride time, s. */
        public double strideS() {
            return 120.0 / cadenceStepsPerMin;
        }
    }

    /**
     * A set of two-legged calf raises: {@value SETTLE_S} s to take up the posture, the repetitions,
     * {@value SETTLE_S} s to stand up straight again. Each repetition rises for 35 % of its time,
     * holds for 15 %, lowers for 35 % and rests for 15 %.
     *
     * @param repetitions    number of repetitions
     * @param kneeFlexionDeg knee flexion held during the set: 0 straight, e.g. 40 standing bent, 90 seated
     * @param repetitionS    time per repetition, s (tempo)
     * @param heelRiseDeg    foot pitch at the top (heel raised, toes down), degrees; small values
     *                       make shallow repetitions
     * @param seated         whether seated (thigh horizontal, each foot carrying 10 % of body weight)
     * @param addedLoadKg    extra load shared by both feet, kg: a weight on the knees when seated,
     *                       a carried weight when standing; 0 for none
     */
    record CalfRaises(int repetitions, double kneeFlexionDeg, double repetitionS, double heelRiseDeg, boolean seated,
                      double addedLoadKg) implements Activity {
        /** Time to take up and leave the posture, s. */
        public static final double SETTLE_S = 1.5;

        public CalfRaises {
            if (repetitions < 1 || repetitions > 1000) {
                throw new IllegalArgumentException("repetitions must be within 1–1000, got " + repetitions);
            }
            if (!(kneeFlexionDeg >= 0 && kneeFlexionDeg <= 100)) {
                throw new IllegalArgumentException("knee flexion must be within 0–100°, got " + kneeFlexionDeg);
            }
            if (!(repetitionS >= 0.5 && repetitionS <= 20)) {
                throw new IllegalArgumentException("repetition time must be within 0.5–20 s, got " + repetitionS);
            }
            if (!(heelRiseDeg > 0 && heelRiseDeg <= 50)) {
                throw new IllegalArgumentException("heel rise must be within 0–50°, got " + heelRiseDeg);
            }
            if (!(addedLoadKg >= 0 && addedLoadKg <= 300)) {
                throw new IllegalArgumentException("added load must be within 0–300 kg, got " + addedLoadKg);
            }
            if (seated && kneeFlexionDeg < 60) {
                throw new IllegalArgumentException("seated calf raises need a knee flexion of 60° or more, got " + kneeFlexionDeg);
            }
        }

        @Override
        public double durationS() {
            return 2 * SETTLE_S + repetitions * repetitionS;
        }
    }
}
