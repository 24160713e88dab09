package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class StreamTallyTest {

    @Test
    void addsUpAndHandsOutCopiesThatLaterAdditionsLeaveAlone() {
        StreamTally tally = new StreamTally();
        long[] first = {1, 0, 5};
        long[] total = tally.add(first);
        assertArrayEquals(new long[] {1, 0, 5}, total);
        first[0] = 100;
        long[] later = tally.add(new long[] {2, 3, 0});
        assertArrayEquals(new long[] {3, 3, 5}, later, "the first counts were copied, not kept");
        assertArrayEquals(new long[] {1, 0, 5}, total, "a total handed out stays as it was");
        assertThrows(IllegalArgumentException.class, () -> tally.add(new long[] {1, 2}));
    }

    /** Sinks of parts end on several threads at once: every count arrives. */
    @Test
    void countsFromManyThreadsAllArrive() throws Exception {
        StreamTally tally = new StreamTally();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> ends = new ArrayList<>();
            for (int part = 0; part < 1000; part++) {
                long rows = part;
                ends.add(pool.submit(() -> tally.add(new long[] {1, rows})));
            }
            for (Future<long[]> end : ends) {
                end.get();
            }
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(new long[] {1001, 999 * 1000 / 2}, tally.add(new long[] {1, 0}));
    }
}
