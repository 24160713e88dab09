package org.soleus.io.live;

import java.io.IOException;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;
import org.soleus.io.serial.StreamStatus;

/**
 * The consumer loop of a live stream, for recording it or analysing it as it comes: pumps rows
 * from the stream into the pump's sink until the duration is reached, a stop is requested (the
 * rows at hand are taken, and the caller then ends as at the end of its input, e.g. on Ctrl-C)
 * or the stream stops; redraws a status line (time, frame rate, frames, errors) on a terminal
 * and prints the messages posted to it from other threads.
 * Between rows the loop parks until the reader thread wakes it ({@link SerialStream#awaitRows}),
 * so that a row is analysed as soon as it is decoded and an idle loop takes no processor time.
 */
public final class LiveSession {
    private static final int BATCH_ROWS = 4096;
    private static final long STATUS_INTERVAL_NANOS = 500_000_000L;
    /**
     * Longest wait when no row is waiting: how soon a stop, a fault or the end of the stream is
     * noticed. A row ends the wait at once: the reader thread wakes this loop as it publishes one.
     */
    private static final long WAIT_NANOS = 10_000_000L;

    /** Called about once a second while rows flow, and when none do, on the loop's thread. */
    @FunctionalInterface
    public interface Tick {
        /** Does the caller's periodic work (flushing a file...). */
        void run();
    }

    private final SerialStream stream;
    private final StreamPump pump;
    private final StatusLine status;
    private final double durationS;
    private final BooleanSupplier stopRequested;
    /** How long the port had been gone when a stop was requested, s; NaN when it had not. */
    private double downAtStopS = Double.NaN;

    /**
     * @param stream        the started stream
     * @param pump          moves its rows into the sink
     * @param status        the status line, and the messages printed above it
     * @param durationS     stop after this many seconds of samples, or NaN to run until stopped
     * @param stopRequested true stops the loop after the rows at hand
     */
    public LiveSession(SerialStream stream, StreamPump pump, StatusLine status, double durationS,
                BooleanSupplier stopRequested) {
        this.stream = stream;
        this.pump = pump;
        this.status = status;
        this.durationS = durationS;
        this.stopRequested = stopRequested;
    }

    /**
     * Runs the loop.
     *
     * @param started run once, on the loop's thread, when the stream's header has come and the
     *                sink has started (say what the header gave cause to warn of)
     * @param tick    the caller's periodic work
     * @return why the stream stopped (a fault, also where a stop was requested after it), or null
     *         when the duration was reached or a stop requested
     * @throws IOException when the stream's header cannot be made (no rate, bad metadata)
     */
    public SerialPortException run(Runnable started, Tick tick) throws IOException {
        try {
            loop(started, tick);
            double downS = stream.downS();
            if (pump.header() != null) {
                while (pump.pump(BATCH_ROWS) > 0) {
                    continue;
                }
            }
            if (stopRequested.getAsBoolean() && pump.samples() > 0) {
                downAtStopS = downS;
            }
        } finally {
            status.clear();
            stream.close();
            status.printPosted();
        }
        // a fault the stream had met (a port not back in time) is told even where a stop came too
        SerialPortException fault = pump.limitReached() ? null : stream.fault();
        if (fault != null) {
            downAtStopS = Double.NaN;
        }
        return fault;
    }

    private void loop(Runnable started, Tick tick) throws IOException {
        long lastStatus = System.nanoTime();
        long lastTick = lastStatus;
        long lastFrames = 0;
        boolean begun = false;
        while (!stopRequested.getAsBoolean()) {
            status.printPosted();
            if (!pump.tryStart()) {
                if (!stream.isRunning()) {
                    return;
                }
                stream.awaitRows(WAIT_NANOS);
                continue;
            }
            if (!begun) {
                begun = true;
                started.run();
                if (!Double.isNaN(durationS)) {
                    pump.limitSamples(Math.max(1, Math.round(durationS * pump.header().sampleRateHz())));
                }
            }
            int n = pump.pump(BATCH_ROWS);
            if (pump.limitReached()) {
                return;
            }
            long now = System.nanoTime();
            if (n == 0) {
                if (!stream.isRunning()) {
                    return;
                }
                stream.awaitRows(WAIT_NANOS);
            }
            if (now - lastTick > 1_000_000_000L || n == 0 && now - lastTick > 100_000_000L) {
                tick.run();
                lastTick = now;
            }
            if (status.shown() && now - lastStatus > STATUS_INTERVAL_NANOS) {
                StreamStatus s = stream.status();
                double rate = (s.frames() - lastFrames) / ((now - lastStatus) / 1e9);
                drawStatus(s, rate);
                lastFrames = s.frames();
                lastStatus = now;
            }
        }
    }

    private void drawStatus(StreamStatus s, double frameRateHz) {
        status.draw(String.format(Locale.ROOT, "%.1f s, %.1f Hz, %d frames, %d CRC errors, %d lost, %d malformed%s",
                pump.timeS(), frameRateHz, s.frames(), s.crcErrors(), s.lostFrames(), s.malformed(),
                s.connected() ? "" : ", disconnected"));
    }

    /**
     * After {@link #run}: when a stop was requested while the port was gone, after samples had
     * come, what is missing at the end, e.g. {@code /dev/ttyUSB0: stopped while disconnected,
     * 8.2 s after the port went away at 12.340 s; no samples came in that time}; otherwise null.
     */
    public String outageAtStop() {
        if (Double.isNaN(downAtStopS)) {
            return null;
        }
        return String.format(Locale.ROOT, "%s: stopped while disconnected, %.1f s after the port went away at %.3f s;"
                + " no samples came in that time", stream.name(), downAtStopS, pump.timeS());
    }
}
