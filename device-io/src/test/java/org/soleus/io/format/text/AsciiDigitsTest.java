package org.soleus.io.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 8-byte cell routines against a character-by-character oracle, on seeded random cells. */
final class AsciiDigitsTest {
    private static final long SEED = 31337L;
    private static final String ALPHABET = "0123456789012345678901234567890123456789..--+eEx ,\t";

    /** Whether {@code s} is {@code -?digits[.digits]}, {@code -?digits.} or {@code -?.digits}. */
    private static boolean isPlainDecimal(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = 0;
        int points = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                points++;
            } else {
                return false;
            }
        }
        return digits > 0 && points <= 1;
    }

    private static long word(byte[] bytes) {
        return AsciiDigits.load(Arrays.copyOf(bytes, bytes.length + AsciiDigits.PADDING), 0);
    }

    @Test
    void fieldLengthStopsAtTheFirstByteBelowMinus() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[8];
            for (int k = 0; k < 8; k++) {
                b[k] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            int expected = 0;
            while (expected < 8 && (b[expected] & 0xFF) >= '-') {
                expected++;
            }
            assertEquals(expected, AsciiDigits.fieldLength(word(b)), "seed " + SEED + ": " + Arrays.toString(b));
        }
    }

    @Test
    void smallDecimalMatchesTheJdkOrRejects() {
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < 500_000; i++) {
            int length = 1 + rnd.nextInt(7);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < length; k++) {
                sb.append(ALPHABET.charAt(rnd.nextInt(rnd.nextBoolean() ? 12 : ALPHABET.length())));
            }
            String cell = sb.toString();
            byte[] b = (cell + "\t9.9\n").getBytes(StandardCharsets.US_ASCII);
            float actual = AsciiDigits.smallDecimal(word(b), length);
            if (isPlainDecimal(cell)) {
                assertEquals(Float.floatToRawIntBits(Float.parseFloat(cell)), Float.floatToRawIntBits(actual),
                        "seed " + (SEED + 1) + ": '" + cell + "'");
            } else {
                assertEquals(Float.NaN, actual, "seed " + (SEED + 1) + ": '" + cell + "' is not a plain decimal");
            }
        }
    }

    /**
     * Every value a short cell can hold. The reference is one float division of two exact
     * floats ({@code digits < 2^24}, {@code 10^k} exact for {@code k <= 10}), which rounds
     * correctly (Clinger, PLDI 1990).
     */
    @Test
    void shortDecimalRoundsToTheCorrectFloatForEveryShortCell() {
        for (int fractionDigits = 0; fractionDigits <= 6; fractionDigits++) {
            float powerOfTen = (float) Math.pow(10, fractionDigits);
            for (long digits = 0; digits < 10_000_000; digits++) {
                float expected = (float) digits / powerOfTen;
                float actual = (float) AsciiDigits.shortDecimal(digits, fractionDigits);
                if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
                    assertEquals(expected, actual, digits + "e-" + fractionDigits);
                }
            }
        }
    }

    @Test
    void unsignedDecimalMatchesTheJdkOrRejects() {
        Random rnd = new Random(SEED + 2);
        for (int i = 0; i < 500_000; i++) {
            int length = 1 + rnd.nextInt(8);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < length; k++) {
                sb.append(ALPHABET.charAt(rnd.nextInt(rnd.nextBoolean() ? 12 : ALPHABET.length())));
            }
            String cell = sb.toString();
            byte[] b = (cell + "\t9.9\n").getBytes(StandardCharsets.US_ASCII);
            double actual = AsciiDigits.unsignedDecimal(word(b), length);
            if (isPlainDecimal(cell) && !cell.startsWith("-")) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)), Double.doubleToRawLongBits(actual),
                        "seed " + (SEED + 2) + ": '" + cell + "'");
            } else {
                assertEquals(Double.NaN, actual, "seed " + (SEED + 2) + ": '" + cell + "' is not an unsigned plain decimal");
            }
        }
        for (String time : new String[] {"86399.99", "12345678", "0.000001", "1.", ".5", "0"}) {
            byte[] b = (time + "\t").getBytes(StandardCharsets.US_ASCII);
            assertEquals(Double.parseDouble(time), AsciiDigits.unsignedDecimal(word(b), time.length()), time);
        }
    }

    @Test
    void eightByteDecimalMatchesTheJdkOrRejects() {
        Random rnd = new Random(SEED + 3);
        for (int i = 0; i < 500_000; i++) {
            StringBuilder sb = new StringBuilder();
            int point = rnd.nextInt(9);
            for (int k = 0; k < 8; k++) {
                sb.append(k == point ? '.' : ALPHABET.charAt(rnd.nextInt(rnd.nextInt(4) == 0 ? ALPHABET.length() : 10)));
            }
            String cell = sb.toString();
            byte[] b = (cell + "\t9.9\n").getBytes(StandardCharsets.US_ASCII);
            float actual = AsciiDigits.eightByteDecimal(word(b));
            if (isPlainDecimal(cell) && !cell.startsWith("-") && cell.indexOf('.') >= 1) {
                assertEquals(Float.floatToRawIntBits(Float.parseFloat(cell)), Float.floatToRawIntBits(actual),
                        "seed " + (SEED + 3) + ": '" + cell + "'");
            } else {
                assertEquals(Float.NaN, actual, "seed " + (SEED + 3) + ": '" + cell + "' is not d.dddddd with 7 digits");
            }
        }
        for (String cell : new String[] {"0.196777", "2.310000", "0.000000", "9999999.", "1.000000", "0.974121"}) {
            byte[] b = cell.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Float.floatToRawIntBits(Float.parseFloat(cell)),
                    Float.floatToRawIntBits(AsciiDigits.eightByteDecimal(word(b))), cell);
        }
    }

    @Test
    void knownCells() {
        String[] cells = {"0", "-0", "199.1", "87.34", "1088.01", "-2.45", "0.0100", "5.", ".5", "-.5", "9999999", "-999999"};
        for (String cell : cells) {
            byte[] b = (cell + ",").getBytes(StandardCharsets.US_ASCII);
            assertEquals(cell.length(), AsciiDigits.fieldLength(word(b)), cell);
            assertEquals(Float.floatToRawIntBits(Float.parseFloat(cell)),
                    Float.floatToRawIntBits(AsciiDigits.smallDecimal(word(b), cell.length())), cell);
        }
        for (String cell : new String[] {"12345678", "-1234567", "1234.5678"}) {
            byte[] b = (cell + ",").getBytes(StandardCharsets.US_ASCII);
            assertEquals(Long.BYTES, AsciiDigits.fieldLength(word(b)), cell);
            assertEquals(Float.NaN, AsciiDigits.smallDecimal(word(b), 0), cell + ": no short cell, so NaN");
        }
    }
}
