package org.soleus.io.codec;

import static org.soleus.io.codec.BinaryFormat.FLOAT;
import static org.soleus.io.codec.BinaryFormat.INT;
import static org.soleus.io.codec.BinaryFormat.SHORT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.soleus.core.events.EventTiming;
import org.soleus.core.recording.ChannelName;

/**
 * Decodes the binary protocol ({@link BinaryFormat}, {@code docs/serial-protocol.md}): COBS
 * frames delimited by {@code 0x00}, each checked with its CRC-32C before anything in it is
 * used, so a damaged frame is never handed on.
 *
 * <p>Resynchronisation: the COBS decoding runs byte by byte into a reused frame buffer; a
 * {@code 0x00} always ends the current frame, so after garbage, a cut frame or a lost byte
 * decoding resumes with the next frame. Bytes before the first delimiter after construction or
 * {@link #reset()} belong to a frame whose start was missed and are skipped without counting.
 *
 * <p>Counting ({@link #counters()}): every non-empty piece between two delimiters that is not
 * a frame counts once, as a CRC error (right length, wrong checksum) or as malformed (not valid
 * COBS, shorter than a header and CRC, longer than {@value BinaryFormat#MAX_FRAME_BYTES} bytes,
 * an unknown message type, a payload that does not match the descriptor). Lost frames are the
 * gaps in the sequence numbers of the intact sample frames, but for a jump across which the
 * device's clock goes on by one period (±25 %): no sample is missing there, whatever the count
 * says (a firmware that counts its descriptors too). A descriptor carries the sequence
 * number of the next sample frame; one with sequence 0 after others marks a device restart,
 * across which no loss is counted, unless the sample frame after it goes on with the count (a
 * firmware that gives every descriptor sequence 0). A sample frame whose number repeats the last one's or lies
 * up to {@value #MAX_LATE_FRAMES} behind it (sent twice, or overtaken) is dropped and counted as
 * malformed: its samples are in the stream already; one further behind starts the count anew
 * as a restart does (a device that restarted without a descriptor), so that the step back is
 * not read as four billion frames lost.
 *
 * <p>No allocation per frame; a new descriptor allocates its parsed form, a repeated one
 * nothing. Not thread-safe.
 */
public final class BinaryDecoder implements StreamDecoder {
    private static final int INT16 = 0;
    private static final int UINT16 = 1;
    private static final int INT32 = 2;
    private static final int FLOAT32 = 3;

    /** A step of the 32-bit count from this on (half its range) goes back rather than ahead. */
    private static final long BACKWARD_FROM = 1L << 31;
    /**
     * How far back the count of a sample frame may lie behind the last one and still be a late or
     * repeated frame (dropped), rather than a count that began anew (a restart).
     */
    private static final long MAX_LATE_FRAMES = 64;

    private final byte[] frame = new byte[BinaryFormat.MAX_FRAME_BYTES];
    private final CRC32C crc = new CRC32C();
    private final DecoderCounters counters = new DecoderCounters();

    private int length;
    private int blockRemaining;
    private boolean zeroPending;
    private boolean started;
    private boolean discarding;
    /** No delimiter has come yet: the piece under way may have begun before the link was read. */
    private boolean atStart;

    private boolean haveSequence;
    private boolean restarted;
    private long lastRawSequence;
    private long sequence;
    private boolean haveTime;
    private long lastRawTime;
    private long timeUs;

    private StreamDescriptor descriptor;
    private byte[] descriptorPayload = new byte[0];
    private int[] kinds = new int[0];
    private double[] scales = new double[0];
    private double[] offsets = new double[0];
    private boolean[] identity = new boolean[0];
    private int payloadBytes;
    private float[] values = new float[0];
    /** A descriptor with sequence 0 came after sample frames: the next sample frame says whether it was a restart. */
    private boolean restartPending;
    /** Why the last descriptor refused was refused, or null; read by other threads. */
    private volatile String descriptorProblem;
    /** The rate the user gives ({@code --rate}), which wins over the descriptors', or NaN. */
    private final double rateOverrideHz;
    /** Whether the user gives the event timing, so that a descriptor's is left out. */
    private final boolean eventTimingGiven;

    /** A decoder that waits for the first delimiter, then for a descriptor. */
    public BinaryDecoder() {
        this(Double.NaN);
    }

    /**
     * A decoder whose streams run at {@code sampleRateHz} whatever their descriptors state (a
     * descriptor may state none), or at the descriptors' rate where it is NaN.
     */
    public BinaryDecoder(double sampleRateHz) {
        this(sampleRateHz, false);
    }

    /**
     * As {@link #BinaryDecoder(double)}; where {@code eventTimingGiven} (the user gives the
     * timing, {@code --event-timing}), a descriptor's {@code event_timing} is left out rather than
     * taken, and a value that names no timing refuses nothing.
     */
    public BinaryDecoder(double sampleRateHz, boolean eventTimingGiven) {
        this.rateOverrideHz = sampleRateHz;
        this.eventTimingGiven = eventTimingGiven;
        atStart = true;
    }

    @Override
    public DecoderCounters counters() {
        return counters;
    }

    /** The last descriptor received, or null. */
    public StreamDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void reset() {
        length = 0;
        blockRemaining = 0;
        zeroPending = false;
        started = false;
        discarding = false;
        atStart = true;
        haveSequence = false;
        restarted = false;
        haveTime = false;
    }

    @Override
    public void decode(byte[] buffer, int offset, int len, FrameSink sink) {
        if (offset < 0 || len < 0 || offset + len > buffer.length) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + len) + ") is outside a buffer of length "
                    + buffer.length);
        }
        counters.bytes += len;
        byte[] f = frame;
        int end = offset + len;
        int i = offset;
        while (i < end) {
            int b = buffer[i++] & 0xFF;
            if (b == 0) {
                endOfFrame(sink);
                continue;
            }
            if (discarding) {
                continue;
            }
            if (blockRemaining == 0) {
                if (zeroPending) {
                    if (length == f.length) {
                        overflow();
                        continue;
                    }
                    f[length++] = 0;
                }
                blockRemaining = b - 1;
                zeroPending = b != 0xFF;
                started = true;
                continue;
            }
            int run = Math.min(blockRemaining, end - i + 1);
            if (length + run > f.length) {
                overflow();
                continue;
            }
            f[length++] = (byte) b;
            blockRemaining--;
            int stop = i + run - 1;
            while (i < stop) {
                byte c = buffer[i];
                if (c == 0) {
                    break;
                }
                f[length++] = c;
                i++;
                blockRemaining--;
            }
        }
        counters.publish();
    }

    private void overflow() {
        if (!atStart) {
            counters.malformed++;
        }
        discarding = true;
        started = false;
    }

    private void endOfFrame(FrameSink sink) {
        boolean first = atStart;
        atStart = false;
        boolean complete = started && !discarding;
        boolean cut = blockRemaining != 0;
        int n = length;
        length = 0;
        blockRemaining = 0;
        zeroPending = false;
        started = false;
        discarding = false;
        if (!complete) {
            return;
        }
        boolean intact = !cut && n >= BinaryFormat.MIN_FRAME_BYTES;
        if (intact) {
            crc.reset();
            crc.update(frame, 0, n - BinaryFormat.CRC_BYTES);
            intact = (int) crc.getValue() == (int) INT.get(frame, n - BinaryFormat.CRC_BYTES);
        }
        if (!intact) {
            // the piece before the first delimiter is most likely the tail of a frame sent before
            // the port was opened: not counted; a whole first frame (a device that sends no 0x00
            // before it) is taken
            if (!first) {
                if (cut || n < BinaryFormat.MIN_FRAME_BYTES) {
                    counters.malformed++;
                } else {
                    counters.crcErrors++;
                }
            }
            return;
        }
        int type = frame[0] & 0xFF;
        long rawSequence = Integer.toUnsignedLong((int) INT.get(frame, 1));
        long rawTime = Integer.toUnsignedLong((int) INT.get(frame, 5));
        int payloadEnd = n - BinaryFormat.CRC_BYTES;
        if (type == BinaryFormat.TYPE_SAMPLES) {
            samples(rawSequence, rawTime, payloadEnd, sink);
        } else if (type == BinaryFormat.TYPE_DESCRIPTOR) {
            StreamDescriptor d = repeatsDescriptor(payloadEnd) ? descriptor : parseDescriptor(payloadEnd);
            if (d == null) {
                counters.malformed++;
                return;
            }
            if (d != descriptor) {
                descriptorPayload = Arrays.copyOfRange(frame, BinaryFormat.HEADER_BYTES, payloadEnd);
            }
            // a restart, unless the next sample frame goes on with the count (a firmware that
            // gives every descriptor sequence 0): the next frame tells
            restartPending = rawSequence == 0 && haveSequence && lastRawSequence != 0xFFFFFFFFL;
            counters.descriptors++;
            install(d);
            counters.publish();   // before the descriptor: a consumer that sees it sees the counts up to it
            sink.onDescriptor(d);
        } else {
            counters.malformed++;
        }
    }

    private void samples(long rawSequence, long rawTime, int payloadEnd, FrameSink sink) {
        if (restartPending) {
            restartPending = false;
            if (rawSequence != ((lastRawSequence + 1) & 0xFFFFFFFFL)) {
                haveSequence = false;
                restarted = true;
                haveTime = false;
                sink.onRestart();
            }
        }
        if (!haveSequence) {
            haveSequence = true;
            sequence = restarted ? sequence + 1 : rawSequence;
            restarted = false;
        } else {
            long step = (rawSequence - lastRawSequence) & 0xFFFFFFFFL;
            long back = step == 0 ? 0 : step >= BACKWARD_FROM ? (1L << 32) - step : -1;
            if (back >= 0 && back <= MAX_LATE_FRAMES) {
                // a frame sent twice, or one overtaken by later ones: its samples are in the stream already
                counters.malformed++;
                return;
            }
            if (back > 0) {
                // the count began anew without the descriptor that says so: a restart, no loss
                haveTime = false;
                sink.onRestart();
                step = 1;
            } else if (step > 1 && clockStepsOnePeriod(rawTime)) {
                // the count jumped while the device's clock went on by one period: no sample was
                // lost (a firmware that also counts its descriptors, say), so no gap is invented
                step = 1;
            } else if (step > 1) {
                counters.lostFrames += step - 1;
            }
            sequence += step;
        }
        lastRawSequence = rawSequence;
        if (!haveTime) {
            haveTime = true;
            timeUs = rawTime;
        } else {
            timeUs += (rawTime - lastRawTime) & 0xFFFFFFFFL;
        }
        lastRawTime = rawTime;
        if (descriptor == null) {
            counters.undescribed++;
            return;
        }
        if (payloadEnd - BinaryFormat.HEADER_BYTES != payloadBytes) {
            counters.malformed++;
            return;
        }
        byte[] f = frame;
        float[] v = values;
        int p = BinaryFormat.HEADER_BYTES;
        for (int c = 0; c < v.length; c++) {
            switch (kinds[c]) {
                case INT16 -> {
                    short raw = (short) SHORT.get(f, p);
                    p += 2;
                    v[c] = raw == Short.MIN_VALUE ? Float.NaN : scaled(raw, c);
                }
                case UINT16 -> {
                    int raw = Short.toUnsignedInt((short) SHORT.get(f, p));
                    p += 2;
                    v[c] = raw == 0xFFFF ? Float.NaN : scaled(raw, c);
                }
                case INT32 -> {
                    int raw = (int) INT.get(f, p);
                    p += 4;
                    v[c] = raw == Integer.MIN_VALUE ? Float.NaN : scaled(raw, c);
                }
                default -> {
                    float raw = (float) FLOAT.get(f, p);
                    p += 4;
                    v[c] = identity[c] ? raw : (float) (raw * scales[c] + offsets[c]);
                }
            }
        }
        counters.frames++;
        sink.onFrame(sequence, timeUs, v);
    }

    private float scaled(int raw, int c) {
        return identity[c] ? (float) raw : (float) (raw * scales[c] + offsets[c]);
    }

    private void install(StreamDescriptor d) {
        if (d.equals(descriptor)) {
            return;
        }
        descriptor = d;
        int width = d.width();
        kinds = new int[width];
        scales = new double[width];
        offsets = new double[width];
        identity = new boolean[width];
        values = new float[width];
        int bytes = 0;
        for (int c = 0; c < width; c++) {
            ChannelSpec spec = d.channels().get(c);
            kinds[c] = switch (spec.encoding()) {
                case INT16 -> INT16;
                case UINT16 -> UINT16;
                case INT32 -> INT32;
                case FLOAT32 -> FLOAT32;
            };
            scales[c] = spec.scale();
            offsets[c] = spec.offset();
            identity[c] = spec.isIdentity();
            bytes += spec.encoding().bytes();
        }
        payloadBytes = bytes;
    }

    /** Whether {@code frame[HEADER_BYTES .. end)} is the payload of the descriptor in force (a repeat). */
    private boolean repeatsDescriptor(int end) {
        return descriptor != null && Arrays.equals(frame, BinaryFormat.HEADER_BYTES, end, descriptorPayload, 0,
                descriptorPayload.length);
    }

    /** Whether the device's clock, at {@code rawTime}, went on by one period (±25 %) from the frame before. */
    private boolean clockStepsOnePeriod(long rawTime) {
        if (!haveTime || descriptor == null || !descriptor.hasSampleRate()) {
            return false;
        }
        double periods = ((rawTime - lastRawTime) & 0xFFFFFFFFL) * descriptor.sampleRateHz() / 1e6;
        return Math.abs(periods - 1) <= 0.25;
    }

    /** The descriptor in {@code frame[HEADER_BYTES .. end)}, or null when it is malformed (and {@link #refusedDescriptor} says why). */
    private StreamDescriptor parseDescriptor(int end) {
        DescriptorReader r = new DescriptorReader(frame, BinaryFormat.HEADER_BYTES, end);
        int version = r.u8();
        if (version != BinaryFormat.VERSION) {
            return refused("protocol version " + version + ", expected " + BinaryFormat.VERSION);
        }
        long rateMilliHz = r.u32();
        int count = r.u16();
        if (r.failed || count == 0 || count > BinaryFormat.MAX_CHANNELS) {
            return refused(r.failed ? "it ends before its channel count" : "channel count " + count + ", expected 1 to "
                    + BinaryFormat.MAX_CHANNELS);
        }
        List<ChannelSpec> channels = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int code = r.u8();
            SampleEncoding encoding = SampleEncoding.fromCode(code);
            double scale = r.f32();
            double offset = r.f32();
            String name = r.text(r.u8());
            String channel = "channel " + (c + 1);
            if (r.failed) {
                return refused("it ends inside " + channel);
            }
            if (encoding == null) {
                return refused(channel + " ('" + name + "'): unknown encoding " + code);
            }
            if (!ChannelName.isValid(name)) {
                return refused(channel + ": '" + name + "' is not a channel name of the form"
                        + " <side>.<place>.<quantity>_<unit>, lower case");
            }
            if (!Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
                return refused(channel + " ('" + name + "'): scale " + scale + " and offset " + offset
                        + ", expected finite numbers and a scale other than 0");
            }
            channels.add(new ChannelSpec(ChannelName.parse(name), encoding, scale, offset));
        }
        int propertyCount = r.u16();
        Map<String, String> properties = new LinkedHashMap<>();
        for (int k = 0; k < propertyCount && !r.failed; k++) {
            String key = r.text(r.u8());
            String value = r.text(r.u16());
            properties.put(key, value);
        }
        if (r.failed || r.position != end || properties.size() != propertyCount) {
            return refused(r.failed || r.position > end ? "it ends inside its properties"
                    : properties.size() != propertyCount ? "a property key given twice"
                    : (end - r.position) + " bytes after its properties");
        }
        if (eventTimingGiven) {
            properties.remove(EventTiming.PROPERTY);
        }
        try {
            double statedHz = rateMilliHz == 0 ? Double.NaN : rateMilliHz / 1000.0;
            return new StreamDescriptor(Double.isNaN(rateOverrideHz) ? statedHz : rateOverrideHz, channels, properties);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
    }

    /** Notes why a descriptor was refused, for {@link #refusedDescriptor}; returns null, the refusal. */
    private StreamDescriptor refused(String why) {
        descriptorProblem = why;
        return null;
    }

    /** Why the last descriptor that was refused was refused, or null when none was. */
    @Override
    public String refusedDescriptor() {
        String why = descriptorProblem;
        return why == null ? null : "the device's descriptor was refused: " + why;
    }

    /** Bounds-checked little-endian reads from a descriptor payload; {@link #failed} on overrun. */
    private static final class DescriptorReader {
        private final byte[] bytes;
        private final int end;
        private int position;
        private boolean failed;

        DescriptorReader(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.position = from;
            this.end = end;
        }

        private boolean take(int n) {
            if (failed || position + n > end) {
                failed = true;
                return false;
            }
            return true;
        }

        int u8() {
            return take(1) ? bytes[position++] & 0xFF : 0;
        }

        int u16() {
            if (!take(2)) {
                return 0;
            }
            int v = Short.toUnsignedInt((short) SHORT.get(bytes, position));
            position += 2;
            return v;
        }

        long u32() {
            if (!take(4)) {
                return 0;
            }
            long v = Integer.toUnsignedLong((int) INT.get(bytes, position));
            position += 4;
            return v;
        }

        /**
         * A float32 as the decimal it stands for: the shortest decimal that rounds to it
         * ({@link Float#toString}), since a scale such as 0.1 arrives as the float nearest to it,
         * and 5093 counts times that float, 509.3000076, is the float 509.30002 where 5093 × 0.1
         * is 509.3. Infinities and NaN stay as they are.
         */
        double f32() {
            if (!take(4)) {
                return Double.NaN;
            }
            float v = (float) FLOAT.get(bytes, position);
            position += 4;
            return Float.isFinite(v) ? Double.parseDouble(Float.toString(v)) : v;
        }

        String text(int n) {
            if (!take(n)) {
                return "";
            }
            String s = new String(bytes, position, n, StandardCharsets.UTF_8);
            position += n;
            return s;
        }
    }
}
