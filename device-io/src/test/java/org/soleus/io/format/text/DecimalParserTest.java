package org.soleus.io.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class DecimalParserTest {
    private static final long SEED = 20240611L;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertSameFloat(String text, String context) {
        byte[] b = ascii(text);
        float expected = Float.parseFloat(text);
        float actual = DecimalParser.parseFloat(b, 0, b.length);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual),
                () -> "float of '" + text + "': expected " + expected + " got " + actual + " (" + context + ")");
    }

    private static void assertSameDouble(String text, String context) {
        byte[] b = ascii(text);
        double expected = Double.parseDouble(text);
        double actual = DecimalParser.parseDouble(b, 0, b.length);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "double of '" + text + "': expected " + expected + " got " + actual + " (" + context + ")");
    }

    /** A random decimal: sign, 1–25 digits, a point anywhere, maybe an exponent. */
    private static String randomDecimal(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int sign = rnd.nextInt(3);
        if (sign == 1) {
            sb.append('-');
        } else if (sign == 2) {
            sb.append('+');
        }
        int digits = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 25);
        int point = rnd.nextInt(digits + 1);
        for (int i = 0; i < digits; i++) {
            if (i == point && rnd.nextInt(4) != 0) {
                sb.append('.');
            }
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        if (rnd.nextInt(3) == 0) {
            sb.append(rnd.nextBoolean() ? 'e' : 'E');
            int exp = rnd.nextInt(100) - 55;
            if (exp >= 0 && rnd.nextBoolean()) {
                sb.append('+');
            }
            sb.append(exp);
        }
        return sb.toString();
    }

    @Test
    void randomDecimalsMatchTheJdk() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 300_000; i++) {
            String s = randomDecimal(rnd);
            assertSameFloat(s, "seed " + SEED + ", case " + i);
            assertSameDouble(s, "seed " + SEED + ", case " + i);
        }
    }

    @Test
    void sensorLikeValuesMatchTheJdk() {
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < 300_000; i++) {
            int decimals = rnd.nextInt(7);
            double v = (rnd.nextDouble() - 0.3) * Math.pow(10, rnd.nextInt(6));
            String s = BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
            assertSameFloat(s, "seed " + (SEED + 1) + ", case " + i);
            assertSameDouble(s, "seed " + (SEED + 1) + ", case " + i);
        }
    }

    /** Exact halfway points between adjacent floats and decimals just beside them: the hard cases. */
    @Test
    void halfwayPointsRoundLikeTheJdk() {
        Random rnd = new Random(SEED + 2);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt(0x7F000000 - 0x00800000) + 0x00800000);
            BigDecimal lo = new BigDecimal(f);
            BigDecimal hi = new BigDecimal(Math.nextUp(f));
            BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2));
            BigDecimal tiny = hi.subtract(lo).movePointLeft(12);
            String context = "seed " + (SEED + 2) + ", float " + f;
            assertSameFloat(mid.toString(), context);
            assertSameFloat(mid.add(tiny).toString(), context);
            assertSameFloat(mid.subtract(tiny).toString(), context);
            assertSameFloat(mid.round(new java.math.MathContext(17)).toString(), context);
        }
    }

    @Test
    void edgeCases() {
        String[] cases = {"0", "-0", "+0", "0.0", "-0.000", "1", "1.", ".5", "-.5", "00012.3400", "1e0", "1E+38", "3.4028235e38",
            "3.4028236e38", "3.40282357e38", "1e39", "1e-45", "1.4e-45", "7e-46", "7.1e-46", "1e-46", "1.17549435E-38",
            "1.1754942E-38", "123456789012345678901234567890", "0.000000000000000000000000000001234567890123456789",
            "16777217", "16777216.5", "33554435", "9007199254740993", "1e22", "1e23", "4.9e-324", "1.7976931348623157e308",
            "1e310", "-1e-400", "1e100000000", "0.1", "0.2", "0.3", "199.1", "87.34", "-0.189453", "-359.450012",
            "0.8808107066241624", "-0.11240170597252427"};
        for (String s : cases) {
            assertSameFloat(s, "edge case");
            assertSameDouble(s, "edge case");
        }
    }

    @Test
    void specialValues() {
        byte[] nan = ascii("NaN");
        assertEquals(Float.NaN, DecimalParser.parseFloat(nan, 0, nan.length));
        byte[] inf = ascii("-Infinity");
        assertEquals(Float.NEGATIVE_INFINITY, DecimalParser.parseFloat(inf, 0, inf.length));
        byte[] inf2 = ascii("inf");
        assertEquals(Double.POSITIVE_INFINITY, DecimalParser.parseDouble(inf2, 0, inf2.length));
    }

    @Test
    void scanStopsAtTheFirstByteThatIsNotPartOfTheNumber() {
        DecimalParser p = new DecimalParser();
        byte[] b = ascii("12.5e3x\t-7.\t.e1\t1e+\t-");
        assertEquals(6, p.scan(b, 0, b.length));
        assertEquals(12500f, p.floatValue());
        assertEquals(11, p.scan(b, 8, b.length));
        assertEquals(-7f, p.floatValue());
        assertEquals(-1, p.scan(b, 12, b.length), ".e1 is not a number");
        assertEquals(17, p.scan(b, 16, b.length), "1e+ ends before the e");
        assertEquals(-1, p.scan(b, 20, b.length), "a lone sign is not a number");
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String s : new String[] {"", "-", "+", ".", "abc", "1..2", "1e", "1,5", " 1", "0x10", "1f"}) {
            byte[] b = ascii(s);
            assertThrows(NumberFormatException.class, () -> DecimalParser.parseFloat(b, 0, b.length), s);
        }
    }

    @Test
    void toFloatIsExact() {
        Random rnd = new Random(SEED + 3);
        for (int i = 0; i < 100_000; i++) {
            long digits = rnd.nextLong() & Long.MAX_VALUE;
            digits %= (long) Math.pow(10, 1 + rnd.nextInt(18));
            int exp = rnd.nextInt(90) - 60;
            float expected = Float.parseFloat(digits + "E" + exp);
            assertEquals(expected, DecimalParser.toFloat(digits, exp),
                    "seed " + (SEED + 3) + ": " + digits + "E" + exp);
        }
        assertThrows(IllegalArgumentException.class, () -> DecimalParser.toFloat(-1, 0));
    }
}
