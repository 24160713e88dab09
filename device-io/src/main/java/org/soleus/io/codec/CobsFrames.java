package org.soleus.io.codec;

import static org.soleus.io.codec.BinaryFormat.INT;

import java.util.zip.CRC32C;

/**
 * The frames of a binary stream ({@link BinaryFormat}) as its bytes arrive, for a
 * {@link BinaryDecoder}: the COBS decoding runs byte by byte into one reused frame buffer, a
 * {@code 0x00} always ends the piece under way, and a piece is a frame only when it is complete
 * COBS, at least a header and CRC long, and its CRC-32C matches.
 *
 * <p>Counts into the decoder's counters every non-empty piece that is not a frame: as a CRC
 * error (right length, wrong checksum) or as malformed (not valid COBS, too short, longer than
 * {@value BinaryFormat#MAX_FRAME_BYTES} bytes); but not the piece before the first delimiter
 * after construction or {@link #reset()}, which most likely began before the link was read.
 *
 * <p>No allocation. Not thread-safe.
 */
final class CobsFrames {
    /** What {@link #end()} returns for a piece that is no frame. */
    static final int NO_FRAME = -1;

    private final byte[] frame = new byte[BinaryFormat.MAX_FRAME_BYTES];
    private final CRC32C crc = new CRC32C();
    private final DecoderCounters counters;

    private int length;
    private int blockRemaining;
    private boolean zeroPending;
    private boolean started;
    private boolean discarding;
    /** No delimiter has come yet: the piece under way may have begun before the link was read. */
    private boolean atStart = true;

    CobsFrames(DecoderCounters counters) {
        this.counters = counters;
    }

    /** The decoded frame, valid from index 0 to the length {@link #end()} returned until the next {@link #feed}. */
    byte[] frame() {
        return frame;
    }

    /** Forgets the piece under way: what comes next may have begun before the link was read. */
    void reset() {
        clear();
        atStart = true;
    }

    private void clear() {
        length = 0;
        blockRemaining = 0;
        zeroPending = false;
        started = false;
        discarding = false;
    }

    /**
     * Decodes {@code buffer[from .. end)} into the frame under way up to the next delimiter.
     *
     * @return the index of that delimiter, on which the caller calls {@link #end()}; {@code end}
     *         when there is none
     */
    int feed(byte[] buffer, int from, int end) {
        int i = from;
        while (i < end) {
            int b = buffer[i] & 0xFF;
            if (b == 0) {
                return i;
            }
            i++;
            if (discarding) {
                continue;
            }
            if (blockRemaining == 0) {
                startBlock(b);
            } else {
                i = copyRun(buffer, i, end, (byte) b);
            }
        }
        return end;
    }

    /** A COBS code byte: the zero that the block before stood for, then {@code code − 1} data bytes to come. */
    private void startBlock(int code) {
        if (zeroPending) {
            if (length == frame.length) {
                overflow();
                return;
            }
            frame[length++] = 0;
        }
        blockRemaining = code - 1;
        zeroPending = code != 0xFF;
        started = true;
    }

    /**
     * Copies the data byte {@code first} and those of its block that follow it from
     * {@code buffer[i]}, up to a delimiter or {@code end}; returns the index after the last
     * copied.
     */
    private int copyRun(byte[] buffer, int i, int end, byte first) {
        byte[] f = frame;
        int run = Math.min(blockRemaining, end - i + 1);
        if (length + run > f.length) {
            overflow();
            return i;
        }
        f[length++] = first;
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
        return i;
    }

    private void overflow() {
        if (!atStart) {
            counters.malformed++;
        }
        discarding = true;
        started = false;
    }

    /**
     * Ends the piece under way at a delimiter.
     *
     * @return the length of the intact frame in {@link #frame()}, CRC included; {@link #NO_FRAME}
     *         when the piece was empty or no frame (and counted)
     */
    int end() {
        boolean first = atStart;
        atStart = false;
        boolean complete = started && !discarding;
        boolean cut = blockRemaining != 0;
        int n = length;
        clear();
        if (!complete) {
            return NO_FRAME;
        }
        if (!cut && n >= BinaryFormat.MIN_FRAME_BYTES && crcMatches(n)) {
            return n;
        }
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
        return NO_FRAME;
    }

    private boolean crcMatches(int n) {
        crc.reset();
        crc.update(frame, 0, n - BinaryFormat.CRC_BYTES);
        return (int) crc.getValue() == (int) INT.get(frame, n - BinaryFormat.CRC_BYTES);
    }
}
