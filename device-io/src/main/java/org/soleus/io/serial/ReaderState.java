package org.soleus.io.serial;

/**
 * Whether a {@link SerialStream}'s reader runs, and the fault that stopped it: written by the
 * reader thread and by {@link SerialStream#close()}, read from any thread.
 */
final class ReaderState {
    private volatile boolean running;
    private volatile SerialPortException fault;

    /** The reader starts. */
    void start() {
        running = true;
    }

    /** The reader is to stop, or has stopped. */
    void stop() {
        running = false;
    }

    /** Whether the reader thread is still reading (or reconnecting). */
    boolean isRunning() {
        return running;
    }

    /** Why the reader stopped, or null while it runs or after a normal stop. */
    SerialPortException fault() {
        return fault;
    }

    /** Stops the reader with {@code e}, unless it stopped with a fault already. */
    void fail(SerialPortException e) {
        if (fault == null) {
            fault = e;
        }
        running = false;
    }
}
