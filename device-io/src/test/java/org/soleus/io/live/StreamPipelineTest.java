package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.io.codec.Protocol;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;

/** Simulator → in-memory line → reader thread → ring → pump → recording, without real ports. */
final class StreamPipelineTest {

    static final SerialStream.Settings FAST = new SerialStream.Settings(1 << 16, 2, 2, 2, 5, 0.02, 0.1);


    /** Runs the simulator on its own thread and records until {@code samples} rows are in. */
    static Recording stream(MemoryPort port, Recording source, DeviceSimulator.Settings settings, Runnable whilePlaying,
                            List<long[]> gaps) throws Exception {
        SerialStream stream = new SerialStream(port.reader(), "reader", settings.protocol().newDecoder(Double.NaN, false), FAST,
                SerialStream.Listener.NONE, "check the protocol");
        stream.start();
        AtomicReference<Exception> simulatorFailure = new AtomicReference<>();
        DeviceSimulator simulator = new DeviceSimulator(source, settings);
        Thread device = new Thread(() -> {
            try {
                simulator.run(port.writer(), () -> false, () -> { });
            } catch (SerialPortException e) {
                simulatorFailure.set(e);
            }
        });
        device.start();
        whilePlaying.run();
        RecordingBuilder builder = new RecordingBuilder();
        StreamPump pump = new StreamPump(stream, builder, Double.NaN,
                (atS, missing, on) -> gaps.add(new long[] {Math.round(atS * 1e6), missing}));
        pump.limitSamples(source.length());
        try {
            int idleAfterDevice = 0;
            while (!pump.limitReached()) {
                if (!pump.tryStart() || pump.pump(1024) == 0) {
                    if (!stream.isRunning() && stream.fault() != null) {
                        throw stream.fault();
                    }
                    // The simulator has ended and nothing more arrives: stop, and let the checks below
                    // say what is missing instead of waiting for ever.
                    if (!device.isAlive() && ++idleAfterDevice > 5000) {
                        break;
                    }
                    Thread.sleep(1);
                } else {
                    idleAfterDevice = 0;
                }
            }
        } finally {
            stream.close();
            device.join();
        }
        assertNull(simulatorFailure.get());
        pump.finish(List.of());
        return builder.build();
    }

    @Test
    void aRecordingArrivesExactlyInEitherProtocol() throws Exception {
        Recording source = Walks.synthetic(3000, 100, 1);
        for (Protocol protocol : Protocol.values()) {
            List<long[]> gaps = new ArrayList<>();
            Recording received = stream(new MemoryPort(), source,
                    new DeviceSimulator.Settings(protocol, 0, 0, 0, 1, 1), () -> { }, gaps);
            assertEquals(source.channels(), received.channels(), protocol.id());
            assertEquals(source.metadata(), received.metadata(), protocol.id());
            assertEquals(source.sampleRateHz(), received.sampleRateHz());
            assertEquals(source.startTimeS(), received.startTimeS());
            assertEquals(0, gaps.size());
            assertEquals(List.of(), received.warnings());
        }
    }

    @Test
    void anUnplugLeavesOneGapOfMissingSamplesAndNothingElseChanges() throws Exception {
        Recording source = Walks.synthetic(2500, 100, 2);
        for (Protocol protocol : Protocol.values()) {
            MemoryPort port = new MemoryPort();
            List<long[]> gaps = new ArrayList<>();
            Recording received = stream(port, source, new DeviceSimulator.Settings(protocol, 10, 0, 0, 1, 5), () -> {
                sleep(700);
                port.unplug();
                sleep(400);
                port.plug();
            }, gaps);
            assertEquals(1, gaps.size(), protocol.id());
            float[] sent = source.channel("left.insole.force_n").samples();
            float[] got = received.channel("left.insole.force_n").samples();
            assertEquals(sent.length, got.length);
            int firstMissing = -1;
            int missing = 0;
            for (int i = 0; i < got.length; i++) {
                if (Float.isNaN(got[i])) {
                    if (firstMissing < 0) {
                        firstMissing = i;
                    }
                    missing++;
                } else {
                    assertEquals(sent[i], got[i], protocol.id() + " sample " + i);
                    for (int c = 1; c < source.channels().size(); c++) {
                        assertEquals(source.channels().get(c).get(i), received.channels().get(c).get(i));
                    }
                }
            }
            assertEquals(gaps.get(0)[1], missing, protocol.id());
            assertTrue(missing > 0, protocol.id());
            for (int i = firstMissing; i < firstMissing + missing; i++) {
                assertTrue(Float.isNaN(got[i]), protocol.id() + ": the missing samples form one run");
            }
            assertEquals(1, received.warnings().size(), protocol.id() + ": " + received.warnings());
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
