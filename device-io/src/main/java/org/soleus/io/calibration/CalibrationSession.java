package org.soleus.io.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.io.live.StreamPump;
import org.soleus.io.serial.SerialStream;

/**
 * A calibration guided on a terminal, with the insole streaming: for each cell and load a
 * prompt, the user's Enter (read from {@code answers}, so that a script or test can answer), then
 * the cell's readings over the hold after the load settled ({@link MeasuringPlan}), their mean
 * and SD. A reading whose SD exceeds the plan's limit (the load was not steady) or that misses
 * more than {@link MeasuringPlan#MAX_MISSING_FRACTION} of its samples, or whose counts do not
 * rise with the load against the cell's earlier readings, is rejected and taken again. What came
 * from the stream before Enter does not count. Each cell's readings are then fitted
 * ({@link CalibrationFitter}).
 *
 * <p>One thread calls everything; {@link #close()} closes the stream.
 */
public final class CalibrationSession implements AutoCloseable {
    private static final int BATCH_ROWS = 1024;
    private static final long IDLE_NANOS = 1_000_000;
    /** How long a wait for the user's answer goes without looking at the stream and a stop request. */
    private static final long ANSWER_POLL_NANOS = 20_000_000;

    private final SerialStream stream;
    private final AnswerLines answers;
    private final BooleanSupplier stopRequested;
    private final PrintWriter prompts;
    private final HoldCollector collector = new HoldCollector();
    private final StreamPump pump;

    /**
     * @param stream        the started stream of raw cell counts
     * @param gaps          told about disconnects
     * @param answers       the user's answers, a line (Enter) per prompt
     * @param prompts       where the prompts and readings go
     * @param stopRequested whether the user asked to stop (Ctrl-C): looked at while waiting for
     *                      an answer or a reading, which then ends in {@link CalibrationStopped}
     */
    public CalibrationSession(SerialStream stream, StreamPump.Listener gaps, BufferedReader answers,
                              PrintWriter prompts, BooleanSupplier stopRequested) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.answers = new AnswerLines(answers);
        this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.pump = new StreamPump(stream, collector, Double.NaN, gaps);
    }

    /**
     * Waits for the stream's first rows.
     *
     * @return the stream's header: its rate and channels
     * @throws IOException when the stream stops first, or its header cannot be made
     */
    public RecordingHeader awaitHeader() throws IOException {
        while (!pump.tryStart()) {
            awaitRows();
        }
        return collector.header();
    }

    /** The device's name: the stream's {@code device} property unless blank, else the stream's name. */
    public String deviceName() {
        String name = collector.header().metadata().properties().getOrDefault("device", stream.name());
        return name.isBlank() ? stream.name() : name;
    }

    /**
     * Measures the cells one after the other, each under every load of the plan, and fits each.
     *
     * @param channels the cells, raw channels of the stream ({@link CellSelection#toMeasure})
     * @param plan     the loads and how each is read
     * @param model    the law to fit
     * @param fitted   told of each cell's fit as soon as it is made
     * @return the cells' fits, in the order of {@code channels}
     * @throws CalibrationStopped       when the user asked to stop; {@code fitted} has heard of
     *                                  the cells measured before
     * @throws IOException              when the answers end early or the stream stops
     * @throws IllegalArgumentException naming the stream when a cell's readings cannot be fitted
     */
    public List<CellCalibration> measure(List<ChannelName> channels, MeasuringPlan plan, ModelChoice model,
                                         Consumer<CellCalibration> fitted) throws IOException {
        RecordingHeader header = collector.header();
        List<CellCalibration> cells = new ArrayList<>();
        for (ChannelName channel : channels) {
            List<CalibrationPoint> points = new ArrayList<>();
            for (double load : plan.loadsKg()) {
                points.add(orderedReading(channel, header, load, plan, points));
            }
            CellCalibration fit = CalibrationFitter.fit(channel, points, model, stream.name());
            cells.add(fit);
            fitted.accept(fit);
            prompts.flush();
        }
        return cells;
    }

    /**
     * A steady reading of {@code load} that rises with the load against the cell's readings so far
     * ({@link CalibrationFitter#outOfOrder}); one that does not (the load not on the cell, another
     * weight) is rejected and taken again, so that one slip does not cost the cell's readings.
     */
    private CalibrationPoint orderedReading(ChannelName channel, RecordingHeader header, double load,
                                            MeasuringPlan plan, List<CalibrationPoint> earlier) throws IOException {
        while (true) {
            CalibrationPoint reading = new CalibrationPoint(load, steadyReading(channel, header, load, plan));
            Optional<String> outOfOrder = CalibrationFitter.outOfOrder(earlier, reading);
            if (outOfOrder.isEmpty()) {
                return reading;
            }
            prompts.println("  rejected: " + outOfOrder.get() + "; measure again");
        }
    }

    /** Prompts until a steady reading of {@code load} on {@code channel} is taken; returns its mean. */
    private double steadyReading(ChannelName channel, RecordingHeader header, double load, MeasuringPlan plan)
            throws IOException {
        String label = channel.side().label() + " " + channel.quantity();
        String kg = CalibrationFitter.trim(load);
        while (true) {
            drain();
            prompts.println(load == 0 ? "take every load off " + label + " (" + channel + "), press Enter"
                    : "put " + kg + " kg on " + label + " (" + channel + "), press Enter");
            prompts.flush();
            awaitAnswer(kg, channel);
            drain();
            collector.collect(header.indexOf(channel), plan.settleSamples(header.sampleRateHz()),
                    plan.holdSamples(header.sampleRateHz()));
            while (!collector.done()) {
                if (stopRequested.getAsBoolean()) {
                    throw new CalibrationStopped();
                }
                if (pump.pump(BATCH_ROWS) == 0) {
                    awaitRows();
                }
            }
            HoldAverage h = collector.hold();
            long total = h.count() + h.missing();
            if (h.missing() > MeasuringPlan.MAX_MISSING_FRACTION * total || h.count() < 2) {
                prompts.printf(Locale.ROOT, "  rejected: %d of %d samples missing; check the connection and measure"
                        + " again%n", h.missing(), total);
            } else if (h.sdCounts() > plan.maxSdCounts()) {
                prompts.printf(Locale.ROOT, "  rejected: SD %.1f counts over %d samples is above --max-sd %s; hold the"
                        + " load still and measure again%n", h.sdCounts(), h.count(),
                        CalibrationFitter.trim(plan.maxSdCounts()));
            } else {
                prompts.printf(Locale.ROOT, "  %s kg: %.1f counts (SD %.1f over %d samples)%n", kg, h.meanCounts(),
                        h.sdCounts(), h.count());
                prompts.flush();
                return h.meanCounts();
            }
        }
    }

    /** Waits for the user's Enter, reading the stream meanwhile (what comes before it does not count). */
    private void awaitAnswer(String kg, ChannelName channel) throws IOException {
        while (true) {
            AnswerLines.Answer answer = answers.poll(ANSWER_POLL_NANOS);
            if (answer.came()) {
                if (answer.line() == null) {
                    throw new IOException("stdin ended before the reading of " + kg + " kg on " + channel
                            + ": answer each prompt with Enter");
                }
                return;
            }
            if (stopRequested.getAsBoolean()) {
                throw new CalibrationStopped();
            }
            drain();
            if (!stream.isRunning()) {
                awaitRows();
            }
        }
    }

    /** Takes every row waiting, and those held after a gap, without keeping them: what came before Enter does not count. */
    private void drain() {
        while (pump.pump(BATCH_ROWS) > 0) {
            continue;
        }
        pump.releaseHeld();
    }

    private void awaitRows() throws IOException {
        if (!stream.isRunning()) {
            IOException fault = stream.fault();
            throw fault != null ? fault : new IOException(stream.name() + ": the stream stopped");
        }
        LockSupport.parkNanos(IDLE_NANOS);
    }

    /** Closes the stream, and stops waiting for an answer. */
    @Override
    public void close() {
        answers.close();
        stream.close();
    }
}
