package org.soleus.io.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the sample stream of one WFDB signal file (one signal group: the samples of its
 * signals interleaved frame by frame) from a reused byte buffer. {@link #next()} neither
 * allocates nor boxes.
 *
 * <p>Formats (WFDB signal(5)):
 * <ul>
 *   <li>212: 12-bit two's complement, two samples in three bytes. Sample 1 is the low byte
 *       of the first byte pair plus the low nibble of the second byte as its top four bits;
 *       sample 2 is the high nibble of byte 2 as its top four bits plus byte 3. Samples pack
 *       across signal boundaries: the pairing runs over the group's whole stream. A stream of
 *       an odd number of samples may end with a two-byte half pair.</li>
 *   <li>16: 16-bit two's complement, little-endian.</li>
 *   <li>80: 8-bit offset binary (byte − 128).</li>
 * </ul>
 *
 * <p>Bytes at the end of the file that do not form a whole sample (or, for 212, a two-byte
 * half pair that is not the last sample the header declares) are dropped and counted in
 * {@link #droppedBytes()}. Not thread-safe.
 */
final class WfdbSampleDecoder implements Closeable {

    /** Returned by {@link #next()} when no further whole sample exists. */
    static final int END = Integer.MIN_VALUE;

    /** Buffer size: a multiple of 2 and 3, so whole 212 pairs and 16-bit samples fit. */
    static final int BUFFER_BYTES = 3 * 2 * 8192;

    private final InputStream in;
    private final int format;
    private final long expectedSamples;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfFile;
    private boolean ended;
    private long delivered;
    private boolean hasPending;
    private int pending;
    private int droppedBytes;

    /**
     * @param in              the signal file's bytes, positioned at sample 0; closed by {@link #close()}
     * @param format          212, 16 or 80
     * @param expectedSamples samples the header declares for the whole group (frames × signals in
     *                        the file), or -1 when unknown
     * @param bufferBytes     size of the reused read buffer, at least 3
     */
    WfdbSampleDecoder(InputStream in, int format, long expectedSamples, int bufferBytes) {
        if (format != 212 && format != 16 && format != 80) {
            throw new IllegalArgumentException("format must be 212, 16 or 80, got " + format);
        }
        if (bufferBytes < 3) {
            throw new IllegalArgumentException("buffer must hold at least 3 bytes, got " + bufferBytes);
        }
        this.in = in;
        this.format = format;
        this.expectedSamples = expectedSamples;
        this.buffer = new byte[bufferBytes];
    }

    /**
     * The next sample in ADC units, or {@link #END} when the file holds no further whole
     * sample. Once {@code END} was returned it is returned again.
     */
    int next() throws IOException {
        if (ended) {
            return END;
        }
        int v = switch (format) {
            case 212 -> next212();
            case 16 -> next16();
            default -> next80();
        };
        if (v == END) {
            ended = true;
        } else {
            delivered++;
        }
        return v;
    }

    private int next212() throws IOException {
        if (hasPending) {
            hasPending = false;
            return pending;
        }
        int available = ensure(3);
        if (available >= 3) {
            int b0 = buffer[position] & 0xFF;
            int b1 = buffer[position + 1] & 0xFF;
            int b2 = buffer[position + 2] & 0xFF;
            position += 3;
            pending = signExtend12(((b1 & 0xF0) << 4) | b2);
            hasPending = true;
            return signExtend12(((b1 & 0x0F) << 8) | b0);
        }
        if (available == 2 && (expectedSamples < 0 || delivered + 1 == expectedSamples)) {
            int b0 = buffer[position] & 0xFF;
            int b1 = buffer[position + 1] & 0xFF;
            position += 2;
            return signExtend12(((b1 & 0x0F) << 8) | b0);
        }
        return drop(available);
    }

    private int next16() throws IOException {
        int available = ensure(2);
        if (available >= 2) {
            int v = (short) ((buffer[position] & 0xFF) | (buffer[position + 1] << 8));
            position += 2;
            return v;
        }
        return drop(available);
    }

    private int next80() throws IOException {
        if (ensure(1) >= 1) {
            return (buffer[position++] & 0xFF) - 128;
        }
        return END;
    }

    private int drop(int available) {
        droppedBytes = available;
        position += available;
        return END;
    }

    private static int signExtend12(int v) {
        return (v << 20) >> 20;
    }

    /** Fills the buffer until {@code n} bytes are available or the file ends; returns what is available. */
    private int ensure(int n) throws IOException {
        int available = limit - position;
        if (available >= n || endOfFile) {
            return available;
        }
        System.arraycopy(buffer, position, buffer, 0, available);
        position = 0;
        limit = available;
        while (limit < n) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfFile = true;
                break;
            }
            limit += read;
        }
        return limit - position;
    }

    /** Bytes at the end of the file that formed no whole sample and were dropped (0 to 2). */
    int droppedBytes() {
        return droppedBytes;
    }

    /**
     * Whether the file holds bytes after the samples returned so far. The unused second half of
     * a final 212 pair (padding after an odd number of samples) does not count.
     */
    boolean hasMoreBytes() throws IOException {
        return ensure(1) > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
