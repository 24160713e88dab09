package org.soleus.core.filter;

import java.util.Arrays;

/**
 * An IIR filter as a cascade of second-order sections (biquads), in SciPy's {@code sos} layout:
 * section {@code s} is the row {@code b0 b1 b2 a0 a1 a2} with {@code a0 = 1} and transfer function
 * <pre>
 *   H_s(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2),   H(z) = H_0(z) H_1(z) ... H_{n-1}(z)
 * </pre>
 * Designs come from {@link Butterworth}; {@link #of(double[])} wraps coefficients made elsewhere.
 *
 * <p>Also holds the unit-step steady state of every section (SciPy's {@code sosfilt_zi}): the
 * Direct Form II transposed state that a filter settles to under a constant input of 1. Scaled by
 * a first sample, it starts a filter as if that sample had always been there, so a signal that
 * does not start at zero does not make the filter ring.
 *
 * <p>Immutable and thread-safe: the coefficients live in private arrays that are never handed
 * out ({@link #toArray()} copies).
 */
public final class SecondOrderSections {
    /** Values per section in the flat layout: {@code b0 b1 b2 a0 a1 a2}. */
    public static final int STRIDE = 6;

    private final double[] coefficients;
    private final double[] unitStepState;

    private SecondOrderSections(double[] coefficients) {
        this.coefficients = coefficients;
        this.unitStepState = unitStepState(coefficients);
    }

    /**
     * Wraps sections given in SciPy's layout (rows of {@code b0 b1 b2 a0 a1 a2}, flattened row by
     * row, as {@code sos.ravel()} prints them). The array is copied.
     *
     * @param rows {@code 6 × n} finite values, {@code n ≥ 1}, every {@code a0} exactly 1
     * @throws IllegalArgumentException if the length is not a positive multiple of 6, a value is
     *                                  not finite, an {@code a0} is not 1 (divide the row by it), or
     *                                  a section has a pole at {@code z = 1} ({@code 1 + a1 + a2 = 0}),
     *                                  which has no steady state
     */
    public static SecondOrderSections of(double[] rows) {
        if (rows.length == 0 || rows.length % STRIDE != 0) {
            throw new IllegalArgumentException("sections need 6 values each (b0 b1 b2 a0 a1 a2), got "
                    + rows.length + " values");
        }
        for (int i = 0; i < rows.length; i++) {
            if (!Double.isFinite(rows[i])) {
                throw new IllegalArgumentException("coefficient " + i % STRIDE + " of section " + i / STRIDE
                        + " is " + rows[i] + ": all coefficients must be finite");
            }
        }
        for (int s = 0; s < rows.length / STRIDE; s++) {
            int o = s * STRIDE;
            if (rows[o + 3] != 1.0) {
                throw new IllegalArgumentException("a0 of section " + s + " is " + rows[o + 3]
                        + ": normalise the section by dividing all six values by a0");
            }
            if (1.0 + rows[o + 4] + rows[o + 5] == 0.0) {
                throw new IllegalArgumentException("section " + s + " has a pole at z = 1 (1 + a1 + a2 = 0): "
                        + "it has no steady state, so it cannot be used here");
            }
        }
        return new SecondOrderSections(rows.clone());
    }

    /** Wraps an array built by a design in this package, without copying; the caller gives it up. */
    static SecondOrderSections wrap(double[] rows) {
        return new SecondOrderSections(rows);
    }

    /** Number of sections. */
    public int sectionCount() {
        return coefficients.length / STRIDE;
    }

    /**
     * One coefficient.
     *
     * @param section 0 .. {@link #sectionCount()} − 1 (section 0 filters first)
     * @param column  0 .. 5 for {@code b0 b1 b2 a0 a1 a2}
     */
    public double coefficient(int section, int column) {
        if (section < 0 || section >= sectionCount() || column < 0 || column >= STRIDE) {
            throw new IllegalArgumentException("no coefficient (" + section + ", " + column + "): sections are 0.."
                    + (sectionCount() - 1) + ", columns 0..5");
        }
        return coefficients[section * STRIDE + column];
    }

    /**
     * One value of the unit-step steady state (SciPy {@code sosfilt_zi(sos)[section, index]}).
     *
     * @param section 0 .. {@link #sectionCount()} − 1
     * @param index   0 or 1, the two Direct Form II transposed state variables of the section
     */
    public double steadyState(int section, int index) {
        if (section < 0 || section >= sectionCount() || index < 0 || index > 1) {
            throw new IllegalArgumentException("no state (" + section + ", " + index + "): sections are 0.."
                    + (sectionCount() - 1) + ", indices 0..1");
        }
        return unitStepState[section * 2 + index];
    }

    /** Gain at 0 Hz, {@code H(1)}: 1 for a low-pass, 0 for a high-pass (up to rounding). */
    public double dcGain() {
        double gain = 1.0;
        for (int o = 0; o < coefficients.length; o += STRIDE) {
            gain *= sectionDcGain(coefficients, o);
        }
        return gain;
    }

    /** A copy of the coefficients in SciPy's layout, row by row ({@code 6 × sectionCount()} values). */
    public double[] toArray() {
        return coefficients.clone();
    }

    /** The coefficients, shared for the kernels of this package: never modify. */
    double[] coefficientsShared() {
        return coefficients;
    }

    /** The unit-step steady state, two values per section, shared: never modify. */
    double[] unitStepStateShared() {
        return unitStepState;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecondOrderSections other && Arrays.equals(other.coefficients, coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    /** The rows, one {@code [b0, b1, b2, a0, a1, a2]} per section. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SecondOrderSections[");
        for (int o = 0; o < coefficients.length; o += STRIDE) {
            sb.append(o == 0 ? "[" : ", [");
            for (int k = 0; k < STRIDE; k++) {
                sb.append(k == 0 ? "" : ", ").append(coefficients[o + k]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static double sectionDcGain(double[] c, int o) {
        return (c[o] + c[o + 1] + c[o + 2]) / (c[o + 3] + c[o + 4] + c[o + 5]);
    }

    /**
     * SciPy's {@code sosfilt_zi}: for each section the steady state of {@code lfilter_zi(b, a)}
     * (solving {@code zi = A zi + B} for the companion matrix {@code A} in closed form), scaled by
     * the DC gain of the sections before it.
     */
    private static double[] unitStepState(double[] c) {
        int sections = c.length / STRIDE;
        double[] zi = new double[2 * sections];
        double scale = 1.0;
        for (int s = 0; s < sections; s++) {
            int o = s * STRIDE;
            double b0 = c[o];
            double a1 = c[o + 4];
            double a2 = c[o + 5];
            double rhs0 = c[o + 1] - a1 * b0;
            double rhs1 = c[o + 2] - a2 * b0;
            double z0 = (rhs0 + rhs1) / (1.0 + a1 + a2);
            zi[2 * s] = scale * z0;
            zi[2 * s + 1] = scale * (rhs1 - a2 * z0);
            scale *= sectionDcGain(c, o);
        }
        return zi;
    }
}
