package org.soleus.io.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class DecimalFormatterTest {
    private static final long SEED = 97L;

    private static String formatFloat(float v) {
        byte[] b = new byte[DecimalFormatter.MAX_FLOAT_BYTES];
        int n = DecimalFormatter.writeFloat(v, b, 0);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    private static String formatFixed(double v, int decimals) {
        byte[] b = new byte[DecimalFormatter.MAX_FIXED_BYTES];
        int n = DecimalFormatter.writeFixed(v, decimals, b, 0);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    @Test
    void everyFloatRoundTrips() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 500_000; i++) {
            float v = Float.intBitsToFloat(rnd.nextInt());
            if (Float.isNaN(v)) {
                continue;
            }
            String s = formatFloat(v);
            assertTrue(s.length() <= DecimalFormatter.MAX_FLOAT_BYTES, "seed " + SEED + ": '" + s + "' too long");
            assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(Float.parseFloat(s)),
                    "seed " + SEED + ": " + v + " written as '" + s + "'");
        }
    }

    @Test
    void sensorValuesAreWrittenShort() {
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < 100_000; i++) {
            float v = Math.round((rnd.nextDouble() - 0.5) * 2e6) / 100f;
            String s = formatFloat(v);
            assertEquals(v, Float.parseFloat(s), "seed " + (SEED + 1));
            assertTrue(s.length() <= Float.toString(v).length() + 1, "seed " + (SEED + 1) + ": '" + s + "' for " + v);
        }
        assertEquals("199.1", formatFloat(199.1f));
        assertEquals("-0.189453", formatFloat(-0.189453f));
        assertEquals("748", formatFloat(748f));
        assertEquals("-0", formatFloat(-0f));
        assertEquals("0", formatFloat(0f));
        assertEquals("", formatFloat(Float.NaN));
        assertEquals("1.5E-12", formatFloat(1.5e-12f));
        assertEquals("3.4028235E38", formatFloat(Float.MAX_VALUE));
        assertEquals("1E-45", formatFloat(Float.MIN_VALUE));
        assertEquals("-Infinity", formatFloat(Float.NEGATIVE_INFINITY));
    }

    @Test
    void fixedDropsTrailingZeros() {
        assertEquals("0", formatFixed(0, 5));
        assertEquals("0.01", formatFixed(0.01, 5));
        assertEquals("121.1715", formatFixed(121.1715, 5));
        assertEquals("-2.5", formatFixed(-2.5, 3));
        assertEquals("0.004883", formatFixed(1 / 204.8, 6));
        assertEquals("7", formatFixed(7.0000001, 3));
        assertEquals("0", formatFixed(-0.0001, 3));
    }
}
