package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class WfdbSampleDecoderTest {

    /**
     * Bytes worked out by hand from signal(5): per pair (a, b), byte 1 = low 8 bits of a, byte 2 =
     * high 4 bits of b in its upper nibble and high 4 bits of a in its lower nibble, byte 3 = low
     * 8 bits of b.
     */
    private static final byte[] HAND_PACKED = {
        0x01, (byte) 0xF0, (byte) 0xFF,        // 1 = 0x001, -1 = 0xFFF
        (byte) 0xFF, (byte) 0x87, 0x00,        // 2047 = 0x7FF, -2048 = 0x800
        0x2E, 0x4B, (byte) 0xD2,               // -1234 = 0xB2E, 1234 = 0x4D2
        0x05, 0x00,                            // 5 = 0x005, alone in a final half pair
    };
    private static final int[] HAND_VALUES = {1, -1, 2047, -2048, -1234, 1234, 5};

    private static int[] decodeAll(byte[] bytes, int format, long expected, int bufferBytes) throws IOException {
        try (WfdbSampleDecoder d = new WfdbSampleDecoder(new ByteArrayInputStream(bytes), format, expected,
                bufferBytes)) {
            int[] out = new int[bytes.length * 2 + 2];
            int n = 0;
            for (int v = d.next(); v != WfdbSampleDecoder.END; v = d.next()) {
                out[n++] = v;
            }
            return Arrays.copyOf(out, n);
        }
    }

    @Test
    void decodesHandPacked212IncludingNegativesInvalidCodeAndOddTail() throws IOException {
        for (int buffer : new int[] {3, 4, 5, 7, 64}) {
            assertArrayEquals(HAND_VALUES, decodeAll(HAND_PACKED, 212, 7, buffer), "buffer " + buffer);
        }
    }

    @Test
    void testEncoderMatchesHandPackedBytes() {
        assertArrayEquals(HAND_PACKED, Wfdb212Encoder.encode(HAND_VALUES));
    }

    @Test
    void halfPairTailIsASampleOnlyWhenItIsTheLastDeclaredOne() throws IOException {
        // Declared 8 samples: the 2-byte tail would be sample 7 of 8, so it is a cut pair.
        try (WfdbSampleDecoder d = new WfdbSampleDecoder(new ByteArrayInputStream(HAND_PACKED), 212, 8, 16)) {
            for (int i = 0; i < 6; i++) {
                assertEquals(HAND_VALUES[i], d.next());
            }
            assertEquals(WfdbSampleDecoder.END, d.next());
            assertEquals(WfdbSampleDecoder.END, d.next());
            assertEquals(2, d.droppedBytes());
        }
        // Unknown length: the tail is taken as the final odd sample.
        assertArrayEquals(HAND_VALUES, decodeAll(HAND_PACKED, 212, -1, 16));
    }

    @Test
    void oneStrayByteAfterWholePairsIsDropped() throws IOException {
        byte[] bytes = Arrays.copyOf(HAND_PACKED, 10);
        try (WfdbSampleDecoder d = new WfdbSampleDecoder(new ByteArrayInputStream(bytes), 212, -1, 4)) {
            int n = 0;
            while (d.next() != WfdbSampleDecoder.END) {
                n++;
            }
            assertEquals(6, n);
            assertEquals(1, d.droppedBytes());
            assertFalse(d.hasMoreBytes());
        }
    }

    @Test
    void randomSamplesRoundTripThrough212ForEveryBufferSize() throws IOException {
        long seed = 20240917L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 40; trial++) {
            int[] values = new int[1 + random.nextInt(200)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(-2048, 2048);
            }
            int buffer = 3 + random.nextInt(20);
            assertArrayEquals(values, decodeAll(Wfdb212Encoder.encode(values), 212, values.length, buffer),
                    "seed " + seed + ", trial " + trial + ", buffer " + buffer);
        }
    }

    @Test
    void decodesFormat16LittleEndianAndFormat80OffsetBinary() throws IOException {
        byte[] f16 = {0x34, 0x12, (byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0x80, (byte) 0xFF, 0x7F, 0x01};
        try (WfdbSampleDecoder d = new WfdbSampleDecoder(new ByteArrayInputStream(f16), 16, -1, 3)) {
            assertEquals(0x1234, d.next());
            assertEquals(-1, d.next());
            assertEquals(-32768, d.next());
            assertEquals(32767, d.next());
            assertEquals(WfdbSampleDecoder.END, d.next());
            assertEquals(1, d.droppedBytes());
        }
        byte[] f80 = {(byte) 0x80, 0x00, (byte) 0xFF, 0x7F};
        assertArrayEquals(new int[] {0, -128, 127, -1}, decodeAll(f80, 80, -1, 3));
    }

    @Test
    void reportsBytesBeyondTheSamplesTaken() throws IOException {
        try (WfdbSampleDecoder d = new WfdbSampleDecoder(new ByteArrayInputStream(HAND_PACKED), 212, 7, 8)) {
            d.next();
            d.next();
            assertTrue(d.hasMoreBytes());
        }
    }
}
