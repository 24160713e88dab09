package org.soleus.io.codec;

import static org.soleus.io.codec.BinaryFormat.FLOAT;
import static org.soleus.io.codec.BinaryFormat.INT;
import static org.soleus.io.codec.BinaryFormat.SHORT;

/**
 * How a descriptor's channels lie in the payload of a binary sample frame, for a
 * {@link BinaryDecoder}: each channel's encoding, scale and offset, made once per descriptor,
 * and the reused array that a frame's physical values are read into. A missing value (the
 * encoding's most negative number, or 0xFFFF unsigned) reads as NaN.
 *
 * <p>No allocation per frame. Not thread-safe.
 */
final class SampleLayout {
    private static final int INT16 = 0;
    private static final int UINT16 = 1;
    private static final int INT32 = 2;
    private static final int FLOAT32 = 3;

    private final int[] kinds;
    private final double[] scales;
    private final double[] offsets;
    private final boolean[] identity;
    private final float[] values;
    private final int payloadBytes;

    SampleLayout(StreamDescriptor d) {
        int width = d.width();
        kinds = new int[width];
        scales = new double[width];
        offsets = new double[width];
        identity = new boolean[width];
        values = new float[width];
        int bytes = 0;
        for (int c = 0; c < width; c++) {
            ChannelSpec spec = d.channels().get(c);
            kinds[c] = switch (spec.encoding()) {
                case INT16 -> INT16;
                case UINT16 -> UINT16;
                case INT32 -> INT32;
                case FLOAT32 -> FLOAT32;
            };
            scales[c] = spec.scale();
            offsets[c] = spec.offset();
            identity[c] = spec.isIdentity();
            bytes += spec.encoding().bytes();
        }
        payloadBytes = bytes;
    }

    /** Whether a payload of {@code bytes} bytes is one of these channels. */
    boolean fits(int bytes) {
        return bytes == payloadBytes;
    }

    /**
     * Reads the payload from {@code f[p]} into the values array, which it returns; reused by the
     * next call.
     */
    float[] read(byte[] f, int p) {
        float[] v = values;
        for (int c = 0; c < v.length; c++) {
            switch (kinds[c]) {
                case INT16 -> {
                    short raw = (short) SHORT.get(f, p);
                    p += 2;
                    v[c] = raw == Short.MIN_VALUE ? Float.NaN : scaled(raw, c);
                }
                case UINT16 -> {
                    int raw = Short.toUnsignedInt((short) SHORT.get(f, p));
                    p += 2;
                    v[c] = raw == 0xFFFF ? Float.NaN : scaled(raw, c);
                }
                case INT32 -> {
                    int raw = (int) INT.get(f, p);
                    p += 4;
                    v[c] = raw == Integer.MIN_VALUE ? Float.NaN : scaled(raw, c);
                }
                default -> {
                    float raw = (float) FLOAT.get(f, p);
                    p += 4;
                    v[c] = identity[c] ? raw : (float) (raw * scales[c] + offsets[c]);
                }
            }
        }
        return v;
    }

    private float scaled(int raw, int c) {
        return identity[c] ? (float) raw : (float) (raw * scales[c] + offsets[c]);
    }
}
