package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.soleus.io.CollectingSink;
import org.soleus.io.codec.LineDecoder;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.SerialStream;

/**
 * The consumer loop over an in-memory port: the messages that other threads post come out on
 * lines of their own, and a stop while the port is gone is told, with how long it had been gone.
 */
final class LiveSessionTest {
    private static final String ROWS = "# sample_rate_hz: 100\nleft.insole.force_n\n" + "5\n".repeat(100);

    /** A device that sends its header and 100 rows (1 s at 100 Hz), which the port keeps until they are read. */
    private static void sendRows(MemoryPort port) throws Exception {
        try (ByteLink device = port.writer().open()) {
            byte[] bytes = ROWS.getBytes(StandardCharsets.US_ASCII);
            device.write(bytes, 0, bytes.length);
        }
    }

    @Test
    void aStopWhileThePortIsGoneSaysHowLongItHadBeenGoneAndWhere() throws Exception {
        MemoryPort port = new MemoryPort();
        StringWriter text = new StringWriter();
        StatusLine status = new StatusLine(new PrintWriter(text), false);
        AtomicBoolean unplugged = new AtomicBoolean();
        SerialStream stream = new SerialStream(port.reader(), "/dev/ttyTEST", new LineDecoder(), StreamPipelineTest.FAST,
                new SerialStream.Listener() {
                    @Override
                    public void onDisconnected(String name) {
                        status.post(name + " disconnected");
                        unplugged.set(true);
                    }

                    @Override
                    public void onReconnected(String name, double downS) {
                        status.post(name + " is back");
                    }
                }, "check --baud and --protocol");
        CollectingSink sink = new CollectingSink();
        stream.start();
        sendRows(port);
        StreamPump pump = new StreamPump(stream, sink, Double.NaN, (atS, missing, on) -> { });
        // stop once every row is in and the port has been gone for a while (a guard of 10 s against a hang)
        long started = System.nanoTime();
        LiveSession session = new LiveSession(stream, pump, status, Double.NaN, () -> {
            if (sink.rows.size() == 100 && !unplugged.get()) {
                port.unplug();
            }
            return unplugged.get() && stream.downS() > 0.3 || System.nanoTime() - started > 10_000_000_000L;
        });
        assertNull(session.run(() -> { }, () -> { }), "a requested stop is no fault");
        pump.finish(List.of());

        assertEquals(100, sink.rows.size());
        String outage = session.outageAtStop();
        Matcher m = Pattern.compile("/dev/ttyTEST: stopped while disconnected, (\\d+\\.\\d) s after the port went away"
                + " at 1\\.000 s; no samples came in that time").matcher(String.valueOf(outage));
        assertTrue(m.matches(), outage);
        assertTrue(Double.parseDouble(m.group(1)) >= 0.3, outage);
        assertEquals("/dev/ttyTEST disconnected" + System.lineSeparator(), text.toString(),
                "the reader thread's message, printed by the loop");
    }

    @Test
    void aStopWhileConnectedTellsNoOutage() throws Exception {
        MemoryPort port = new MemoryPort();
        SerialStream stream = new SerialStream(port.reader(), "/dev/ttyTEST", new LineDecoder(), StreamPipelineTest.FAST,
                SerialStream.Listener.NONE, "check --baud and --protocol");
        CollectingSink sink = new CollectingSink();
        stream.start();
        sendRows(port);
        StreamPump pump = new StreamPump(stream, sink, Double.NaN, (atS, missing, on) -> { });
        long started = System.nanoTime();
        LiveSession session = new LiveSession(stream, pump, new StatusLine(new PrintWriter(new StringWriter()), false),
                Double.NaN, () -> sink.rows.size() == 100 || System.nanoTime() - started > 10_000_000_000L);
        assertNull(session.run(() -> { }, () -> { }));
        assertEquals(100, sink.rows.size());
        assertNull(session.outageAtStop());
    }
}
