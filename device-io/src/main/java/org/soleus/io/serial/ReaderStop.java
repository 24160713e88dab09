package org.soleus.io.serial;

/**
 * Stops a {@link SerialStream}'s reader thread: interrupts it and waits for it to close its port
 * itself; a reader that has not stopped by then is stuck in the driver, and closing its port from
 * this thread makes a pending read return. The waits go on when the calling thread is
 * interrupted (returning earlier would leave the port open), which then stays interrupted.
 */
final class ReaderStop {
    private ReaderStop() {
    }

    /**
     * Stops reader {@code t}, waiting up to {@code waitNanos} before and again after
     * {@code closePort}.
     *
     * @return null when it stopped before its port was closed; else what happened, with where it was
     */
    static String stop(Thread t, long waitNanos, Runnable closePort) {
        t.interrupt();
        boolean interrupted = await(t, waitNanos);
        String stuck = null;
        if (t.isAlive()) {
            StackTraceElement[] at = t.getStackTrace();
            closePort.run();
            interrupted |= await(t, waitNanos);
            stuck = "the reader did not stop within " + Durations.plain(waitNanos / 1e9) + " s" + where(at)
                    + (t.isAlive() ? "; it is still running" : "; its port was closed by the stop");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return stuck;
    }

    /** Waits up to {@code nanos} for {@code t} to end; returns whether this thread was interrupted meanwhile. */
    private static boolean await(Thread t, long nanos) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; t.isAlive() && left > 0; left = deadline - System.nanoTime()) {
            try {
                t.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** Where a thread was: its frames down to the first of this program's (at most 4), e.g. a native read and its callers. */
    private static String where(StackTraceElement[] at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, at.length); i++) {
            sb.append(i == 0 ? " (at " : " from ").append(at[i]);
            if (at[i].getClassName().startsWith("org.soleus.")) {
                break;
            }
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }
}
