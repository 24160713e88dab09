package org.soleus.io.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of a result file, built as ASCII bytes and reused from row to row: the cells of a
 * CSV row are labels, integers and fixed-point decimals ({@link Decimals}), all ASCII, so they
 * are written as bytes from the start and reach a {@link Utf8ChannelWriter}'s buffer in one copy.
 * Through a {@link StringBuilder}, with its coder and growth checks and a copy out of it character
 * by character, an hour's result files took a quarter longer to write ({@code OutputsBenchmark}).
 * Grows as needed. Not thread-safe.
 */
final class CsvLine {
    private byte[] bytes;
    private int length;

    /** A line with room for {@code capacity} bytes before it grows. */
    CsvLine(int capacity) {
        bytes = new byte[Math.max(1, capacity)];
    }

    /** Empties the line. */
    CsvLine clear() {
        length = 0;
        return this;
    }

    /** Bytes in the line. */
    int length() {
        return length;
    }

    /**
     * Appends an ASCII character.
     *
     * @throws IllegalArgumentException for any other character
     */
    CsvLine append(char c) {
        if (c >= 0x80) {
            throw new IllegalArgumentException("not an ASCII character: U+" + Integer.toHexString(c));
        }
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /**
     * Appends an ASCII text (a label).
     *
     * @throws IllegalArgumentException when it holds any other character (nothing is appended)
     */
    CsvLine append(String ascii) {
        int n = ascii.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = ascii.charAt(i);
            if (c >= 0x80) {
                throw new IllegalArgumentException("not an ASCII text: " + ascii);
            }
            bytes[length + i] = (byte) c;
        }
        length += n;
        return this;
    }

    /** Appends {@code value} in decimal digits, with a leading {@code -} when negative. */
    CsvLine append(long value) {
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value));
        }
        if (value < 0) {
            append('-');
            return appendDigits(-value, 1);
        }
        return appendDigits(value, 1);
    }

    /**
     * Appends {@code value} (at least 0) in decimal digits, at least {@code minDigits} of them
     * (leading zeros added), for the fraction of a fixed-point number.
     */
    CsvLine appendDigits(long value, int minDigits) {
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        digits = Math.max(digits, minDigits);
        room(digits);
        long rest = value;
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
        return this;
    }

    /** Writes the line to {@code out}: its bytes as they are onto a {@link Utf8ChannelWriter}, else as characters. */
    void writeTo(Writer out) throws IOException {
        if (out instanceof Utf8ChannelWriter channel) {
            channel.writeAscii(bytes, 0, length);
        } else {
            out.write(toString());
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
