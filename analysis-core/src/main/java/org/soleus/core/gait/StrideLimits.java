package org.soleus.core.gait;

/**
 * Validity limits of a stride.
 *
 * @param minStrideS    shortest stride, s
 * @param maxStrideS    longest stride, s
 * @param minStancePct  smallest stance share of the stride, %
 * @param maxStancePct  largest stance share of the stride, %
 */
public record StrideLimits(double minStrideS, double maxStrideS, double minStancePct, double maxStancePct) {
    public StrideLimits {
        if (!(minStrideS > 0 && maxStrideS > minStrideS)) {
            throw new IllegalArgumentException("stride limits must satisfy 0 < min < max, got "
                    + minStrideS + " and " + maxStrideS);
        }
        if (!(minStancePct >= 0 && maxStancePct > minStancePct && maxStancePct <= 100)) {
            throw new IllegalArgumentException("stance limits must satisfy 0 <= min < max <= 100 %, got "
                    + minStancePct + " and " + maxStancePct);
        }
    }
}
