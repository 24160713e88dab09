package org.soleus.core.analysis;

import java.util.Objects;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.recording.Side;

/**
 * The derived per-sample signals of one leg, on the recording's time base: ankle plantar-flexor
 * moment and Achilles tendon force (from the insole), knee flexion (from thigh and shank IMUs),
 * ankle plantar flexion (from shank and foot IMUs) and the soleus-dominant flag (from both). A signal that could not be derived is null. The
 * arrays are shared, not copied: do not change them.
 */
public final class LegSeries {
    private final Side side;
    private final FootGeometry geometry;
    private final double[] momentNm;
    private final double[] achillesN;
    private final double[] kneeFlexionDeg;
    private final double[] plantarFlexionDeg;
    private final boolean[] soleusDominant;

    /**
     * @param side           the leg
     * @param geometry       the foot geometry the moment was computed with
     * @param momentNm       plantar-flexor moment, N·m (NaN = missing), or null
     * @param achillesN      Achilles tendon force, N, or null exactly when {@code momentNm} is
     * @param kneeFlexionDeg knee flexion, degrees, or null
     * @param plantarFlexionDeg ankle plantar flexion, degrees (dorsiflexion negative), or null
     * @param soleusDominant whether each sample is soleus-dominant, or null
     */
    public LegSeries(Side side, FootGeometry geometry, double[] momentNm, double[] achillesN, double[] kneeFlexionDeg,
                     double[] plantarFlexionDeg, boolean[] soleusDominant) {
        this.side = Objects.requireNonNull(side, "side");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        if ((momentNm == null) != (achillesN == null)) {
            throw new IllegalArgumentException("moment and tendon force come together: both or neither");
        }
        int n = -1;
        for (int length : new int[] {momentNm == null ? -1 : momentNm.length, achillesN == null ? -1 : achillesN.length,
                kneeFlexionDeg == null ? -1 : kneeFlexionDeg.length,
                plantarFlexionDeg == null ? -1 : plantarFlexionDeg.length,
                soleusDominant == null ? -1 : soleusDominant.length}) {
            if (length >= 0 && n >= 0 && length != n) {
                throw new IllegalArgumentException("the signals of the " + side.label() + " leg differ in length");
            }
            n = Math.max(n, length);
        }
        this.momentNm = momentNm;
        this.achillesN = achillesN;
        this.kneeFlexionDeg = kneeFlexionDeg;
        this.plantarFlexionDeg = plantarFlexionDeg;
        this.soleusDominant = soleusDominant;
    }

    /** The leg. */
    public Side side() {
        return side;
    }

    /** The foot geometry the moment was computed with. */
    public FootGeometry geometry() {
        return geometry;
    }

    /** Plantar-flexor moment, N·m, or null without insole force in newtons and centre of pressure. */
    public double[] momentNm() {
        return momentNm;
    }

    /** Achilles tendon force, N, or null when {@link #momentNm()} is. */
    public double[] achillesN() {
        return achillesN;
    }

    /** Knee flexion, degrees, or null without thigh and shank IMUs. */
    public double[] kneeFlexionDeg() {
        return kneeFlexionDeg;
    }

    /**
     * Ankle plantar flexion, degrees from the standing calibration pose, positive toes down
     * ({@link org.soleus.core.joint.HingeJoint#ANKLE}), or null without shank and foot IMUs or
     * when their joint axes could not be found.
     */
    public double[] plantarFlexionDeg() {
        return plantarFlexionDeg;
    }

    /** Soleus-dominant flag per sample, or null without moment, knee angle or body mass. */
    public boolean[] soleusDominant() {
        return soleusDominant;
    }

    /** Whether any signal was derived. */
    public boolean isEmpty() {
        return momentNm == null && kneeFlexionDeg == null;
    }
}
