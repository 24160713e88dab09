package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.io.CollectingSink;
import org.soleus.io.codec.LineDecoder;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;

/** What {@link StreamPump} says of a stream that gives no sample rate, and of a device that restarts. */
final class StreamPumpTest {
    /** A line-protocol stream named /dev/ttyTEST on the reading end of {@code port}, not yet started. */
    private static SerialStream lineStream(MemoryPort port, String decodeHint) {
        return new SerialStream(port.reader(), "/dev/ttyTEST", new LineDecoder(), StreamPipelineTest.FAST,
                SerialStream.Listener.NONE, decodeHint);
    }

    private static SerialPortException noRate(String text) throws Exception {
        MemoryPort port = new MemoryPort();
        SerialStream stream = lineStream(port, "check --baud (now 115200) and --protocol (now line)");
        stream.start();
        try (ByteLink device = port.writer().open()) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            device.write(bytes, 0, bytes.length);
            StreamPump pump = new StreamPump(stream, new CollectingSink(), Double.NaN, (atS, missing, on) -> { });
            for (int i = 0; i < 500; i++) {
                try {
                    assertFalse(pump.tryStart(), "started without a rate");
                } catch (SerialPortException e) {
                    return e;
                }
                Thread.sleep(10);
            }
        } finally {
            stream.close();
        }
        throw new AssertionError("no error in 5 s");
    }

    @Test
    void aStreamWithoutARateIsAskedForOne() throws Exception {
        SerialPortException e = noRate("left.insole.force_n\n1\n2\n3\n");
        assertEquals(SerialPortException.Kind.NO_RATE, e.kind());
        assertTrue(e.getMessage().startsWith("/dev/ttyTEST: the stream does not state its sample rate: pass it with --rate HZ"),
                e.getMessage());
    }

    /**
     * Rows alone, no header line and no rate: most likely a device that printed its header before
     * the port was opened, which --rate alone would record without channel names; the message
     * says that first.
     */
    @Test
    void rowsAloneAskForTheHeaderBeforeARate() throws Exception {
        SerialPortException e = noRate("1,2\n3,4\n5,6\n");
        assertEquals(SerialPortException.Kind.NO_RATE, e.kind());
        assertEquals("/dev/ttyTEST: rows came without a header line (channel names and sample rate): the device printed"
                + " its header before the port was opened (reset it, or start this first), or prints none (then pass it"
                + " with --rate HZ, or have the firmware print '# sample_rate_hz: <Hz>' before its header)", e.getMessage());
    }

    /** A header line that was refused, the first line the port gave: the message quotes it, not a header missed. */
    @Test
    void aRefusedFirstHeaderWithoutARateIsQuoted() throws Exception {
        SerialPortException e = noRate("time,force\n1,2\n3,4\n5,6\n");
        assertEquals(SerialPortException.Kind.NO_RATE, e.kind());
        assertEquals("/dev/ttyTEST: rows came without a header line (channel names and sample rate): the line"
                + " 'time,force' was no header: 'time' is not a channel name of the form <side>.<place>.<quantity>_<unit>;"
                + " correct the header, and give the sample rate: pass it with --rate HZ, or have the firmware print '# sample_rate_hz: <Hz>'"
                + " before its header", e.getMessage());
    }

    /**
     * Rows without a header line: the channels get column names, and the pump says why, quoting a
     * header line that was refused.
     */
    @Test
    void rowsWithoutAHeaderLineAreRecordedUnderColumnNamesWithAWarning() throws Exception {
        assertEquals(List.of("/dev/ttyTEST: rows came without a header line, so the channels are named"
                + " none.device.ch01_au to none.device.ch03_au: the device printed its header before the port was opened"
                + " (reset it) or prints none"), headerWarnings("# sample_rate_hz: 100\n1,2,3\n4,5,6\n"));
        assertEquals(List.of("/dev/ttyTEST: rows came without a header line, so the channels are named"
                + " none.device.ch01_au to none.device.ch02_au: the line 'left.insole.force_n,right.insole.forse' was no"
                + " header: 'right.insole.forse' is not a channel name of the form <side>.<place>.<quantity>_<unit>"),
                headerWarnings("# sample_rate_hz: 100\nSoleus insole firmware 1.0 ready\n"
                        + "left.insole.force_n,right.insole.forse\n1,2\n4,5\n"));
        assertEquals(List.of(), headerWarnings("# sample_rate_hz: 100\nleft.insole.force_n,right.insole.force_n,left.foot.acc_x_mps2\n"
                + "1,2,3\n4,5,6\n"));
    }

    /**
     * A sample limit (--duration) that ends within lost frames: the rows filled are counted as
     * written, not as the frames lost.
     */
    @Test
    void aLimitWithinLostFramesCountsTheRowsItFilled() throws Exception {
        String text = "# sample_rate_hz: 100\ntime_us,left.insole.force_n\n0,1\n10000,2\n20000,3\n100000,4\n110000,5\n"
                + "120000,6\n";
        MemoryPort port = new MemoryPort();
        SerialStream stream = lineStream(port, "check --baud and --protocol");
        CollectingSink sink = new CollectingSink();
        stream.start();
        try (ByteLink device = port.writer().open()) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            device.write(bytes, 0, bytes.length);
            StreamPump pump = new StreamPump(stream, sink, Double.NaN, (atS, missing, on) -> { });
            // a guard against a hang, not a time limit
            for (int i = 0; i < 500 && !pump.limitReached(); i++) {
                if (pump.tryStart()) {
                    pump.limitSamples(5);
                    pump.pump(100);
                }
                Thread.sleep(10);
            }
            assertEquals(5, sink.rows.size(), "3 rows and 2 of the 7 missing ones");
            assertEquals(List.of("/dev/ttyTEST: 7 frames lost (2 rows filled with missing samples), 0 CRC errors,"
                    + " 0 malformed, 0 overruns, 0 gaps after a disconnect or a restart of the device (0 rows filled)"),
                    pump.summary());
        } finally {
            stream.close();
        }
    }

    /**
     * A time column that jumps further ahead than any dropout lasts (90 s at 100 Hz): the gap is
     * measured on the receive times, as a restart's is, not filled with 9000 missing rows.
     */
    @Test
    void aCountThatJumpsBeyondTheLongestFilledGapIsNotFilled() throws Exception {
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        for (int i = 0; i < 20; i++) {
            long us = (i < 10 ? i : 9000 + i) * 10_000L;
            text.append(us).append(',').append(i).append('\n');
        }
        Pumped pumped = pump(text.toString(), 20);
        CollectingSink sink = pumped.sink();
        List<String> gaps = pumped.gaps();
        assertEquals(20, countValues(sink));
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).endsWith(" " + StreamPump.Listener.COUNT_JUMPED), gaps.toString());
        assertTrue(sink.rows.size() < 100, sink.rows.size() + " rows: the jump is not filled");
    }

    /** The rows a line device's {@code text} gave the pump, and the gaps told ({@code <missing> <measured on>}). */
    private record Pumped(CollectingSink sink, List<String> gaps) {
    }

    /** Pumps what a line device sends as {@code text} until {@code values} samples with a value have come. */
    private static Pumped pump(String text, int values) throws Exception {
        MemoryPort port = new MemoryPort();
        SerialStream stream = lineStream(port, "check --baud and --protocol");
        CollectingSink sink = new CollectingSink();
        List<String> gaps = new ArrayList<>();
        stream.start();
        try (ByteLink device = port.writer().open()) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            device.write(bytes, 0, bytes.length);
            StreamPump pump = new StreamPump(stream, sink, Double.NaN, (atS, missing, on) -> gaps.add(missing + " " + on));
            // a guard against a hang, not a time limit on the pump
            for (int i = 0; i < 500 && countValues(sink) < values; i++) {
                if (pump.tryStart()) {
                    pump.pump(1000);
                }
                Thread.sleep(10);
            }
        } finally {
            stream.close();
        }
        return new Pumped(sink, gaps);
    }

    private static List<String> headerWarnings(String text) throws Exception {
        MemoryPort port = new MemoryPort();
        SerialStream stream = lineStream(port, "check --baud and --protocol");
        stream.start();
        try (ByteLink device = port.writer().open()) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            device.write(bytes, 0, bytes.length);
            StreamPump pump = new StreamPump(stream, new CollectingSink(), Double.NaN, (atS, missing, on) -> { });
            // a guard against a hang, not a time limit
            for (int i = 0; i < 500 && !pump.tryStart(); i++) {
                Thread.sleep(10);
            }
            assertTrue(pump.tryStart(), "no descriptor in 5 s");
            return pump.headerWarnings();
        } finally {
            stream.close();
        }
    }

    /** Binary frames read as lines: a piece between two newline bytes that reads as a header says the protocol first. */
    @Test
    void undecodableLinesBeforeAHeaderWithoutARateNameTheProtocolFirst() throws Exception {
        SerialPortException e = noRate("\u0001\u00ff\u0007\n\u0000x\n\u0003\u0002\nleft.insole.force_n\n1\n2\n3\n");
        assertEquals(SerialPortException.Kind.NO_RATE, e.kind());
        assertTrue(e.getMessage().startsWith("/dev/ttyTEST: 2 lines that did not decode came before a header without a"
                + " sample rate: check --baud (now 115200) and --protocol (now line); if they are right, pass it with"
                + " --rate HZ"), e.getMessage());
    }

    /**
     * A line device that restarts (prints its header again and its clock begins anew): the rows
     * before and after are kept, at least one missing row parts them, so that no stride is joined
     * across the restart, and the listener hears of it.
     */
    @Test
    void aDeviceThatRestartsIsAGapThatIsTold() throws Exception {
        StringBuilder text = new StringBuilder("# sample_rate_hz: 100\ntime_us,left.insole.force_n\n");
        for (int session = 0; session < 2; session++) {
            if (session == 1) {
                text.append("time_us,left.insole.force_n\n");
            }
            for (int i = 0; i < 100; i++) {
                text.append(i * 10_000).append(',').append(100 * session + i).append('\n');
            }
        }
        Pumped pumped = pump(text.toString(), 200);
        CollectingSink sink = pumped.sink();
        List<String> gaps = pumped.gaps();
        assertEquals(200, countValues(sink), "every row of both sessions");
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).endsWith(" " + StreamPump.Listener.RESTARTED), gaps.toString());
        int firstAfter = 0;
        while (firstAfter < sink.rows.size() && sink.rows.get(firstAfter)[0] != 100) {
            firstAfter++;
        }
        assertTrue(Float.isNaN(sink.rows.get(firstAfter - 1)[0]), "a missing row before the restart's first");
        assertEquals(99, sink.rows.get(firstAfter - 2)[0], 0, "the last row before the restart kept");
    }

    /**
     * A line device without a time column that comes back after a pause with a burst of the rows
     * its link held (here after a restart, whose gap is measured on the receive times as a
     * reconnect's is): the gap is what the rows that came in time give, not what the burst's
     * first row says. 0.5 s pass between the last row before and the burst of 30 rows, which
     * stand for the last 0.3 s of the pause: about 20 rows are missing, where the burst's first
     * row alone says 49.
     */
    @Test
    void aBurstAfterAGapCountsAsRowsNotAsGap() throws Exception {
        CollectingSink sink;
        List<Long> gaps;
        long pauseMs;
        try (PumpedDevice d = PumpedDevice.open()) {
            sink = d.sink;
            gaps = d.gaps;
            d.write("# sample_rate_hz: 100\nleft.insole.force_n\n" + rows(0, 50));
            pumpUntil(d.pump, sink, 50);
            long pauseFrom = System.nanoTime();
            Thread.sleep(500);
            pauseMs = (System.nanoTime() - pauseFrom) / 1_000_000;
            d.write("left.insole.force_n\n" + rows(50, 80));
            for (int i = 80; i < 100; i++) {
                Thread.sleep(10);
                d.write(rows(i, i + 1));
                d.pump.pump(1000);
            }
            pumpUntil(d.pump, sink, 100);
        }
        assertEquals(1, gaps.size(), gaps.toString());
        // the pause in periods less the 30 rows of the burst: 20 for a pause of 0.5 s, more where
        // the machine held the test up; the burst's first row alone would say 29 more
        long expected = Math.round(pauseMs / 10.0) - 30;
        assertTrue(Math.abs(gaps.get(0) - expected) <= 8, gaps + " rows missing after a pause of " + pauseMs
                + " ms, expected about " + expected);
        assertEquals(100 + gaps.get(0), sink.rows.size(), "every row, and the gap between");
        for (int i = 0; i < 100; i++) {
            int at = i < 50 ? i : i + gaps.get(0).intValue();
            assertEquals(i, sink.rows.get(at)[0], 0, "row " + i);
        }
    }

    /**
     * A descriptor that places more insole cells than the device streams, or states a layout
     * length that is no insole's, is told as the stream starts, without a line (a stream has
     * none); neither is handed on to the recording, which keeps the layout and whose reader
     * tells them again at the file's own lines.
     */
    @Test
    void aLayoutCellNotStreamedIsToldAtTheStartAndNotHandedOn() throws Exception {
        CollectingSink sink;
        List<String> told;
        try (PumpedDevice d = PumpedDevice.open()) {
            sink = d.sink;
            d.write("# sample_rate_hz: 100\n# layout.left.unit: m\n# layout.left.length_m: 0.5\n"
                    + "# layout.left.cell01: x=0 y=0.03\n# layout.left.cell02: x=0 y=0.1\nleft.insole.cell01_n\n"
                    + rows(0, 10));
            pumpUntil(d.pump, sink, 10);
            told = d.pump.headerWarnings();
            d.pump.finish(List.of());
        }
        assertEquals(List.of("/dev/ttyTEST: layout.left.cell02 places a cell that is not recorded (no"
                + " left.insole.cell02_<unit> channel), so the left insole's cells are not summarised: no heel share or"
                + " centre of pressure from them", "/dev/ttyTEST: layout.left.length_m: expected the insole length in"
                + " metres, 0.10–0.40 (a 27 cm insole is 0.27), got '0.5'; not used (the insole length comes from"
                + " --insole-length, insole_length_m or insole_size, else the default 0.27 m)"), told);
        assertEquals(List.of(), sink.warnings);
    }

    /**
     * {@link StreamPump#releaseHeld()} hands on at once the rows held after a gap, with the gap:
     * a calibration that drains the stream before its reading takes every row that came before,
     * so that none reaches the reading after Enter.
     */
    @Test
    void releasingTheHoldHandsOnEveryRowThatCame() throws Exception {
        try (PumpedDevice d = PumpedDevice.open()) {
            d.write("# sample_rate_hz: 100\nleft.insole.force_n\n" + rows(0, 20));
            pumpUntil(d.pump, d.sink, 20);
            Thread.sleep(300);
            d.write("left.insole.force_n\n" + rows(20, 30));
            // the rows are there to be taken, as a drain takes them
            for (int i = 0; i < 500 && d.stream.status().frames() < 30; i++) {
                Thread.sleep(10);
            }
            while (d.pump.pump(1000) > 0) {
                continue;
            }
            assertEquals(20, countValues(d.sink), "the rows after the restart are held");
            d.pump.releaseHeld();
            assertEquals(30, countValues(d.sink), "all of them, at once");
            assertEquals(1, d.gaps.size(), d.gaps.toString());
        }
    }

    /** A line device on a memory port, read by a started stream into a pump that collects its rows and gaps. */
    private static final class PumpedDevice implements AutoCloseable {
        final SerialStream stream;
        final ByteLink device;
        final CollectingSink sink = new CollectingSink();
        final List<Long> gaps = new ArrayList<>();
        final StreamPump pump;

        private PumpedDevice(MemoryPort port) throws Exception {
            stream = lineStream(port, "check --baud and --protocol");
            stream.start();
            device = port.writer().open();
            pump = new StreamPump(stream, sink, Double.NaN, (atS, missing, on) -> gaps.add(missing));
        }

        static PumpedDevice open() throws Exception {
            return new PumpedDevice(new MemoryPort());
        }

        void write(String text) throws Exception {
            StreamPumpTest.write(device, text);
        }

        @Override
        public void close() throws Exception {
            try {
                device.close();
            } finally {
                stream.close();
            }
        }
    }

    private static String rows(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(i).append('\n');
        }
        return text.toString();
    }

    private static void write(ByteLink device, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        device.write(bytes, 0, bytes.length);
    }

    /** Pumps until {@code values} samples with a value have come (a guard of 5 s against a hang, not a time limit). */
    private static void pumpUntil(StreamPump pump, CollectingSink sink, int values) throws Exception {
        for (int i = 0; i < 500 && countValues(sink) < values; i++) {
            if (pump.tryStart()) {
                pump.pump(1000);
            }
            Thread.sleep(10);
        }
    }

    private static int countValues(CollectingSink sink) {
        int n = 0;
        for (float[] row : sink.rows) {
            n += Float.isNaN(row[0]) ? 0 : 1;
        }
        return n;
    }
}
