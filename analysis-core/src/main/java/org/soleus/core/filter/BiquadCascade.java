package org.soleus.core.filter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A causal streaming filter: {@link SecondOrderSections} run one after the other, each in Direct
 * Form II transposed, the structure of SciPy's {@code sosfilt}:
 * <pre>
 *   y      = b0 x + z0
 *   z0    ← b1 x − a1 y + z1
 *   z1    ← b2 x − a2 y
 * </pre>
 * with the output of one section the input of the next. The state (two values per section) lives
 * in one array allocated here and reused, so {@link #filter(double)} allocates nothing.
 *
 * <p>Start: {@link #startingAtZero} is SciPy's {@code sosfilt(sos, x)} (state 0, so a signal that
 * does not start at 0 looks like a step and the filter rings); {@link #startingAtSteadyState} sets
 * the state from the first sample, as {@code sosfilt(sos, x, zi=sosfilt_zi(sos) * x[0])} does, so a
 * signal that starts at a constant level passes without a transient.
 *
 * <p>The sample-by-sample {@link #filter(double)} and the array driver
 * {@link #filter(double[], int, double[], int, int)} run the same code and give bit-identical
 * results, however the input is split into calls.
 *
 * <p>NaN: a NaN input enters the state and every later output is NaN until {@link #reset()}.
 * Interpolate short gaps first ({@link Gaps#interpolateLinear}) and reset across long ones.
 *
 * <p>Not thread-safe: one instance per signal and thread.
 */
public final class BiquadCascade {
    private final double[] coefficients;
    private final double[] unitStepState;
    private final double[] state;
    private final int sectionCount;
    private final boolean steadyStart;
    private boolean awaitingFirstSample;

    private BiquadCascade(SecondOrderSections sections, boolean steadyStart) {
        Objects.requireNonNull(sections, "sections");
        this.coefficients = sections.coefficientsShared();
        this.unitStepState = sections.unitStepStateShared();
        this.sectionCount = sections.sectionCount();
        this.state = new double[2 * sectionCount];
        this.steadyStart = steadyStart;
        this.awaitingFirstSample = steadyStart;
    }

    /** A filter whose state starts at zero (SciPy {@code sosfilt} without {@code zi}). */
    public static BiquadCascade startingAtZero(SecondOrderSections sections) {
        return new BiquadCascade(sections, false);
    }

    /**
     * A filter whose state is set from the first sample it sees (and the first after each
     * {@link #reset()}) to the steady state of a constant input at that level.
     */
    public static BiquadCascade startingAtSteadyState(SecondOrderSections sections) {
        return new BiquadCascade(sections, true);
    }

    /**
     * Filters one sample.
     *
     * @return the output for this sample
     */
    public double filter(double x) {
        if (awaitingFirstSample) {
            resetToSteadyState(x);
        }
        return step(coefficients, state, sectionCount, x);
    }

    /**
     * Filters {@code len} samples of {@code src} from {@code srcOff} into {@code dst} from
     * {@code dstOff}, continuing from the current state, exactly as {@code len} calls of
     * {@link #filter(double)} would.
     *
     * @param dst written; may be {@code src} only at the same offset (in place), not overlapping it
     *            otherwise
     * @throws IllegalArgumentException if a range falls outside its array, or dst overlaps src at
     *                                  another offset
     */
    public void filter(double[] src, int srcOff, double[] dst, int dstOff, int len) {
        ArrayRanges.check("src", src, srcOff, len);
        ArrayRanges.check("dst", dst, dstOff, len);
        ArrayRanges.checkInPlaceOrDisjoint(src, srcOff, dst, dstOff, len);
        if (len == 0) {
            return;
        }
        if (awaitingFirstSample) {
            resetToSteadyState(src[srcOff]);
        }
        double[] c = coefficients;
        double[] z = state;
        int n = sectionCount;
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = step(c, z, n, src[srcOff + i]);
        }
    }

    /**
     * Back to the start: state zero, or, for {@link #startingAtSteadyState}, set again from the next
     * sample.
     */
    public void reset() {
        Arrays.fill(state, 0.0);
        awaitingFirstSample = steadyStart;
    }

    /**
     * Sets the state to the steady state of a constant input {@code level}, whatever the start mode:
     * the next output for an input of {@code level} is {@code level × dcGain()}.
     */
    public void resetToSteadyState(double level) {
        steadyState(unitStepState, level, state);
        awaitingFirstSample = false;
    }

    /** {@code state = unitStepState × level}. */
    static void steadyState(double[] unitStepState, double level, double[] state) {
        for (int i = 0; i < unitStepState.length; i++) {
            state[i] = unitStepState[i] * level;
        }
    }

    /**
     * One sample through all sections, updating {@code z} (two values per section) in place. The
     * single implementation of the recursion, shared by every driver in this package.
     */
    static double step(double[] c, double[] z, int sectionCount, double x) {
        double y = x;
        for (int s = 0, o = 0, k = 0; s < sectionCount; s++, o += SecondOrderSections.STRIDE, k += 2) {
            double in = y;
            y = c[o] * in + z[k];
            z[k] = c[o + 1] * in - c[o + 4] * y + z[k + 1];
            z[k + 1] = c[o + 2] * in - c[o + 5] * y;
        }
        return y;
    }
}
