package org.soleus.io.format;

import java.io.ByteArrayOutputStream;

/** Test encoder for WFDB format 212, written from the format's description in signal(5). */
public final class Wfdb212Encoder {

    private Wfdb212Encoder() {
    }

    /**
     * Packs 12-bit samples two into three bytes; an odd last sample takes two bytes.
     *
     * @param samples values in [-2048, 2047]
     */
    public static byte[] encode(int... samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < samples.length; i += 2) {
            int a = check(samples[i]) & 0xFFF;
            out.write(a & 0xFF);
            if (i + 1 < samples.length) {
                int b = check(samples[i + 1]) & 0xFFF;
                out.write(((b >> 8) << 4) | (a >> 8));
                out.write(b & 0xFF);
            } else {
                out.write(a >> 8);
            }
        }
        return out.toByteArray();
    }

    /** The WFDB checksum: sum of the samples modulo 2^16 as a signed 16-bit value. */
    public static int checksum(int... samples) {
        int sum = 0;
        for (int v : samples) {
            sum += v;
        }
        return (short) sum;
    }

    private static int check(int v) {
        if (v < -2048 || v > 2047) {
            throw new IllegalArgumentException("format 212 holds -2048..2047, got " + v);
        }
        return v;
    }
}
