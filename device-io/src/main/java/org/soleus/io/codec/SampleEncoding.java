package org.soleus.io.codec;

/**
 * How the binary protocol carries one channel's value: a little-endian integer of raw counts
 * (physical value = raw × scale + offset) or an IEEE 754 float. The smallest integer of a
 * signed encoding, and the largest of an unsigned one, marks a missing sample (NaN).
 */
public enum SampleEncoding {
    /** Signed 16-bit integer; {@code -32768} marks a missing sample. */
    INT16(1, 2),
    /** Unsigned 16-bit integer; {@code 65535} marks a missing sample. */
    UINT16(2, 2),
    /** Signed 32-bit integer; {@code -2147483648} marks a missing sample. */
    INT32(3, 4),
    /** IEEE 754 single-precision float; NaN marks a missing sample. */
    FLOAT32(4, 4);

    private final int code;
    private final int bytes;

    SampleEncoding(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The code that names this encoding in a descriptor. */
    public int code() {
        return code;
    }

    /** Bytes per value. */
    public int bytes() {
        return bytes;
    }

    /** The encoding with the given descriptor code, or null when there is none. */
    public static SampleEncoding fromCode(int code) {
        for (SampleEncoding e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
