package org.soleus.io.format.text;

import java.nio.charset.StandardCharsets;

/**
 * Writes numbers as ASCII into a byte array, without creating strings.
 *
 * <p>{@link #writeFloat} writes, for magnitudes from 0.001 to 10^10, the shortest plain decimal
 * (at most 9 fraction digits) that reads back as exactly the same float, else the shortest
 * scientific form with up to 9 significant digits. Each candidate is checked with the exact
 * {@link DecimalParser#toFloat}, so whatever is written round-trips, whatever the rounding of
 * the search. Stateless.
 */
public final class DecimalFormatter {
    /** Most bytes {@link #writeFloat} writes for one value ({@code -1.23456789E-45}). */
    public static final int MAX_FLOAT_BYTES = 16;
    /** Most bytes {@link #writeFixed} writes for one value. */
    public static final int MAX_FIXED_BYTES = 32;

    private static final int MAX_PLAIN_FRACTION_DIGITS = 9;
    private static final int MAX_SIGNIFICANT_DIGITS = 9;
    /** Plain floats have at most 10 digits, which keeps every float within 16 bytes. */
    private static final double FLOAT_PLAIN_LIMIT = 1e10;
    /** Smaller floats are written in scientific form, which is shorter for them. */
    private static final double PLAIN_MIN = 1e-3;
    private static final double FIXED_LIMIT = 1e17;
    private static final double[] POW10 = new double[80];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + i);
        }
    }

    private DecimalFormatter() {
    }

    /**
     * Writes {@code v} so that {@link Float#parseFloat} (and {@link DecimalParser}) read back the
     * same float, sign of zero included. NaN writes nothing (an empty cell); infinities write
     * {@code Infinity} / {@code -Infinity}.
     *
     * @return the offset after the last byte written (at most {@link #MAX_FLOAT_BYTES} bytes)
     */
    public static int writeFloat(float v, byte[] dst, int off) {
        if (Float.isNaN(v)) {
            return off;
        }
        if ((Float.floatToRawIntBits(v) & 0x80000000) != 0) {
            dst[off++] = '-';
        }
        float a = Math.abs(v);
        if (a == 0f) {
            dst[off++] = '0';
            return off;
        }
        if (a == Float.POSITIVE_INFINITY) {
            return writeAscii("Infinity", dst, off);
        }
        double d = a;
        for (int k = 0; k <= MAX_PLAIN_FRACTION_DIGITS && d >= PLAIN_MIN; k++) {
            double scaled = d * POW10[k];
            if (scaled >= FLOAT_PLAIN_LIMIT) {
                break;
            }
            long n = Math.round(scaled);
            if (n != 0 && DecimalParser.toFloat(n, -k) == a) {
                return writePlain(n, k, dst, off);
            }
        }
        int e = (int) Math.floor(Math.log10(d));
        for (int p = 1; p <= MAX_SIGNIFICANT_DIGITS; p++) {
            int s = e - p + 1;
            double scaled = s >= 0 ? d / POW10[s] : d * POW10[-s];
            long n = Math.round(scaled);
            if (n > 0 && n < 1_000_000_000_000_000_000L && DecimalParser.toFloat(n, s) == a) {
                return writeScientific(n, s, dst, off);
            }
        }
        return writeAscii(Float.toString(a), dst, off);
    }

    /**
     * Writes {@code v} rounded to {@code decimals} fraction digits, trailing zeros dropped
     * ({@code 1.5}, {@code 2}, {@code -0.01}); for time stamps.
     *
     * @param decimals 0 to 9
     * @return the offset after the last byte written (at most {@link #MAX_FIXED_BYTES} bytes)
     */
    public static int writeFixed(double v, int decimals, byte[] dst, int off) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals must be 0 to 9, got " + decimals);
        }
        if (!Double.isFinite(v) || Math.abs(v) * POW10[decimals] >= FIXED_LIMIT) {
            return writeAscii(Double.toString(v), dst, off);
        }
        long n = Math.round(Math.abs(v) * POW10[decimals]);
        if (n != 0 && v < 0) {
            dst[off++] = '-';
        }
        int k = decimals;
        while (k > 0 && n % 10 == 0) {
            n /= 10;
            k--;
        }
        return writePlain(n, k, dst, off);
    }

    /** Writes {@code n × 10^-k} in plain notation. */
    private static int writePlain(long n, int k, byte[] dst, int off) {
        int digits = digitCount(n);
        if (digits <= k) {
            dst[off++] = '0';
            dst[off++] = '.';
            for (int i = digits; i < k; i++) {
                dst[off++] = '0';
            }
            return writeDigits(n, digits, dst, off);
        }
        int end = off + digits + (k > 0 ? 1 : 0);
        int p = end;
        for (int i = 0; i < k; i++) {
            dst[--p] = (byte) ('0' + n % 10);
            n /= 10;
        }
        if (k > 0) {
            dst[--p] = '.';
        }
        while (p > off) {
            dst[--p] = (byte) ('0' + n % 10);
            n /= 10;
        }
        return end;
    }

    /** Writes {@code n × 10^s} as {@code d.dddE±x}, trailing zeros of the significand dropped. */
    private static int writeScientific(long n, int s, byte[] dst, int off) {
        int digits = digitCount(n);
        int exponent = s + digits - 1;
        while (n % 10 == 0 && n >= 10) {
            n /= 10;
            digits--;
        }
        off = writeDigits(n, digits, dst, off);
        if (digits > 1) {
            System.arraycopy(dst, off - digits + 1, dst, off - digits + 2, digits - 1);
            dst[off - digits + 1] = '.';
            off++;
        }
        dst[off++] = 'E';
        if (exponent < 0) {
            dst[off++] = '-';
            exponent = -exponent;
        }
        return writeDigits(exponent, digitCount(exponent), dst, off);
    }

    private static int writeDigits(long n, int digits, byte[] dst, int off) {
        int end = off + digits;
        for (int p = end - 1; p >= off; p--) {
            dst[p] = (byte) ('0' + n % 10);
            n /= 10;
        }
        return end;
    }

    private static int digitCount(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    private static int writeAscii(String s, byte[] dst, int off) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, dst, off, b.length);
        return off + b.length;
    }
}
