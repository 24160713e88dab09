package org.soleus.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated streams against an independent oracle: the stream is split at its zero bytes, and a
 * piece counts as intact when it equals the encoding of a frame that was sent, byte for byte.
 * The decoder must hand on exactly the intact sample frames, count every other non-empty piece
 * as one error, and count as lost exactly the sequence numbers missing between intact frames.
 */
final class BinaryDecoderFuzzTest {

    @Test
    void countsExactlyWhatMutationsDamaged() {
        for (long seed = 1; seed <= 40; seed++) {
            check(seed);
        }
    }

    private static void check(long seed) {
        Random random = new Random(seed);
        BinaryStream stream = new BinaryStream(BinaryStream.mixedDescriptor(), 400, 50, random.nextInt(1 << 30), random);
        byte[] mutated = mutate(stream.bytes, random, 1 + random.nextInt(30));

        FrameOracle.Result expected = stream.oracle().check(mutated);

        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        for (int p = 0; p < mutated.length; ) {
            int n = Math.min(mutated.length - p, 1 + random.nextInt(300));
            decoder.decode(mutated, p, n, sink);
            p += n;
        }
        String where = "seed " + seed;
        List<Integer> emitted = expected.intact();
        assertEquals(emitted.size(), sink.size(), where);
        for (int i = 0; i < emitted.size(); i++) {
            assertArrayEquals(stream.values[emitted.get(i)], sink.rows.get(i), where);
            assertEquals(stream.timesUs[emitted.get(i)], (long) sink.timesUs.get(i), where);
        }
        assertEquals(expected.bad(), decoder.counters().errors(), where);
        assertEquals(expected.lost(), decoder.counters().lostFrames(), where);
        assertEquals(expected.undescribed(), decoder.counters().undescribed(), where);
        assertTrue(expected.bad() > 0 || expected.lost() == 0, where);
    }

    /** Flips, replaces, inserts and deletes bytes, and cuts runs out. */
    private static byte[] mutate(byte[] src, Random random, int mutations) {
        byte[] b = src.clone();
        for (int m = 0; m < mutations; m++) {
            int at = 1 + random.nextInt(b.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (random.nextInt(5)) {
                case 0 -> {
                    b[at] ^= (byte) (1 << random.nextInt(8));
                    continue;
                }
                case 1 -> {
                    b[at] = (byte) random.nextInt(256);
                    continue;
                }
                case 2 -> {
                    out.write(b, 0, at);
                    byte[] inserted = new byte[1 + random.nextInt(20)];
                    random.nextBytes(inserted);
                    out.write(inserted, 0, inserted.length);
                    out.write(b, at, b.length - at);
                }
                case 3 -> {
                    out.write(b, 0, at);
                    out.write(b, at + 1, b.length - at - 1);
                }
                default -> {
                    int cut = Math.min(b.length - at, 1 + random.nextInt(400));
                    out.write(b, 0, at);
                    out.write(b, at + cut, b.length - at - cut);
                }
            }
            b = out.toByteArray();
        }
        return b;
    }
}
