package org.soleus.io.format.text;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.soleus.io.format.DataFormatException;

/**
 * A text file read through one large reused byte buffer, line by line, without decoding it:
 * the base of the fast readers. Header lines can be taken as strings ({@link #readLine()});
 * data rows are parsed in place by a {@link DelimitedRowParser}.
 *
 * <p>The buffer always holds the whole current line, since lines are at most
 * {@link #MAX_LINE_BYTES} long, and is followed by a {@code '\n'} sentinel, so parsers scan
 * without bounds checks. Line ends are
 * {@code \n} or {@code \r\n}; a line that a carriage return alone ends (old Mac OS text, read
 * as one long line) is an error saying so where reading it would otherwise fail
 * ({@link #readLine()}, a line too long).
 *
 * <p>A source may also be one part of a file ({@link #range}), so that a large file can be
 * parsed by several threads, each with its own source: lines are then counted from 1 at the
 * part's start, and only the part that runs to the end of the file can end in a line cut
 * short. Not thread-safe.
 */
public final class TextSource implements Closeable {
    /** Longest line accepted, in bytes, line end included. */
    public static final int MAX_LINE_BYTES = 1 << 16;
    /** Default buffer size: large enough that refills cost nothing measurable. */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;
    /** What a byte sequence that is not UTF-8 is decoded as. */
    private static final char REPLACEMENT = '\uFFFD';
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final Path file;
    private final int capacity;
    private final byte[] buffer;
    private final boolean endsInput;
    private final boolean wholeFile;
    /** Offset in the input of {@code buffer[0]}. */
    private long bufferStart;
    private int pos;
    private int limit;
    private boolean eof;
    private int lastLineStart = Integer.MAX_VALUE;
    private long line = 1;
    private boolean lastLineMalformed;

    /**
     * @param in          the bytes; closed by {@link #close()}
     * @param file        the file name used in error messages
     * @param bufferBytes buffer size, at least {@code 2 × MAX_LINE_BYTES}
     */
    public TextSource(InputStream in, Path file, int bufferBytes) {
        this(in, file, newBuffer(checkedSize(bufferBytes)), 0, true, false);
    }

    private TextSource(InputStream in, Path file, byte[] buffer, long start, boolean endsInput, boolean wholeFile) {
        this.in = Objects.requireNonNull(in, "in");
        this.file = Objects.requireNonNull(file, "file");
        this.capacity = buffer.length - 1 - AsciiDigits.PADDING;
        this.buffer = buffer;
        this.buffer[0] = '\n';
        this.bufferStart = start;
        this.endsInput = endsInput;
        this.wholeFile = wholeFile;
    }

    private static int checkedSize(int bufferBytes) {
        if (bufferBytes < 2 * MAX_LINE_BYTES) {
            throw new IllegalArgumentException("buffer must hold at least " + 2 * MAX_LINE_BYTES + " bytes, got " + bufferBytes);
        }
        return bufferBytes;
    }

    /**
     * A buffer for {@link #range} of the default size: allocate one per thread and reuse it
     * for every part that thread reads.
     */
    public static byte[] newBuffer() {
        return newBuffer(DEFAULT_BUFFER_BYTES);
    }

    private static byte[] newBuffer(int bufferBytes) {
        return new byte[bufferBytes + 1 + AsciiDigits.PADDING];
    }

    /**
     * Opens a file with the default buffer size. Files of the default file system are read
     * through {@link FileInputStream}, whose large reads cost a third of a channel stream's.
     */
    public static TextSource open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a readable file");
        }
        InputStream in = file.getFileSystem() == FileSystems.getDefault()
                ? new FileInputStream(file.toFile())
                : Files.newInputStream(file);
        return new TextSource(in, file, newBuffer(), 0, true, true);
    }

    /**
     * The bytes {@code [from, to)} of a file as a source of their own, read with positional
     * reads (so several ranges of one channel may be read at the same time). {@code from} must
     * be the start of a line, and {@code to} the end of the file or just after a line end.
     * Lines are numbered from 1 at {@code from}; {@link #offset()} counts from the file's start.
     * Closing the source leaves the channel open.
     *
     * @param channel  the open file
     * @param file     the file name used in error messages
     * @param from     first byte
     * @param to       one past the last byte
     * @param endsFile whether {@code to} is the end of the file, so that its last line may be
     *                 one cut short
     * @param buffer   a buffer from {@link #newBuffer()}, not used by any other open source
     */
    public static TextSource range(FileChannel channel, Path file, long from, long to, boolean endsFile, byte[] buffer) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("need 0 <= from <= to, got from " + from + " and to " + to);
        }
        if (buffer.length < 2 * MAX_LINE_BYTES + 1 + AsciiDigits.PADDING) {
            throw new IllegalArgumentException("buffer of " + buffer.length + " bytes is too small: use newBuffer()");
        }
        return new TextSource(new ChannelRange(channel, file, from, to), file, buffer, from, endsFile, false);
    }

    /** The file name used in error messages. */
    public Path file() {
        return file;
    }

    /** The 1-based number of the current line (the next one to be read). */
    public long lineNumber() {
        return line;
    }

    /**
     * Makes sure the current line is wholly in the buffer (unless it is longer than
     * {@link #MAX_LINE_BYTES}), reading more input when needed.
     */
    void ensureLine() throws IOException {
        if (!eof && limit - pos < MAX_LINE_BYTES) {
            fill();
        }
    }

    private void fill() throws IOException {
        int remaining = limit - pos;
        System.arraycopy(buffer, pos, buffer, 0, remaining);
        bufferStart += pos;
        pos = 0;
        limit = remaining;
        while (limit < capacity) {
            int n = read(limit, capacity - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
        }
        buffer[limit] = '\n';
        if (wholeFile && bufferStart == 0 && pos == 0) {
            pos = byteOrderMarkLength(buffer, limit);
        }
        if (eof && endsInput) {
            int s = limit;
            while (s > 0 && buffer[s - 1] != '\n') {
                s--;
            }
            lastLineStart = s;
        }
    }

    /**
     * Reads input into the buffer. A plain {@link IOException} (a device's read error, whose
     * message is only the system's, e.g. {@code Input/output error}) gets the file's name in
     * front; specific kinds, which may name the file already, pass unchanged.
     */
    private int read(int off, int len) throws IOException {
        try {
            return in.read(buffer, off, len);
        } catch (IOException e) {
            if (e.getClass() != IOException.class) {
                throw e;
            }
            throw new IOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * 3 when {@code bytes} start with the UTF-8 byte order mark (EF BB BF, which editors such
     * as Excel and Notepad put at the start of a file), else 0: a file is read from after it.
     *
     * @param length the number of valid bytes in {@code bytes}
     */
    public static int byteOrderMarkLength(byte[] bytes, int length) {
        return length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    }

    /** Whether all input has been consumed. */
    public boolean atEnd() throws IOException {
        ensureLine();
        return pos >= limit;
    }

    /**
     * Whether all input has been consumed and it was the end of the text, not just of a
     * {@link #range} that other ranges continue.
     */
    public boolean atInputEnd() throws IOException {
        return endsInput && atEnd();
    }

    /**
     * The offset of the current line's first byte in the file (for a {@link #range}, counted
     * from the start of the file, not of the range).
     */
    public long offset() {
        return bufferStart + pos;
    }

    /**
     * Whether this source reads a regular file from its first byte ({@link #open}), so that
     * {@link #offset()} is a position that other readers of that file can start from.
     */
    public boolean readsFile() {
        return wholeFile;
    }

    /** The first byte of the current line, or -1 at the end of the input. */
    public int peek() throws IOException {
        ensureLine();
        return pos < limit ? buffer[pos] & 0xFF : -1;
    }

    /**
     * Whether the current line is the last one and has no line end: a file cut off while it
     * was being written.
     */
    public boolean atUnterminatedLastLine() {
        return eof && pos >= lastLineStart && pos < limit;
    }

    /**
     * Reads the current line as UTF-8 text, without its line end; bytes that are not UTF-8
     * become U+FFFD ({@link #lastLineMalformed()} then says so).
     *
     * @return the line, or null at the end of the input
     * @throws DataFormatException when the line is too long ({@link #MAX_LINE_BYTES}), or holds
     *                             a carriage return followed by more text: a file whose lines
     *                             end in a carriage return alone ({@link #carriageReturnLineEnds})
     */
    public String readLine() throws IOException {
        return readLine(false);
    }

    /**
     * As {@link #readLine()}, but a line that is not valid UTF-8 is read as Windows-1252, the
     * encoding spreadsheet programs on Windows save text in (so that {@code N/cm²} stays
     * {@code N/cm²}); {@link #lastLineMalformed()} then says that it was not UTF-8.
     */
    public String readLineOrWindows1252() throws IOException {
        return readLine(true);
    }

    private String readLine(boolean windows1252Fallback) throws IOException {
        ensureLine();
        if (pos >= limit) {
            return null;
        }
        int e = pos;
        while (buffer[e] != '\n') {
            e++;
        }
        if (e - pos >= MAX_LINE_BYTES) {
            throw tooLong();
        }
        int loneReturn = loneCarriageReturn(buffer, pos, e);
        if (loneReturn >= 0) {
            throw carriageReturnLineEnds(file, line, loneReturn - pos + 1);
        }
        int textEnd = e > pos && buffer[e - 1] == '\r' ? e - 1 : e;
        String s = new String(buffer, pos, textEnd - pos, StandardCharsets.UTF_8);
        lastLineMalformed = s.indexOf(REPLACEMENT) >= 0 && !isUtf8(buffer, pos, textEnd - pos);
        if (lastLineMalformed && windows1252Fallback) {
            s = new String(buffer, pos, textEnd - pos, WINDOWS_1252);
        }
        pos = Math.min(e + 1, limit);
        line++;
        return s;
    }

    /**
     * Whether the line that {@link #readLine()} returned last was not valid UTF-8 (e.g. saved
     * as Latin-1), so that its bad bytes were read as replacement characters (U+FFFD).
     */
    public boolean lastLineMalformed() {
        return lastLineMalformed;
    }

    /** Whether {@code length} bytes from {@code from} are valid UTF-8. */
    private static boolean isUtf8(byte[] bytes, int from, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int position() {
        return pos;
    }

    int limit() {
        return limit;
    }

    /**
     * Moves past the empty lines (a bare line end) from the current line on, for the error
     * paths of parsers: whether what follows a short row is anything but empty lines.
     */
    void skipEmptyLines() throws IOException {
        for (;;) {
            ensureLine();
            if (pos >= limit) {
                return;
            }
            byte first = buffer[pos];
            if (first == '\n') {
                advanceLine(pos + 1);
            } else if (first == '\r' && buffer[pos + 1] == '\n') {
                advanceLine(Math.min(pos + 2, limit));
            } else {
                return;
            }
        }
    }

    /** Moves to {@code newPos}, the start of the next line, counting one line. */
    void advanceLine(int newPos) {
        pos = newPos;
        line++;
    }

    /**
     * The error for a line longer than {@link #MAX_LINE_BYTES}, at the current line; for a
     * line that a carriage return alone ends within that length, that error instead
     * ({@link #carriageReturnLineEnds}): a file of such lines reads as one long line.
     */
    DataFormatException tooLong() {
        int loneReturn = loneCarriageReturn(buffer, pos, Math.min(limit, pos + MAX_LINE_BYTES));
        return loneReturn >= 0 ? carriageReturnLineEnds(file, line, loneReturn - pos + 1) : lineTooLong(file, line);
    }

    /**
     * The index of the first carriage return in {@code bytes[from, to)} that another byte of
     * the range follows, neither a line feed nor another carriage return: where a line ends in
     * a carriage return alone (as Mac OS 9 wrote text), or -1. A carriage return before
     * {@code \r\n} is not one (such a line is {@code \r\r\n}, a carriage return inside a line).
     */
    public static int loneCarriageReturn(byte[] bytes, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] != '\n' && bytes[i + 1] != '\r') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The error for a file whose lines end in a carriage return alone, located at the first
     * one: byte {@code column} (1-based) of line {@code line}.
     */
    public static DataFormatException carriageReturnLineEnds(Path file, long line, int column) {
        return new DataFormatException(file, line, column,
                "lines end in a carriage return alone; expected a line feed (\\n or \\r\\n)");
    }

    /** The error for line {@code line} of {@code file}, which is longer than {@link #MAX_LINE_BYTES}. */
    public static DataFormatException lineTooLong(Path file, long line) {
        return new DataFormatException(file, line, 0, "the line is too long (at most " + MAX_LINE_BYTES
                + " bytes with its line end)");
    }

    /** An error located at the current line. */
    public DataFormatException error(int column, String problem) {
        return new DataFormatException(file, line, column, problem);
    }

    /** An error located at a given line. */
    public DataFormatException error(long atLine, int column, String problem) {
        return new DataFormatException(file, atLine, column, problem);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes {@code [position, end)} of a channel, by positional reads; closing leaves the channel open. */
    private static final class ChannelRange extends InputStream {
        private final FileChannel channel;
        private final Path file;
        private final long end;
        private long position;

        ChannelRange(FileChannel channel, Path file, long from, long to) {
            this.channel = Objects.requireNonNull(channel, "channel");
            this.file = file;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) {
                throw new FileSystemException(file.toString(), null, "the file ends at byte " + position + ", before the "
                        + end + " bytes it had when reading began: it was truncated while being read");
            }
            position += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }
}
