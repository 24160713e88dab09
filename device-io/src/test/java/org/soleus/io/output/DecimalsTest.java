package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class DecimalsTest {

    @Test
    void agreesWithExactHalfEvenRoundingOnSeededRandomValues() {
        long seed = 20261125L;
        Random random = new Random(seed);
        for (int k = 0; k < 200_000; k++) {
            int decimals = random.nextInt(10);
            double magnitude = Math.pow(10, random.nextInt(14) - 6);
            double value = (random.nextDouble() * 2 - 1) * magnitude;
            if (k % 7 == 0) {
                value = Math.round(value * Math.pow(10, decimals + 1)) / Math.pow(10, decimals + 1);
            }
            String expected = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            String actual = Decimals.append(new StringBuilder(), value, decimals).toString();
            assertEquals(expected, actual, "seed " + seed + ", value " + value + ", decimals " + decimals);
        }
    }

    @Test
    void leavesNonFiniteValuesEmpty() {
        assertEquals("", Decimals.append(new StringBuilder(), Double.NaN, 4).toString());
        assertEquals("", Decimals.append(new StringBuilder(), Double.NEGATIVE_INFINITY, 4).toString());
    }
}
