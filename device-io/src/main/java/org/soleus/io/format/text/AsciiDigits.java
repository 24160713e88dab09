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
     * The first {@code length} bytes of {@code word} ({@code 1 <= length <= 7}) as a decimal
     * {@code [-]digits[.digits]} with at least one digit, packed as
     * {@code digits | fractionDigits << 32 | negative << 40}; or -1 when they are anything else
     * (other characters, a misplaced sign, two points, no digit). One branch, on the result.
     */
    static long smallDecimal(long word, int length) {
        int negative = (word & 0xFF) == '-' ? 1 : 0;
        int n = length - negative;
        long d = (word ^ ZEROS) >>> (Byte.SIZE * negative);
        long dots = zeroBytes(d ^ POINTS_AFTER_XOR) & (-1L >>> (Long.SIZE - Byte.SIZE * n));
        int dotCount = Long.bitCount(dots);
        // The point's byte index, or n when there is none; drop that byte.
        int point = Long.numberOfTrailingZeros(dots | 0x80L << (Byte.SIZE * n)) >>> 3;
        long below = (1L << (Byte.SIZE * point)) - 1;
        d = (d & below) | ((d >>> Byte.SIZE) & ~below);
        int count = n - dotCount;
        long v = d << (Long.SIZE - Byte.SIZE * count);
        // Every byte must now be a digit value 0-9 (shifted-in bytes are 0).
        long notDigits = ((v + SEVENTY_SIXES) | v) & BIT7;
        if ((notDigits | (dotCount >>> 1) | (count - 1 >>> 31)) != 0) {
            return -1;
        }
        v = v * 10 + (v >>> 8);
        long digits = ((v & MASK) * MUL1 + ((v >>> 16) & MASK) * MUL2) >>> 32;
        return digits | (long) (n - point - dotCount) << 32 | (long) negative << 40;
    }

    /** The digits of a {@link #smallDecimal} result. */
    static long digits(long packed) {
        return packed & 0xFFFFFFFFL;
    }

    /** The number of fraction digits of a {@link #smallDecimal} result. */
    static int fraction(long packed) {
        return (int) (packed >>> 32) & 0xFF;
    }

    /** Whether a {@link #smallDecimal} result is negative. */
    static boolean negative(long packed) {
        return (packed & (1L << 40)) != 0;
    }
}
