package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

    /**
     * Sinks of parts end on several threads at once: every count arrives. The threads start
     * together and add long arrays many times each, so that an addition lost to a race shows.
     */
    @Test
    void countsFromManyThreadsAllArrive() throws Exception {
        StreamTally tally = new StreamTally();
        int threads = 4;
        int adds = 5_000;
        long[] ones = new long[256];
        Arrays.fill(ones, 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> ends = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ends.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < adds; i++) {
                        tally.add(ones);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> end : ends) {
                end.get();
            }
        } finally {
            pool.shutdown();
        }
        long[] expected = new long[ones.length];
        Arrays.fill(expected, (long) threads * adds + 1);
        assertArrayEquals(expected, tally.add(ones));
    }
}
