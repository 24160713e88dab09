package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.ChannelSpec;
import org.soleus.io.codec.Protocol;
import org.soleus.io.codec.StreamDescriptor;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.SerialStream;

/** The guided calibration on an in-memory device whose load changes as each prompt is answered. */
final class CalibrationSessionTest {
    private static final ChannelName CELL = ChannelName.parse("left.insole.cell01_counts");
    private static final ChannelName OTHER = ChannelName.parse("left.insole.cell02_counts");
    private static final SerialStream.Settings FAST = new SerialStream.Settings(1 << 16, 2, 2, 2, 5, 0.02, 0.1);

    /**
     * A device streaming two cells in the binary protocol, one frame a millisecond: the first
     * reads {@code 40 + 20 counts/kg}, plus or minus the shake on alternate frames, the second 30.
     */
    private static final class Device implements ByteLink {
        private final BinaryEncoder encoder;
        private final byte[] frame = new byte[256];
        private final float[] values = new float[2];
        private volatile double loadKg;
        private volatile double shakeCounts;
        private volatile boolean closed;
        private long sequence;

        Device(String name) {
            encoder = new BinaryEncoder(new StreamDescriptor(200, List.of(ChannelSpec.ofFloat(CELL),
                    ChannelSpec.ofFloat(OTHER)), Map.of("device", name)));
        }

        void load(double kg, double shake) {
            loadKg = kg;
            shakeCounts = shake;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (closed) {
                return -1;
            }
            LockSupport.parkNanos(1_000_000);
            long timeUs = sequence * 5000;
            int n = 0;
            if (sequence % 100 == 0) {
                frame[n++] = 0;
                n = encoder.encodeDescriptor(sequence, timeUs, frame, n);
            }
            values[0] = (float) (40 + 20 * loadKg + (sequence % 2 == 0 ? shakeCounts : -shakeCounts));
            values[1] = 30;
            n = encoder.encodeSamples(sequence, timeUs, values, frame, n);
            sequence++;
            System.arraycopy(frame, 0, buffer, offset, n);
            return n;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            // the device takes no commands
        }

        @Override
        public String name() {
            return "rig";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Presses Enter once a read, first putting the next step's load (kg, shake in counts) on the device. */
    private static final class Hand extends Reader {
        private final Device device;
        private final double[][] steps;
        private int next;

        Hand(Device device, double[][] steps) {
            this.device = device;
            this.steps = steps;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next == steps.length) {
                return -1;
            }
            device.load(steps[next][0], steps[next][1]);
            next++;
            buffer[offset] = '\n';
            return 1;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    private static SerialStream started(Device device) throws IOException {
        SerialStream stream = new SerialStream(() -> device, "rig", Protocol.BINARY.newDecoder(Double.NaN, false), FAST, SerialStream.Listener.NONE,
                "check the device");
        stream.start();
        return stream;
    }

    @Test
    void promptsForEachLoadTakesAnUnsteadyReadingAgainAndFitsTheCell() throws IOException {
        Device device = new Device("bench 7");
        double[][] steps = {{0, 0}, {5, 60}, {5, 0}, {10, 0}};
        StringWriter text = new StringWriter();
        List<CellCalibration> told = new ArrayList<>();
        List<CellCalibration> cells;
        String name;
        try (CalibrationSession session = new CalibrationSession(started(device), (atS, missing, on) -> { },
                new BufferedReader(new Hand(device, steps)), new PrintWriter(text), () -> false)) {
            assertEquals(List.of(CELL, OTHER), session.awaitHeader().channels());
            cells = session.measure(List.of(CELL), new MeasuringPlan(List.of(0.0, 5.0, 10.0), 0.1, 0.25, 10),
                    ModelChoice.LINEAR, told::add);
            name = session.deviceName();
        }
        assertEquals("bench 7", name);
        assertEquals(cells, told);
        List<String> lines = text.toString().lines().toList();
        assertEquals("take every load off left cell01 (left.insole.cell01_counts), press Enter", lines.get(0));
        assertEquals("  0 kg: 40.0 counts (SD 0.0 over 50 samples)", lines.get(1));
        assertEquals("put 5 kg on left cell01 (left.insole.cell01_counts), press Enter", lines.get(2));
        assertTrue(lines.get(3).matches("  rejected: SD 60\\.\\d counts over 50 samples is above --max-sd 10; hold the"
                + " load still and measure again"), lines.get(3));
        assertEquals("put 5 kg on left cell01 (left.insole.cell01_counts), press Enter", lines.get(4));
        assertEquals("  5 kg: 140.0 counts (SD 0.0 over 50 samples)", lines.get(5));
        assertEquals("  10 kg: 240.0 counts (SD 0.0 over 50 samples)", lines.get(7));
        assertEquals(8, lines.size(), text.toString());
        CellCalibration fit = cells.get(0);
        assertEquals(CalibrationModel.LINEAR, fit.model());
        assertEquals(3, fit.points());
        assertEquals(40, fit.zeroOffsetCounts(), 1e-9);
        assertEquals(9.80665 / 20, fit.coefficient(), 1e-6);
    }

    /**
     * A load forgotten at its prompt (the cell reads as without load) and the wrong weight at the
     * next (the same counts as the load before) are each rejected at once and taken again, and the
     * cell is fitted from the readings taken right.
     */
    @Test
    void aReadingThatDoesNotRiseWithTheLoadIsTakenAgain() throws IOException {
        Device device = new Device("bench 7");
        double[][] steps = {{0, 0}, {0, 0}, {5, 0}, {5, 0}, {10, 0}};
        StringWriter text = new StringWriter();
        List<CellCalibration> cells;
        try (CalibrationSession session = new CalibrationSession(started(device), (atS, missing, on) -> { },
                new BufferedReader(new Hand(device, steps)), new PrintWriter(text), () -> false)) {
            session.awaitHeader();
            cells = session.measure(List.of(CELL), new MeasuringPlan(List.of(0.0, 5.0, 10.0), 0.1, 0.25, 10),
                    ModelChoice.LINEAR, fit -> { });
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals("put 5 kg on left cell01 (left.insole.cell01_counts), press Enter", lines.get(2));
        assertEquals("  5 kg: 40.0 counts (SD 0.0 over 50 samples)", lines.get(3));
        assertTrue(lines.get(4).startsWith("  rejected: the reading at 5 kg (40.0 counts) is not above the reading at 0 kg"
                + " (40.0 counts), while the counts rise with the load: check that the load sits on the cell alone"),
                lines.get(4));
        assertTrue(lines.get(4).endsWith("; measure again"), lines.get(4));
        assertEquals("put 5 kg on left cell01 (left.insole.cell01_counts), press Enter", lines.get(5));
        assertEquals("put 10 kg on left cell01 (left.insole.cell01_counts), press Enter", lines.get(7));
        assertTrue(lines.get(9).startsWith("  rejected: the reading at 10 kg (140.0 counts) is not above the reading at"
                + " 5 kg (140.0 counts)"), lines.get(9));
        assertEquals("  10 kg: 240.0 counts (SD 0.0 over 50 samples)", lines.get(lines.size() - 1));
        assertEquals(3, cells.get(0).points());
        assertEquals(9.80665 / 20, cells.get(0).coefficient(), 1e-6);
    }

    @Test
    void answersThatEndEarlySayWhichReadingWasMissing() throws IOException {
        Device device = new Device(" ");
        try (CalibrationSession session = new CalibrationSession(started(device), (atS, missing, on) -> { },
                new BufferedReader(new Hand(device, new double[][] {{0, 0}})), new PrintWriter(new StringWriter()), () -> false)) {
            session.awaitHeader();
            assertEquals("rig", session.deviceName(), "a blank device name gives way to the stream's");
            IOException e = assertThrows(IOException.class, () -> session.measure(List.of(CELL),
                    new MeasuringPlan(List.of(0.0, 2.5), 0, 0.05, 10), ModelChoice.AUTO, fit -> { }));
            assertEquals("stdin ended before the reading of 2.5 kg on left.insole.cell01_counts: answer each prompt with"
                    + " Enter", e.getMessage());
        }
    }
}
