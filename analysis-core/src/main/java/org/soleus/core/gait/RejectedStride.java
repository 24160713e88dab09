package org.soleus.core.gait;

import java.util.Objects;
import org.soleus.core.recording.Side;

/**
 * A candidate stride left out of the results, and why.
 *
 * @param side   the foot
 * @param startS opening heel strike, s
 * @param endS   closing heel strike, s
 * @param reason why it was rejected
 */
public record RejectedStride(Side side, double startS, double endS, Reason reason) {

    /** Why a candidate stride was rejected. */
    public enum Reason {
        /** Stride time outside the configured limits. */
        STRIDE_DURATION("stride_duration"),
        /** No toe off between the heel strikes, or more than one. */
        NO_SINGLE_TOE_OFF("no_single_toe_off"),
        /** Stance or swing outside the configured share of the stride. */
        PHASE_DURATION("phase_duration"),
        /**
         * The other foot stayed loaded through the whole stance, so the foot had no single
         * support: no step of the other foot (a shuffle, a turn on the spot, a weight shift).
         */
        NO_SINGLE_SUPPORT("no_single_support"),
        /** Missing samples within the stride. */
        MISSING_DATA("missing_data");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** Name used in output files. */
        public String label() {
            return label;
        }
    }

    public RejectedStride {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reason, "reason");
    }
}
