package org.soleus.io.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.soleus.io.format.text.TextSource;

/**
 * The first bytes of a file, enough to recognise its format and estimate its number of rows.
 * Lines are decoded as ISO-8859-1 (every byte one char), which suffices to test ASCII markers.
 */
final class FileHead {
    static final int HEAD_BYTES = 1 << 16;
    /** Files larger than this have their line length sampled throughout, not only at the head. */
    static final long SAMPLED_FILE_BYTES = 1 << 24;
    private static final int SAMPLES = 64;
    private static final int SAMPLE_BYTES = 1 << 13;
    /** Bytes tested for UTF-16 text without a byte order mark, and the fewest that tell it. */
    private static final int UTF16_PROBE_BYTES = 1 << 12;
    private static final int UTF16_MIN_BYTES = 16;

    private final Path path;
    private final byte[] head;
    private final long fileBytes;
    private final int headBytes;
    /** 3 when the file starts with a UTF-8 byte order mark, else 0. */
    private final int markBytes;
    private final boolean wholeFile;
    private final List<String> lines;
    private final int newlines;
    /** Whether the head holds nothing but blanks and line ends (after a byte order mark). */
    private final boolean blank;
    /**
     * Whether the head holds a zero byte or another control character that text does not hold
     * (all below 0x20 but tab, line feed, form feed, carriage return, and the end-of-file and
     * escape characters): no text format has them, while an image, an archive or random bytes
     * do within their first bytes.
     */
    private final boolean binary;
    /** Whether the head holds a zero byte: one of those of {@link #binary}, never in text of an 8-bit encoding. */
    private final boolean zeroByte;
    /** Whether the file is UTF-16 text: it starts with that byte order mark, or reads as ASCII in UTF-16. */
    private final boolean utf16;
    /** Offset of the first byte after the head's last line end (or byte order mark): where its cut-off line starts. */
    private final int cutLineStart;

    private FileHead(Path path, long fileBytes, byte[] head, int n) {
        this.path = path;
        this.head = head;
        this.fileBytes = fileBytes;
        this.headBytes = n;
        this.wholeFile = n >= fileBytes;
        List<String> out = new ArrayList<>();
        int count = 0;
        this.markBytes = TextSource.byteOrderMarkLength(head, n);
        int from = markBytes;
        boolean onlyBlanks = true;
        boolean control = false;
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            byte b = head[i];
            onlyBlanks &= i < markBytes || b == ' ' || b == '\t' || b == '\r' || b == '\n';
            control |= isBinaryByte(b);
            zero |= b == 0;
            if (b == '\n') {
                count++;
                int end = i > from && head[i - 1] == '\r' ? i - 1 : i;
                out.add(new String(head, from, end - from, StandardCharsets.ISO_8859_1));
                from = i + 1;
            }
        }
        if (from < n && wholeFile) {
            out.add(new String(head, from, n - from, StandardCharsets.ISO_8859_1));
        }
        this.lines = List.copyOf(out);
        this.newlines = count;
        this.blank = onlyBlanks;
        this.binary = control;
        this.zeroByte = zero;
        this.utf16 = n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) || asciiInUtf16(head, n);
        this.cutLineStart = from;
    }

    /** Whether {@code b} is a control character that text does not hold (see {@link #binary}). */
    private static boolean isBinaryByte(byte b) {
        return b >= 0 && b < ' ' && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1A && b != 0x1B;
    }

    /**
     * Whether the first bytes read as text saved as UTF-16 without a byte order mark: in one
     * byte order, nearly every character's high byte is zero (all but a few characters beyond
     * ISO-8859-1, such as {@code ≤}), and the low bytes are text (printable, tab, line ends;
     * at least one line feed), never zero. Text formats have no zero byte, and 16-bit binary
     * samples (WFDB format 16) do not make lines of printable characters.
     */
    private static boolean asciiInUtf16(byte[] head, int n) {
        int checked = Math.min(n, UTF16_PROBE_BYTES) & ~1;
        if (checked < UTF16_MIN_BYTES) {
            return false;
        }
        return utf16Lane(head, checked, 1) || utf16Lane(head, checked, 0);
    }

    /** Whether the bytes at {@code highOffset} of each pair are nearly all zero and the others are text. */
    private static boolean utf16Lane(byte[] head, int checked, int highOffset) {
        int zeroHigh = 0;
        boolean lineFeed = false;
        for (int i = 0; i < checked; i += 2) {
            int low = head[i + 1 - highOffset] & 0xFF;
            if (!(low == '\t' || low == '\n' || low == '\r' || low >= 0x20 && low != 0x7F)) {
                return false;
            }
            lineFeed |= low == '\n';
            zeroHigh += head[i + highOffset] == 0 ? 1 : 0;
        }
        return lineFeed && zeroHigh >= checked / 2 * 9 / 10;
    }

    /**
     * Reads the head of {@code path}.
     *
     * @throws FileSystemException when the path is not a regular file (a folder, a named pipe,
     *                             a device), which is not opened, since opening a pipe waits
     *                             for a writer
     */
    static FileHead read(Path path) throws IOException {
        if (!Files.isRegularFile(path) && Files.exists(path)) {
            throw new FileSystemException(path.toString(), null, Files.isDirectory(path)
                    ? "is a directory; give the recording files in it"
                    : "not a regular file (a named pipe, device or socket); save the data to a file and give that");
        }
        long size = Files.size(path);
        byte[] head = new byte[(int) Math.min(HEAD_BYTES, size)];
        int n = 0;
        try (InputStream in = Files.newInputStream(path)) {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        }
        return new FileHead(path, size, head, n);
    }

    /**
     * Whether the file holds nothing but, perhaps, a byte order mark, blanks and line ends
     * (a file of empty lines holds no more than an empty one).
     */
    boolean isEmpty() {
        return wholeFile && blank;
    }

    /** Whether the head holds a control character that text does not hold: a binary file, not text. */
    boolean isBinary() {
        return binary;
    }

    /**
     * The kind of compressed file or archive the file is, by the magic bytes it starts with
     * (gzip, zip, bzip2, xz, 7z, zstd), or empty.
     */
    Optional<String> compression() {
        return startsWith(0x1f, 0x8b) ? Optional.of("gzip") : startsWith('P', 'K', 3, 4) ? Optional.of("zip")
                : startsWith('B', 'Z', 'h') ? Optional.of("bzip2") : startsWith(0xfd, '7', 'z', 'X', 'Z', 0) ? Optional.of("xz")
                : startsWith('7', 'z', 0xbc, 0xaf, 0x27, 0x1c) ? Optional.of("7z")
                : startsWith(0x28, 0xb5, 0x2f, 0xfd) ? Optional.of("zstd") : Optional.empty();
    }

    private boolean startsWith(int... magic) {
        if (headBytes < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the head holds a zero byte, which no text saved in an 8-bit encoding holds (the
     * other control characters of {@link #isBinary} may stray into a text, an in-cell line
     * break of a spreadsheet, say).
     */
    boolean hasZeroByte() {
        return zeroByte;
    }

    /**
     * Whether the file is UTF-16 text (it starts with that byte order mark, or its first bytes
     * are ASCII characters two bytes each), which no reader takes.
     */
    boolean isUtf16() {
        return utf16;
    }

    /**
     * The 1-based number of the line that starts in the head but runs past the longest line a
     * text reader takes ({@link TextSource#MAX_LINE_BYTES}), or 0 when the head's cut-off line,
     * if any, is shorter. Reads on past the head to find that line's end.
     */
    long tooLongLine() throws IOException {
        if (wholeFile) {
            return 0;
        }
        long lineStart = cutLineStart;
        long lineEnd = Math.min(fileBytes, lineStart + TextSource.MAX_LINE_BYTES);
        ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            for (long position = headBytes; position < lineEnd; ) {
                buffer.clear();
                buffer.limit((int) Math.min(SAMPLE_BYTES, lineEnd - position));
                int r = channel.read(buffer, position);
                if (r < 0) {
                    return 0;
                }
                byte[] b = buffer.array();
                for (int j = 0; j < r; j++) {
                    if (b[j] == '\n') {
                        return 0;
                    }
                }
                position += r;
            }
        }
        return lineEnd - lineStart >= TextSource.MAX_LINE_BYTES ? newlines + 1 : 0;
    }

    /**
     * The error for a file whose first line ends in a carriage return alone (old Mac OS text,
     * which reads as one long line), at that carriage return, or null when it ends otherwise.
     * For the paths where detection fails: it looks at the head's bytes up to the first line
     * feed.
     */
    DataFormatException carriageReturnLineEnds() {
        int lineFeed = markBytes;
        while (lineFeed < headBytes && head[lineFeed] != '\n') {
            lineFeed++;
        }
        int loneReturn = TextSource.loneCarriageReturn(head, markBytes, lineFeed);
        return loneReturn < 0 ? null : TextSource.carriageReturnLineEnds(path, 1, loneReturn - markBytes + 1);
    }

    /** The complete lines of the head, without line ends (the last, cut-off line is left out). */
    List<String> lines() {
        return lines;
    }

    /**
     * An estimate of the file's number of lines that errs on the high side (2 %), so a builder
     * sized with it rarely has to grow. The mean line length comes from the head or, in files
     * over {@value #SAMPLED_FILE_BYTES} bytes, from {@value #SAMPLES} samples of
     * {@value #SAMPLE_BYTES} bytes spread over the file, since line lengths change along a
     * recording (e.g. from walking to standing) and a low estimate costs a copy of every
     * channel.
     */
    int estimatedLines() throws IOException {
        long bytes = headBytes;
        long lineEnds = newlines;
        if (fileBytes > SAMPLED_FILE_BYTES) {
            long[] sampled = sample();
            if (sampled[1] > 0) {
                bytes = sampled[0];
                lineEnds = sampled[1];
            }
        }
        if (lineEnds == 0) {
            return 16;
        }
        double bytesPerLine = (double) bytes / lineEnds;
        double estimate = fileBytes / bytesPerLine * (wholeFile ? 1 : 1.02) + 16;
        return (int) Math.min(Integer.MAX_VALUE - 8, estimate);
    }

    /** Bytes read and line ends found in samples spread evenly over the file. */
    private long[] sample() throws IOException {
        long bytes = 0;
        long lineEnds = 0;
        ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            for (int i = 0; i < SAMPLES; i++) {
                long position = (long) ((fileBytes - SAMPLE_BYTES) * (i + 0.5) / SAMPLES);
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        break;
                    }
                }
                byte[] b = buffer.array();
                for (int j = 0; j < buffer.position(); j++) {
                    if (b[j] == '\n') {
                        lineEnds++;
                    }
                }
                bytes += buffer.position();
            }
        }
        return new long[] {bytes, lineEnds};
    }
}
