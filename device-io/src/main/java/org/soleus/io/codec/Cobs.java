package org.soleus.io.codec;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, "Consistent overhead byte stuffing",
 * IEEE/ACM Trans. Networking 7(2):159–172, 1999, doi:10.1109/90.769765): rewrites a frame so
 * that it contains no zero byte, at a cost of one byte per 254 bytes (plus one), so that a
 * single {@code 0x00} can delimit frames and a receiver can find the next frame after any
 * damage. Decoding is done incrementally by {@link BinaryDecoder}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Cobs {
    private Cobs() {
    }

    /** The most bytes {@link #encode} writes for {@code length} input bytes (no delimiter). */
    public static int maxEncodedLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        return length + length / 254 + 1;
    }

    /**
     * Encodes {@code src[srcOff .. srcOff + length)} into {@code dst} from {@code dstOff}; the
     * caller appends the {@code 0x00} delimiter.
     *
     * @param dst written; must not overlap the input and must have room for
     *            {@link #maxEncodedLength} bytes
     * @return the number of bytes written, none of them zero
     */
    public static int encode(byte[] src, int srcOff, int length, byte[] dst, int dstOff) {
        if (srcOff < 0 || length < 0 || srcOff + length > src.length) {
            throw new IllegalArgumentException("range [" + srcOff + ", " + (srcOff + length) + ") is outside src of length "
                    + src.length);
        }
        if (dstOff < 0 || dstOff + maxEncodedLength(length) > dst.length) {
            throw new IllegalArgumentException("dst needs " + maxEncodedLength(length) + " bytes from " + dstOff
                    + " but has length " + dst.length);
        }
        int codeIndex = dstOff;
        int out = dstOff + 1;
        int code = 1;
        int end = srcOff + length;
        for (int i = srcOff; i < end; i++) {
            byte b = src[i];
            if (b != 0) {
                dst[out++] = b;
                code++;
            }
            if (b == 0 || code == 0xFF) {
                dst[codeIndex] = (byte) code;
                code = 1;
                codeIndex = out;
                if (b == 0 || i + 1 < end) {
                    out++;
                } else {
                    return out - dstOff;
                }
            }
        }
        dst[codeIndex] = (byte) code;
        return out - dstOff;
    }
}
