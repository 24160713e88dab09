package org.soleus.io.codec;

import static org.soleus.io.codec.BinaryFormat.FLOAT;
import static org.soleus.io.codec.BinaryFormat.INT;
import static org.soleus.io.codec.BinaryFormat.SHORT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes the binary protocol ({@code docs/serial-protocol.md}) for one {@link StreamDescriptor}:
 * what a device sends, used by the simulator and the tests. Every frame is written COBS-encoded
 * and followed by its {@code 0x00} delimiter.
 *
 * <p>Integer channels are quantised as {@code round((value − offset) / scale)}, clamped to the
 * encoding's range less the missing-sample code, which NaN becomes. The scale and offset go
 * over the wire as 32-bit floats, so quantisation uses those float values, as the receiver
 * does.
 *
 * <p>No allocation per sample frame. Not thread-safe.
 */
public final class BinaryEncoder {
    private final byte[] raw;
    private final byte[] descriptorPayload;
    private final SampleEncoding[] encodings;
    private final double[] scales;
    private final double[] offsets;
    private final int samplePayloadBytes;
    private final CRC32C crc = new CRC32C();

    /**
     * @throws IllegalArgumentException when the descriptor cannot travel: a sample rate that is
     *                                  not a whole number of mHz, more than
     *                                  {@value BinaryFormat#MAX_CHANNELS} channels, or a
     *                                  property key or value too long
     */
    public BinaryEncoder(StreamDescriptor descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        int width = descriptor.width();
        if (width > BinaryFormat.MAX_CHANNELS) {
            throw new IllegalArgumentException("the binary protocol carries at most " + BinaryFormat.MAX_CHANNELS
                    + " channels, got " + width);
        }
        encodings = new SampleEncoding[width];
        scales = new double[width];
        offsets = new double[width];
        int bytes = 0;
        for (int c = 0; c < width; c++) {
            ChannelSpec spec = descriptor.channels().get(c);
            encodings[c] = spec.encoding();
            scales[c] = (float) spec.scale();
            offsets[c] = (float) spec.offset();
            bytes += spec.encoding().bytes();
        }
        samplePayloadBytes = bytes;
        descriptorPayload = descriptorPayload(descriptor);
        int largest = BinaryFormat.HEADER_BYTES + Math.max(samplePayloadBytes, descriptorPayload.length)
                + BinaryFormat.CRC_BYTES;
        if (largest > BinaryFormat.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("the descriptor takes " + largest + " bytes, more than a frame's "
                    + BinaryFormat.MAX_FRAME_BYTES + ": use fewer channels, shorter names or fewer properties");
        }
        raw = new byte[largest];
    }

    /** Bytes of one encoded sample frame, delimiter included. */
    public int sampleFrameBytes() {
        return encodedBytes(BinaryFormat.HEADER_BYTES + samplePayloadBytes + BinaryFormat.CRC_BYTES);
    }

    /** Bytes of the encoded descriptor frame, delimiter included. */
    public int descriptorFrameBytes() {
        return encodedBytes(BinaryFormat.HEADER_BYTES + descriptorPayload.length + BinaryFormat.CRC_BYTES);
    }

    private static int encodedBytes(int frameBytes) {
        return Cobs.maxEncodedLength(frameBytes) + 1;
    }

    /**
     * Writes the descriptor frame.
     *
     * @param sequence the sequence number of the next sample frame (only its low 32 bits travel)
     * @param timeUs   device time, µs (low 32 bits travel)
     * @return the offset after the delimiter
     */
    public int encodeDescriptor(long sequence, long timeUs, byte[] out, int off) {
        header(BinaryFormat.TYPE_DESCRIPTOR, sequence, timeUs);
        System.arraycopy(descriptorPayload, 0, raw, BinaryFormat.HEADER_BYTES, descriptorPayload.length);
        return finish(BinaryFormat.HEADER_BYTES + descriptorPayload.length, out, off);
    }

    /**
     * Writes one sample frame.
     *
     * @param sequence frame number (low 32 bits travel)
     * @param timeUs   device time, µs (low 32 bits travel)
     * @param values   physical values in channel order, NaN for missing
     * @return the offset after the delimiter
     */
    public int encodeSamples(long sequence, long timeUs, float[] values, byte[] out, int off) {
        if (values.length != encodings.length) {
            throw new IllegalArgumentException("frame has " + values.length + " values, the descriptor declares "
                    + encodings.length);
        }
        header(BinaryFormat.TYPE_SAMPLES, sequence, timeUs);
        byte[] r = raw;
        int p = BinaryFormat.HEADER_BYTES;
        for (int c = 0; c < values.length; c++) {
            float v = values[c];
            switch (encodings[c]) {
                case INT16 -> {
                    SHORT.set(r, p, (short) quantise(v, c, Short.MIN_VALUE, Short.MIN_VALUE + 1, Short.MAX_VALUE));
                    p += 2;
                }
                case UINT16 -> {
                    SHORT.set(r, p, (short) quantise(v, c, 0xFFFF, 0, 0xFFFE));
                    p += 2;
                }
                case INT32 -> {
                    INT.set(r, p, (int) quantise(v, c, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE));
                    p += 4;
                }
                case FLOAT32 -> {
                    FLOAT.set(r, p, scales[c] == 1 && offsets[c] == 0 ? v : (float) ((v - offsets[c]) / scales[c]));
                    p += 4;
                }
            }
        }
        return finish(p, out, off);
    }

    private long quantise(float v, int c, long missing, long min, long max) {
        if (Float.isNaN(v)) {
            return missing;
        }
        double counts = Math.rint((v - offsets[c]) / scales[c]);
        return (long) Math.max(min, Math.min(max, counts));
    }

    private void header(int type, long sequence, long timeUs) {
        raw[0] = (byte) type;
        INT.set(raw, 1, (int) sequence);
        INT.set(raw, 5, (int) timeUs);
    }

    private int finish(int payloadEnd, byte[] out, int off) {
        crc.reset();
        crc.update(raw, 0, payloadEnd);
        INT.set(raw, payloadEnd, (int) crc.getValue());
        int n = Cobs.encode(raw, 0, payloadEnd + BinaryFormat.CRC_BYTES, out, off);
        out[off + n] = 0;
        return off + n + 1;
    }

    private static byte[] descriptorPayload(StreamDescriptor d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BinaryFormat.VERSION);
        long milliHz = 0;
        if (d.hasSampleRate()) {
            milliHz = Math.round(d.sampleRateHz() * 1000);
            if (milliHz <= 0 || milliHz > 0xFFFFFFFFL || milliHz / 1000.0 != d.sampleRateHz()) {
                throw new IllegalArgumentException("sample rate " + d.sampleRateHz()
                        + " Hz cannot travel: the binary protocol states rates in whole mHz up to 4294967.295 Hz");
            }
        }
        writeInt(out, (int) milliHz, 4);
        writeInt(out, d.width(), 2);
        for (ChannelSpec c : d.channels()) {
            out.write(c.encoding().code());
            writeInt(out, Float.floatToRawIntBits((float) c.scale()), 4);
            writeInt(out, Float.floatToRawIntBits((float) c.offset()), 4);
            byte[] name = c.name().toString().getBytes(StandardCharsets.US_ASCII);
            writeText(out, name, 1, "channel name " + c.name());
        }
        writeInt(out, d.properties().size(), 2);
        for (Map.Entry<String, String> e : d.properties().entrySet()) {
            writeText(out, e.getKey().getBytes(StandardCharsets.UTF_8), 1, "property key '" + e.getKey() + "'");
            writeText(out, e.getValue().getBytes(StandardCharsets.UTF_8), 2, "value of property '" + e.getKey() + "'");
        }
        return out.toByteArray();
    }

    private static void writeText(ByteArrayOutputStream out, byte[] text, int lengthBytes, String what) {
        int max = lengthBytes == 1 ? 0xFF : 0xFFFF;
        if (text.length > max) {
            throw new IllegalArgumentException(what + " takes " + text.length + " bytes; at most " + max + " can travel");
        }
        writeInt(out, text.length, lengthBytes);
        out.write(text, 0, text.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((v >>> (8 * i)) & 0xFF);
        }
    }
}
