package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.LiveGaitListener;
import org.soleus.core.analysis.StreamingGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.CollectingSink;
import org.soleus.io.SampleData;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.DecoderCounters;
import org.soleus.io.codec.FrameOracle;
import org.soleus.io.codec.Protocol;
import org.soleus.io.format.RecordingWriter;
import org.soleus.io.format.Recordings;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.LinkOpener;
import org.soleus.io.serial.PtyPair;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialPorts;
import org.soleus.io.serial.SerialStream;

/**
 * The whole live path through real pseudo-terminals made by socat and opened with jSerialComm:
 * simulator → pty → reader thread → decoder → ring → pump → recording file or live analysis.
 */
final class PtyStreamTest {
    private static final Path WALK = SampleData.of("physionet-gaitpdb", "JuCo01_01.txt");
    private static final SerialStream.Settings SETTINGS = new SerialStream.Settings(1 << 16, 5, 3, 5, 10, 0.05, 0.2);

    @TempDir
    Path dir;

    private static Recording walk() throws IOException {
        return Recordings.read(WALK);
    }

    /** Streams {@code source} from the device end to {@code sink} on the host end until {@code samples} rows are in. */
    private static Result stream(PtyPair pty, Recording source, DeviceSimulator.Settings settings, LinkOpener deviceOpener,
                                 SampleSink sink, long samples, Runnable whilePlaying) throws Exception {
        SerialStream stream = new SerialStream(SerialPorts.opener(pty.host().toString(), 921600, 50), pty.host().toString(),
                settings.protocol().newDecoder(Double.NaN, false), SETTINGS, SerialStream.Listener.NONE, "check the protocol");
        stream.start();
        DeviceSimulator simulator = new DeviceSimulator(source, settings);
        AtomicReference<DeviceSimulator.Result> played = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread device = new Thread(() -> {
            try {
                played.set(simulator.run(deviceOpener, () -> false, () -> { }));
            } catch (SerialPortException e) {
                failure.set(e);
            }
        });
        device.start();
        whilePlaying.run();
        List<long[]> gaps = new ArrayList<>();
        StreamPump pump = new StreamPump(stream, sink, Double.NaN, (atS, missing, on) -> gaps.add(new long[] {missing}));
        pump.limitSamples(samples);
        try {
            while (!pump.limitReached()) {
                DeviceSimulator.Result done = played.get();
                boolean allDecoded = done != null && stream.counters().bytes() >= done.bytesSent();
                if (!pump.tryStart() || pump.pump(1024) == 0) {
                    if (!stream.isRunning() || allDecoded) {
                        break;
                    }
                    Thread.sleep(1);
                }
            }
            device.join();
            while (pump.pump(1024) > 0) {
                continue;
            }
        } finally {
            stream.close();
        }
        assertNull(failure.get());
        pump.finish(List.of());
        return new Result(played.get(), stream.counters(), gaps, pump.samples());
    }

    private record Result(DeviceSimulator.Result played, DecoderCounters counters, List<long[]> gaps, long samples) {
    }

    private static byte[] expectedFile(Recording source, Path file) throws IOException {
        RecordingWriter.write(source, file, new RecordingWriter.Options(true, 1.0));
        return Files.readAllBytes(file);
    }

    @Test
    void aRecordingArrivesByteExactInBothProtocols() throws Exception {
        Recording source = walk();
        byte[] expected = expectedFile(source, dir.resolve("expected.csv"));
        for (Protocol protocol : Protocol.values()) {
            // a cable of its own per protocol, as a test of its own would have
            try (PtyPair pty = PtyPair.start(Files.createDirectories(dir.resolve(protocol.id())))) {
                Path out = dir.resolve("received-" + protocol.id() + ".csv");
                Result r = stream(pty, source, new DeviceSimulator.Settings(protocol, 0, 0, 0, 1, 5),
                        SerialPorts.opener(pty.device().toString(), 921600, 50),
                        new RecordingWriter(Files.newOutputStream(out), new RecordingWriter.Options(true, 1.0)), source.length(), () -> { });
                assertEquals(source.length(), r.samples(), protocol.id());
                assertEquals(0, r.counters().errors() + r.counters().lostFrames(), protocol.id());
                assertArrayEquals(expected, Files.readAllBytes(out), protocol.id() + ": the received file differs");
            }
        }
    }

    /**
     * With a 1e-3 byte corruption rate and 2 % dropped frames, the decoder's counts equal an
     * oracle that splits the bytes sent at their zeros and compares each piece with the clean
     * encoding of every frame: intact pieces are the frames handed on, other pieces the errors,
     * gaps between intact sequence numbers the lost frames; the recording holds exactly the
     * intact frames' samples and NaN for the others.
     */
    @Test
    void corruptionAndDroppedFramesAreCountedExactly() throws Exception {
        Recording source = walk();
        long seed = 1234L;
        DeviceSimulator.Settings settings = new DeviceSimulator.Settings(Protocol.BINARY, 0, 1e-3, 0.02, seed, 5);
        ByteArrayOutputStream tap = new ByteArrayOutputStream();
        CollectingSink rows = new CollectingSink();
        try (PtyPair pty = PtyPair.start(dir)) {
            LinkOpener opener = tapping(SerialPorts.opener(pty.device().toString(), 921600, 50), tap::write);
            Result r = stream(pty, source, settings, opener, rows, Long.MAX_VALUE, () -> { });
            assertTrue(r.played().framesDropped() > 50 && r.played().bytesCorrupted() > 100, "seed " + seed + ": " + r.played());

            FrameOracle.Result oracle = oracle(new DeviceSimulator(source, settings), source).check(tap.toByteArray());
            String where = "seed " + seed;
            assertEquals(oracle.bad(), r.counters().errors(), where);
            assertEquals(oracle.lost(), r.counters().lostFrames(), where);
            assertEquals(oracle.intact().size(), r.counters().frames(), where);
            assertEquals(oracle.undescribed(), r.counters().undescribed(), where);
            int first = oracle.intact().get(0);
            int last = oracle.intact().get(oracle.intact().size() - 1);
            assertEquals(last - first + 1, rows.rows.size(), where);
            float[][] columns = new float[source.channels().size()][];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = source.channels().get(c).samples();
            }
            boolean[] isIntact = new boolean[source.length()];
            oracle.intact().forEach(i -> isIntact[i] = true);
            for (int k = 0; k < rows.rows.size(); k++) {
                float[] row = rows.rows.get(k);
                for (int c = 0; c < row.length; c++) {
                    float expected = isIntact[first + k] ? columns[c][first + k] : Float.NaN;
                    assertEquals(expected, row[c], where + ", row " + k);
                }
            }
        }
    }

    @Test
    void unplugAndReplugLeaveAMarkedGapInAValidFile() throws Exception {
        Recording source = walk();
        Path out = dir.resolve("replugged.csv");
        Result r;
        try (PtyPair pty = PtyPair.start(dir)) {
            r = stream(pty, source, new DeviceSimulator.Settings(Protocol.BINARY, 20, 0, 0, 1, 10),
                    SerialPorts.opener(pty.device().toString(), 921600, 50),
                    new RecordingWriter(Files.newOutputStream(out), new RecordingWriter.Options(true, 1.0)), source.length(), () -> {
                        try {
                            Thread.sleep(1000);
                            pty.unplug();
                            Thread.sleep(500);
                            pty.plug();
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertEquals(1, r.gaps().size(), r.played().toString());
            assertTrue(r.played().reconnects() == 1, r.played().toString());
        }
        Recording received = Recordings.read(out);
        DecoderCounters decoded = r.counters();
        long gapRows = r.gaps().get(0)[0];
        String context = r.played() + "; decoded " + decoded.frames() + " frames, " + decoded.lostFrames() + " lost, "
                + decoded.crcErrors() + " CRC errors, " + decoded.malformed() + " malformed; gap rows " + gapRows + "; "
                + received.warnings();
        // A busy machine may read the port too slowly: the device then drops the frames its port does not take, as a
        // sensor does. Those are lost frames, marked like the disconnect's; only those at the very end cannot be seen.
        assertTrue(received.length() <= source.length()
                && received.length() >= source.length() - r.played().framesUnread(), context);
        if (r.played().framesUnread() == 0) {
            assertEquals(source.length(), received.length(), context);
        }
        float[] got = received.channel("left.insole.force_n").samples();
        int missing = 0;
        int run = 0;
        int longestRun = 0;
        for (int i = 0; i < got.length; i++) {
            if (Float.isNaN(got[i])) {
                missing++;
                run++;
                longestRun = Math.max(longestRun, run);
            } else {
                run = 0;
                for (int c = 0; c < source.channels().size(); c++) {
                    assertEquals(source.channels().get(c).get(i), received.channels().get(c).get(i), "sample " + i);
                }
            }
        }
        assertTrue(gapRows > 20, context);
        assertEquals(gapRows + decoded.lostFrames(), missing, "every row not received is marked; " + context);
        assertTrue(longestRun >= gapRows, "the disconnect is one run of missing samples: " + longestRun + "; " + context);
        assertTrue(received.warnings().size() == 1
                        && received.warnings().get(0).contains("1 gap after a disconnect or a restart of the device ("
                                + gapRows + " rows filled)"),
                received.warnings().toString());
    }

    @Test
    void liveAnalysisFindsWhatAnalyzeFinds() throws Exception {
        Recording source = walk();
        GaitAnalysis batch = InsoleGaitAnalyzer.analyze(source, GaitSettings.defaults());
        List<StrideResult> reported = new ArrayList<>();
        StreamingGaitAnalyzer live = new StreamingGaitAnalyzer(GaitSettings.defaults(), new LiveGaitListener() {
            @Override
            public void onStride(StrideResult stride) {
                reported.add(stride);
            }

            @Override
            public void onRejected(RejectedStride rejected) {
            }
        }, true);
        try (PtyPair pty = PtyPair.start(dir)) {
            stream(pty, source, new DeviceSimulator.Settings(Protocol.BINARY, 0, 0, 0, 1, 5),
                    SerialPorts.opener(pty.device().toString(), 921600, 50), live, source.length(), () -> { });
        }
        GaitAnalysis result = live.result();
        assertEquals(batch.events(), result.events());
        assertEquals(batch.rejected(), result.rejected());
        assertEquals(batch.strides().size(), reported.size());
        for (int i = 0; i < reported.size(); i++) {
            assertEquals(batch.strides().get(i).stride(), result.strides().get(i).stride());
            assertTrue(LiveAnalysisAgreementTest.difference(batch.strides().get(i).loading(),
                    result.strides().get(i).loading()) < 1e-9);
        }
    }

    /** An opener whose links also hand every written byte to {@code tap}. */
    private static LinkOpener tapping(LinkOpener inner, TapWriter tap) {
        return () -> {
            ByteLink link = inner.open();
            return new ByteLink() {
                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return link.read(buffer, offset, length);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    link.write(buffer, offset, length);
                    tap.write(buffer, offset, length);
                }

                @Override
                public String name() {
                    return link.name();
                }

                @Override
                public void close() {
                    link.close();
                }
            };
        };
    }

    @FunctionalInterface
    private interface TapWriter {
        void write(byte[] buffer, int offset, int length);
    }

    /** An oracle that knows the clean encoding of every frame {@code simulator} sends of {@code source}. */
    private static FrameOracle oracle(DeviceSimulator simulator, Recording source) {
        BinaryEncoder encoder = new BinaryEncoder(simulator.descriptor());
        FrameOracle oracle = new FrameOracle();
        byte[] buf = new byte[Math.max(encoder.descriptorFrameBytes(), encoder.sampleFrameBytes())];
        float[] values = new float[source.channels().size()];
        int every = (int) Math.round(source.sampleRateHz());
        for (int i = 0; i < source.length(); i++) {
            long t = Math.round(source.startTimeS() * 1e6) + Math.round(i * 1e6 / source.sampleRateHz());
            if (i % every == 0) {
                int end = encoder.encodeDescriptor(i, t, buf, 0);
                oracle.expect(Arrays.copyOf(buf, end - 1), -1);
            }
            for (int c = 0; c < values.length; c++) {
                values[c] = source.channels().get(c).get(i);
            }
            int end = encoder.encodeSamples(i, t, values, buf, 0);
            oracle.expect(Arrays.copyOf(buf, end - 1), i);
        }
        return oracle;
    }
}
