package org.soleus.io.format.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight ASCII bytes at a time: where a short decimal cell ends and its value, with a few
 * integer operations and one branch ("SWAR", SIMD within a register). The digit conversion is
 * the eight-digit step of Lemire's fast_float (Lemire, "Number parsing at a gigabyte per
 * second", Software: Practice and Experience 51(8), 2021, doi:10.1002/spe.2984). Stateless.
 */
final class AsciiDigits {
    /** Bytes a caller must have readable past any index it passes to {@link #load}. */
    static final int PADDING = Long.BYTES;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    /** {@code '.' ^ '0'} in every byte. */
    private static final long POINTS_AFTER_XOR = 0x1E1E1E1E1E1E1E1EL;
    /** Added to bytes below 0x80, sets the high bit exactly of those at least {@code '-'}. */
    private static final long BELOW_MINUS = 0x5353535353535353L;
    /** Added to bytes below 0x80, sets the high bit exactly of those above 9. */
    private static final long SEVENTY_SIXES = 0x7676767676767676L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long BIT7 = 0x8080808080808080L;
    private static final long MASK = 0x000000FF000000FFL;
    private static final long MUL1 = 100 + (1_000_000L << 32);
    private static final long MUL2 = 1 + (10_000L << 32);
    /** {@code 10^-k} rounded to double, for the fraction digits of a short cell. */
    private static final double[] RECIPROCAL_POWERS_OF_TEN = {1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
    private static final double[] SIGNS = {1.0, -1.0};

    private AsciiDigits() {
    }

    /** The 8 bytes at {@code i}, first byte lowest. */
    static long load(byte[] bytes, int i) {
        return (long) LONG_LE.get(bytes, i);
    }

    /** High bit of each byte of {@code v} that is zero. */
    private static long zeroBytes(long v) {
        return ~(((v & LOW7) + LOW7) | v) & BIT7;
    }

    /**
     * Index of the first of the 8 bytes in {@code word} that is below {@code '-'} (0x2D), or 8:
     * where a plain decimal cell ends, since delimiters ({@code ,} {@code \t} {@code ;} space)
     * and line ends all lie below the characters of a number ({@code - . 0-9}).
     */
    static int fieldLength(long word) {
        long below = ~(((word & LOW7) + BELOW_MINUS) | word) & BIT7;
        return Long.numberOfTrailingZeros(below) >>> 3;
    }

    /**
     * The first {@code length} bytes of {@code word} ({@code 1 <= length <= 8}) as an unsigned
     * decimal {@code digits[.digits]} with at least one digit, exactly as a double (at most 8
     * digits, so one division rounds it correctly); or NaN when they are anything else. For
     * time stamps, which take all 8 bytes of a day's worth of centiseconds
     * ({@code 86399.99}).
     */
    static double unsignedDecimal(long word, int length) {
        long d = word ^ ZEROS;
        long inCell = length == Long.BYTES ? -1L : (1L << (Byte.SIZE * length)) - 1;
        long points = zeroBytes(d ^ POINTS_AFTER_XOR) & inCell;
        int point = points == 0 ? length : Long.numberOfTrailingZeros(points) >>> 3;
        int hasPoint = point < length ? 1 : 0;
        long below = point == Long.BYTES ? -1L : (1L << (Byte.SIZE * point)) - 1;
        d = (d & below) | ((d >>> Byte.SIZE) & ~below);
        int count = length - hasPoint;
        long v = d << (Long.SIZE - Byte.SIZE * count);
        long notDigits = ((v + SEVENTY_SIXES) | v) & BIT7;
        if ((notDigits | (count - 1 >>> 31)) != 0) {
            return Double.NaN;
        }
        v = v * 10 + (v >>> 8);
        long digits = ((v & MASK) * MUL1 + ((v >>> 16) & MASK) * MUL2) >>> 32;
        return DecimalParser.exactDouble(digits, length - point - hasPoint);
    }

    /**
     * The first {@code length} bytes of {@code word} ({@code 0 <= length <= 7}) as a decimal
     * {@code [-]digits[.digits]} with at least one digit, correctly rounded to a float; or NaN
     * when they are anything else (other characters, a misplaced sign, two points, no digit,
     * no byte at all).
     * One branch, on the form.
     *
     * <p>The value is {@code m / 10^k} with {@code m < 10^7} and {@code k <= 6}. It is computed
     * as {@code m × 10^-k} in double arithmetic ({@link #shortDecimal}) and then rounded to float, which is exact for
     * these operands: the double product is within 2^-52 of the true value, relatively (one
     * rounding of the reciprocal, one of the product), while a decimal of at most 7 digits is
     * either a float or farther than 2^-48 (relatively) from every point halfway between two
     * floats: {@code |m/10^k − M/2^j| ≥ 1/(10^k·2^j)} for a 25-bit midpoint {@code M/2^j},
     * and {@code 10^k·2^25 < 2^48}. So the double lies on the same side of every halfway
     * point as the true value, and its rounding to float is the correct one. (A multiplication
     * has a third of a division's latency, in the hottest loop of the text readers.)
     */
    static float smallDecimal(long word, int length) {
        long d = word ^ ZEROS;
        int negative = (int) (d & 0xFF) == ('-' ^ '0') ? 1 : 0;
        long points = zeroBytes(d ^ POINTS_AFTER_XOR) & ((1L << (Byte.SIZE * length)) - 1);
        int hasPoint = points == 0 ? 0 : 1;
        int point = hasPoint == 0 ? length : Long.numberOfTrailingZeros(points) >>> 3;
        // Drop the first point's byte; a second point or a misplaced sign is then a byte above
        // 9 and fails the digit test below. Then drop the sign.
        long below = (1L << (Byte.SIZE * point)) - 1;
        d = ((d & below) | ((d >>> Byte.SIZE) & ~below)) >>> (Byte.SIZE * negative);
        int count = length - hasPoint - negative;
        long v = d << (Long.SIZE - Byte.SIZE * count);
        long notDigits = ((v + SEVENTY_SIXES) | v) & BIT7;
        if ((notDigits | (count - 1 >>> 31)) != 0) {
            return Float.NaN;
        }
        v = v * 10 + (v >>> 8);
        long digits = ((v & MASK) * MUL1 + ((v >>> 16) & MASK) * MUL2) >>> 32;
        return (float) (shortDecimal(digits, length - point - hasPoint) * SIGNS[negative]);
    }

    /**
     * The 8 bytes of {@code word} as seven digits and a point with at least one digit before it,
     * as {@link #smallDecimal} gives a shorter cell (the same bounds, {@code m < 10^7} and
     * {@code k <= 6}, so the same correctly rounded float); or NaN when they are anything else.
     * For 8-byte cells ({@code 0.974121}) and, after their minus sign, 9-byte ones
     * ({@code -0.196777}), as a Moticon export's accelerometer, gyroscope and centre-of-pressure
     * columns hold them.
     */
    static float eightByteDecimal(long word) {
        long d = word ^ ZEROS;
        int point = Long.numberOfTrailingZeros(zeroBytes(d ^ POINTS_AFTER_XOR)) >>> 3;
        // Drop the point's byte (a second point is then a byte above 9); the seven digits are
        // then read as eight with a leading zero.
        long below = (1L << (Byte.SIZE * point)) - 1;
        long v = ((d & below) | ((d >>> Byte.SIZE) & ~below)) << Byte.SIZE;
        long notDigits = ((v + SEVENTY_SIXES) | v) & BIT7;
        // the point at 1..7: a digit before it, and one there at all (8 when none)
        if ((notDigits | ((point - 1) | (7 - point)) >>> 31) != 0) {
            return Float.NaN;
        }
        v = v * 10 + (v >>> 8);
        long digits = ((v & MASK) * MUL1 + ((v >>> 16) & MASK) * MUL2) >>> 32;
        return (float) shortDecimal(digits, Long.BYTES - 1 - point);
    }

    /**
     * {@code digits × 10^-fractionDigits} in double arithmetic, which rounds to the correct
     * float for {@code digits < 10^7} and {@code fractionDigits <= 6} (see
     * {@link #smallDecimal}).
     */
    static double shortDecimal(long digits, int fractionDigits) {
        return digits * RECIPROCAL_POWERS_OF_TEN[fractionDigits];
    }
}
