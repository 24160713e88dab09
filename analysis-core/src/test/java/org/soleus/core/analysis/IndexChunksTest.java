package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Chunks of indices on threads: every index once, a state per thread, the first chunk's failure wins. */
final class IndexChunksTest {
    private static final int LONG = PerFoot.PARALLEL_MIN_SAMPLES;

    @Test
    void everyIndexIsCoveredOnceWithTheStateOfTheThreadThatTookIt() {
        for (int count : new int[] {0, 1, IndexChunks.CHUNK - 1, IndexChunks.CHUNK, 10 * IndexChunks.CHUNK + 7}) {
            for (int samples : new int[] {10, LONG}) {
                int[] visits = new int[count];
                String[] thread = new String[count];
                String[] stateThread = new String[count];
                IndexChunks.run(count, samples, () -> Thread.currentThread().getName(), (state, from, to) -> {
                    assertTrue(to - from <= IndexChunks.CHUNK && from < to, from + ".." + to);
                    for (int i = from; i < to; i++) {
                        visits[i]++;
                        thread[i] = Thread.currentThread().getName();
                        stateThread[i] = state;
                    }
                });
                for (int i = 0; i < count; i++) {
                    assertEquals(1, visits[i], "index " + i + " of " + count + ", samples " + samples);
                    assertEquals(thread[i], stateThread[i], "index " + i);
                }
            }
        }
    }

    @Test
    void shortRecordingsStayOnTheCallingThreadAndLongOnesShareTheChunks() {
        String caller = Thread.currentThread().getName();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        IndexChunks.run(50 * IndexChunks.CHUNK, LONG - 1, () -> null,
                (state, from, to) -> threads.add(Thread.currentThread().getName()));
        assertEquals(Set.of(caller), threads);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            // each chunk waits until another thread has taken one, so that no thread can take them all
            AtomicInteger taken = new AtomicInteger();
            threads.clear();
            IndexChunks.run(2 * IndexChunks.CHUNK, LONG, () -> null, (state, from, to) -> {
                threads.add(Thread.currentThread().getName());
                taken.incrementAndGet();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (taken.get() < 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            });
            assertEquals(2, threads.size(), "threads " + threads);
            assertTrue(threads.contains(caller));
        }
    }

    @Test
    void theFailureOfTheFirstFailingChunkIsThrown() {
        for (int samples : new int[] {10, LONG}) {
            IllegalStateException first = assertThrows(IllegalStateException.class,
                    () -> IndexChunks.run(20 * IndexChunks.CHUNK, samples, () -> null, (state, from, to) -> {
                        if (from >= 3 * IndexChunks.CHUNK) {
                            throw new IllegalStateException("chunk at " + from);
                        }
                    }));
            assertEquals("chunk at " + 3 * IndexChunks.CHUNK, first.getMessage(), "samples " + samples);
            AssertionError error = assertThrows(AssertionError.class,
                    () -> IndexChunks.run(4 * IndexChunks.CHUNK, samples, () -> null, (state, from, to) -> {
                        if (from == IndexChunks.CHUNK) {
                            throw new AssertionError("an error");
                        }
                        if (from == 2 * IndexChunks.CHUNK) {
                            throw new IllegalArgumentException("later");
                        }
                    }));
            assertEquals("an error", error.getMessage());
        }
    }
}
