package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.soleus.core.recording.Side;

/**
 * Runs one independent task per foot: for long recordings the first foot on the calling thread
 * and the others at the same time on other threads ({@link CompletableFuture#supplyAsync}),
 * else all on the calling thread. Results come back in the order of the feet, and when tasks
 * fail the first foot's failure is the one thrown, so the outcome does not depend on the
 * threads. Stateless and thread-safe.
 */
final class PerFoot {
    /** Recordings at least this long (samples per channel) have their feet analysed in parallel. */
    static final int PARALLEL_MIN_SAMPLES = 1 << 16;

    private PerFoot() {
    }

    /**
     * @param sides    the feet, in result order
     * @param samples  samples per channel of the recording, to decide on threads
     * @param task     the work for one foot; must not touch another foot's mutable state
     * @return the task's result per foot, in the order of {@code sides}
     */
    static <T> List<T> map(List<Side> sides, int samples, Function<Side, T> task) {
        List<T> results = new ArrayList<>(sides.size());
        if (sides.size() < 2 || samples < PARALLEL_MIN_SAMPLES) {
            for (Side side : sides) {
                results.add(task.apply(side));
            }
            return results;
        }
        List<CompletableFuture<T>> others = new ArrayList<>(sides.size() - 1);
        for (int i = 1; i < sides.size(); i++) {
            Side side = sides.get(i);
            others.add(CompletableFuture.supplyAsync(() -> task.apply(side)));
        }
        results.add(task.apply(sides.get(0)));
        for (CompletableFuture<T> other : others) {
            try {
                results.add(other.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                if (e.getCause() instanceof Error) {
                    throw (Error) e.getCause();
                }
                throw e;
            }
        }
        return results;
    }
}
