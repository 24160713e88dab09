package org.soleus.io.codec;

import static org.soleus.io.codec.BinaryFormat.INT;

import java.util.Arrays;

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
 * up to {@value FrameSequence#MAX_LATE_FRAMES} behind it (sent twice, or overtaken) is dropped and counted as
 * malformed: its samples are in the stream already; one further behind starts the count anew
 * as a restart does (a device that restarted without a descriptor), so that the step back is
 * not read as four billion frames lost.
 *
 * <p>No allocation per frame; a new descriptor allocates its parsed form, a repeated one
 * nothing. Not thread-safe.
 *
 * <p>The parts: {@link CobsFrames} finds and checks the frames, {@link FrameSequence} counts
 * them, {@link DescriptorParser} reads a descriptor and {@link SampleLayout} a sample frame's
 * values.
 */
public final class BinaryDecoder implements StreamDecoder {
    private final DecoderCounters counters = new DecoderCounters();
    private final CobsFrames frames = new CobsFrames(counters);
    private final FrameSequence sequence = new FrameSequence(counters);
    private final DescriptorParser parser;

    private StreamDescriptor descriptor;
    /** The payload of {@link #descriptor}, by which a repeat of it is known without parsing it again. */
    private byte[] descriptorPayload = new byte[0];
    /** The layout of {@link #descriptor}'s sample frames; null before the first descriptor. */
    private SampleLayout layout;

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
        this.parser = new DescriptorParser(sampleRateHz, eventTimingGiven);
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
        frames.reset();
        sequence.reset();
    }

    @Override
    public void decode(byte[] buffer, int offset, int len, FrameSink sink) {
        if (offset < 0 || len < 0 || offset + len > buffer.length) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + len) + ") is outside a buffer of length "
                    + buffer.length);
        }
        counters.bytes += len;
        int end = offset + len;
        int i = offset;
        while (i < end) {
            int delimiter = frames.feed(buffer, i, end);
            if (delimiter < end) {
                int n = frames.end();
                if (n != CobsFrames.NO_FRAME) {
                    frame(n, sink);
                }
            }
            i = delimiter + 1;
        }
        counters.publish();
    }

    /** An intact frame of {@code n} bytes, CRC included. */
    private void frame(int n, FrameSink sink) {
        byte[] f = frames.frame();
        int type = f[0] & 0xFF;
        long rawSequence = Integer.toUnsignedLong((int) INT.get(f, 1));
        long rawTime = Integer.toUnsignedLong((int) INT.get(f, 5));
        int payloadEnd = n - BinaryFormat.CRC_BYTES;
        if (type == BinaryFormat.TYPE_SAMPLES) {
            samples(rawSequence, rawTime, payloadEnd, sink);
        } else if (type == BinaryFormat.TYPE_DESCRIPTOR) {
            descriptorFrame(rawSequence, payloadEnd, sink);
        } else {
            counters.malformed++;
        }
    }

    private void samples(long rawSequence, long rawTime, int payloadEnd, FrameSink sink) {
        if (!sequence.take(rawSequence, rawTime, descriptor, sink)) {
            return;
        }
        if (descriptor == null) {
            counters.undescribed++;
            return;
        }
        if (!layout.fits(payloadEnd - BinaryFormat.HEADER_BYTES)) {
            counters.malformed++;
            return;
        }
        float[] v = layout.read(frames.frame(), BinaryFormat.HEADER_BYTES);
        counters.frames++;
        sink.onFrame(sequence.sequence(), sequence.timeUs(), v);
    }

    private void descriptorFrame(long rawSequence, int payloadEnd, FrameSink sink) {
        byte[] f = frames.frame();
        StreamDescriptor d = repeatsDescriptor(f, payloadEnd) ? descriptor
                : parser.parse(f, BinaryFormat.HEADER_BYTES, payloadEnd);
        if (d == null) {
            counters.malformed++;
            return;
        }
        if (d != descriptor) {
            descriptorPayload = Arrays.copyOfRange(f, BinaryFormat.HEADER_BYTES, payloadEnd);
        }
        sequence.descriptor(rawSequence);
        counters.descriptors++;
        install(d);
        counters.publish();   // before the descriptor: a consumer that sees it sees the counts up to it
        sink.onDescriptor(d);
    }

    private void install(StreamDescriptor d) {
        if (d.equals(descriptor)) {
            return;
        }
        descriptor = d;
        layout = new SampleLayout(d);
    }

    /** Whether {@code f[HEADER_BYTES .. end)} is the payload of the descriptor in force (a repeat). */
    private boolean repeatsDescriptor(byte[] f, int end) {
        return descriptor != null && Arrays.equals(f, BinaryFormat.HEADER_BYTES, end, descriptorPayload, 0,
                descriptorPayload.length);
    }

    /** Why the last descriptor that was refused was refused, or null when none was. */
    @Override
    public String refusedDescriptor() {
        String why = parser.problem();
        return why == null ? null : "the device's descriptor was refused: " + why;
    }
}
