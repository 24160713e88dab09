package org.soleus.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;

final class BinaryDecoderTest {

    /**
     * An encoded frame, COBS undone, ends in the CRC-32C of its other bytes, little-endian, as
     * docs/serial-protocol.md specifies; the CRC here is a bit-by-bit implementation of the
     * Castagnoli polynomial, checked against the standard check value, not the JDK's.
     */
    @Test
    void aFrameEndsInTheCastagnoliCrcOfItsBytesLittleEndian() {
        assertEquals(0xE3069283L, bitwiseCrc32c("123456789".getBytes(StandardCharsets.US_ASCII), 9));
        BinaryStream stream = new BinaryStream(BinaryStream.mixedDescriptor(), 3, 250, 123, new Random(11));
        int frames = 0;
        for (int from = 0, to = 0; to < stream.bytes.length; to++) {
            if (stream.bytes[to] != 0) {
                continue;
            }
            if (to > from) {
                assertCrc(cobsDecode(stream.bytes, from, to), from);
                frames++;
            }
            from = to + 1;
        }
        assertEquals(4, frames, "a descriptor and three sample frames");
    }

    /** The frame {@code raw} (COBS undone, found at byte {@code at}) ends in the CRC of its other bytes. */
    private static void assertCrc(byte[] raw, int at) {
        int n = raw.length - 4;
        long stored = (raw[n] & 0xFFL) | (raw[n + 1] & 0xFFL) << 8 | (raw[n + 2] & 0xFFL) << 16 | (raw[n + 3] & 0xFFL) << 24;
        assertEquals(bitwiseCrc32c(raw, n), stored, "frame from byte " + at);
    }

    /** CRC-32C bit by bit: reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF. */
    private static long bitwiseCrc32c(byte[] data, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x82F63B78 : crc >>> 1;
            }
        }
        return ~crc & 0xFFFFFFFFL;
    }

    /** Undoes COBS on {@code encoded[from .. to)} (without the 0x00 delimiter). */
    private static byte[] cobsDecode(byte[] encoded, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int p = from;
        while (p < to) {
            int code = encoded[p++] & 0xFF;
            for (int k = 1; k < code; k++) {
                out[n++] = encoded[p++];
            }
            if (code < 0xFF && p < to) {
                out[n++] = 0;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Test
    void roundTripsEveryEncodingWholeBytewiseAndInRandomChunks() {
        long seed = 7L;
        BinaryStream stream = new BinaryStream(BinaryStream.mixedDescriptor(), 2000, 250, 123, new Random(seed));
        CollectingSink whole = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(stream.bytes, 0, stream.bytes.length, whole);
        assertEquals(2000, whole.size());
        assertEquals(8, whole.descriptors.size());
        assertEquals(stream.descriptor, whole.descriptors.get(0));
        for (int i = 0; i < 2000; i++) {
            assertArrayEquals(stream.values[i], whole.rows.get(i), "frame " + i + ", seed " + seed);
            assertEquals(i, whole.sequences.get(i));
            assertEquals(stream.timesUs[i], whole.timesUs.get(i));
        }
        assertEquals(0, decoder.counters().errors());
        assertEquals(0, decoder.counters().lostFrames());
        assertEquals(stream.bytes.length, decoder.counters().bytes());

        CollectingSink bytewise = new CollectingSink();
        BinaryDecoder second = new BinaryDecoder();
        for (int i = 0; i < stream.bytes.length; i++) {
            second.decode(stream.bytes, i, 1, bytewise);
        }
        assertSame(whole, bytewise);

        Random random = new Random(seed);
        CollectingSink chunked = new CollectingSink();
        BinaryDecoder third = new BinaryDecoder();
        for (int p = 0; p < stream.bytes.length; ) {
            int n = Math.min(stream.bytes.length - p, random.nextInt(700));
            third.decode(stream.bytes, p, n, chunked);
            p += n;
        }
        assertSame(whole, chunked);
    }

    private static void assertSame(CollectingSink expected, CollectingSink actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.descriptors, actual.descriptors);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.rows.get(i), actual.rows.get(i), "frame " + i);
        }
        assertEquals(expected.sequences, actual.sequences);
        assertEquals(expected.timesUs, actual.timesUs);
    }

    /**
     * The rate the user gives wins over the descriptor's, and stands where the descriptor states
     * none (rate 0); without one, a descriptor's rate 0 is no rate.
     */
    @Test
    void aGivenRateWinsOverTheDescriptorsAndStandsForOneStatingNone() {
        StreamDescriptor stated = BinaryStream.mixedDescriptor();
        StreamDescriptor none = new StreamDescriptor(Double.NaN, stated.channels(), stated.properties());
        double[][] cases = {{1000, Double.NaN, 1000}, {1000, 200, 200}, {Double.NaN, 200, 200}};
        for (double[] c : cases) {
            BinaryEncoder encoder = new BinaryEncoder(Double.isNaN(c[0]) ? none : stated);
            byte[] buf = new byte[4096];
            buf[0] = 0;
            int p = encoder.encodeDescriptor(0, 0, buf, 1);
            p = encoder.encodeSamples(0, 0, new float[] {1, 2, 3, 4, 5}, buf, p);
            CollectingSink sink = new CollectingSink();
            new BinaryDecoder(c[1]).decode(buf, 0, p, sink);
            assertEquals(1, sink.size(), java.util.Arrays.toString(c));
            assertEquals(c[2], sink.descriptors.get(0).sampleRateHz(), java.util.Arrays.toString(c));
        }
        CollectingSink unstated = new CollectingSink();
        byte[] buf = new byte[4096];
        int p = new BinaryEncoder(none).encodeDescriptor(0, 0, buf, 1);
        new BinaryDecoder().decode(buf, 0, p, unstated);
        assertTrue(Double.isNaN(unstated.descriptors.get(0).sampleRateHz()));
    }

    /**
     * An intact descriptor the decoder cannot take (a channel name in capitals, as firmware may
     * write it; an event timing there is not) says why, so that the stream's error names the firmware's mistake rather than
     * the wiring.
     */
    @Test
    void aRefusedDescriptorSaysWhy() {
        assertEquals("the device's descriptor was refused: channel 1: 'Left.insole.force_n' is not a channel name of the"
                + " form <side>.<place>.<quantity>_<unit>, lower case",
                refusedWithPatch(Map.of(), "left.insole.force_n", "Left.insole.force_n", false));
        assertEquals("the device's descriptor was refused: event_timing: expected baseline or load-levels, got 'vaseline'",
                refusedWithPatch(Map.of("event_timing", "baseline"), "baseline", "vaseline", false));
        // where the user gives the timing (live --event-timing), the descriptor's is left out, refused or not
        assertEquals(null, refusedWithPatch(Map.of("event_timing", "baseline"), "baseline", "vaseline", true));
    }

    /**
     * Why the decoder refuses a descriptor of one force channel with these properties whose text
     * {@code from} is replaced by {@code to} of the same length, its checksum made right; null
     * when it takes it, without an event timing, where {@code eventTimingGiven}.
     */
    private static String refusedWithPatch(Map<String, String> properties, String from, String to,
                                           boolean eventTimingGiven) {
        StreamDescriptor d = new StreamDescriptor(100, List.of(ChannelSpec.ofFloat(ChannelName.parse("left.insole.force_n"))),
                properties);
        byte[] encoded = new byte[512];
        int n = new BinaryEncoder(d).encodeDescriptor(0, 0, encoded, 0);
        byte[] raw = cobsDecode(encoded, 0, n - 1);   // without the closing 0x00
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf(from);
        byte[] patch = to.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(patch, 0, raw, at, patch.length);
        int body = raw.length - 4;
        long crc = bitwiseCrc32c(raw, body);
        for (int k = 0; k < 4; k++) {
            raw[body + k] = (byte) (crc >>> (8 * k));
        }
        byte[] stream = new byte[Cobs.maxEncodedLength(raw.length) + 2];
        int m = Cobs.encode(raw, 0, raw.length, stream, 1);
        stream[1 + m] = 0;
        BinaryDecoder decoder = new BinaryDecoder(Double.NaN, eventTimingGiven);
        decoder.decode(stream, 0, m + 2, new CollectingSink());
        if (eventTimingGiven) {
            assertEquals(null, decoder.descriptor().properties().get("event_timing"));
        } else {
            assertNull(decoder.descriptor());
        }
        return decoder.refusedDescriptor();
    }

    /**
     * A count that jumps while the device's clock goes on by one period (a firmware that counts
     * its descriptors too) loses no sample; a jump of both, frames lost, counts them.
     */
    @Test
    void aCountThatJumpsWhileTheClockGoesOnIsNoLoss() {
        StreamDescriptor d = new StreamDescriptor(100, List.of(ChannelSpec.ofFloat(ChannelName.parse("left.insole.force_n"))),
                Map.of());
        BinaryEncoder encoder = new BinaryEncoder(d);
        byte[] buf = new byte[8192];
        int p = encoder.encodeDescriptor(0, 0, buf, 1);
        for (int i = 0; i < 30; i++) {
            long sequence = i < 10 ? i : i < 20 ? i + 10 : i + 19;   // +10 with the clock going on; then +9 with it
            long timeUs = i < 20 ? i * 10_000L : (i + 9) * 10_000L;
            p = encoder.encodeSamples(sequence, timeUs, new float[] {i}, buf, p);
        }
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(buf, 0, p, sink);
        assertEquals(30, sink.size());
        assertEquals(9, decoder.counters().lostFrames(), "only the frames the clock says are missing");
        assertEquals(19L, sink.sequences.get(19) - sink.sequences.get(0), "no gap where the count alone jumped");
        assertEquals(29L + 9, sink.sequences.get(29) - sink.sequences.get(0));
    }

    @Test
    void quantisesIntegerChannelsAndMapsMissingCodesToNaN() {
        StreamDescriptor d = BinaryStream.mixedDescriptor();
        BinaryEncoder encoder = new BinaryEncoder(d);
        byte[] buf = new byte[4096];
        int p = encoder.encodeDescriptor(0, 0, buf, 0);
        p = encoder.encodeSamples(0, 0, new float[] {100.4f, 1.26f, 250f / 131, 1f, 1.5f}, buf, p);
        p = encoder.encodeSamples(1, 1000, new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN}, buf, p);
        p = encoder.encodeSamples(2, 2000, new float[] {1e9f, -1e9f, 1e9f, 1e12f, -0f}, buf, p);
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        byte[] stream = new byte[p + 1];
        System.arraycopy(buf, 0, stream, 1, p);
        decoder.decode(stream, 0, stream.length, sink);
        assertEquals(3, sink.size());
        assertArrayEquals(new float[] {100f, 1.5f, (float) (250 * 0.007633588), 1f, 1.5f},
                sink.rows.get(0));
        for (float v : sink.rows.get(1)) {
            assertEquals(Float.NaN, v);
        }
        float[] clamped = sink.rows.get(2);
        assertEquals(65534f, clamped[0]);
        assertEquals((float) (-32767 * 0.5 - 10), clamped[1]);
        assertEquals((float) (32767 * 0.007633588), clamped[2]);
        assertEquals((float) (Integer.MAX_VALUE * 1e-4), clamped[3]);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(clamped[4]));
    }

    @Test
    void countsLostFramesFromTheSequenceAndExtendsTheClockPastItsWrap() {
        StreamDescriptor d = new StreamDescriptor(1000, List.of(ChannelSpec.ofFloat(ChannelName.parse("left.insole.force_n"))),
                Map.of());
        BinaryEncoder encoder = new BinaryEncoder(d);
        byte[] buf = new byte[1 << 16];
        int p = 0;
        buf[p++] = 0;
        p = encoder.encodeDescriptor(0xFFFFFFF0L, 0xFFFFFC18L, buf, p);
        long[] sent = {0xFFFFFFF0L, 0xFFFFFFF1L, 0xFFFFFFF5L, 0x1_0000_0002L, 0x1_0000_0003L};
        for (long s : sent) {
            p = encoder.encodeSamples(s, 0xFFFFFC18L + (s - sent[0]) * 1000, new float[] {s}, buf, p);
        }
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(buf, 0, p, sink);
        assertEquals(5, sink.size());
        assertEquals(3 + 12, decoder.counters().lostFrames());
        for (int i = 0; i < sent.length; i++) {
            assertEquals(sent[i], sink.sequences.get(i));
            assertEquals(0xFFFFFC18L + (sent[i] - sent[0]) * 1000, sink.timesUs.get(i));
        }
    }

    /** An encoder of one force channel at 100 Hz. */
    private static BinaryEncoder forceAt100Hz() {
        return new BinaryEncoder(new StreamDescriptor(100,
                List.of(ChannelSpec.ofFloat(ChannelName.parse("left.insole.force_n"))), Map.of()));
    }

    @Test
    void aDescriptorWithSequenceZeroMarksARestartWithoutLoss() {
        BinaryEncoder encoder = forceAt100Hz();
        byte[] buf = new byte[4096];
        int p = 0;
        buf[p++] = 0;
        p = encoder.encodeDescriptor(500, 9_000_000, buf, p);
        p = encoder.encodeSamples(500, 9_000_000, new float[] {1}, buf, p);
        p = encoder.encodeSamples(501, 9_010_000, new float[] {2}, buf, p);
        p = encoder.encodeDescriptor(0, 0, buf, p);
        p = encoder.encodeSamples(0, 0, new float[] {3}, buf, p);
        p = encoder.encodeSamples(1, 10_000, new float[] {4}, buf, p);
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(buf, 0, p, sink);
        assertEquals(4, sink.size());
        assertEquals(0, decoder.counters().lostFrames());
        assertEquals(List.of(500L, 501L, 502L, 503L), sink.sequences);
        assertEquals(List.of(9_000_000L, 9_010_000L, 0L, 10_000L), sink.timesUs);
        assertEquals(List.of(2), sink.restartsAfterFrames, "told before the restart's first frame");
    }

    /**
     * A device that sends no 0x00 before its first frame: that frame, intact, is taken (here its
     * one descriptor, without which nothing would decode); a cut one before the first delimiter
     * is not counted as damage.
     */
    @Test
    void anIntactFirstFrameWithoutALeadingDelimiterIsTaken() {
        BinaryEncoder encoder = forceAt100Hz();
        byte[] buf = new byte[4096];
        int p = encoder.encodeDescriptor(0, 0, buf, 0);
        for (int i = 0; i < 5; i++) {
            p = encoder.encodeSamples(i, i * 10_000L, new float[] {i}, buf, p);
        }
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(buf, 0, p, sink);
        assertEquals(1, sink.descriptors.size());
        assertEquals(5, sink.size());
        CollectingSink cut = new CollectingSink();
        BinaryDecoder late = new BinaryDecoder();
        late.decode(buf, 3, p - 3, cut);
        assertEquals(0, late.counters().malformed() + late.counters().crcErrors(), "the cut first piece is no damage");
        assertEquals(0, cut.descriptors.size());
    }

    /**
     * A firmware that gives every descriptor it repeats sequence 0: the sample frames after each
     * go on with the count, so none is a restart, and nothing is filled.
     */
    @Test
    void aDescriptorWithSequenceZeroThatTheCountGoesOnAcrossIsNoRestart() {
        BinaryEncoder encoder = forceAt100Hz();
        byte[] buf = new byte[8192];
        int p = 0;
        buf[p++] = 0;
        for (int i = 0; i < 40; i++) {
            if (i % 10 == 0) {
                p = encoder.encodeDescriptor(0, i * 10_000L, buf, p);
            }
            p = encoder.encodeSamples(i, i * 10_000L, new float[] {i}, buf, p);
        }
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(buf, 0, p, sink);
        assertEquals(40, sink.size());
        assertEquals(List.of(), sink.restartsAfterFrames);
        assertEquals(0, decoder.counters().lostFrames());
        assertEquals(39L, sink.sequences.get(39) - sink.sequences.get(0));
    }

    /**
     * A sample frame sent twice or overtaken is dropped and counted as malformed, not read as the
     * count going four billion ahead; a count that goes further back began anew (a restart
     * without a descriptor): told as a restart, no loss counted.
     */
    @Test
    void aRepeatedOrLateFrameIsDroppedAndACountThatStartsAnewIsARestart() {
        BinaryEncoder encoder = forceAt100Hz();
        byte[] buf = new byte[4096];
        int p = 0;
        buf[p++] = 0;
        p = encoder.encodeDescriptor(5, 50_000, buf, p);
        long[] sent = {5, 6, 7, 6, 7, 8, 500, 501, 3, 4};
        for (long s : sent) {
            p = encoder.encodeSamples(s, s * 10_000, new float[] {s}, buf, p);
        }
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(buf, 0, p, sink);
        assertEquals(List.of(5L, 6L, 7L, 8L, 500L, 501L, 502L, 503L), sink.sequences, "the repeated 6 and 7 dropped");
        assertEquals(2, decoder.counters().malformed());
        assertEquals(491, decoder.counters().lostFrames(), "9 to 499 lost; nothing for the step back to 3");
        assertEquals(List.of(6), sink.restartsAfterFrames, "told before the new count's first frame");
        assertEquals(30_000L, sink.timesUs.get(6), "the clock taken anew");
    }

    /**
     * A scale of 0.1 travels as the float nearest to it, 0.100000001; counts times that float
     * would give 509.30002 for 5093 counts, which a recording would keep. The decoder takes the
     * scale for the decimal it stands for, so 5093 counts are 509.3, the float nearest to it.
     */
    @Test
    void aScaleIsTheDecimalItsFloatStandsFor() {
        StreamDescriptor d = new StreamDescriptor(100, List.of(
                new ChannelSpec(ChannelName.parse("left.insole.force_n"), SampleEncoding.INT16, 0.1, 0),
                new ChannelSpec(ChannelName.parse("left.insole.cop_y_norm"), SampleEncoding.INT16, 0.001, -0.5)), Map.of());
        BinaryEncoder encoder = new BinaryEncoder(d);
        byte[] buf = new byte[512];
        int p = encoder.encodeDescriptor(0, 0, buf, 1); // after a delimiter: not a frame cut at the start
        p = encoder.encodeSamples(0, 0, new float[] {509.3f, 0.123f}, buf, p);
        CollectingSink sink = new CollectingSink();
        new BinaryDecoder().decode(buf, 0, p, sink);
        assertEquals(0.1, sink.descriptors.get(0).channels().get(0).scale());
        assertEquals(-0.5, sink.descriptors.get(0).channels().get(1).offset());
        assertEquals("509.3", Float.toString(sink.rows.get(0)[0]));
        assertEquals("0.123", Float.toString(sink.rows.get(0)[1]));
    }

    @Test
    void skipsTheCutFrameAtTheStartAndFramesBeforeTheDescriptor() {
        BinaryStream stream = new BinaryStream(BinaryStream.mixedDescriptor(), 300, 100, 0, new Random(3));
        int firstDescriptorEnd = 1 + stream.frames.get(0).length + 1;
        int cut = firstDescriptorEnd + 40;
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(stream.bytes, cut, stream.bytes.length - cut, sink);
        assertEquals(0, decoder.counters().errors());
        assertEquals(98, decoder.counters().undescribed());
        assertEquals(200, sink.size());
        assertArrayEquals(stream.values[100], sink.rows.get(0));
        assertEquals(0, decoder.counters().lostFrames());
    }

    @Test
    void aDamagedFrameIsCountedOnceAndNeverHandedOn() {
        long seed = 11L;
        BinaryStream stream = new BinaryStream(BinaryStream.mixedDescriptor(), 50, 1000, 0, new Random(seed));
        int start = 1;
        for (int k = 0; k < 21; k++) {
            start += stream.frames.get(k).length + 1;
        }
        byte[] damaged = stream.bytes.clone();
        damaged[start + 17] ^= 0x10;
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(damaged, 0, damaged.length, sink);
        assertEquals(49, sink.size());
        assertEquals(1, decoder.counters().crcErrors() + decoder.counters().malformed());
        assertEquals(1, decoder.counters().lostFrames());
        assertEquals(false, sink.sequences.contains(20L));
    }

    @Test
    void resynchronisesAfterGarbageAndOverlongRuns() {
        BinaryStream stream = new BinaryStream(BinaryStream.mixedDescriptor(), 20, 1000, 0, new Random(5));
        byte[] garbage = new byte[40_000];
        Arrays.fill(garbage, (byte) 0x5A);
        byte[] all = new byte[garbage.length + stream.bytes.length + 30];
        System.arraycopy(stream.bytes, 0, all, 0, stream.bytes.length);
        all[stream.bytes.length] = 0;
        System.arraycopy(garbage, 0, all, stream.bytes.length + 1, garbage.length);
        BinaryStream again = new BinaryStream(BinaryStream.mixedDescriptor(), 20, 1000, 0, new Random(5));
        byte[] joined = new byte[all.length + again.bytes.length];
        System.arraycopy(all, 0, joined, 0, all.length);
        System.arraycopy(again.bytes, 0, joined, all.length, again.bytes.length);
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        decoder.decode(joined, 0, joined.length, sink);
        assertEquals(40, sink.size());
        assertEquals(1, decoder.counters().malformed());
        assertEquals(0, decoder.counters().crcErrors());
    }

    @Test
    void decodesNothingFromRandomBytes() {
        long seed = 99L;
        Random random = new Random(seed);
        byte[] noise = new byte[1 << 20];
        random.nextBytes(noise);
        CollectingSink sink = new CollectingSink();
        BinaryDecoder decoder = new BinaryDecoder();
        for (int p = 0; p < noise.length; ) {
            int n = Math.min(noise.length - p, 1 + random.nextInt(4096));
            decoder.decode(noise, p, n, sink);
            p += n;
        }
        assertEquals(0, sink.size(), "seed " + seed);
        assertEquals(0, sink.descriptors.size(), "seed " + seed);
        assertNull(decoder.descriptor());
        assertEquals(noise.length, decoder.counters().bytes());
    }
}
