package org.soleus.io.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.text.Counted;
import org.soleus.io.codec.FrameSink;
import org.soleus.io.codec.LineDecoder;
import org.soleus.io.codec.StreamDescriptor;
import org.soleus.io.format.MetadataLines;
import org.soleus.io.serial.SerialPortException;
import org.soleus.io.serial.SerialStream;
import org.soleus.io.serial.StreamStatus;
import org.soleus.io.stream.GapLimit;
import org.soleus.io.stream.RowHandler;
import org.soleus.io.stream.SampleRow;

/**
 * Moves decoded rows from a {@link SerialStream} into a {@link SampleSink} on one uniform time
 * base, so that a live stream becomes a recording like any file: missing samples are NaN rows.
 *
 * <ul>
 *   <li>Lost frames (a sequence step of {@code k > 1}) become {@code k − 1} NaN rows, up to
 *       {@link GapLimit#MAX_FILLED_S} of them; a count that jumps further is measured on the
 *       receive times, as a restart is ({@link Listener#COUNT_JUMPED}).</li>
 *   <li>After a reconnect the gap is measured on the device clock when both rows have one and
 *       it moved forward by less than an hour (the device kept running), else on the receive
 *       times; {@code round(gap × rate) − 1} NaN rows fill it, and the listener is told. On the
 *       receive times, the rows after the gap are held back for {@value #HOLD_S} s of them (or
 *       until {@link #finish}, or {@value #MAX_HELD_S} s of rows): what the link buffered while
 *       it was down comes in a burst, each such row later than its time, so the gap is the least
 *       that any held row gives ({@code round((received − last received before the gap) × rate)
 *       − rows before it − 1}), which a row that came in time gives exactly.</li>
 *   <li>After the device restarted (its clock and frame count began anew) the gap is measured
 *       on the receive times, at least one NaN row marks it, so that no stride is joined across
 *       it, and the listener is told ({@link Listener#RESTARTED}).</li>
 * </ul>
 * The header comes from the stream's descriptor: its rate, channels and metadata lines
 * ({@link MetadataLines}), with the source set to the port.
 *
 * <p>No allocation per row. Not thread-safe: one consumer thread calls everything.
 */
public final class StreamPump {
    private static final long MAX_DEVICE_GAP_US = 3_600_000_000L;
    /** How long the rows after a gap measured on receive times are held back, s of receive time. */
    private static final double HOLD_S = 0.5;
    private static final long HOLD_NANOS = (long) (HOLD_S * 1e9);
    /** The most rows held back, in s of the stream: a burst of what the link buffered, and {@link #HOLD_S} after it. */
    private static final double MAX_HELD_S = 3.0;

    /** Told about gaps, on the consumer thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param atS            stream time of the first missing sample, s
         * @param missingSamples NaN rows written for it (fewer than the gap holds where the
         *                       sample limit ends within it)
         * @param measuredOn     {@code device clock} or {@code receive time}
         */
        void onGap(double atS, long missingSamples, String measuredOn);

        /** What {@code measuredOn} says of the gap of a device that restarted. */
        String RESTARTED = "receive time (the device restarted)";

        /** What {@code measuredOn} says of a frame count that jumped ahead by more than {@link GapLimit#MAX_FILLED_S}. */
        String COUNT_JUMPED = "receive time (the frame count jumped ahead)";

        /**
         * What a command says of a gap on {@code port}: {@code /dev/ttyUSB0: disconnected at
         * 12.340 s; 57 samples (0.570 s) missing, measured on the device clock}; without the
         * duration where the rate is not known (NaN).
         */
        static String describe(String port, double atS, long missingSamples, double rateHz, String measuredOn) {
            return String.format(Locale.ROOT, "%s: %s at %.3f s; %s%s missing, measured on the %s", port,
                    RESTARTED.equals(measuredOn) ? "the device restarted"
                            : COUNT_JUMPED.equals(measuredOn) ? "the frame count jumped ahead" : "disconnected",
                    atS, Counted.of(missingSamples, "sample"),
                    Double.isNaN(rateHz) ? "" : String.format(Locale.ROOT, " (%.3f s)", missingSamples / rateHz),
                    measuredOn);
        }
    }

    private final SerialStream stream;
    private final SampleSink sink;
    private final double bodyMassKg;
    private final Listener listener;
    private final Handler handler = new Handler();

    private RecordingHeader header;
    /** The warnings of the descriptor's metadata, handed on at the end. */
    private final List<String> headerWarnings = new ArrayList<>();
    /**
     * The warnings that come of the descriptor's entries and channels alone (a layout cell not
     * streamed): told at the start, not handed on, as a recording keeps the entries and its
     * reader tells them again, at its lines.
     */
    private final List<String> headerChecks = new ArrayList<>();
    private double rateHz;
    /** The most frames a step of the count may lose to be filled: {@link GapLimit#MAX_FILLED_S} of them. */
    private long maxLostFrames;
    private float[] missing;
    private float[] row;
    private long samples;
    /** NaN rows written for lost frames. */
    private long lostFilled;
    /** NaN rows written for disconnects. */
    private long gapFilled;
    private int gaps;
    private long sampleLimit = Long.MAX_VALUE;

    /**
     * @param stream     the started stream
     * @param sink       receives header, rows and end
     * @param bodyMassKg body mass that wins over the stream's, or NaN
     * @param listener   told about gaps
     */
    public StreamPump(SerialStream stream, SampleSink sink, double bodyMassKg, Listener listener) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.bodyMassKg = bodyMassKg;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Stops taking rows once {@code limit} samples (NaN rows included) have been handed on. */
    public void limitSamples(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("sample limit must be >= 1, got " + limit);
        }
        sampleLimit = limit;
    }

    /**
     * Starts the sink once the stream's descriptor has arrived.
     *
     * @return whether the sink has started
     * @throws SerialPortException when the stream does not state its sample rate
     * @throws IOException         when the descriptor's metadata lines are malformed
     * @throws RuntimeException    what the sink's {@code start} throws (e.g. channels it cannot
     *                             use); the pump then stays unstarted and {@link #finish} does
     *                             not end the sink
     */
    public boolean tryStart() throws IOException {
        if (header != null) {
            return true;
        }
        StreamDescriptor d = stream.descriptor();
        if (d == null) {
            return false;
        }
        String port = stream.name();
        if (!d.hasSampleRate()) {
            long malformed = stream.counters().malformed();
            String rate = "pass it with --rate HZ, or have the firmware print '# sample_rate_hz: <Hz>' before its header";
            if (malformed == 0 && LineDecoder.namedWithoutHeader(d.channelNames())) {
                // most likely a device that printed its header once, before this port was opened, or one
                // whose header was refused (the first line, which no count holds): --rate alone would
                // record channels without names
                String problem = stream.headerProblem();
                throw new SerialPortException(SerialPortException.Kind.NO_RATE, port + ": rows came without a header"
                        + " line (channel names and sample rate): " + (problem != null ? "the line " + problem
                        + "; correct the header, and give the sample rate: " + rate : "the device printed its header before the port was"
                        + " opened (reset it, or start this first), or prints none (then " + rate + ")"));
            }
            throw new SerialPortException(SerialPortException.Kind.NO_RATE, malformed == 0
                    ? port + ": the stream does not state its sample rate: " + rate
                    : port + ": " + malformed + " line" + (malformed == 1 ? "" : "s") + " that did not decode came before a"
                    + " header without a sample rate: " + stream.decodeHint() + "; if they are right, " + rate);
        }
        headerWarnings.clear();
        headerChecks.clear();
        RecordingHeader h = MetadataLines.header(port, d.sampleRateHz(), d.channelNames(), d.properties(), bodyMassKg,
                headerWarnings, headerChecks);
        String headerless = null;
        if (LineDecoder.namedWithoutHeader(d.channelNames())) {
            String problem = stream.headerProblem();
            headerless = port + ": rows came without a header line, so the channels are named " + d.channelNames().get(0)
                    + (d.width() > 1 ? " to " + d.channelNames().get(d.width() - 1) : "") + ": " + (problem != null
                    ? "the line " + problem : "the device printed its header before the port was opened (reset it) or"
                    + " prints none");
            headerWarnings.add(headerless);
        }
        rateHz = h.sampleRateHz();
        maxLostFrames = Math.round(GapLimit.MAX_FILLED_S * rateHz);
        row = new float[d.width()];
        missing = new float[d.width()];
        Arrays.fill(missing, Float.NaN);
        handler.allocateHold(d.width());
        try {
            sink.start(h);
        } catch (IllegalArgumentException e) {
            // channels the sink cannot use: say why they have no names, where they have none
            throw headerless == null ? e : new IllegalArgumentException(e.getMessage() + " (" + headerless + ")", e);
        }
        // only a sink that has started is ended by finish()
        header = h;
        return true;
    }

    /**
     * What the stream's descriptor gave cause to warn of (a body mass replaced, channels without
     * names, a layout cell not streamed), to be told as the stream starts.
     */
    public List<String> headerWarnings() {
        List<String> all = new ArrayList<>(headerWarnings);
        all.addAll(headerChecks);
        return List.copyOf(all);
    }

    /** The header handed to the sink, or null before {@link #tryStart()} succeeded. */
    public RecordingHeader header() {
        return header;
    }

    /**
     * Hands up to {@code limit} waiting rows (and the NaN rows of their gaps) to the sink.
     *
     * @return the number of stream rows taken, 0 when none was waiting
     */
    public int pump(int limit) {
        if (header == null || samples >= sampleLimit) {
            return 0;
        }
        int taken = stream.poll(handler, (int) Math.min(limit, sampleLimit - samples));
        handler.releaseIfHeldSince(System.nanoTime());
        return taken;
    }

    /**
     * Ends a hold of rows after a gap at once ({@link StreamPump}): the gap is filled with what
     * the rows held so far give, and they are handed on. For a consumer that must have every row
     * that came so far, before it decides on them (the end of a recording, a calibration's
     * reading that starts now); {@link #finish} does it too.
     */
    public void releaseHeld() {
        if (header != null) {
            handler.release();
        }
    }

    /** Whether the sample limit has been reached. */
    public boolean limitReached() {
        return samples >= sampleLimit;
    }

    /** Samples handed to the sink so far, NaN rows included. */
    public long samples() {
        return samples;
    }

    /** Missing samples handed to the sink for lost frames and gaps (disconnects, restarts). */
    public long missingSamples() {
        return lostFilled + gapFilled;
    }

    /** Stream time of the next sample, s. */
    public double timeS() {
        return header == null ? 0 : header.startTimeS() + samples / rateHz;
    }

    /**
     * Ends the sink with the warnings of the descriptor's metadata (such as a body mass that the
     * given one overrides), a summary of what the stream lost, and {@code extra} warnings.
     * Does nothing when the sink never started.
     */
    public void finish(List<String> extra) {
        if (header == null) {
            return;
        }
        releaseHeld();
        List<String> warnings = new ArrayList<>(headerWarnings);
        warnings.addAll(summary());
        warnings.addAll(extra);
        sink.end(warnings);
    }

    /** One-line remarks on what the stream lost, empty when nothing was. */
    public List<String> summary() {
        StreamStatus s = stream.status();
        List<String> out = new ArrayList<>();
        if (s.lostFrames() > 0 || s.crcErrors() > 0 || s.malformed() > 0 || s.overruns() > 0 || gaps > 0) {
            // gaps, not disconnects: a device that restarts leaves one without any disconnect of the port
            out.add(String.format(Locale.ROOT, "%s: %s lost (%s filled with missing samples), %s, %d malformed, %s, %s"
                            + " after a disconnect or a restart of the device (%s filled)", stream.name(),
                    Counted.of(s.lostFrames(), "frame"), Counted.of(lostFilled, "row"), Counted.of(s.crcErrors(), "CRC error"),
                    s.malformed(), Counted.of(s.overruns(), "overrun"), Counted.of(gaps, "gap"),
                    Counted.of(gapFilled, "row")));
        }
        return out;
    }

    /** Hands {@code count} missing rows to the sink, as many as the sample limit leaves room for; returns how many. */
    private long fill(long count) {
        long n = Math.min(count, sampleLimit - samples);
        for (long i = 0; i < n; i++) {
            sink.accept(missing);
        }
        samples += n;
        return n;
    }

    /**
     * Gap filling, per row. The rows after a gap measured on receive times wait in a hold until
     * the gap is known ({@link StreamPump}).
     */
    private final class Handler implements RowHandler {
        private boolean first = true;
        private long lastSequence;
        private long lastDeviceTimeUs;
        private long lastReceivedNanos;

        private float[][] heldRows;
        /** Whether each held row stands for a lost frame (NaN). */
        private boolean[] heldLost;
        private int held;
        private boolean holding;
        private long holdFromNanos;
        /** Receive time of the last row before the gap. */
        private long gapFromNanos;
        private long leastMissing;
        private boolean holdRestarted;
        private double holdAtS;
        private String holdMeasuredOn;

        void allocateHold(int width) {
            int capacity = (int) Math.max(2, Math.ceil(MAX_HELD_S * rateHz));
            heldRows = new float[capacity][width];
            heldLost = new boolean[capacity];
        }

        @Override
        public void onRow(SampleRow r) {
            if (samples >= sampleLimit) {
                return;
            }
            if (!first) {
                long step = r.sequence() - lastSequence;
                // a count that jumps further than any dropout lasts is no loss: its gap is measured
                // on the receive times, as a restart's is, instead of filling what the count says
                boolean jumped = !r.has(SampleRow.AFTER_RECONNECT) && step - 1 > maxLostFrames;
                boolean restarted = r.has(SampleRow.AFTER_RESTART) || jumped;
                if (r.has(SampleRow.AFTER_RECONNECT) || restarted) {
                    release();
                    long deviceStep = r.deviceTimeUs() != FrameSink.NO_TIME && lastDeviceTimeUs != FrameSink.NO_TIME
                            ? r.deviceTimeUs() - lastDeviceTimeUs : -1;
                    boolean onDevice = !restarted && deviceStep > 0 && deviceStep < MAX_DEVICE_GAP_US;
                    String measuredOn = jumped ? Listener.COUNT_JUMPED : restarted ? Listener.RESTARTED
                            : onDevice ? "device clock" : "receive time";
                    if (onDevice) {
                        gap(timeS(), Math.round(deviceStep / 1e6 * rateHz) - 1, measuredOn);
                    } else {
                        startHold(r.receivedNanos(), restarted, measuredOn);
                    }
                } else if (step > 1) {
                    if (holding) {
                        holdLost(step - 1);
                    } else {
                        lostFilled += fill(step - 1);
                    }
                }
            }
            first = false;
            lastSequence = r.sequence();
            lastDeviceTimeUs = r.deviceTimeUs();
            lastReceivedNanos = r.receivedNanos();
            if (samples >= sampleLimit) {
                return;
            }
            if (holding) {
                hold(r);
                return;
            }
            r.copyValues(row, 0);
            sink.accept(row);
            samples++;
        }

        /** Fills a gap of {@code count} missing samples (as many as the sample limit leaves) and tells the listener. */
        private void gap(double atS, long count, String measuredOn) {
            gaps++;
            // a sample limit (--duration) that ends within the gap leaves only part of it
            long filled = fill(Math.max(0, count));
            gapFilled += filled;
            listener.onGap(atS, filled, measuredOn);
        }

        private void startHold(long receivedNanos, boolean restarted, String measuredOn) {
            holding = true;
            held = 0;
            holdFromNanos = receivedNanos;
            gapFromNanos = lastReceivedNanos;
            leastMissing = Long.MAX_VALUE;
            holdRestarted = restarted;
            holdAtS = timeS();
            holdMeasuredOn = measuredOn;
        }

        /** Holds row {@code r} back, with what its receive time says of the gap. */
        private void hold(SampleRow r) {
            if (held == heldRows.length) {
                release();
                r.copyValues(row, 0);
                sink.accept(row);
                samples++;
                return;
            }
            r.copyValues(heldRows[held], 0);
            heldLost[held] = false;
            leastMissing = Math.min(leastMissing,
                    Math.round((r.receivedNanos() - gapFromNanos) / 1e9 * rateHz) - held - 1);
            held++;
            if (r.receivedNanos() - holdFromNanos >= HOLD_NANOS || held == heldRows.length) {
                release();
            }
        }

        /** Holds {@code count} rows of lost frames back, as far as the hold has room; the rest are filled when it ends. */
        private void holdLost(long count) {
            for (long k = 0; k < count; k++) {
                if (held == heldRows.length) {
                    release();
                    lostFilled += fill(count - k);
                    return;
                }
                System.arraycopy(missing, 0, heldRows[held], 0, missing.length);
                heldLost[held] = true;
                held++;
            }
        }

        /** Ends a hold that has lasted {@link #HOLD_S} s by {@code nowNanos}, also where no row has come since its first. */
        void releaseIfHeldSince(long nowNanos) {
            if (holding && nowNanos - holdFromNanos >= HOLD_NANOS) {
                release();
            }
        }

        /** Fills the held gap with the least count the held rows give, then hands them on; nothing when not holding. */
        void release() {
            if (!holding) {
                return;
            }
            holding = false;
            long count = leastMissing == Long.MAX_VALUE ? 0 : leastMissing;
            gap(holdAtS, Math.max(holdRestarted ? 1 : 0, count), holdMeasuredOn);
            for (int k = 0; k < held && samples < sampleLimit; k++) {
                sink.accept(heldRows[k]);
                samples++;
                lostFilled += heldLost[k] ? 1 : 0;
            }
            held = 0;
        }
    }
}
