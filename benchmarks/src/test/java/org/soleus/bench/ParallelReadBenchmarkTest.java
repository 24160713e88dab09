package org.soleus.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Recording;

/** What the reading benchmark times: the same recording whatever the thread count. */
final class ParallelReadBenchmarkTest {
    private static Recording read(int threads, String channels, String data) throws IOException {
        ParallelReadBenchmark benchmark = new ParallelReadBenchmark();
        benchmark.rows = 100_000;
        benchmark.threads = threads;
        benchmark.channels = channels;
        benchmark.data = data;
        benchmark.setUp();
        try {
            ReadBytes bytes = new ReadBytes();
            Recording r = benchmark.read(bytes);
            // a gaitpdb row is 19 numbers, at least two bytes each with its separator
            assertTrue(bytes.bytes > 100_000 * 38L, "bytes counted: " + bytes.bytes);
            return r;
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void twoThreadsReadWhatOneReads() throws IOException {
        for (String data : new String[] {"synthetic", "trials"}) {
            for (String channels : new String[] {"cells", "all"}) {
                Recording one = read(1, channels, data);
                Recording two = read(2, channels, data);
                assertEquals(100_000, one.length(), data + "/" + channels);
                assertEquals(one.channels().size(), two.channels().size());
                assertEquals(channels.equals("cells") ? 8 : 18, one.channels().size(), data + "/" + channels);
                for (int c = 0; c < one.channels().size(); c++) {
                    assertEquals(one.channels().get(c).name(), two.channels().get(c).name());
                    assertArrayEquals(one.channels().get(c).samples(), two.channels().get(c).samples(),
                            data + "/" + channels + ": " + one.channels().get(c).name());
                }
            }
        }
    }
}
