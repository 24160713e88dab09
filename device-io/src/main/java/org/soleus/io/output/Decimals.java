package org.soleus.io.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point number formatting for the CSV outputs: a dot as decimal separator whatever the
 * default locale, a fixed number of decimals (the exact binary value rounded half-even), no
 * exponent, no negative zero, and an empty cell for NaN or an infinity.
 *
 * <p>Values that are not near a rounding tie are formatted from a scaled {@code long}; values
 * near a tie, and very large ones, go through {@link BigDecimal} so that the rounding is exact.
 */
final class Decimals {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    /** Scaled values below this are exact enough in a double for the fast path. */
    private static final double FAST_LIMIT = 1e15;
    /** How close to a half the scaled value may come before the exact path decides. */
    private static final double TIE_MARGIN = 1e-6;

    private Decimals() {
    }

    /**
     * Appends {@code value} with {@code decimals} digits after the point (0 to 9), or nothing
     * when it is not finite.
     */
    static StringBuilder append(StringBuilder out, double value, int decimals) {
        if (!Double.isFinite(value)) {
            return out;
        }
        double scaled = Math.abs(value) * POW10[decimals];
        double fraction = scaled - Math.floor(scaled);
        if (scaled >= FAST_LIMIT || Math.abs(fraction - 0.5) < TIE_MARGIN) {
            // BigDecimal has no negative zero: -0.00001 rounds to "0.0000", not "-0.0000".
            return out.append(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
        }
        long n = Math.round(scaled);
        if (n != 0 && value < 0) {
            out.append('-');
        }
        long whole = n / (long) POW10[decimals];
        out.append(whole);
        if (decimals > 0) {
            out.append('.');
            String frac = Long.toString(n - whole * (long) POW10[decimals]);
            for (int i = frac.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(frac);
        }
        return out;
    }
}
