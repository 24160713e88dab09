package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.soleus.io.CollectingSink;
import org.soleus.io.codec.LineDecoder;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;

/** What {@link StreamPump} says of a stream that gives no sample rate. */
final class StreamPumpTest {
    private static SerialPortException noRate(String text) throws Exception {
        MemoryPort port = new MemoryPort();
        SerialStream stream = new SerialStream(port.reader(), "/dev/ttyTEST", new LineDecoder(), StreamPipelineTest.FAST,
                SerialStream.Listener.NONE, "check --baud (now 115200) and --protocol (now line)");
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

    /** Binary frames read as lines: a piece between two newline bytes that reads as a header says the protocol first. */
    @Test
    void undecodableLinesBeforeAHeaderWithoutARateNameTheProtocolFirst() throws Exception {
        SerialPortException e = noRate("\u0001\u00ff\u0007\n\u0000x\n\u0003\u0002\nleft.insole.force_n\n1\n2\n3\n");
        assertEquals(SerialPortException.Kind.NO_RATE, e.kind());
        assertTrue(e.getMessage().startsWith("/dev/ttyTEST: 2 lines that did not decode came before a header without a"
                + " sample rate: check --baud (now 115200) and --protocol (now line); if they are right, pass it with"
                + " --rate HZ"), e.getMessage());
    }
}
