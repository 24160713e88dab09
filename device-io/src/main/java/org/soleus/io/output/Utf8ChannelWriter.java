package org.soleus.io.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A buffered UTF-8 writer onto a channel that copies ASCII characters straight into its byte
 * buffer, takes a {@link CharSequence} such as a row's {@link StringBuilder} without first
 * copying it into a {@link String} ({@link Writer#append(CharSequence)} does), and a
 * {@link CsvLine}'s bytes in one copy ({@link #writeAscii}). The result
 * files are almost all ASCII, and a day-long recording's are tens of megabytes: a
 * {@link java.io.BufferedWriter} over an {@link java.io.OutputStreamWriter} copies each row
 * three times (into a string, a character buffer, then bytes) before it reaches the file.
 *
 * <p>Other characters are encoded as UTF-8, a surrogate pair also when its two halves come in
 * two calls; a surrogate without its other half becomes {@code ?}, as the JDK's encoder
 * writes it. {@link #flush} writes the buffer to the channel; {@link #close} flushes and leaves
 * the channel open (its owner closes it). Not thread-safe.
 */
final class Utf8ChannelWriter extends Writer {
    private static final int BUFFER_BYTES = 1 << 16;
    /** The most bytes one character (or a completed surrogate pair) takes. */
    private static final int MAX_BYTES_PER_CHAR = 4;

    private final WritableByteChannel channel;
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final ByteBuffer view = ByteBuffer.wrap(bytes);
    private int count;
    /** A high surrogate waiting for its low half, or 0. */
    private char pendingHigh;

    Utf8ChannelWriter(WritableByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(text.charAt(i));
        }
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        CharSequence chars = text == null ? "null" : text;
        for (int i = 0, end = chars.length(); i < end; i++) {
            put(chars.charAt(i));
        }
        return this;
    }

    /**
     * Writes {@code length} bytes of ASCII text (each below 0x80) from {@code ascii}, as they are
     * ({@link CsvLine}): their UTF-8 encoding is themselves.
     */
    void writeAscii(byte[] ascii, int offset, int length) throws IOException {
        if (pendingHigh != 0) {
            for (int i = offset, end = offset + length; i < end; i++) {
                put((char) ascii[i]);
            }
            return;
        }
        int from = offset;
        int left = length;
        while (left > 0) {
            if (count == BUFFER_BYTES) {
                flush();
            }
            int n = Math.min(left, BUFFER_BYTES - count);
            System.arraycopy(ascii, from, bytes, count, n);
            count += n;
            from += n;
            left -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        view.clear().limit(count);
        while (view.hasRemaining()) {
            channel.write(view);
        }
        count = 0;
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            putByte('?');
        }
        flush();
    }

    private void put(char c) throws IOException {
        if (count > BUFFER_BYTES - MAX_BYTES_PER_CHAR) {
            flush();
        }
        if (c < 0x80 && pendingHigh == 0) {
            bytes[count++] = (byte) c;
        } else {
            encode(c);
        }
    }

    private void encode(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int codePoint = Character.toCodePoint(high, c);
                putByte(0xF0 | (codePoint >>> 18));
                putByte(0x80 | ((codePoint >>> 12) & 0x3F));
                putByte(0x80 | ((codePoint >>> 6) & 0x3F));
                putByte(0x80 | (codePoint & 0x3F));
                return;
            }
            putByte('?');
        }
        if (c < 0x80) {
            putByte(c);
        } else if (c < 0x800) {
            putByte(0xC0 | (c >>> 6));
            putByte(0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            putByte('?');
        } else {
            putByte(0xE0 | (c >>> 12));
            putByte(0x80 | ((c >>> 6) & 0x3F));
            putByte(0x80 | (c & 0x3F));
        }
    }

    private void putByte(int b) {
        bytes[count++] = (byte) b;
    }
}
