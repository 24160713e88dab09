package org.soleus.io.codec;

import static org.soleus.io.codec.BinaryFormat.FLOAT;
import static org.soleus.io.codec.BinaryFormat.INT;
import static org.soleus.io.codec.BinaryFormat.SHORT;

import java.nio.charset.StandardCharsets;

/** Bounds-checked little-endian reads from a descriptor payload; {@link #failed} on overrun. */
final class DescriptorReader {
    private final byte[] bytes;
    private final int end;
    private int position;
    private boolean failed;

    DescriptorReader(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.position = from;
        this.end = end;
    }

    /** Whether a read ran past the end of the payload; the reads after it return 0, NaN or "". */
    boolean failed() {
        return failed;
    }

    /** Where the next read begins. */
    int position() {
        return position;
    }

    private boolean take(int n) {
        if (failed || position + n > end) {
            failed = true;
            return false;
        }
        return true;
    }

    int u8() {
        return take(1) ? bytes[position++] & 0xFF : 0;
    }

    int u16() {
        if (!take(2)) {
            return 0;
        }
        int v = Short.toUnsignedInt((short) SHORT.get(bytes, position));
        position += 2;
        return v;
    }

    long u32() {
        if (!take(4)) {
            return 0;
        }
        long v = Integer.toUnsignedLong((int) INT.get(bytes, position));
        position += 4;
        return v;
    }

    /**
     * A float32 as the decimal it stands for: the shortest decimal that rounds to it
     * ({@link Float#toString}), since a scale such as 0.1 arrives as the float nearest to it,
     * and 5093 counts times that float, 509.3000076, is the float 509.30002 where 5093 × 0.1
     * is 509.3. Infinities and NaN stay as they are.
     */
    double f32() {
        if (!take(4)) {
            return Double.NaN;
        }
        float v = (float) FLOAT.get(bytes, position);
        position += 4;
        return Float.isFinite(v) ? Double.parseDouble(Float.toString(v)) : v;
    }

    String text(int n) {
        if (!take(n)) {
            return "";
        }
        String s = new String(bytes, position, n, StandardCharsets.UTF_8);
        position += n;
        return s;
    }
}
