package org.soleus.io.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The line under way of a line-protocol stream, for a {@link LineDecoder}: its bytes as they
 * arrive, up to {@link LineDecoder#MAX_LINE_BYTES} (a longer line is marked overlong), its text
 * once it ends (without its {@code \r}, the spaces around it and a UTF-8 byte order mark), and
 * how that text splits into cells at a delimiter.
 *
 * <p>No allocation but for {@link #split} and {@link #string}. Not thread-safe.
 */
final class TextLine {
    private final byte[] bytes = new byte[LineDecoder.MAX_LINE_BYTES];
    private int length;
    private boolean overlong;
    /** Where the text of the line that ended begins. */
    private int from;
    /** Where the text of the line that ended ends. */
    private int to;

    /** The line's bytes, of which {@code [from(), to())} is its text once it ended. */
    byte[] bytes() {
        return bytes;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /** Forgets the line under way. */
    void reset() {
        length = 0;
        overlong = false;
    }

    /**
     * Appends {@code buffer[start .. end)} to the line up to the next {@code \n}.
     *
     * @return the index of that {@code \n}, on which the caller calls {@link #end()}; {@code end}
     *         when there is none
     */
    int feed(byte[] buffer, int start, int end) {
        byte[] l = bytes;
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                return i;
            } else if (length < l.length) {
                l[length++] = b;
            } else {
                overlong = true;
            }
        }
        return end;
    }

    /**
     * Ends the line at its {@code \n}: its text is then {@code [from(), to())}, and the next
     * line begins.
     *
     * @return whether it was longer than {@link LineDecoder#MAX_LINE_BYTES}, and its text cut
     */
    boolean end() {
        int f = 0;
        int t = length;
        boolean tooLong = overlong;
        reset();
        byte[] l = bytes;
        while (t > f && (l[t - 1] == '\r' || l[t - 1] == ' ')) {
            t--;
        }
        if (t - f >= 3 && l[f] == (byte) 0xEF && l[f + 1] == (byte) 0xBB && l[f + 2] == (byte) 0xBF) {
            f += 3;   // a UTF-8 byte order mark, as some serial terminals and editors write first
        }
        while (f < t && l[f] == ' ') {
            f++;
        }
        from = f;
        to = t;
        return tooLong;
    }

    /**
     * Whether the text holds a control byte other than a tab (a NUL, DEL or any byte below 0x20):
     * text lines do not, binary frames read as lines nearly always do (a wrong {@code --protocol}
     * or baud rate), and such a line must not define the channels.
     */
    boolean hasControlBytes() {
        byte[] l = bytes;
        for (int i = from; i < to; i++) {
            byte b = l[i];
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text begins as a header's channel name may: with a letter or a double quote. */
    boolean startsName() {
        byte b = bytes[from];
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '"';
    }

    /**
     * Whether the text, which holds no control bytes ({@link #hasControlBytes}), is UTF-8 text,
     * which a message may quote: a header may name a channel with a letter beyond ASCII, while
     * binary data read as lines is seldom valid UTF-8.
     */
    boolean isText() {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** {@code bytes[start .. end)} as UTF-8. */
    String string(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** The delimiter of the text: a tab if there is one, else a semicolon, else a comma, else a space. */
    byte delimiter() {
        byte found = ' ';
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\t') {
                return '\t';
            }
            if (b == ';') {
                found = ';';
            } else if (b == ',' && found == ' ') {
                found = ',';
            }
        }
        return found;
    }

    /** The text's cells at delimiter {@code d}, each without the spaces around it. */
    List<String> split(byte d) {
        List<String> cells = new ArrayList<>();
        int p = from;
        while (true) {
            int e = cellEnd(p, d);
            cells.add(string(p, e).strip());
            if (e >= to) {
                return cells;
            }
            p = nextCell(e, d);
        }
    }

    /** Where the cell from {@code p} ends: at delimiter {@code d} (a space: at a space or tab), or the text's end. */
    int cellEnd(int p, byte d) {
        byte[] l = bytes;
        int end = to;
        if (d == ' ') {
            while (p < end && l[p] != ' ' && l[p] != '\t') {
                p++;
            }
        } else {
            while (p < end && l[p] != d) {
                p++;
            }
        }
        return p;
    }

    /** Where the cell after the delimiter at {@code e} begins: a run of spaces counts as one delimiter. */
    int nextCell(int e, byte d) {
        int p = e + 1;
        int end = to;
        if (d == ' ') {
            while (p < end && (bytes[p] == ' ' || bytes[p] == '\t')) {
                p++;
            }
        }
        return p;
    }

    /** Whether {@code bytes[start .. end)} holds nothing but spaces. */
    boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ') {
                return false;
            }
        }
        return true;
    }
}
