package org.soleus.io.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The user's answers, a line each, read on a thread of their own so that whoever waits for one
 * can do other things meanwhile (keep a stream read, notice a request to stop): a read of a
 * terminal cannot be interrupted. A line is read only when asked for ({@link #poll}), never
 * ahead, so that a script answering the prompts sees each prompt before its answer is taken.
 * The thread is a daemon: one still waiting for a line when the program ends does not keep it.
 * One thread calls {@link #poll}.
 */
final class AnswerLines implements AutoCloseable {
    private final BufferedReader reader;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "soleus-answers");
        t.setDaemon(true);
        return t;
    });
    private Future<String> pending;

    AnswerLines(BufferedReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The next line, if it comes within {@code timeoutNanos}; the read of one that does not goes
     * on for the next call.
     *
     * @return the answer: a line, the end of the input (a null line), or none in time
     * @throws IOException when the input cannot be read
     */
    Answer poll(long timeoutNanos) throws IOException {
        if (pending == null) {
            pending = thread.submit(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        try {
            String line = pending.get(timeoutNanos, TimeUnit.NANOSECONDS);
            pending = null;
            return new Answer(true, line);
        } catch (TimeoutException e) {
            return Answer.none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            pending = null;
            Throwable cause = e.getCause();
            throw cause instanceof UncheckedIOException u ? u.getCause() : new IOException(cause);
        }
    }

    /** Stops the reading thread (a read under way ends with the input). */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * What {@link #poll} found.
     *
     * @param came whether an answer came (a line, or the end of the input)
     * @param line the line, or null at the end of the input
     */
    record Answer(boolean came, String line) {
        static Answer none() {
            return new Answer(false, null);
        }
    }
}
