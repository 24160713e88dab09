package org.soleus.core.ankle;

/**
 * Per-sample kernels: ankle plantar-flexor moment from vertical force and centre of pressure,
 * and the Achilles tendon force it implies.
 *
 * <p>Moment = max(0, force) × {@link FootGeometry#leverM lever}: positive (plantar-flexor) when
 * the CoP lies in front of the ankle, negative (dorsiflexor) behind it, as just after heel strike.
 * Negative forces (insole offset noise) count as zero. Tendon force = max(0, moment) / moment
 * arm: a tendon pulls, so a dorsiflexor moment gives zero tendon force. NaN in any input gives
 * NaN, and so does a centre of pressure beyond ±{@value #MAX_COP_NORM} of the insole's length
 * (half a length off the insole: no measurement, such as a garbled sample or a channel in
 * percent). Stateless and thread-safe; the array forms do not allocate.
 */
public final class PlantarFlexionMoment {
    /** The farthest a normalised centre of pressure may lie from the insole's middle and be one, lengths. */
    public static final double MAX_COP_NORM = 1.0;

    private PlantarFlexionMoment() {
    }

    /**
     * Plantar-flexor moment of one sample, N·m.
     *
     * @param forceN   vertical force, N
     * @param copNorm  heel-to-toe CoP, fraction of insole length, −0.5 … +0.5
     * @param geometry foot dimensions
     */
    public static double momentNm(double forceN, double copNorm, FootGeometry geometry) {
        return Math.abs(copNorm) <= MAX_COP_NORM ? Math.max(0, forceN) * geometry.leverM(copNorm) : Double.NaN;
    }

    /**
     * Achilles tendon force of one sample, N.
     *
     * @param momentNm          plantar-flexor moment, N·m
     * @param plantarFlexionDeg ankle angle for an angle-dependent moment arm, or NaN
     * @param arm               the moment arm
     */
    public static double achillesForceN(double momentNm, double plantarFlexionDeg, AchillesMomentArm arm) {
        return Double.isNaN(momentNm) ? Double.NaN : Math.max(0, momentNm) / arm.atM(plantarFlexionDeg);
    }

    /**
     * Moments of {@code len} samples: {@code outNm[outOff + i] = momentNm(forceN[off + i], copNorm[off + i])}.
     * {@code outNm} may be one of the inputs.
     *
     * @return {@code outNm}
     */
    public static double[] momentNm(double[] forceN, double[] copNorm, int off, int len, FootGeometry geometry,
                                    double[] outNm, int outOff) {
        checkRange(forceN.length, off, len, "forceN");
        checkRange(copNorm.length, off, len, "copNorm");
        checkRange(outNm.length, outOff, len, "outNm");
        for (int i = 0; i < len; i++) {
            outNm[outOff + i] = momentNm(forceN[off + i], copNorm[off + i], geometry);
        }
        return outNm;
    }

    /** Moments of whole arrays of equal length, in a new array. */
    public static double[] momentNm(double[] forceN, double[] copNorm, FootGeometry geometry) {
        if (forceN.length != copNorm.length) {
            throw new IllegalArgumentException("force has " + forceN.length + " samples but CoP has " + copNorm.length);
        }
        return momentNm(forceN, copNorm, 0, forceN.length, geometry, new double[forceN.length], 0);
    }

    /**
     * Achilles tendon forces of whole arrays, in a new array.
     *
     * @param momentNm          moments, N·m
     * @param plantarFlexionDeg ankle angles of the same length, or null for the neutral moment arm
     * @param arm               the moment arm
     */
    public static double[] achillesForceN(double[] momentNm, double[] plantarFlexionDeg, AchillesMomentArm arm) {
        if (plantarFlexionDeg != null && plantarFlexionDeg.length != momentNm.length) {
            throw new IllegalArgumentException("moment has " + momentNm.length + " samples but ankle angle has "
                    + plantarFlexionDeg.length);
        }
        double[] out = new double[momentNm.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = achillesForceN(momentNm[i], plantarFlexionDeg == null ? Double.NaN : plantarFlexionDeg[i], arm);
        }
        return out;
    }

    private static void checkRange(int length, int off, int len, String what) {
        if (off < 0 || len < 0 || off > length - len) {
            throw new IllegalArgumentException(what + ": range [" + off + ", " + off + " + " + len
                    + ") does not fit an array of " + length);
        }
    }
}
