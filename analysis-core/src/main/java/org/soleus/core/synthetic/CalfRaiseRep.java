package org.soleus.core.synthetic;

/**
 * One calf-raise repetition as generated (both feet together).
 *
 * @param set            which set, from 0
 * @param index          repetition within the set, from 0
 * @param startS         the heel starts to rise, s
 * @param topS           the heel reaches its highest point (the hold starts), s
 * @param endS           the heel is down again, s
 * @param kneeFlexionDeg knee flexion held, degrees
 * @param heelRiseDeg    foot pitch at the top, degrees
 * @param seated         whether seated
 */
public record CalfRaiseRep(int set, int index, double startS, double topS, double endS, double kneeFlexionDeg,
                           double heelRiseDeg, boolean seated) {
    public CalfRaiseRep {
        if (!(startS < topS && topS < endS)) {
            throw new IllegalArgumentException("repetition times must satisfy start < top < end, got "
                    + startS + ", " + topS + ", " + endS);
        }
    }

    /** Time per repetition from heel off to heel down, s. */
    public double durationS() {
        return endS - startS;
    }
}
