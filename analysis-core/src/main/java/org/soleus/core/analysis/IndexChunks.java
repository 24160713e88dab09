package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a task over the indices {@code [0, count)} in chunks of {@value #CHUNK}: for long
 * recordings on the calling thread and, at the same time, on one thread per further processor
 * ({@link CompletableFuture#runAsync}), each taking the next chunk when it is done with one, so
 * that the threads end together however the work is spread over the indices (the strides of one
 * foot, with one thread a foot, ended a day-long recording's loading up to 0.2 s apart); else
 * all on the calling thread. Each thread has its own worker state. When chunks fail, the failure
 * of the first in index order is the one thrown, so the outcome does not depend on the threads.
 * Stateless and thread-safe.
 */
final class IndexChunks {
    /** Indices a thread takes at a time. */
    static final int CHUNK = 512;

    /** The work on {@code [from, to)} with a thread's own state. */
    interface Task<W> {
        void run(W worker, int from, int to);
    }

    private IndexChunks() {
    }

    /**
     * @param count   indices to cover
     * @param samples samples per channel of the recording, to decide on threads
     *                ({@link PerFoot#PARALLEL_MIN_SAMPLES}, as for the feet)
     * @param worker  makes one thread's state
     * @param task    the work on a chunk; must write only into the places of its own indices
     */
    static <W> void run(int count, int samples, Supplier<W> worker, Task<W> task) {
        int chunks = (count + CHUNK - 1) / CHUNK;
        int threads = samples < PerFoot.PARALLEL_MIN_SAMPLES ? 1
                : Math.min(chunks, Runtime.getRuntime().availableProcessors());
        AtomicInteger next = new AtomicInteger();
        Throwable[] failures = new Throwable[chunks];
        Runnable work = () -> {
            W state = worker.get();
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    task.run(state, c * CHUNK, Math.min(count, (c + 1) * CHUNK));
                } catch (RuntimeException | Error e) {
                    failures[c] = e;
                }
            }
        };
        List<CompletableFuture<Void>> others = new ArrayList<>(Math.max(0, threads - 1));
        for (int t = 1; t < threads; t++) {
            others.add(CompletableFuture.runAsync(work));
        }
        work.run();
        others.forEach(CompletableFuture::join);
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure != null) {
                throw (Error) failure;
            }
        }
    }
}
