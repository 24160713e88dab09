package org.soleus.io.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point number formatting for the CSV outputs: a dot as decimal separator whatever the
 * default locale, a fixed number of decimals (the exact binary value rounded half-even, as
 * {@link BigDecimal} would), no exponent, no negative zero, and an empty cell for NaN or an
 * infinity.
 *
 * <p>Values of moderate size take an integer path (no allocation): the product
 * {@code value × 10^decimals} rounded to the nearest integer, unless it lands on a tie (a stance
 * of 60.625 % to two decimals, whose binary value lies a little above or below it); then the side
 * of the tie the exact product lies on, which a fused multiply-add gives with its one rounding. Larger
 * values go through {@link BigDecimal}. Both give the same text, which {@code DecimalsTest}
 * checks on seeded random values and ties. Stateless and thread-safe.
 */
final class Decimals {

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};
    /**
     * Below this magnitude of {@code value × 10^decimals} (2^51), a tie {@code n + 0.5} is a
     * double (doubles below 2^52 are at most 0.5 apart), so the product, rounded to the nearest
     * double, never crosses one: it lies on the exact product's side of every tie, or on the tie
     * itself; {@code scaled - floor} and {@code floor + 0.5} are exact. The integer path so
     * covers a time of 2^51 / 10^4 s, about 7 000 years, at 4 decimals.
     */
    private static final double FAST_LIMIT = 0x1p51;

    private Decimals() {
    }

    /**
     * Appends {@code value} with {@code decimals} (0..6) digits after the point, or nothing when
     * it is not finite.
     */
    static CsvLine append(CsvLine out, double value, int decimals) {
        if (!Double.isFinite(value)) {
            return out;
        }
        double scaled = value * POW10[decimals];
        if (Math.abs(scaled) < FAST_LIMIT) {
            double floor = Math.floor(scaled);
            long units;
            if (scaled - floor != 0.5) {
                units = Math.round(scaled);
            } else {
                // value × 10^d − (floor + 0.5), exact before its one rounding, so its sign is exact
                double aboveTie = Math.fma(value, POW10[decimals], -(floor + 0.5));
                long below = (long) floor;
                units = aboveTie > 0 ? below + 1 : aboveTie < 0 || below % 2 == 0 ? below : below + 1;
            }
            if (units < 0) {
                out.append('-');
                units = -units;
            }
            out.appendDigits(units / POW10[decimals], 1);
            if (decimals > 0) {
                out.append('.').appendDigits(units % POW10[decimals], decimals);
            }
            return out;
        }
        // BigDecimal has no negative zero: -0.00001 rounds to "0.0000", not "-0.0000".
        return out.append(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
    }
}
