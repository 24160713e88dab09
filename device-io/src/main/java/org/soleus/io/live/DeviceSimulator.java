package org.soleus.io.live;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.ChannelSpec;
import org.soleus.io.codec.LineEncoder;
import org.soleus.io.codec.Protocol;
import org.soleus.io.codec.StreamDescriptor;
import org.soleus.io.format.MetadataLines;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.LinkOpener;
import org.soleus.io.serial.SerialPortException;

/**
 * Plays a recording as a device would: in real time (or faster), in the line or binary
 * protocol, optionally corrupting bytes and dropping frames, so that recorders and live
 * analysis can be tested and shown without hardware.
 *
 * <p>What is sent: every channel as a float (binary encoding {@code float32}, scale 1; line
 * protocol values in their shortest exact decimal form), so that the receiver gets exactly the
 * recording's samples; the device clock is {@code round(i × 10⁶ / rate)} µs for sample
 * {@code i}. Binary: a {@code 0x00}, the descriptor (repeated every second of samples) and one
 * frame per sample; line: metadata lines, a {@code time_us} header line and one row per sample.
 * The descriptor's metadata lines carry the recording's start time, body mass, insole layouts
 * and properties ({@link MetadataLines}).
 *
 * <p>Faults: with {@code corruptRate} each byte after the first descriptor or header is
 * replaced by another value with that probability; with {@code dropRate} each sample frame is
 * left out with that probability (the sequence counter still advances). When the port goes
 * away the simulated device keeps its clock running, reopens the port every 0.1 s and resumes
 * with the sample that is due, after a fresh delimiter and descriptor (or header).
 *
 * <p>A port that nobody reads: like a sensor, which keeps its own clock and loses the frames
 * nobody takes, the simulator never waits on the port. Bytes go out through a writer thread
 * ({@link ChunkWriter}) while the simulator keeps to its timetable, collecting the next bytes
 * in a 16 kB buffer; when that is full and the port has still not taken the bytes before, each
 * further sample frame is dropped (counted in {@link Result#framesUnread()}) until it does.
 * Played as fast as possible (speed 0) there is no timetable: the simulator waits for the port,
 * but at most {@value #STALL_MILLIS} ms before it drops frames in the same way. At the end it
 * waits as long for the last bytes to leave (unless the port is taking nothing then); those
 * that do not leave count as unread.
 *
 * <p>Not thread-safe; {@link #run} blocks until the recording has been played.
 */
public final class DeviceSimulator {
    private static final long NANOS_PER_S = 1_000_000_000L;
    private static final int WRITE_BUFFER_BYTES = 1 << 14;
    private static final long REOPEN_INTERVAL_NANOS = 100_000_000L;
    /** How long the port may take no bytes, when the simulator has to wait for it, before frames are dropped. */
    private static final long STALL_MILLIS = 1_000;
    private static final long STALL_NANOS = STALL_MILLIS * 1_000_000L;

    /** Told about the port, on the thread that plays. */
    @FunctionalInterface
    public interface Listener {
        /**
         * The port stopped taking bytes (nobody reads the other end) and the first sample frame
         * was dropped for it; called once per run.
         */
        void onPortFull();

        /** The port went away (a write failed) at recording time {@code atS}, s; reopening it begins. */
        default void onPortLost(double atS) {
        }

        /** The port is back after {@code goneS} s; playing resumes at the sample due now. */
        default void onPortBack(double goneS) {
        }
    }

    /**
     * How to play.
     *
     * @param protocol          the wire protocol
     * @param speed             playback speed: 1 is real time, 10 ten times faster, 0 as fast
     *                          as the port takes
     * @param corruptRate       probability that a byte is replaced, 0 to 0.1
     * @param dropRate          probability that a sample frame is left out, 0 to 0.5
     * @param seed              seed of the fault generator
     * @param reconnectTimeoutS how long to keep reopening a lost port before giving up, s
     */
    public record Settings(Protocol protocol, double speed, double corruptRate, double dropRate, long seed,
                           double reconnectTimeoutS) {
        /** The largest probability that a byte is replaced. */
        public static final double MAX_CORRUPT_RATE = 0.1;
        /** The largest probability that a sample frame is left out. */
        public static final double MAX_DROP_RATE = 0.5;

        public Settings {
            Objects.requireNonNull(protocol, "protocol");
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed must be >= 0 (0 = as fast as possible), got " + speed);
            }
            if (!(corruptRate >= 0 && corruptRate <= MAX_CORRUPT_RATE)) {
                throw new IllegalArgumentException("corruption rate must be within 0 .. " + MAX_CORRUPT_RATE
                        + " per byte, got " + corruptRate);
            }
            if (!(dropRate >= 0 && dropRate <= MAX_DROP_RATE)) {
                throw new IllegalArgumentException("drop rate must be within 0 .. " + MAX_DROP_RATE + " per frame, got "
                        + dropRate);
            }
            if (!(reconnectTimeoutS >= 0)) {
                throw new IllegalArgumentException("reconnect timeout must be >= 0 s, got " + reconnectTimeoutS);
            }
        }
    }

    /**
     * What was played.
     *
     * @param samples         samples in the recording
     * @param framesSent      sample frames written (those in a write that failed as the port
     *                        went away included)
     * @param framesDropped   sample frames left out on purpose
     * @param framesUnsent    sample frames due while the port was gone
     * @param framesUnread    sample frames dropped because the port took no more bytes (nobody
     *                        read the other end), and those it had not taken at the end
     * @param framesCorrupted frames (descriptors included) with at least one replaced byte
     * @param bytesCorrupted  bytes replaced
     * @param bytesSent       bytes written
     * @param reconnects      times the port was reopened
     * @param portLost        why playing stopped early: the port was gone for longer than the
     *                        reconnect timeout (null when it was not)
     * @param framesNotPlayed sample frames not played because the port stayed gone (those due
     *                        after the reconnect timeout ran out)
     */
    public record Result(long samples, long framesSent, long framesDropped, long framesUnsent, long framesUnread,
                         long framesCorrupted, long bytesCorrupted, long bytesSent, int reconnects,
                         SerialPortException portLost, long framesNotPlayed) {
    }

    private final Recording recording;
    private final Settings settings;
    private final StreamDescriptor descriptor;
    private final float[][] columns;
    private final SplittableRandom random;
    private final byte[] out;
    private final BinaryEncoder binary;
    private final LineEncoder line;
    private final byte[] lineHeader;
    private final int maxFrameBytes;

    private int length;
    private long untilCorrupt;
    private boolean corruptFrame;
    private long framesCorrupted;
    private long bytesCorrupted;
    /** Bytes written by the writers of this run so far (those of a writer still open not yet added). */
    private long bytesSent;
    /** Sample frames in {@code out}. */
    private long framesPending;
    /** Sample frames in the chunk handed to the writer last. */
    private long framesHanded;

    /**
     * @throws IllegalArgumentException when the recording cannot travel in the protocol (a rate
     *                                  that is not a whole number of mHz in the binary protocol)
     */
    public DeviceSimulator(Recording recording, Settings settings) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.settings = Objects.requireNonNull(settings, "settings");
        List<Channel> channels = recording.channels();
        RecordingHeader header = new RecordingHeader(recording.source(), recording.sampleRateHz(), recording.startTimeS(),
                recording.channelNames(), recording.metadata());
        this.descriptor = new StreamDescriptor(recording.sampleRateHz(),
                channels.stream().map(c -> ChannelSpec.ofFloat(c.name())).toList(), MetadataLines.of(header));
        this.columns = new float[channels.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = channels.get(c).samples();
        }
        this.random = new SplittableRandom(settings.seed());
        if (settings.protocol() == Protocol.BINARY) {
            binary = new BinaryEncoder(descriptor);
            line = null;
            lineHeader = null;
            maxFrameBytes = Math.max(binary.descriptorFrameBytes(), binary.sampleFrameBytes()) + 1;
        } else {
            binary = null;
            line = new LineEncoder(descriptor, ',', true);
            lineHeader = line.header();
            maxFrameBytes = Math.max(line.maxRowBytes(), lineHeader.length);
        }
        this.out = new byte[Math.max(WRITE_BUFFER_BYTES, 2 * maxFrameBytes)];
        this.untilCorrupt = nextCorruptGap();
    }

    /** The descriptor the simulated device declares. */
    public StreamDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Plays the recording once.
     *
     * @param opener   opens (and reopens) the port
     * @param stop     checked between frames: true stops playing early
     * @param listener told when the port stops taking bytes
     * @return what was played; a port gone for longer than the reconnect timeout ends the playing
     *         with {@link Result#portLost()}
     * @throws SerialPortException when the port cannot be opened
     */
    public Result run(LinkOpener opener, BooleanSupplier stop, Listener listener) throws SerialPortException {
        ChunkWriter writer = new ChunkWriter(opener.open(), out.length);
        int reconnects = 0;
        long sent = 0;
        long dropped = 0;
        long unsent = 0;
        long unread = 0;
        boolean stalled = false;
        int n = recording.length();
        double rateHz = recording.sampleRateHz();
        long startNanos = System.nanoTime();
        long periodNanos = settings.speed() > 0 ? (long) (NANOS_PER_S / (rateHz * settings.speed())) : 0;
        int descriptorEvery = Math.max(1, (int) Math.round(rateHz));
        float[] values = new float[columns.length];
        SerialPortException portLost = null;
        long notPlayed = 0;
        try {
            beginStream(0, deviceTimeUs(0), true);
            for (int i = 0; i < n && !stop.getAsBoolean(); i++) {
                if (periodNanos > 0) {
                    long due = startNanos + i * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0 && writer != null) {
                        // ahead of time: what the port takes now leaves now; a busy port keeps the bytes
                        handOver(writer, 0);
                        if (writer.failed()) {
                            writer = lost(writer);
                        } else {
                            LockSupport.parkNanos(wait);
                        }
                    }
                }
                if (writer == null) {
                    long lostAt = System.nanoTime();
                    listener.onPortLost(i / rateHz);
                    ByteLink link;
                    try {
                        link = reopen(opener, lostAt, stop);
                    } catch (SerialPortException e) {
                        portLost = e;
                        link = null;
                    }
                    // the samples that fell due while the port was gone (until now, also when stopped meanwhile)
                    int resume = periodNanos > 0 ? (int) Math.min(n, (System.nanoTime() - startNanos) / periodNanos) : i;
                    unsent += Math.max(0, resume - i);
                    if (link == null) {
                        notPlayed = portLost != null ? n - Math.max(i, resume) : 0;
                        break;
                    }
                    listener.onPortBack((System.nanoTime() - lostAt) / 1e9);
                    writer = new ChunkWriter(link, out.length);
                    reconnects++;
                    i = Math.max(i, resume);
                    if (i >= n) {
                        break;
                    }
                    length = 0;
                    framesPending = 0;
                    beginStream(i, deviceTimeUs(i), false);
                }
                if (out.length - length < 2 * maxFrameBytes) {
                    if (!handOver(writer, periodNanos == 0 && !stalled ? STALL_NANOS : 0)) {
                        if (writer.failed()) {
                            writer = lost(writer);
                            i--;
                            continue;
                        }
                        // the buffer is full and the port takes nothing: the frame is lost, as a sensor's is
                        if (unread == 0) {
                            listener.onPortFull();
                        }
                        stalled = true;
                        unread++;
                        continue;
                    }
                    stalled = false;
                }
                if (binary != null && i > 0 && i % descriptorEvery == 0) {
                    frame(binary.encodeDescriptor(i, deviceTimeUs(i), out, length));
                }
                if (settings.dropRate() > 0 && random.nextDouble() < settings.dropRate()) {
                    dropped++;
                } else {
                    for (int c = 0; c < values.length; c++) {
                        values[c] = columns[c][i];
                    }
                    frame(binary != null ? binary.encodeSamples(i, deviceTimeUs(i), values, out, length)
                            : line.encodeRow(deviceTimeUs(i), values, out, length));
                    framesPending++;
                    sent++;
                }
            }
            if (writer != null) {
                // the last bytes: those the port does not take in time (none if it takes nothing now) were not read
                boolean handed = handOver(writer, stalled ? 0 : STALL_NANOS);
                if (!writer.failed()) {
                    long notTaken = handed ? 0 : framesPending;
                    if (!writer.awaitIdle(handed && !stalled ? STALL_NANOS : 0)) {
                        notTaken += framesHanded;
                    }
                    sent -= notTaken;
                    unread += notTaken;
                }
            }
        } finally {
            if (writer != null) {
                bytesSent += writer.bytesWritten();
                writer.close();
            }
        }
        return new Result(n, sent, dropped, unsent, unread, framesCorrupted, bytesCorrupted, bytesSent, reconnects,
                portLost, notPlayed);
    }

    private long deviceTimeUs(int i) {
        return Math.round(recording.startTimeS() * 1e6) + Math.round(i * 1e6 / recording.sampleRateHz());
    }

    /** Writes the stream's start: a delimiter and the descriptor, or the header lines; never corrupted. */
    private void beginStream(int nextSample, long timeUs, boolean first) {
        if (binary != null) {
            out[length++] = 0;
            length = binary.encodeDescriptor(nextSample, timeUs, out, length);
        } else {
            if (!first) {
                out[length++] = '\n';
            }
            System.arraycopy(lineHeader, 0, out, length, lineHeader.length);
            length += lineHeader.length;
        }
    }

    /** Corrupts the bytes of the frame just encoded into {@code out[length .. end)}. */
    private void frame(int end) {
        if (settings.corruptRate() > 0) {
            corruptFrame = false;
            for (int p = length; p < end; ) {
                long left = end - p;
                if (untilCorrupt >= left) {
                    untilCorrupt -= left;
                    break;
                }
                p += (int) untilCorrupt;
                out[p] = (byte) (out[p] ^ (1 + random.nextInt(255)));
                bytesCorrupted++;
                corruptFrame = true;
                p++;
                untilCorrupt = nextCorruptGap();
            }
            if (corruptFrame) {
                framesCorrupted++;
            }
        }
        length = end;
    }

    /** Bytes to skip before the next corrupted one: geometric with the corruption rate. */
    private long nextCorruptGap() {
        double p = settings.corruptRate();
        if (p <= 0) {
            return Long.MAX_VALUE;
        }
        double u = 1.0 - random.nextDouble();
        return (long) Math.floor(Math.log(u) / Math.log1p(-p));
    }

    /**
     * Hands the bytes collected in {@code out} to the writer once it has written the chunk
     * before, waiting at most {@code waitNanos} for that.
     *
     * @return whether {@code out} is empty now
     */
    private boolean handOver(ChunkWriter writer, long waitNanos) {
        if (length == 0) {
            return true;
        }
        if (!writer.offer(out, length, waitNanos)) {
            return false;
        }
        framesHanded = framesPending;
        framesPending = 0;
        length = 0;
        return true;
    }

    /** Closes the writer of a link that went away; the bytes not yet written are lost with it. */
    private ChunkWriter lost(ChunkWriter writer) {
        bytesSent += writer.bytesWritten();
        writer.close();
        length = 0;
        framesPending = 0;
        return null;
    }

    private ByteLink reopen(LinkOpener opener, long lostAt, BooleanSupplier stop) throws SerialPortException {
        SerialPortException last = null;
        while (!stop.getAsBoolean()) {
            LockSupport.parkNanos(REOPEN_INTERVAL_NANOS);
            try {
                return opener.open();
            } catch (SerialPortException e) {
                last = e;
            }
            if (System.nanoTime() - lostAt > settings.reconnectTimeoutS() * NANOS_PER_S) {
                throw last;
            }
        }
        return null;
    }
}
