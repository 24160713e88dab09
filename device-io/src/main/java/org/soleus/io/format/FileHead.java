package org.soleus.io.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
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

    private final Path path;
    private final long fileBytes;
    private final int headBytes;
    /** 3 when the file starts with a UTF-8 byte order mark, else 0. */
    private final int markBytes;
    private final boolean wholeFile;
    private final List<String> lines;
    private final int newlines;

    private FileHead(Path path, long fileBytes, byte[] head, int n) {
        this.path = path;
        this.fileBytes = fileBytes;
        this.headBytes = n;
        this.wholeFile = n >= fileBytes;
        List<String> out = new ArrayList<>();
        int count = 0;
        this.markBytes = TextSource.byteOrderMarkLength(head, n);
        int from = markBytes;
        for (int i = 0; i < n; i++) {
            if (head[i] == '\n') {
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
    }

    static FileHead read(Path path) throws IOException {
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

    /** Whether the file holds nothing but, perhaps, a byte order mark. */
    boolean isEmpty() {
        return headBytes == markBytes;
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
