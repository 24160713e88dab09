package org.soleus.io.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point number formatting for the CSV outputs: a dot as decimal separator whatever the
 * default locale, a fixed number of decimals (the exact binary value rounded half-even), no
 * exponent, no negative zero, and an empty cell for NaN or an infinity.
 */
final class Decimals {

    private Decimals() {
    }

    /**
     * Appends {@code value} with {@code decimals} digits after the point, or nothing when it is
     * not finite.
     */
    static StringBuilder append(StringBuilder out, double value, int decimals) {
        if (Double.isFinite(value)) {
            // BigDecimal has no negative zero: -0.00001 rounds to "0.0000", not "-0.0000".
            out.append(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
        }
        return out;
    }
}
