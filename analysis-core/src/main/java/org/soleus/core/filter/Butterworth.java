package org.soleus.core.filter;


import org.soleus.core.recording.SampleRates;
/**
 * Digital Butterworth low-pass and high-pass filters as second-order sections, designed exactly as
 * SciPy's {@code scipy.signal.butter(order, cutoffHz, btype, fs=sampleRateHz, output='sos')} does
 * (Virtanen et al., "SciPy 1.0", Nature Methods 17:261–272, 2020, doi:10.1038/s41592-019-0686-2):
 * <ol>
 *   <li>analog prototype poles {@code -exp(iπm/2N)}, {@code m = -N+1, -N+3, …, N-1} on the unit
 *       circle (Butterworth, "On the theory of filter amplifiers", Wireless Engineer 7:536–541,
 *       1930);</li>
 *   <li>cutoff prewarped for the bilinear transform, {@code ω = 4 tan(π fc / fs)} (on SciPy's
 *       normalised rate of 2), poles scaled by {@code ω} (low-pass) or mapped to {@code ω / p}
 *       (high-pass, adding {@code N} zeros at the origin);</li>
 *   <li>bilinear transform {@code z = (4 + s) / (4 - s)}: analog zeros at infinity land at
 *       {@code z = -1}, those at the origin at {@code z = +1}; the gain keeps {@code |H| = 1} in the
 *       pass band and {@code 1/√2} (−3 dB) at the cutoff;</li>
 *   <li>pairing into sections as SciPy's {@code zpk2sos(pairing='nearest')}: odd orders get an extra
 *       pole and zero at the origin; sections are built from the pole closest to the unit circle
 *       down, each pole pair with the zeros nearest it, and stored in reverse so the most resonant
 *       section filters last; the overall gain multiplies the numerator of section 0.</li>
 * </ol>
 * Coefficients agree with SciPy to rounding (the tests check 1e-9 relative against SciPy 1.17).
 *
 * <p>Stateless and thread-safe.
 */
public final class Butterworth {
    /** Highest order designed; higher orders gain little for gait signals and lose precision. */
    public static final int MAX_ORDER = 8;

    private Butterworth() {
    }

    /**
     * A low-pass filter: unit gain at 0 Hz, −3 dB at {@code cutoffHz}, falling {@code 6 × order}
     * dB per octave above it.
     *
     * @param order        1 .. {@link #MAX_ORDER}; the number of poles, {@code (order + 1) / 2} sections
     * @param cutoffHz     −3 dB frequency, {@code 0 < cutoffHz < sampleRateHz / 2}
     * @param sampleRateHz sampling rate, > 0
     * @throws IllegalArgumentException naming the bad value and its allowed range
     */
    public static SecondOrderSections lowPass(int order, double cutoffHz, double sampleRateHz) {
        return design(order, cutoffHz, sampleRateHz, false);
    }

    /**
     * A high-pass filter: zero gain at 0 Hz, −3 dB at {@code cutoffHz}, unit gain towards the Nyquist
     * frequency.
     *
     * @param order        1 .. {@link #MAX_ORDER}
     * @param cutoffHz     −3 dB frequency, {@code 0 < cutoffHz < sampleRateHz / 2}
     * @param sampleRateHz sampling rate, > 0
     * @throws IllegalArgumentException naming the bad value and its allowed range
     */
    public static SecondOrderSections highPass(int order, double cutoffHz, double sampleRateHz) {
        return design(order, cutoffHz, sampleRateHz, true);
    }

    private static SecondOrderSections design(int order, double cutoffHz, double sampleRateHz, boolean highPass) {
        validate(order, cutoffHz, sampleRateHz);
        double wn = cutoffHz / (sampleRateHz / 2.0);
        double warped = 4.0 * Math.tan(Math.PI * wn / 2.0);

        // Digital poles: one of each conjugate pair (imaginary part > 0), then the real ones.
        int pairs = order / 2;
        int poleCount = pairs + (order % 2 == 1 ? 2 : 0);
        double[] poleRe = new double[poleCount];
        double[] poleIm = new double[poleCount];
        // Gain of the bilinear transform: k * prod(4 - zeros) / prod(4 - poles) over the analog roots.
        double gain = highPass ? Math.pow(4.0, order) : Math.pow(warped, order);
        for (int j = 0; j < pairs; j++) {
            double theta = Math.PI * (2 * j - order + 1) / (2.0 * order);
            double protoRe = -Math.cos(theta);
            double protoIm = -Math.sin(theta); // > 0 for the negative m used here
            double sRe;
            double sIm;
            if (highPass) { // ω / p = ω p̄ / |p|², |p| = 1 up to rounding
                double norm = protoRe * protoRe + protoIm * protoIm;
                sRe = warped * protoRe / norm;
                sIm = -warped * protoIm / norm;
            } else {
                sRe = warped * protoRe;
                sIm = warped * protoIm;
            }
            // z = (4 + s) / (4 - s)
            double nRe = 4.0 + sRe;
            double dRe = 4.0 - sRe;
            double dIm = -sIm;
            double den = dRe * dRe + dIm * dIm;
            poleRe[j] = (nRe * dRe + sIm * dIm) / den;
            poleIm[j] = Math.abs((sIm * dRe - nRe * dIm) / den);
            gain /= den; // (4 - s)(4 - s̄) = |4 - s|²
        }
        int zeroCount = order + (order % 2);
        double[] zeros = new double[zeroCount];
        double zeroAt = highPass ? 1.0 : -1.0;
        if (order % 2 == 1) {
            double s = -warped; // analog real pole -1, scaled (ω / -1 = -ω for the high-pass too)
            poleRe[pairs] = (4.0 + s) / (4.0 - s);
            poleRe[pairs + 1] = 0.0;
            gain /= 4.0 - s;
        }
        // SciPy's order of real values: ascending. The extra zero at 0 sits below +1, above -1.
        for (int i = 0; i < order; i++) {
            zeros[highPass ? zeroCount - 1 - i : i] = zeroAt;
        }
        return SecondOrderSections.wrap(pairNearest(poleRe, poleIm, zeros, gain));
    }

    /**
     * SciPy's {@code zpk2sos} with {@code pairing='nearest'}, for the case at hand: real zeros, as
     * many zeros as poles (counting each conjugate pair twice), an even count. Ties go to the
     * earlier entry, as NumPy's {@code argmin} and (stable, for so few values) {@code argsort} do.
     */
    private static double[] pairNearest(double[] poleRe, double[] poleIm, double[] zeros, double gain) {
        int sections = zeros.length / 2;
        double[] sos = new double[sections * SecondOrderSections.STRIDE];
        boolean[] poleUsed = new boolean[poleRe.length];
        boolean[] zeroUsed = new boolean[zeros.length];
        for (int s = sections - 1; s >= 0; s--) {
            int p1 = worstPole(poleRe, poleIm, poleUsed, false);
            poleUsed[p1] = true;
            double a1;
            double a2;
            if (poleIm[p1] == 0.0) {
                int p2 = worstPole(poleRe, poleIm, poleUsed, true);
                poleUsed[p2] = true;
                a1 = -(poleRe[p1] + poleRe[p2]);
                a2 = poleRe[p1] * poleRe[p2];
            } else {
                a1 = -2.0 * poleRe[p1];
                a2 = poleRe[p1] * poleRe[p1] + poleIm[p1] * poleIm[p1];
            }
            int z1 = nearestZero(zeros, zeroUsed, poleRe[p1], poleIm[p1]);
            zeroUsed[z1] = true;
            int z2 = nearestZero(zeros, zeroUsed, poleRe[p1], poleIm[p1]);
            zeroUsed[z2] = true;
            int o = s * SecondOrderSections.STRIDE;
            sos[o] = 1.0;
            sos[o + 1] = -(zeros[z1] + zeros[z2]);
            sos[o + 2] = zeros[z1] * zeros[z2];
            sos[o + 3] = 1.0;
            sos[o + 4] = a1;
            sos[o + 5] = a2;
        }
        sos[0] *= gain;
        sos[1] *= gain;
        sos[2] *= gain;
        return sos;
    }

    /** The unused pole closest to the unit circle, optionally only among real poles. */
    private static int worstPole(double[] re, double[] im, boolean[] used, boolean realOnly) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < re.length; i++) {
            if (used[i] || (realOnly && im[i] != 0.0)) {
                continue;
            }
            double distance = Math.abs(1.0 - Math.hypot(re[i], im[i]));
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The unused (real) zero nearest the pole {@code re + i·im}. */
    private static int nearestZero(double[] zeros, boolean[] used, double re, double im) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < zeros.length; i++) {
            if (used[i]) {
                continue;
            }
            double distance = Math.hypot(zeros[i] - re, im);
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static void validate(int order, double cutoffHz, double sampleRateHz) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Butterworth order must be 1.." + MAX_ORDER + ", got " + order);
        }
        SampleRates.require(sampleRateHz);
        double nyquistHz = sampleRateHz / 2.0;
        if (!(cutoffHz > 0 && cutoffHz < nyquistHz)) {
            throw new IllegalArgumentException("cutoff must be > 0 and below the Nyquist frequency "
                    + nyquistHz + " Hz (half the sample rate " + sampleRateHz + " Hz), got " + cutoffHz
                    + " Hz: lower the cutoff or raise the sample rate");
        }
    }
}
