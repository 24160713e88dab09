package org.soleus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;

/** What the Moticon reading benchmark times: the shipped walk, repeated, read as a Moticon export. */
final class MoticonReadBenchmarkTest {

    @Test
    void readsTheRepeatedWalkAsOneContinuousMoticonRecording() throws IOException {
        MoticonReadBenchmark benchmark = new MoticonReadBenchmark();
        benchmark.rows = 5_000;
        benchmark.setUp();
        try {
            ReadBytes bytes = new ReadBytes();
            Recording r = benchmark.readIntoRecording(bytes);
            assertEquals(5_000, r.length());
            assertEquals(100.0, r.sampleRateHz(), 1e-9);
            assertEquals("moticon-opengo", r.metadata().properties().get("source_format"));
            // the heel force that the right insole's cells give while reading
            assertTrue(r.channelNames().contains(ChannelName.of(Side.RIGHT, "insole", "heel_force", "n")),
                    r.channelNames()::toString);
            // a row of the walk holds about 300 bytes
            assertTrue(bytes.bytes > 5_000 * 200L, "bytes counted: " + bytes.bytes);
            // one time base across the repeats (the shipped walk itself skips a sample at 16.44 s)
            assertEquals(0, r.warnings().stream().filter(w -> w.contains("time jumps")).count(), r.warnings()::toString);
        } finally {
            benchmark.tearDown();
        }
    }
}
