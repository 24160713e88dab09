package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class DecimalsTest {

    private static String fast(double value, int decimals) {
        return Decimals.append(new CsvLine(8), value, decimals).toString();
    }

    private static String exact(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void formatsFixedDecimals() {
        assertEquals("0.0100", fast(0.01, 4));
        assertEquals("812.46", fast(812.456, 2));
        assertEquals("-3.500", fast(-3.5, 3));
        assertEquals("7", fast(7.4, 0));
        assertEquals("0.0000", fast(-0.00001, 4));
        assertEquals("0.00", fast(-0.0, 2));
        assertEquals("", fast(Double.NaN, 2));
        assertEquals("", fast(Double.NEGATIVE_INFINITY, 2));
    }

    @Test
    void agreesWithBigDecimalOnRandomValuesAndTies() {
        long seed = 20250317L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(7);
            double magnitude = Math.pow(10, random.nextInt(-6, 12));
            double value = switch (i % 6) {
                case 0 -> (random.nextDouble() - 0.5) * magnitude;
                // a decimal tie such as 0.00015 at 4 decimals, as near as a double gets
                case 1 -> (random.nextLong(-1_000_000_000L, 1_000_000_000L) + 0.5) / Math.pow(10, decimals);
                // an exact tie: an odd number over 2^(decimals + 1), such as 0.125 at 2 decimals
                case 2 -> (2 * random.nextLong(-100_000_000L, 100_000_000L) + 1) / Math.pow(2, decimals + 1);
                // near and exact ties up to and past the integer path's limit (2^51 after scaling)
                case 3 -> (random.nextLong(-(1L << 51), 1L << 51) + 0.5) / Math.pow(10, decimals);
                case 4 -> (2 * random.nextLong(-(1L << 49), 1L << 49) + 1) / Math.pow(2, decimals + 1);
                // a value with few decimals, as sensors print them
                default -> random.nextLong(-10_000_000L, 10_000_000L) / 100.0;
            };
            assertEquals(exact(value, decimals), fast(value, decimals),
                    "value " + value + " at " + decimals + " decimals (seed " + seed + ")");
        }
    }
}
