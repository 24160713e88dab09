package org.soleus.io.format.text;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from ASCII bytes, without creating a {@code String}, and
 * converts them exactly: {@link #floatValue()} equals {@link Float#parseFloat} and
 * {@link #doubleValue()} equals {@link Double#parseDouble} for every input of the grammar below.
 *
 * <p>Grammar (case-insensitive): {@code [+-]? (digits [. digits?]? | . digits) ([eE] [+-]? digits)?},
 * or {@code [+-]? (nan | inf | infinity)}.
 *
 * <p>How the conversion stays exact and fast: up to 18 significant digits are collected into a
 * {@code long} {@code m} with a decimal exponent {@code e}. A float result is computed as
 * {@code m / 10^-e} (or {@code m * 10^e}) in float arithmetic when both operands are exact
 * ({@code m <= 2^24}, {@code |e| <= 10}), which rounds once and so correctly (Clinger, "How to
 * read floating point numbers accurately", PLDI 1990, doi:10.1145/93542.93557). Otherwise it is
 * computed in double arithmetic, which is within 3 units in the last place (ulp) of the true
 * value; rounding that double to float is correct unless the double lies within 8 ulp of a
 * point halfway between two floats, which is checked on its bit pattern. Only in that rare case
 * (about 1 in 30 million inputs) and outside the normal float range does a float fall back to
 * the JDK parser on a temporary string. Doubles (used for time stamps) take Clinger's exact
 * path ({@code m <= 2^53}, {@code |e| <= 22}, no digit dropped) or that fallback.
 *
 * <p>Use: {@link #scan} a number, then read {@link #floatValue()} or {@link #doubleValue()}
 * before the scanned bytes change. Instances are reusable and not thread-safe.
 */
public final class DecimalParser {
    /** Most significant digits kept; more are read but only mark the number as rounded. */
    private static final int MAX_DIGITS = 18;
    private static final long FLOAT_EXACT_MAX = 1L << 24;
    private static final long DOUBLE_EXACT_MAX = 1L << 53;
    private static final int FLOAT_POW10_MAX = 10;
    private static final int DOUBLE_POW10_MAX = 64;
    private static final int EXPONENT_CAP = 100_000;
    /** Low 29 bits of a double that lie below a float's 24-bit significand. */
    private static final long BELOW_FLOAT_MASK = (1L << 29) - 1;
    private static final long FLOAT_HALFWAY = 1L << 28;
    private static final long HALFWAY_MARGIN_ULPS = 8;

    private static final float[] FLOAT_POW10 = new float[FLOAT_POW10_MAX + 1];
    private static final double[] DOUBLE_POW10 = new double[DOUBLE_POW10_MAX + 1];

    static {
        for (int i = 0; i <= FLOAT_POW10_MAX; i++) {
            FLOAT_POW10[i] = Float.parseFloat("1e" + i);
        }
        for (int i = 0; i <= DOUBLE_POW10_MAX; i++) {
            DOUBLE_POW10[i] = Double.parseDouble("1e" + i);
        }
    }

    private static final byte NUMBER = 0;
    private static final byte NAN = 1;
    private static final byte INFINITY = 2;

    private long digits;
    private int exp10;
    private boolean negative;
    private boolean truncated;
    private byte kind;
    private byte[] text;
    private int start;
    private int end;

    /**
     * Scans the longest number that starts at {@code from}.
     *
     * @param bytes ASCII text
     * @param from  index of the first byte of the number
     * @param limit index after the last byte that may be read
     * @return the index after the number, or -1 when no number starts at {@code from} (the
     *         bytes there are not digits, a sign followed by digits, nan or inf)
     */
    public int scan(byte[] bytes, int from, int limit) {
        int p = from;
        boolean neg = false;
        if (p < limit) {
            byte c = bytes[p];
            if (c == '-') {
                neg = true;
                p++;
            } else if (c == '+') {
                p++;
            }
        }
        long m = 0;
        int kept = 0;
        int e = 0;
        boolean dropped = false;
        boolean any = false;
        while (p < limit) {
            int d = bytes[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            any = true;
            if (kept < MAX_DIGITS) {
                m = m * 10 + d;
                if (m != 0) {
                    kept++;
                }
            } else {
                e++;
                dropped |= d != 0;
            }
            p++;
        }
        if (p < limit && bytes[p] == '.') {
            int q = p + 1;
            while (q < limit) {
                int d = bytes[q] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                any = true;
                if (kept < MAX_DIGITS) {
                    m = m * 10 + d;
                    if (m != 0) {
                        kept++;
                    }
                    e--;
                } else {
                    dropped |= d != 0;
                }
                q++;
            }
            if (any) {
                p = q;
            }
        }
        if (!any) {
            return scanSpecial(bytes, from, p, limit, neg);
        }
        if (p < limit && (bytes[p] | 0x20) == 'e') {
            int q = p + 1;
            boolean expNeg = false;
            if (q < limit && (bytes[q] == '-' || bytes[q] == '+')) {
                expNeg = bytes[q] == '-';
                q++;
            }
            int ev = 0;
            boolean expDigits = false;
            while (q < limit) {
                int d = bytes[q] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                ev = Math.min(ev * 10 + d, EXPONENT_CAP);
                expDigits = true;
                q++;
            }
            if (expDigits) {
                e += expNeg ? -ev : ev;
                p = q;
            }
        }
        digits = m;
        exp10 = e;
        negative = neg;
        truncated = dropped;
        kind = NUMBER;
        text = bytes;
        start = from;
        end = p;
        return p;
    }

    private int scanSpecial(byte[] bytes, int from, int p, int limit, boolean neg) {
        int n = matchWord(bytes, p, limit, "nan");
        byte k = NAN;
        if (n < 0) {
            n = matchWord(bytes, p, limit, "infinity");
            if (n < 0) {
                n = matchWord(bytes, p, limit, "inf");
            }
            k = INFINITY;
        }
        if (n < 0) {
            return -1;
        }
        kind = k;
        negative = neg;
        text = bytes;
        start = from;
        end = n;
        return n;
    }

    private static int matchWord(byte[] bytes, int p, int limit, String word) {
        if (limit - p < word.length()) {
            return -1;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((bytes[p + i] | 0x20) != word.charAt(i)) {
                return -1;
            }
        }
        return p + word.length();
    }

    /** Whether the last scanned number was a word ({@code nan}, {@code inf}, {@code infinity}) rather than digits. */
    public boolean wasWord() {
        return kind != NUMBER;
    }

    /** The last scanned number, correctly rounded to a float. */
    public float floatValue() {
        if (kind != NUMBER) {
            return kind == NAN ? Float.NaN : negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        long m = digits;
        int e = exp10;
        if (m <= FLOAT_EXACT_MAX && e >= -FLOAT_POW10_MAX && e <= FLOAT_POW10_MAX && !truncated) {
            float f = e < 0 ? (float) m / FLOAT_POW10[-e] : (float) m * FLOAT_POW10[e];
            return negative ? -f : f;
        }
        return toFloat(m, e, negative, text, start, end);
    }

    /** The last scanned number, correctly rounded to a double. */
    public double doubleValue() {
        if (kind != NUMBER) {
            return kind == NAN ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        long m = digits;
        int e = exp10;
        if (m <= DOUBLE_EXACT_MAX && e >= -22 && e <= 22 && !truncated) {
            double d = e < 0 ? (double) m / DOUBLE_POW10[-e] : (double) m * DOUBLE_POW10[e];
            return negative ? -d : d;
        }
        return Double.parseDouble(new String(text, start, end - start, StandardCharsets.ISO_8859_1));
    }

    /**
     * {@code digits / 10^fractionDigits} as a double, rounded once, hence correctly, for
     * {@code digits <= 2^53} and {@code fractionDigits <= 22} (Clinger's fast path).
     */
    static double exactDouble(long digits, int fractionDigits) {
        return (double) digits / DOUBLE_POW10[fractionDigits];
    }

    /**
     * The float nearest to {@code digits × 10^exp10} (ties to even), for callers that hold a
     * number in that form, e.g. a formatter checking that a candidate decimal round-trips.
     *
     * @param digits a non-negative integer below 10^18
     * @param exp10  decimal exponent
     */
    public static float toFloat(long digits, int exp10) {
        if (digits < 0 || digits >= 1_000_000_000_000_000_000L) {
            throw new IllegalArgumentException("digits must be in [0, 10^18), got " + digits);
        }
        if (digits <= FLOAT_EXACT_MAX && exp10 >= -FLOAT_POW10_MAX && exp10 <= FLOAT_POW10_MAX) {
            return exp10 < 0 ? (float) digits / FLOAT_POW10[-exp10] : (float) digits * FLOAT_POW10[exp10];
        }
        return toFloat(digits, exp10, false, null, 0, 0);
    }

    /**
     * {@code ±m × 10^e} as a float: through the double when that is clearly not near a float
     * halfway point, else from {@code text[from, to)} (or, without text, from {@code m} and {@code e})
     * by {@link Float#parseFloat}. Digits the scan dropped after the 18th change {@code m × 10^e}
     * by less than 10⁻¹⁷ of it, a tenth of a double ulp, well inside the halfway margin.
     */
    private static float toFloat(long m, int e, boolean neg, byte[] text, int from, int to) {
        if (m == 0) {
            return neg ? -0f : 0f;
        }
        if (e > 39) {
            // m >= 1, so the value is at least 1e40, beyond Float.MAX_VALUE (3.4e38).
            return neg ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        if (e < -DOUBLE_POW10_MAX) {
            // m < 1e18, so the value is below 1e-46, less than half of Float.MIN_VALUE (1.4e-45).
            return neg ? -0f : 0f;
        }
        double d = e < 0 ? (double) m / DOUBLE_POW10[-e] : (double) m * DOUBLE_POW10[e];
        if (d >= Float.MIN_NORMAL && d <= Float.MAX_VALUE) {
            long below = Double.doubleToRawLongBits(d) & BELOW_FLOAT_MASK;
            if (Math.abs(below - FLOAT_HALFWAY) > HALFWAY_MARGIN_ULPS) {
                float f = (float) d;
                return neg ? -f : f;
            }
        }
        String exact = text != null
                ? new String(text, from, to - from, StandardCharsets.ISO_8859_1)
                : (neg ? "-" : "") + m + "E" + e;
        return Float.parseFloat(exact);
    }

    /**
     * Parses {@code bytes[from, to)}, which must hold exactly one number.
     *
     * @throws NumberFormatException when the range is not a number of the grammar above
     */
    public static float parseFloat(byte[] bytes, int from, int to) {
        DecimalParser p = new DecimalParser();
        if (p.scan(bytes, from, to) != to || to == from) {
            throw new NumberFormatException("not a number: '" + new String(bytes, from, to - from, StandardCharsets.ISO_8859_1) + "'");
        }
        return p.floatValue();
    }

    /**
     * Parses {@code bytes[from, to)}, which must hold exactly one number.
     *
     * @throws NumberFormatException when the range is not a number of the grammar above
     */
    public static double parseDouble(byte[] bytes, int from, int to) {
        DecimalParser p = new DecimalParser();
        if (p.scan(bytes, from, to) != to || to == from) {
            throw new NumberFormatException("not a number: '" + new String(bytes, from, to - from, StandardCharsets.ISO_8859_1) + "'");
        }
        return p.doubleValue();
    }
}
