package org.soleus.core.filter;

import java.util.Objects;

/**
 * Zero-phase filtering: the signal is filtered forward and then backward through the same
 * {@link SecondOrderSections}, as SciPy's {@code sosfiltfilt(sos, x)} with its defaults does
 * (odd-reflection padding and steady-state initial states, as MATLAB's {@code filtfilt} too;
 * Gustafsson's optimal initial states, "Determining the initial states in forward-backward
 * filtering", IEEE Trans. Signal Processing 44:988–992, 1996, doi:10.1109/78.492552, which SciPy
 * offers as {@code method="gust"}, are not used):
 * <ol>
 *   <li>both ends are extended by {@code padLength} samples of odd reflection about the end sample
 *       ({@code 2 x[0] − x[k]} before the start, {@code 2 x[n−1] − x[n−1−k]} after the end);</li>
 *   <li>the extended signal is filtered forward from the state {@code sosfilt_zi × first sample};</li>
 *   <li>the result is filtered backward from the state {@code sosfilt_zi × its last sample};</li>
 *   <li>the padding is cut off.</li>
 * </ol>
 * The magnitude response is that of the filter squared (a Butterworth low-pass of order {@code N}
 * applied this way is −6 dB at its cutoff, order {@code 2N} in roll-off) and the phase is zero, so
 * events such as heel strikes are not delayed. It is not causal: it needs the samples after each
 * one, so a live analysis applies it to a window once the window has arrived (as the loading of a
 * stance does, the same in files and live), and {@link BiquadCascade} filters sample by sample
 * where a delay is acceptable.
 *
 * <p>The default pad length is SciPy's: {@code 3 × (2 × sections + 1 − min(#b2 = 0, #a2 = 0))},
 * e.g. 12 for a 3rd-order and 27 for an 8th-order Butterworth ({@link #defaultPadLength}). The
 * signal must be longer than the pad.
 *
 * <p>Memory: every call needs {@code len + 2 × padLength} doubles of scratch. Pass a
 * {@link Workspace} to reuse it across calls; then a call allocates nothing once the workspace has
 * grown to the largest signal.
 *
 * <p>NaN: one NaN in the input makes the whole output NaN (the forward pass carries it to the end,
 * the backward pass back to the start). Interpolate short gaps first ({@link Gaps#interpolateLinear})
 * and filter the finite runs between longer gaps separately.
 *
 * <p>Stateless and thread-safe; a {@link Workspace} is not, so use one per thread.
 */
public final class ZeroPhase {
    private ZeroPhase() {
    }

    /**
     * SciPy's default {@code padlen} for {@code sosfiltfilt}: {@code 3 × ntaps}, where
     * {@code ntaps = 2 × sections + 1}, less the smaller of the counts of sections whose {@code b2} and
     * whose {@code a2} is exactly 0.
     */
    public static int defaultPadLength(SecondOrderSections sections) {
        double[] c = sections.coefficientsShared();
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (int o = 0; o < c.length; o += SecondOrderSections.STRIDE) {
            zeroB2 += c[o + 2] == 0.0 ? 1 : 0;
            zeroA2 += c[o + 5] == 0.0 ? 1 : 0;
        }
        int taps = 2 * sections.sectionCount() + 1 - Math.min(zeroB2, zeroA2);
        return 3 * taps;
    }

    /**
     * Filters a whole signal into a new array, with the default pad length.
     *
     * @param src input, not modified; longer than {@link #defaultPadLength}
     * @return the zero-phase filtered signal, same length
     * @throws IllegalArgumentException if the signal is not longer than the pad
     */
    public static double[] filtfilt(SecondOrderSections sections, double[] src) {
        Objects.requireNonNull(src, "src");
        double[] dst = new double[src.length];
        filtfilt(sections, src, 0, dst, 0, src.length, defaultPadLength(sections), null);
        return dst;
    }

    /**
     * Filters {@code src[srcOff .. srcOff + len)} into {@code dst[dstOff .. dstOff + len)} with the
     * default pad length, allocating one scratch buffer.
     *
     * @param dst written; may be {@code src} and may overlap it in any way (the input is copied first)
     * @throws IllegalArgumentException if a range falls outside its array or {@code len} is not
     *                                  greater than {@link #defaultPadLength}
     */
    public static void filtfilt(SecondOrderSections sections, double[] src, int srcOff,
                                double[] dst, int dstOff, int len) {
        filtfilt(sections, src, srcOff, dst, dstOff, len, defaultPadLength(sections), null);
    }

    /**
     * Filters {@code src[srcOff .. srcOff + len)} into {@code dst[dstOff .. dstOff + len)}: the kernel.
     *
     * @param padLength samples of odd extension at each end, {@code 0 ≤ padLength < len}; SciPy's
     *                  {@code padlen} ({@link #defaultPadLength} is its default; 0 disables padding,
     *                  for signals too short for the default at the price of edge transients)
     * @param workspace scratch reused across calls, or {@code null} to allocate for this call
     * @param dst       written; may be {@code src} and may overlap it in any way (the input is copied
     *                  into the workspace first)
     * @throws IllegalArgumentException if a range falls outside its array, {@code padLength} is
     *                                  negative, or {@code len} is not greater than {@code padLength}
     */
    public static void filtfilt(SecondOrderSections sections, double[] src, int srcOff,
                                double[] dst, int dstOff, int len, int padLength, Workspace workspace) {
        Objects.requireNonNull(sections, "sections");
        ArrayRanges.check("src", src, srcOff, len);
        ArrayRanges.check("dst", dst, dstOff, len);
        if (padLength < 0) {
            throw new IllegalArgumentException("padLength must be >= 0, got " + padLength);
        }
        if (len <= padLength) {
            throw new IllegalArgumentException("a signal of " + len + " samples is too short for zero-phase "
                    + "filtering with " + padLength + " samples of padding: it needs at least " + (padLength + 1)
                    + " samples; pass a smaller padLength (0 disables padding) or a longer signal");
        }
        Workspace ws = workspace != null ? workspace : new Workspace();
        int n = len + 2 * padLength;
        double[] ext = ws.buffer(n);
        double[] z = ws.state(2 * sections.sectionCount());
        double[] c = sections.coefficientsShared();
        double[] zi = sections.unitStepStateShared();
        int sectionCount = sections.sectionCount();

        double first = src[srcOff];
        double last = src[srcOff + len - 1];
        for (int i = 0; i < padLength; i++) {
            ext[i] = 2.0 * first - src[srcOff + padLength - i];
            ext[padLength + len + i] = 2.0 * last - src[srcOff + len - 2 - i];
        }
        System.arraycopy(src, srcOff, ext, padLength, len);

        if (sectionCount == 2) {
            forwardBackwardTwoSections(c, zi, ext, n);
        } else {
            BiquadCascade.steadyState(zi, ext[0], z);
            for (int i = 0; i < n; i++) {
                ext[i] = BiquadCascade.step(c, z, sectionCount, ext[i]);
            }
            BiquadCascade.steadyState(zi, ext[n - 1], z);
            for (int i = n - 1; i >= 0; i--) {
                ext[i] = BiquadCascade.step(c, z, sectionCount, ext[i]);
            }
        }
        System.arraycopy(ext, padLength, dst, dstOff, len);
    }

    /**
     * The two passes for two sections (a 3rd- or 4th-order design, the common case), with the
     * coefficients and the state in local variables: the same operations in the same order as
     * {@link BiquadCascade#step}, hence the same result, without a round trip through memory
     * for the state on every sample.
     */
    private static void forwardBackwardTwoSections(double[] c, double[] zi, double[] x, int n) {
        final int o = SecondOrderSections.STRIDE;
        final double b00 = c[0];
        final double b01 = c[1];
        final double b02 = c[2];
        final double a01 = c[4];
        final double a02 = c[5];
        final double b10 = c[o];
        final double b11 = c[o + 1];
        final double b12 = c[o + 2];
        final double a11 = c[o + 4];
        final double a12 = c[o + 5];
        double level = x[0];
        double z0 = zi[0] * level;
        double z1 = zi[1] * level;
        double z2 = zi[2] * level;
        double z3 = zi[3] * level;
        for (int i = 0; i < n; i++) {
            double in = x[i];
            double y = b00 * in + z0;
            z0 = b01 * in - a01 * y + z1;
            z1 = b02 * in - a02 * y;
            double out = b10 * y + z2;
            z2 = b11 * y - a11 * out + z3;
            z3 = b12 * y - a12 * out;
            x[i] = out;
        }
        level = x[n - 1];
        z0 = zi[0] * level;
        z1 = zi[1] * level;
        z2 = zi[2] * level;
        z3 = zi[3] * level;
        for (int i = n - 1; i >= 0; i--) {
            double in = x[i];
            double y = b00 * in + z0;
            z0 = b01 * in - a01 * y + z1;
            z1 = b02 * in - a02 * y;
            double out = b10 * y + z2;
            z2 = b11 * y - a11 * out + z3;
            z3 = b12 * y - a12 * out;
            x[i] = out;
        }
    }

    /**
     * Scratch memory for {@link ZeroPhase#filtfilt(SecondOrderSections, double[], int, double[], int, int,
     * int, Workspace)}: grows to the largest call and is then reused. Not thread-safe.
     */
    public static final class Workspace {
        /** State for the largest {@link Butterworth} design, so that it never needs to grow. */
        private double[] state = new double[2 * ((Butterworth.MAX_ORDER + 1) / 2)];
        private double[] buffer = new double[0];

        /** An empty workspace; it grows on first use. */
        public Workspace() {
        }

        /**
         * A workspace sized for signals of up to {@code signalLength} samples with up to
         * {@code padLength} samples of padding, so that no call of that size with a
         * {@link Butterworth} design allocates.
         */
        public Workspace(int signalLength, int padLength) {
            if (signalLength < 0 || padLength < 0) {
                throw new IllegalArgumentException("signal and pad lengths must be >= 0, got "
                        + signalLength + " and " + padLength);
            }
            buffer = new double[signalLength + 2 * padLength];
        }

        double[] buffer(int length) {
            if (buffer.length < length) {
                buffer = new double[length];
            }
            return buffer;
        }

        double[] state(int length) {
            if (state.length < length) {
                state = new double[length];
            }
            return state;
        }
    }
}
