package org.soleus.io.analysis;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.soleus.core.analysis.GaitAnalysis;

/**
 * The notice for strides far from walking's tempo under a sample rate the user gave
 * ({@code --rate}, or a row of {@code --subjects}): every time and duration found scales with the
 * rate, so a rate that is not the recording's shows as strides much longer or shorter than
 * walking's. Healthy adults walk with a
 * stride time of 1.03 ± 0.08 s (Gaßner et al., 2020), older adults about 1.1 s; the notice is given
 * when the median accepted stride is more than {@value #FACTOR} times longer or shorter than
 * {@value #WALKING_STRIDE_S} s. A recording without accepted strides has its own notice of why.
 * Stateless.
 */
final class GivenRateCheck {
    /** Healthy adults' stride time, s. */
    static final double WALKING_STRIDE_S = 1.03;
    /** How many times longer or shorter the median stride may be before the rate is questioned. */
    static final double FACTOR = 1.5;

    private GivenRateCheck() {
    }

    /**
     * The notice for {@code gait}, analysed at the rate the user gave ({@code givenBy}: {@code --rate}
     * or a row of a table of subjects), or empty when its strides look like walking.
     */
    static Optional<String> notice(GaitAnalysis gait, double givenRateHz, String givenBy) {
        double[] strides = gait.strides().stream().mapToDouble(r -> r.stride().strideS()).sorted().toArray();
        if (strides.length == 0) {
            return Optional.empty();
        }
        double medianS = strides.length % 2 == 1 ? strides[strides.length / 2]
                : (strides[strides.length / 2 - 1] + strides[strides.length / 2]) / 2;
        if (medianS <= WALKING_STRIDE_S * FACTOR && medianS >= WALKING_STRIDE_S / FACTOR) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the median stride lasts %.2f s, far from walking's 1.0–1.1 s: if"
                + " the %s Hz given by %s is not the recording's rate, every time and duration found scales with"
                + " it", medianS, BigDecimal.valueOf(givenRateHz).stripTrailingZeros().toPlainString(), givenBy));
    }
}
