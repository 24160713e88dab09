package org.soleus.core.ankle;

/**
 * The Achilles tendon moment arm about the ankle, constant or linear in the ankle angle.
 *
 * <p>Manal et al. (2013, J Biomech 46(6):1062–1068, doi:10.1016/j.jbiomech.2013.01.029) measured
 * about 35–38 mm in young adults; {@link #DEFAULT} uses {@value #DEFAULT_NEUTRAL_M} m. The moment
 * arm grows with plantar flexion and under load: about 10 % larger at push-off than at rest;
 * {@link #ANGLE_DEPENDENT} models that as a linear rise of 10 % over the first 20° of plantar
 * flexion ({@value #DEFAULT_CHANGE_PER_DEG_M} m per degree), a simplification of the reported
 * curves. In older adults it is about 11 % smaller: pass a scaled {@code neutralM}.
 *
 * @param neutralM      moment arm with the ankle at 0° (foot at right angles to the shank), m
 * @param changePerDegM change per degree of plantar flexion (dorsiflexion negative), m/°; 0 for
 *                      a constant moment arm
 */
public record AchillesMomentArm(double neutralM, double changePerDegM) {
    /** Default neutral moment arm, m. */
    public static final double DEFAULT_NEUTRAL_M = 0.037;
    /** Default change per degree of plantar flexion in the angle-dependent form, m/°. */
    public static final double DEFAULT_CHANGE_PER_DEG_M = 0.1 * DEFAULT_NEUTRAL_M / 20;
    /** A constant 37 mm. */
    public static final AchillesMomentArm DEFAULT = new AchillesMomentArm(DEFAULT_NEUTRAL_M, 0);
    /** 37 mm at 0°, 10 % more at 20° plantar flexion. */
    public static final AchillesMomentArm ANGLE_DEPENDENT = new AchillesMomentArm(DEFAULT_NEUTRAL_M, DEFAULT_CHANGE_PER_DEG_M);

    /** Ankle angles beyond this many degrees either way are clamped. */
    private static final double ANGLE_LIMIT_DEG = 50;

    public AchillesMomentArm {
        if (!(neutralM >= 0.02 && neutralM <= 0.08)) {
            throw new IllegalArgumentException("Achilles moment arm must be within 0.02–0.08 m, got " + neutralM
                    + " (pass metres, not centimetres or millimetres)");
        }
        if (!(Math.abs(changePerDegM) * ANGLE_LIMIT_DEG < neutralM / 2)) {
            throw new IllegalArgumentException("change per degree " + changePerDegM
                    + " m/° would change the moment arm by more than half over ±" + ANGLE_LIMIT_DEG + "°");
        }
    }

    /**
     * The moment arm at an ankle angle, m.
     *
     * @param plantarFlexionDeg ankle plantar flexion (dorsiflexion negative), degrees, clamped to
     *                          ±{@value #ANGLE_LIMIT_DEG}; NaN (unknown) gives the neutral arm
     */
    public double atM(double plantarFlexionDeg) {
        if (changePerDegM == 0 || Double.isNaN(plantarFlexionDeg)) {
            return neutralM;
        }
        double a = Math.max(-ANGLE_LIMIT_DEG, Math.min(ANGLE_LIMIT_DEG, plantarFlexionDeg));
        return neutralM + changePerDegM * a;
    }

    /**
     * The two values, as a record would show them; written out because the command line shows
     * this default, and the generated method is bound through method handles on first use
     * (about twenty classes spun at start-up).
     */
    @Override
    public String toString() {
        return "AchillesMomentArm[neutralM=" + neutralM + ", changePerDegM=" + changePerDegM + "]";
    }
}
