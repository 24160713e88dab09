package org.soleus.core.soleus;

/**
 * A model, not a measurement: the share of the ankle plantar-flexor moment carried by the soleus
 * as a function of knee flexion, rising linearly from {@value #STRAIGHT_KNEE_SHARE} with the knee
 * straight to {@value #BENT_KNEE_SHARE} at {@value #FULL_EFFECT_DEG}° and beyond.
 *
 * <p>Assumptions:
 * <ul>
 *   <li>Knee straight: the soleus carries about 60 % of the triceps surae moment, about its share
 *       of the triceps surae's physiological cross-section (the two gastrocnemius heads make up
 *       the rest: 51.8 of 82.6 cm², 63 %, in the cadaver measurements of Ward et al. 2009, Clin
 *       Orthop Relat Res 467(4):1074–1082).</li>
 *   <li>Knee flexed: maximal plantar-flexion torque falls by roughly 40 % and only soleus volume
 *       predicts it (Hébert-Losier et al. 2012, J Strength Cond Res 26(11):3124–3133), read here as
 *       the gastrocnemius contributing little at 90°. The share is capped at 0.9 because the
 *       gastrocnemius is not fully silent and the deep plantar flexors (tibialis posterior, the
 *       long toe flexors, the peronei) carry part of the moment.</li>
 *   <li>Linear in between, with no dependence on ankle angle, speed, fatigue or the person;
 *       the true relation is neither linear nor the same for everyone.</li>
 * </ul>
 * Use it to compare sessions and exercises of one person, not as a muscle force.
 * Stateless and thread-safe.
 */
public final class SoleusShareModel {
    /** Soleus share with the knee straight. */
    public static final double STRAIGHT_KNEE_SHARE = 0.6;
    /** Soleus share with the knee flexed {@value #FULL_EFFECT_DEG}° or more. */
    public static final double BENT_KNEE_SHARE = 0.9;
    /** Knee flexion at which the share stops rising, degrees. */
    public static final double FULL_EFFECT_DEG = 90;

    private SoleusShareModel() {
    }

    /**
     * The modelled soleus share of the plantar-flexor moment.
     *
     * @param kneeFlexionDeg knee flexion, degrees (0 = straight); negative values (hyperextension)
     *                       count as 0, NaN gives NaN
     * @return a share within {@value #STRAIGHT_KNEE_SHARE} … {@value #BENT_KNEE_SHARE}
     */
    public static double share(double kneeFlexionDeg) {
        if (Double.isNaN(kneeFlexionDeg)) {
            return Double.NaN;
        }
        double f = Math.max(0, Math.min(1, kneeFlexionDeg / FULL_EFFECT_DEG));
        return STRAIGHT_KNEE_SHARE + (BENT_KNEE_SHARE - STRAIGHT_KNEE_SHARE) * f;
    }
}
