package org.soleus.io.codec;

import java.io.ByteArrayOutputStream;

/** The textbook COBS decoder of one whole frame (no delimiter), the oracle of the tests. */
final class NaiveCobs {
    private NaiveCobs() {
    }

    /** Decoded bytes, or null when the input is not valid COBS. */
    static byte[] decode(byte[] enc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < enc.length) {
            int code = enc[i++] & 0xFF;
            if (code == 0 || i + code - 1 > enc.length) {
                return null;
            }
            for (int k = 1; k < code; k++) {
                out.write(enc[i++]);
            }
            if (code < 0xFF && i < enc.length) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }
}
