package org.soleus.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class CobsTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] encode(byte[] src) {
        byte[] dst = new byte[Cobs.maxEncodedLength(src.length)];
        int n = Cobs.encode(src, 0, src.length, dst, 0);
        return Arrays.copyOf(dst, n);
    }

    /** The examples of Cheshire and Baker's paper as tabulated on the COBS Wikipedia page. */
    @Test
    void encodesTheReferenceExamples() {
        assertArrayEquals(bytes(0x01, 0x01), encode(bytes(0x00)));
        assertArrayEquals(bytes(0x01, 0x01, 0x01), encode(bytes(0x00, 0x00)));
        assertArrayEquals(bytes(0x01, 0x02, 0x11, 0x01), encode(bytes(0x00, 0x11, 0x00)));
        assertArrayEquals(bytes(0x03, 0x11, 0x22, 0x02, 0x33), encode(bytes(0x11, 0x22, 0x00, 0x33)));
        assertArrayEquals(bytes(0x05, 0x11, 0x22, 0x33, 0x44), encode(bytes(0x11, 0x22, 0x33, 0x44)));
        assertArrayEquals(bytes(0x02, 0x11, 0x01, 0x01, 0x01), encode(bytes(0x11, 0x00, 0x00, 0x00)));
        byte[] run = new byte[254];
        for (int i = 0; i < run.length; i++) {
            run[i] = (byte) (i + 1);
        }
        byte[] expected = new byte[255];
        expected[0] = (byte) 0xFF;
        System.arraycopy(run, 0, expected, 1, 254);
        assertArrayEquals(expected, encode(run));
        byte[] longer = new byte[255];
        System.arraycopy(run, 0, longer, 0, 254);
        longer[254] = (byte) 0xFF;
        byte[] encoded = encode(longer);
        assertEquals(257, encoded.length);
        assertEquals((byte) 0x02, encoded[255]);
        assertEquals((byte) 0xFF, encoded[256]);
    }

    @Test
    void neverWritesZeroAndStaysWithinTheBound() {
        long seed = 20240611L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 500; trial++) {
            byte[] src = new byte[random.nextInt(2000)];
            for (int i = 0; i < src.length; i++) {
                src[i] = random.nextInt(4) == 0 ? 0 : (byte) random.nextInt(256);
            }
            byte[] enc = encode(src);
            assertTrue(enc.length <= Cobs.maxEncodedLength(src.length), "seed " + seed + " trial " + trial);
            for (byte b : enc) {
                assertTrue(b != 0, "zero byte in encoding; seed " + seed + " trial " + trial);
            }
            assertArrayEquals(src, NaiveCobs.decode(enc), "seed " + seed + " trial " + trial);
        }
    }
}
