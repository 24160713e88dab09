package org.soleus.io.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

final class SampleRingTest {

    @Test
    void keepsOrderAcrossWrapAroundAndCountsOverruns() {
        SampleRing ring = new SampleRing(4, 2);
        List<Long> seen = new ArrayList<>();
        RowHandler collect = row -> {
            seen.add(row.sequence());
            assertEquals(row.sequence() * 10f, row.value(0));
            assertEquals(-row.sequence(), row.value(1));
            assertEquals(row.sequence() + 1000, row.deviceTimeUs());
            assertEquals(row.sequence() % 2 == 0 ? SampleRow.AFTER_RECONNECT : 0, row.flags());
        };
        long next = 0;
        for (int round = 0; round < 10; round++) {
            for (int k = 0; k < 3; k++, next++) {
                assertTrue(ring.offer(next, next + 1000, 0, next % 2 == 0 ? SampleRow.AFTER_RECONNECT : 0,
                        new float[] {next * 10f, -next}));
            }
            assertEquals(3, ring.size());
            assertEquals(2, ring.poll(collect, 2));
            assertEquals(1, ring.poll(collect, 100));
            assertEquals(0, ring.poll(collect, 100));
        }
        assertEquals(30, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i));
        }
        for (int k = 0; k < 4; k++) {
            assertTrue(ring.offer(k, 0, 0, 0, new float[2]));
        }
        assertFalse(ring.offer(4, 0, 0, 0, new float[2]));
        assertEquals(1, ring.overruns());
        assertEquals(4, ring.size());
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new SampleRing(3, 1));
        assertThrows(IllegalArgumentException.class, () -> new SampleRing(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SampleRing(8, 2).offer(0, 0, 0, 0, new float[3]));
        assertEquals(8, SampleRing.capacityFor(5));
        assertEquals(8, SampleRing.capacityFor(8));
        assertEquals(2, SampleRing.capacityFor(0));
    }

    @Test
    void handsEveryRowAcrossThreadsInOrderWhenTheConsumerKeepsUp() throws InterruptedException {
        int rows = 300_000;
        SampleRing ring = new SampleRing(1024, 3);
        AtomicReference<String> failure = new AtomicReference<>();
        long[] count = {0};
        Thread consumer = new Thread(() -> {
            RowHandler check = row -> {
                long expected = count[0]++;
                if (row.sequence() != expected || row.value(0) != (float) expected || row.value(2) != -1f) {
                    failure.compareAndSet(null, "row " + expected + " arrived as " + row.sequence());
                }
            };
            while (count[0] < rows && failure.get() == null) {
                if (ring.poll(check, 256) == 0) {
                    Thread.yield();
                }
            }
        });
        consumer.start();
        float[] values = new float[3];
        values[2] = -1f;
        for (int i = 0; i < rows; ) {
            values[0] = i;
            if (ring.offer(i, i, 0, 0, values)) {
                i++;
            } else {
                Thread.yield();
            }
        }
        consumer.join();
        assertEquals(null, failure.get());
        assertEquals(rows, count[0]);
    }
}
