package org.soleus.io.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
        consumer.setDaemon(true);
        consumer.start();
        float[] values = new float[3];
        values[2] = -1f;
        for (int i = 0; i < rows; ) {
            values[0] = i;
            if (ring.offer(i, i, 0, 0, values)) {
                i++;
            } else if (!consumer.isAlive()) {
                break; // the consumer stopped on a failure: a full ring would wait for it for ever
            } else {
                Thread.yield();
            }
        }
        consumer.join();
        assertEquals(null, failure.get());
        assertEquals(rows, count[0]);
    }

    /** Longer than any test runs: a wait that ends was ended by a publish, not by its timeout. */
    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);
    /** Only against a hang: a working ring ends these waits at once. */
    private static final long JOIN_MILLIS = 60_000;

    @Test
    void aPublishWakesTheWaitingConsumerBeforeItsTimeout() throws InterruptedException {
        SampleRing ring = new SampleRing(8, 1);
        boolean[] rowWaiting = new boolean[1];
        Thread consumer = new Thread(() -> rowWaiting[0] = ring.await(HOUR_NANOS));
        consumer.setDaemon(true);
        consumer.start();
        while (!ring.consumerWaiting()) {
            assertTrue(consumer.isAlive(), "the consumer stopped waiting before a row was offered");
            Thread.yield();
        }
        assertEquals(0, ring.wakeups());
        assertTrue(ring.offer(0, 0, 0, 0, new float[1]));
        consumer.join(JOIN_MILLIS);
        assertFalse(consumer.isAlive(), "the publish did not wake the consumer (it waits for its hour-long timeout)");
        assertTrue(rowWaiting[0]);
        assertEquals(1, ring.wakeups());
        assertFalse(ring.consumerWaiting());
    }

    @Test
    void publishingToABusyConsumerWakesNobody() {
        SampleRing ring = new SampleRing(2048, 2);
        float[] row = new float[2];
        for (int i = 0; i < 1000; i++) {
            assertTrue(ring.offer(i, i, 0, 0, row));
        }
        assertEquals(0, ring.wakeups());
        assertTrue(ring.await(HOUR_NANOS), "rows are waiting: no wait");
        assertEquals(1000, ring.poll(r -> { }, 2000));
        assertFalse(ring.await(0), "nothing waiting and no time to wait");
        Thread.currentThread().interrupt();
        try {
            assertFalse(ring.await(HOUR_NANOS), "an interrupted consumer does not wait");
        } finally {
            assertTrue(Thread.interrupted());
        }
        assertFalse(ring.consumerWaiting());
        assertEquals(0, ring.wakeups());
        assertThrows(IllegalArgumentException.class, () -> ring.await(-1));
    }

    @Test
    void aConsumerThatOnlyWaitsOnPublishesMissesNoRow() throws InterruptedException {
        long seed = 20_261_125L;
        int rows = 20_000;
        SampleRing ring = new SampleRing(64, 1);
        long[] count = {0};
        AtomicReference<String> failure = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            RowHandler check = row -> {
                if (row.sequence() != count[0]++) {
                    failure.compareAndSet(null, "row " + (count[0] - 1) + " arrived as " + row.sequence());
                }
            };
            while (count[0] < rows) {
                if (ring.poll(check, 16) == 0) {
                    ring.await(HOUR_NANOS);
                }
            }
        });
        consumer.setDaemon(true);
        consumer.start();
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[1];
        for (int i = 0; i < rows; ) {
            if (ring.offer(i, i, 0, 0, values)) {
                i++;
            } else {
                Thread.yield();
            }
            if (random.nextInt(4) == 0) {
                LockSupport.parkNanos(random.nextInt(20_000));
            }
        }
        consumer.join(JOIN_MILLIS);
        assertFalse(consumer.isAlive(), "a wake-up was lost: the consumer waits with " + ring.size()
                + " rows in the ring (seed " + seed + ")");
        assertEquals(null, failure.get(), "seed " + seed);
        assertEquals(rows, count[0], "seed " + seed);
        assertTrue(ring.wakeups() > 0, "the consumer never had to wait (seed " + seed + ")");
    }
}
