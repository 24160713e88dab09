package org.soleus.io.output;

import java.io.IOException;

/**
 * Keeps a stop of the JVM (Ctrl-C, SIGTERM, {@code System.exit}: anything that runs its shutdown
 * hooks) from cutting a set of renames in two: the stop waits for a set under way to end, and a
 * set that would begin after the stop has begun does not. Without it a stop between two renames
 * would leave a folder's results part new, part old, and one while files are being staged would
 * be followed by the deletion of their temporary files ({@link java.io.File#deleteOnExit}), which
 * runs after the shutdown hooks. A kill that runs no hook (SIGKILL, a power cut) is beyond it.
 * Thread-safe.
 */
final class CommitGuard {
    /** The guard of this JVM, whose {@link #stop()} runs as a shutdown hook. */
    static final CommitGuard JVM = withShutdownHook();

    /** Renames to run as one. */
    @FunctionalInterface
    interface Renames {
        /** Runs them. */
        void run() throws IOException;
    }

    private boolean stopping;

    /**
     * Runs {@code renames}, unless the JVM has begun to stop; a stop that begins meanwhile waits
     * for them.
     *
     * @throws IOException from {@code renames}, or when the JVM has begun to stop (nothing is
     *                     then renamed)
     */
    synchronized void run(Renames renames) throws IOException {
        if (stopping) {
            throw new IOException("the run is being stopped: no file was replaced");
        }
        renames.run();
    }

    /** The stop: waits for the renames under way, if any, and lets none begin after it. */
    synchronized void stop() {
        stopping = true;
    }

    private static CommitGuard withShutdownHook() {
        CommitGuard guard = new CommitGuard();
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(guard::stop, "soleus-commit-guard"));
        } catch (IllegalStateException e) {
            guard.stop(); // the JVM is stopping already
        }
        return guard;
    }
}
