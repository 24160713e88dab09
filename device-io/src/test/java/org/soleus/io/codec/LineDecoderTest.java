package org.soleus.io.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;

final class LineDecoderTest {

    private static CollectingSink decode(LineDecoder decoder, String text) {
        CollectingSink sink = new CollectingSink();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        decoder.decode(b, 0, b.length, sink);
        return sink;
    }

    private static StreamDescriptor descriptor() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("start_time_s", "0.0");
        properties.put("body_mass_kg", "72.5");
        return new StreamDescriptor(100, List.of(
                ChannelSpec.ofFloat(ChannelName.parse("left.insole.cell01_counts")),
                ChannelSpec.ofFloat(ChannelName.parse("left.insole.force_n")),
                ChannelSpec.ofFloat(ChannelName.parse("right.shank.gyr_x_dps"))), properties);
    }

    /**
     * A line that begins with a letter but holds bytes that are no text (a binary stream read
     * with the line protocol) is not quoted as a refused header: the message would print the
     * bytes to the terminal. A refused header of text is.
     */
    @Test
    void binaryBytesAreNotQuotedAsARefusedHeader() {
        LineDecoder binary = new LineDecoder();
        // no control bytes, which make a line malformed before any header is tried: bytes that are no UTF-8
        byte[] bytes = {'W', (byte) 0xFF, (byte) 0x9C, 'B', '\n', '1', '\n'};
        binary.decode(bytes, 0, bytes.length, new CollectingSink());
        assertEquals(null, binary.headerProblem());
        LineDecoder text = new LineDecoder();
        decode(text, "Weight\n1\n");
        assertTrue(text.headerProblem().startsWith("'Weight' was no header: "), text.headerProblem());
        LineDecoder accented = new LineDecoder();
        decode(accented, "time_us,left.insole.force_n,Kraft_\u00e4\n0,1,2\n");
        assertTrue(String.valueOf(accented.headerProblem()).startsWith("'time_us,left.insole.force_n,Kraft_\u00e4' was no"
                + " header: "), "a header of UTF-8 text is quoted: " + accented.headerProblem());
    }

    /**
     * A stream naming an event timing there is not is refused at its header, which the decoder's
     * problem names with the timings there are; one naming a timing there is keeps it.
     */
    @Test
    void anUnknownEventTimingRefusesTheHeader() {
        LineDecoder refused = new LineDecoder();
        CollectingSink none = decode(refused, "# sample_rate_hz: 100\n# event_timing: vendor\nleft.insole.force_n\n1\n");
        assertTrue(none.descriptors.isEmpty(), "no descriptor");
        assertEquals("'left.insole.force_n' was no header: event_timing: expected baseline or load-levels, got 'vendor'",
                refused.headerProblem());
        assertEquals("the stream's metadata line '# event_timing: vendor' was refused: expected baseline or load-levels,"
                + " got 'vendor'", refused.refusedDescriptor(), "what a stream that never decodes says");
        CollectingSink kept = decode(new LineDecoder(),
                "# sample_rate_hz: 100\n# event_timing: load-levels\nleft.insole.force_n\n1\n");
        assertEquals("load-levels", kept.descriptors.get(0).properties().get("event_timing"));
        LineDecoder corrected = new LineDecoder();
        CollectingSink after = decode(corrected,
                "# event_timing: vendor\n# event_timing: load-levels\nleft.insole.force_n\n1\n2\n");
        assertEquals("load-levels", after.descriptors.get(0).properties().get("event_timing"), "a line that corrects it");
        assertEquals(null, corrected.refusedDescriptor());
        LineDecoder headerless = new LineDecoder();
        assertTrue(decode(headerless, "# event_timing: vendor\n1,2\n3,4\n").descriptors.isEmpty(), "no headerless rows");
        assertTrue(headerless.refusedDescriptor().endsWith("got 'vendor'"), headerless.refusedDescriptor());

        // where the user gives the timing (live --event-timing), the stream's is left out, refused or not
        LineDecoder given = new LineDecoder(Double.NaN, true);
        CollectingSink taken = decode(given, "# sample_rate_hz: 100\n# event_timing: vendor\nleft.insole.force_n\n1\n");
        assertEquals(1, taken.descriptors.size());
        assertEquals(null, taken.descriptors.get(0).properties().get("event_timing"));
        assertEquals(null, given.refusedDescriptor());
        assertEquals(null, decode(new LineDecoder(Double.NaN, true),
                "# event_timing: load-levels\nleft.insole.force_n\n1\n").descriptors.get(0).properties().get("event_timing"));
    }

    @Test
    void roundTripsEveryDelimiterWithAndWithoutClockInAnyChunking() {
        long seed = 17L;
        for (char delimiter : new char[] {',', ';', '\t', ' '}) {
            for (boolean clock : new boolean[] {false, true}) {
                Random random = new Random(seed);
                StreamDescriptor d = descriptor();
                LineEncoder encoder = new LineEncoder(d, delimiter, clock);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] header = encoder.header();
                out.write(header, 0, header.length);
                float[][] rows = new float[500][3];
                byte[] buf = new byte[encoder.maxRowBytes()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i][0] = random.nextInt(4096);
                    rows[i][1] = random.nextInt(20) == 0 ? Float.NaN : (float) (random.nextGaussian() * 500);
                    rows[i][2] = Float.intBitsToFloat(random.nextInt());
                    if (Float.isNaN(rows[i][2]) || Float.isInfinite(rows[i][2])) {
                        rows[i][2] = -0f;
                    }
                    int n = encoder.encodeRow(1_000_000L + 10_000L * i, rows[i], buf, 0);
                    out.write(buf, 0, n);
                }
                byte[] stream = out.toByteArray();
                CollectingSink sink = new CollectingSink();
                LineDecoder decoder = new LineDecoder();
                for (int p = 0; p < stream.length; ) {
                    int n = Math.min(stream.length - p, random.nextInt(90));
                    decoder.decode(stream, p, n, sink);
                    p += n;
                }
                String where = "delimiter '" + delimiter + "', clock " + clock + ", seed " + seed;
                assertEquals(d, sink.descriptors.get(0), where);
                assertEquals(rows.length, sink.size(), where);
                for (int i = 0; i < rows.length; i++) {
                    assertArrayEquals(rows[i], sink.rows.get(i), where + ", row " + i);
                    assertEquals(i, sink.sequences.get(i), where);
                    assertEquals(clock ? 1_000_000L + 10_000L * i : FrameSink.NO_TIME, sink.timesUs.get(i), where);
                }
                assertEquals(0, decoder.counters().malformed(), where);
            }
        }
    }

    @Test
    void namesChannelsOfAHeaderlessStreamAndSkipsTheFirstLine() {
        LineDecoder decoder = new LineDecoder(50);
        CollectingSink sink = decode(decoder, "23,512,7\r\n1023,511,8\r\n1000 ,  12,9\r\n");
        assertEquals(2, sink.size());
        StreamDescriptor d = sink.descriptors.get(0);
        assertEquals(50.0, d.sampleRateHz());
        assertEquals(List.of(ChannelName.parse("none.device.ch01_au"), ChannelName.parse("none.device.ch02_au"),
                ChannelName.parse("none.device.ch03_au")), d.channelNames());
        assertArrayEquals(new float[] {1023, 511, 8}, sink.rows.get(0));
        assertArrayEquals(new float[] {1000, 12, 9}, sink.rows.get(1));
    }

    @Test
    void countsMalformedLinesAndKeepsGoing() {
        LineDecoder decoder = new LineDecoder();
        CollectingSink sink = decode(decoder, "# sample_rate_hz: 100\nleft.insole.force_n;right.insole.force_n\n"
                + "1;2\nCalibrating...\n3;4;5\n6\n7;x\n8;9\n" + "9".repeat(LineDecoder.MAX_LINE_BYTES + 5) + "\n10;11\n");
        assertEquals(3, sink.size());
        assertArrayEquals(new float[] {10, 11}, sink.rows.get(2));
        assertEquals(5, decoder.counters().malformed());
        assertEquals(100.0, sink.descriptors.get(0).sampleRateHz());
    }

    /** Pieces of a binary stream between newline bytes: a control byte makes a line malformed, never a header or row. */
    @Test
    void aLineWithControlBytesIsMalformedAndDefinesNoChannels() {
        LineDecoder decoder = new LineDecoder(100);
        CollectingSink sink = decode(decoder, "# sample_rate_hz: 100\n12\u0001,3\nleft\u0000.insole.force_n\n7\u007F\n"
                + "left.insole.force_n\t right.insole.force_n\n1\t2\n");
        assertEquals(3, decoder.counters().malformed());
        assertEquals(1, sink.descriptors.size());
        assertEquals(List.of(ChannelName.parse("left.insole.force_n"), ChannelName.parse("right.insole.force_n")),
                sink.descriptors.get(0).channelNames(), "a tab is a delimiter, not a control byte");
        assertArrayEquals(new float[] {1, 2}, sink.rows.get(0));
    }

    @Test
    void countsLostLinesFromTheClock() {
        LineDecoder decoder = new LineDecoder();
        CollectingSink sink = decode(decoder, "# sample_rate_hz: 100\ntime_ms,left.insole.force_n\n"
                + "0,1\n10,2\n40,3\n50.5,4\n70,5\n80,6\n");
        assertEquals(6, sink.size());
        assertEquals(List.of(0L, 1L, 4L, 5L, 7L, 8L), sink.sequences);
        assertEquals(3, decoder.counters().lostFrames());
        assertEquals(List.of(0L, 10_000L, 40_000L, 50_500L, 70_000L, 80_000L), sink.timesUs);
    }

    /**
     * Rows lost over a long stretch, by a device whose clock runs off its declared rate: 4000 rows
     * lost at 100 Hz span 4001.45 periods of the declared rate, off a whole number by more than a
     * step's jitter but within the clock's drift over that span. They are a gap of the nearest whole
     * number of periods, not one step that would move every later sample 40 s early.
     */
    @Test
    void aLongGapFromADriftingClockIsCountedInWholePeriods() {
        LineDecoder decoder = new LineDecoder();
        CollectingSink sink = decode(decoder, "# sample_rate_hz: 100\ntime_us,left.insole.force_n\n"
                + "0,1\n10000,2\n20000,3\n40034500,4\n40044500,5\n");
        assertEquals(List.of(0L, 1L, 2L, 4003L, 4004L), sink.sequences);
        assertEquals(4000, decoder.counters().lostFrames());
    }

    /**
     * One corrupted digit in a row's time (3.9 s for 3.0 s) is that row lost, not 0.9 s of lost
     * frames with every later sample late: the next row goes on from the row before it.
     */
    @Test
    void aRowWhoseTimeAloneJumpsIsMalformedNotAGap() {
        LineDecoder decoder = new LineDecoder();
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        for (int i = 0; i < 600; i++) {
            text.append(i == 300 ? 3_900_000 : i * 10_000).append(',').append(500 + i).append('\n');
        }
        CollectingSink sink = decode(decoder, text.toString());
        assertEquals(599, sink.size(), "every row but the corrupted one");
        assertEquals(1, decoder.counters().lostFrames(), "the corrupted row's sample");
        assertEquals(1, decoder.counters().malformed());
        assertRowsAtTheirTimes(sink, 300);
    }

    /**
     * A row delivered twice (a UDP datagram the network duplicated) is not a sample more: the
     * copy counts as malformed, and every later row keeps its time and sequence; a copy of the
     * last row before a real gap too.
     */
    @Test
    void aRowDeliveredTwiceIsNoSampleMore() {
        LineDecoder decoder = new LineDecoder();
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        for (int i = 0; i < 100; i++) {
            if (i == 70) {
                continue; // one row lost after the copy of row 69
            }
            int copies = i == 10 || i == 11 || i == 50 || i == 69 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                text.append(i * 10_000).append(',').append(500 + i).append('\n');
            }
        }
        CollectingSink sink = decode(decoder, text.toString());
        assertEquals(99, sink.size(), "every row once");
        assertEquals(4, decoder.counters().malformed(), "the copies");
        assertEquals(1, decoder.counters().lostFrames(), "row 70");
        assertRowsAtTheirTimes(sink, 70);
    }

    /** Two rows that crossed on their way (UDP datagrams out of order) both follow, in their order, nothing lost. */
    @Test
    void twoRowsThatCrossedFollowInTheirOrder() {
        LineDecoder decoder = new LineDecoder();
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        int[] order = {0, 1, 2, 4, 3, 5, 6, 8, 7, 9, 10};
        for (int i : order) {
            text.append(i * 10_000).append(',').append(500 + i).append('\n');
        }
        CollectingSink sink = decode(decoder, text.toString());
        assertEquals(11, sink.size(), "every row");
        assertEquals(0, decoder.counters().malformed());
        assertEquals(0, decoder.counters().lostFrames());
        assertRowsAtTheirTimes(sink, Integer.MAX_VALUE);
    }

    /**
     * As print loops and CSV writers write lines: header names in double quotes, and a delimiter
     * after the last name and after each row's last value.
     */
    @Test
    void quotedNamesAndADelimiterEndingEachLineAreRead() {
        LineDecoder decoder = new LineDecoder();
        CollectingSink sink = decode(decoder, "# sample_rate_hz: 100\n\"time_us\",\"left.insole.force_n\",\n"
                + "0,500,\n10000,501,\n20000,502,\n");
        assertEquals(List.of(ChannelName.parse("left.insole.force_n")), sink.descriptors.get(0).channelNames());
        assertEquals(3, sink.size());
        assertEquals(0, decoder.counters().malformed());
        assertEquals(502f, sink.rows.get(2)[0]);
        CollectingSink headerless = decode(new LineDecoder(100), "1,2,\n3,4,\n5,6,\n");
        assertEquals(2, headerless.descriptors.get(0).width(), "no empty channel for the delimiter at the end");
        assertEquals(2, headerless.size(), "the rows after the first, which may be cut");
        CollectingSink extra = decode(new LineDecoder(), "# sample_rate_hz: 100\ntime_us,left.insole.force_n\n0,500,7\n");
        assertEquals(0, extra.size(), "a value more than the header names is no delimiter at the end");
    }

    /**
     * A device that prints its header again every so often while its clock goes on is no
     * restart: no gap, every row in its place; and a 32-bit microsecond clock (Arduino's
     * {@code micros()}) that wraps after 71.6 minutes goes on from where it was.
     */
    @Test
    void aHeaderRepeatedOverAClockThatGoesOnAndAWrappingMicrosecondClockAreNoRestarts() {
        LineDecoder decoder = new LineDecoder();
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\n");
        long start = (1L << 32) - 300_000;   // 0.3 s before micros() wraps
        for (int i = 0; i < 100; i++) {
            if (i % 25 == 0) {
                text.append("time_us,left.insole.force_n\n");
            }
            text.append((start + i * 10_000L) % (1L << 32)).append(',').append(500 + i).append('\n');
        }
        CollectingSink sink = decode(decoder, text.toString());
        assertEquals(100, sink.size(), "every row, and nothing between them");
        assertEquals(List.of(), sink.restartsAfterFrames);
        assertEquals(0, decoder.counters().malformed());
        assertEquals(0, decoder.counters().lostFrames());
        for (int k = 0; k < sink.size(); k++) {
            assertEquals(start + k * 10_000L, (long) sink.timesUs.get(k), "row " + k + " at its time, the wrap undone");
            assertEquals(k, sink.sequences.get(k) - sink.sequences.get(0), "row " + k);
        }
    }

    /** A byte order mark before the first line, and R's {@code NA} for a missing value, are read. */
    @Test
    void aByteOrderMarkAndNaAreRead() {
        LineDecoder decoder = new LineDecoder();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "# sample_rate_hz: 50\ntime_us,left.insole.force_n\n0,500\n20000,NA\n40000,502\n";
        byte[] bytes = new byte[bom.length + text.length()];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, bytes, bom.length, text.length());
        CollectingSink sink = new CollectingSink();
        decoder.decode(bytes, 0, bytes.length, sink);
        assertEquals(50.0, sink.descriptors.get(0).sampleRateHz());
        assertEquals(3, sink.size());
        assertTrue(Float.isNaN(sink.rows.get(1)[0]));
        assertEquals(0, decoder.counters().malformed());
    }

    /**
     * A firmware that states 100 Hz but sends rows every 5 ms: every other row lies within a
     * period and is dropped, which the decoder says, with the rate to pass; a stream at its rate
     * with a few corrupted times does not.
     */
    @Test
    void rowsFasterThanTheStatedRateAreTold() {
        LineDecoder fast = new LineDecoder();
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        for (int i = 0; i < 60; i++) {
            text.append(i * 5_000).append(',').append(500 + i).append('\n');
        }
        decode(fast, text.toString());
        assertEquals("rows come every 0.005000 s, faster than the 100.0 Hz the stream states (a row every 0.01000 s), and"
                + " 29 of them were dropped as out of step: pass --rate 200, or have the firmware state its rate",
                fast.fasterThanStated());

        LineDecoder corrupted = new LineDecoder();
        StringBuilder times = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        for (int i = 0; i < 60; i++) {
            times.append(i % 20 == 7 ? i * 10_000 + 4_000 : i * 10_000).append(',').append(500 + i).append('\n');
        }
        decode(corrupted, times.toString());
        assertEquals(3, corrupted.counters().malformed());
        assertEquals(null, corrupted.fasterThanStated(), "three corrupted times are no other rate");
    }

    @Test
    void aRepeatedHeaderRestartsTheClock() {
        LineDecoder decoder = new LineDecoder(100);
        CollectingSink sink = decode(decoder, "time_us,left.insole.force_n\n5000000,1\n5010000,2\n"
                + "time_us,left.insole.force_n\n0,3\n10000,4\n");
        assertEquals(4, sink.size());
        assertEquals(2, sink.descriptors.size());
        assertEquals(0, decoder.counters().lostFrames());
        assertEquals(List.of(2), sink.restartsAfterFrames, "a header after rows: the device started again");
    }

    /**
     * A row held for its clock's jump when the device restarts with a new header belongs to the
     * stream before: it comes before the restart, at its own time, even when the new header has
     * no time column.
     */
    @Test
    void aRowHeldWhenTheDeviceRestartsComesBeforeTheRestartAtItsTime() {
        String before = "# sample_rate_hz: 100\ntime_ms,left.insole.force_n\n0,1\n10,2\n20,3\n500,4\n";
        CollectingSink timed = decode(new LineDecoder(), before + "time_ms,right.insole.force_n\n0,5\n10,6\n");
        assertEquals(6, timed.size());
        assertEquals(List.of(4), timed.restartsAfterFrames, "the held row is the old stream's last");
        assertEquals(4f, timed.rows.get(3)[0]);
        assertEquals(500_000L, (long) timed.timesUs.get(3));

        CollectingSink untimed = decode(new LineDecoder(), before + "left.insole.force_n\n5\n6\n");
        assertEquals(List.of(4), untimed.restartsAfterFrames);
        assertEquals(500_000L, (long) untimed.timesUs.get(3), "its time, read with the time column it had");
        assertEquals(FrameSink.NO_TIME, (long) untimed.timesUs.get(4));
    }

    /** A clock that goes back, and goes on from there, is a device that restarted. */
    @Test
    void aClockThatStartsAgainIsARestart() {
        LineDecoder decoder = new LineDecoder(100);
        CollectingSink sink = decode(decoder, "time_us,left.insole.force_n\n5000000,1\n5010000,2\n5020000,3\n"
                + "0,4\n10000,5\n20000,6\n");
        assertEquals(6, sink.size());
        assertEquals(List.of(3), sink.restartsAfterFrames);
        assertEquals(0, decoder.counters().malformed());
    }

    @Test
    void survivesRandomAndMutatedBytes() {
        long seed = 23L;
        Random random = new Random(seed);
        LineDecoder decoder = new LineDecoder();
        byte[] noise = new byte[1 << 20];
        random.nextBytes(noise);
        for (int i = 0; i < noise.length; i += 97) {
            noise[i] = '\n';
        }
        CollectingSink sink = new CollectingSink();
        decoder.decode(noise, 0, noise.length, sink);
        assertEquals(noise.length, decoder.counters().bytes());

        StreamDescriptor d = descriptor();
        LineEncoder encoder = new LineEncoder(d, ',', true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = encoder.header();
        out.write(header, 0, header.length);
        byte[] buf = new byte[encoder.maxRowBytes()];
        for (int i = 0; i < 2000; i++) {
            int n = encoder.encodeRow(10_000L * i, new float[] {i, i + 0.5f, -i}, buf, 0);
            out.write(buf, 0, n);
        }
        byte[] stream = out.toByteArray();
        for (int k = 0; k < 200; k++) {
            stream[header.length + random.nextInt(stream.length - header.length)] = (byte) random.nextInt(256);
        }
        LineDecoder second = new LineDecoder();
        CollectingSink mutated = new CollectingSink();
        second.decode(stream, 0, stream.length, mutated);
        long lines = mutated.size() + second.counters().malformed();
        assertTrue(lines >= 2000 - 200 && lines <= 2000 + 200, lines + " lines; seed " + seed);
        assertTrue(mutated.size() >= 2000 - 2 * 200, mutated.size() + " rows; seed " + seed);
    }

    /**
     * Asserts that the rows handed on are those written every 10 ms from 0 but {@code missing}:
     * each at its own time, with the sequence counting the missing one.
     */
    private static void assertRowsAtTheirTimes(CollectingSink sink, int missing) {
        for (int k = 0; k < sink.size(); k++) {
            long row = k < missing ? k : k + 1;
            assertEquals(row * 10_000, (long) sink.timesUs.get(k), "row " + row + " at its own time");
            assertEquals(row - sink.sequences.get(0), sink.sequences.get(k) - sink.sequences.get(0), "row " + row);
        }
    }
}
