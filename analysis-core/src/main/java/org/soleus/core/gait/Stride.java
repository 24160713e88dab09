package org.soleus.core.gait;

import java.util.Objects;
import org.soleus.core.recording.Side;

/**
 * One gait cycle of one foot: heel strike to the next heel strike of the same foot, with the
 * toe off between them. Stance runs from the first heel strike to the toe off, swing from
 * the toe off to the closing heel strike.
 *
 * @param side            the foot
 * @param startS          heel strike opening the stride, s
 * @param toeOffS         toe off within the stride, s
 * @param endS            heel strike closing the stride, s
 * @param doubleSupportS  time within the stride with both feet loaded, s; NaN when the other
 *                        foot's contacts are unknown
 */
public record Stride(Side side, double startS, double toeOffS, double endS, double doubleSupportS) {
    public Stride {
        Objects.requireNonNull(side, "side");
        if (!(startS < toeOffS && toeOffS < endS)) {
            throw new IllegalArgumentException("stride times must satisfy start < toe off < end, got "
                    + startS + ", " + toeOffS + ", " + endS);
        }
    }

    /** Stride time, s. */
    public double strideS() {
        return endS - startS;
    }

    /** Stance time, s. */
    public double stanceS() {
        return toeOffS - startS;
    }

    /** Swing time, s. */
    public double swingS() {
        return endS - toeOffS;
    }

    /** Stance as a percentage of the stride. */
    public double stancePct() {
        return 100.0 * stanceS() / strideS();
    }

    /** Swing as a percentage of the stride. */
    public double swingPct() {
        return 100.0 * swingS() / strideS();
    }
}
