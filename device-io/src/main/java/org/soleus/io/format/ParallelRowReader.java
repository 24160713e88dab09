package org.soleus.io.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * Reads the rest of a delimited text file in parts on several threads, for
 * {@link RowStreamer}: the file from the current line on is cut into parts of about
 * {@link ReadParallelism#partBytes()} at line ends; each part is parsed on a worker thread by
 * its own parser ({@link DelimitedRowParser#forPart}), checked by its own {@link TimeSteps} and
 * transformed into its own {@link ColumnBlock} ({@link RecordingAssembly#startPart}); the
 * reading thread joins the parts in file order.
 *
 * <p>The result is the one of reading row by row. A part counts its lines from 1, so the
 * join adds the lines before it to every line it reports; it also applies the rules that span
 * parts: the time step into a part's first row (a gap there is filled between the parts), an
 * empty line followed by rows in a later part, a last line cut short (only in the part that
 * ends the file, which holds the last line with content and any empty lines after it). The
 * first error in file order is the one thrown: a part's own error counts only after those
 * checks, and parts after it are not looked at.
 *
 * <p>Memory: at most {@code 2 × threads + 1} parts are parsed or waiting to be joined; their
 * buffers and blocks are reused from part to part, and every row goes through the per-part
 * sinks without allocation.
 *
 * <p>Use: {@link #start} (the first parts are parsed from then on), stream the rows before
 * them into the assembly, {@link #finish}, {@link #close}. One instance reads one file once;
 * its methods belong to the reading thread.
 */
final class ParallelRowReader implements Closeable {
    /** Bytes read at a time when looking for the line end after a nominal part end. */
    private static final int PROBE_BYTES = 4096;
    /** Margin on a part's rows estimated from the mean line length so far (lines differ along a file). */
    private static final double BLOCK_MARGIN = 1.25;
    /** Margin on the number of samples projected from the bytes read so far. */
    private static final double PROJECTION_MARGIN = 1.01;

    private final Path file;
    private final DelimitedRowParser rows;
    private final TimeSteps steps;
    private final RecordingAssembly assembly;
    private final RecordingHeader header;
    private final int width;
    private final float[] missing;

    private FileChannel channel;
    private ExecutorService pool;
    private long fileBytes;
    private long[] bounds;
    private int window;
    private List<Future<Part>> pending;
    private long firstLine;
    private long pendingBlankLine;
    private long cutLine;

    private ParallelRowReader(Path file, DelimitedRowParser rows, TimeSteps steps, RecordingAssembly assembly,
                              RecordingHeader header, int width, float[] missing) {
        this.file = file;
        this.rows = rows;
        this.steps = steps;
        this.assembly = assembly;
        this.header = header;
        this.width = width;
        this.missing = missing;
    }

    /**
     * Starts parsing the file from the current line of {@code rows}' source to its end: the
     * first parts are under way when this returns, while the caller streams the rows before
     * them into the assembly; {@link #finish} then joins the parts.
     *
     * @param file     the file
     * @param rows     the parser that read the file so far, positioned at the first line to read
     *                 here; receives the parts' counts
     * @param steps    the time checks (null without a time column), to be continued here after
     *                 the caller's rows
     * @param assembly the sink of the whole stream
     * @param header   the stream's header, which the assembly is started with
     * @param width    values per row
     * @param missing  a row of NaN, for gaps
     */
    static ParallelRowReader start(Path file, DelimitedRowParser rows, TimeSteps steps, RecordingAssembly assembly,
                                   RecordingHeader header, int width, float[] missing) throws IOException {
        ParallelRowReader reader = new ParallelRowReader(file, rows, steps, assembly, header, width, missing);
        try {
            reader.launch();
        } catch (IOException | RuntimeException | Error e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return reader;
    }

    @SuppressWarnings("unchecked")
    private void launch() throws IOException {
        ReadParallelism parallelism = assembly.parallelism();
        TextSource text = rows.source();
        long from = text.offset();
        firstLine = text.lineNumber();
        pendingBlankLine = rows.pendingBlankLine();
        channel = FileChannel.open(file, StandardOpenOption.READ);
        fileBytes = channel.size();
        bounds = partBounds(from, fileBytes, parallelism.partBytes());
        int parts = bounds.length - 1;
        int threads = Math.min(parallelism.threads(), parts);
        window = Math.min(parts, 2 * threads + 1);
        int rowsPerPart = (int) Math.min(1 << 24, parallelism.partBytes() * BLOCK_MARGIN / Math.max(1, bytesPerRow(text)) + 64);
        pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
        pending = new ArrayList<>(window);
        for (int k = 0; k < window; k++) {
            pending.add(pool.submit(new Part(rowsPerPart).assign(bounds[k], bounds[k + 1], k == parts - 1)));
        }
    }

    /**
     * Joins the parts into the assembly in file order, after the rows the caller has streamed
     * into it since {@link #start}.
     *
     * @return the line of a last line cut short, or 0
     * @throws DataFormatException the first error in file order, with its line in the file
     */
    long finish() throws IOException {
        int parts = bounds.length - 1;
        long line = firstLine;
        for (int k = 0; k < parts; k++) {
            Part part = await(pending.get(k % window));
            line = join(part, line);
            int next = k + window;
            if (next < parts) {
                pending.set(k % window, pool.submit(part.assign(bounds[next], bounds[next + 1], next == parts - 1)));
            }
        }
        return cutLine;
    }

    /** Stops the workers (those busy finish their part first) and closes the file. */
    @Override
    public void close() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        if (channel != null) {
            channel.close();
        }
    }

    /** Average bytes per line so far: the size hint for the parts' blocks. */
    private static long bytesPerRow(TextSource text) {
        return text.offset() / Math.max(1, text.lineNumber() - 1);
    }

    /**
     * Part boundaries from {@code from} to {@code size}: each after the first line end at or
     * after a nominal boundary, a nominal part size after the previous one. A nominal boundary
     * with no line end within {@link TextSource#MAX_LINE_BYTES} is skipped, so the over-long
     * line is reported by the part that holds it; parts of nothing but empty lines at the end
     * are joined to the last part with content ({@link #onlyLineEnds}).
     */
    private long[] partBounds(long from, long size, long partBytes) throws IOException {
        long[] bounds = new long[16];
        int n = 0;
        bounds[n++] = from;
        ByteBuffer probe = ByteBuffer.allocate(PROBE_BYTES);
        long nominal = from + partBytes;
        while (nominal < size) {
            long next = lineStartFrom(nominal - 1, size, probe);
            if (next >= size) {
                break;
            }
            if (next < 0) {
                nominal += partBytes;
                continue;
            }
            if (n == bounds.length) {
                bounds = Arrays.copyOf(bounds, 2 * n);
            }
            bounds[n++] = next;
            nominal = next + partBytes;
        }
        while (n > 1 && onlyLineEnds(bounds[n - 1], size, probe)) {
            n--;
        }
        if (n == bounds.length) {
            bounds = Arrays.copyOf(bounds, n + 1);
        }
        bounds[n++] = size;
        return Arrays.copyOf(bounds, n);
    }

    /**
     * Whether bytes {@code [from, to)} are nothing but line ends: empty lines at the end of the
     * file, which belong to the part before them, so that a short row followed by nothing else
     * is read in the part that ends the file and left out as cut short. Stops at the first other
     * byte, the first one in a file without empty lines at its end.
     */
    private boolean onlyLineEnds(long from, long to, ByteBuffer probe) throws IOException {
        for (long position = from; position < to; ) {
            probe.clear();
            int n = channel.read(probe, position);
            if (n <= 0) {
                return true;
            }
            byte[] bytes = probe.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] != '\n' && bytes[i] != '\r') {
                    return false;
                }
            }
            position += n;
        }
        return true;
    }

    /** The offset after the first {@code '\n'} at or after {@code at}, or -1 if none is near. */
    private long lineStartFrom(long at, long size, ByteBuffer probe) throws IOException {
        long position = at;
        while (position < size && position - at <= TextSource.MAX_LINE_BYTES) {
            probe.clear();
            int n = channel.read(probe, position);
            if (n <= 0) {
                return size;
            }
            byte[] bytes = probe.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    return position + i + 1;
                }
            }
            position += n;
        }
        return position >= size ? size : -1;
    }

    /**
     * Checks and appends one part.
     *
     * @param line the file's line number of the part's first line
     * @return the line number after the part
     */
    private long join(Part part, long line) throws IOException {
        IOException error = part.error;
        if (error != null && !(error instanceof DataFormatException)) {
            throw error;
        }
        long offset = line - 1;
        long firstContent = part.parser.firstContentLine();
        if (pendingBlankLine != 0) {
            if (error != null && (firstContent == 0 || ((DataFormatException) error).line() < firstContent)) {
                throw ((DataFormatException) error).movedDown(offset);
            }
            if (firstContent != 0) {
                throw rows.emptyLineError(pendingBlankLine);
            }
        }
        if (steps != null && part.partSteps.started()) {
            steps.next(part.partSteps.firstValue(), part.partSteps.firstLine() + offset, assembly, missing);
        }
        if (error != null) {
            throw ((DataFormatException) error).movedDown(offset);
        }
        if (steps != null) {
            steps.absorb(part.partSteps, offset);
        }
        rows.absorb(part.parser, offset);
        long samples = assembly.length() + (long) part.block.length();
        assembly.appendPart(part.block, (long) (samples * PROJECTION_MARGIN * fileBytes / part.to) + 16);
        if (pendingBlankLine == 0 && part.parser.pendingBlankLine() != 0) {
            pendingBlankLine = part.parser.pendingBlankLine() + offset;
        }
        if (part.status == DelimitedRowParser.CUT) {
            cutLine = part.parser.cutLine() + offset;
        }
        assembly.readUpTo(part.to);
        return line + part.lines;
    }

    private static Part await(Future<Part> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading in parts");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("a part failed unexpectedly", cause);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One part: its range, and the buffer, block and row it is parsed with, reused for the
     * next part once joined; then what parsing it found.
     */
    private final class Part implements Callable<Part> {
        private final byte[] buffer = TextSource.newBuffer();
        private final ColumnBlock block;
        private final float[] row = new float[width];
        /**
         * The part's own row of NaN for its gaps: a stage may write into the rows it is given
         * (a force unit converted in place), and the parts' sinks run at the same time.
         */
        private final float[] gap = missing.clone();
        private long from;
        private long to;
        private boolean endsFile;
        private DelimitedRowParser parser;
        private TimeSteps partSteps;
        private int status;
        private long lines;
        private IOException error;

        Part(int rowsPerPart) {
            this.block = new ColumnBlock(rowsPerPart);
        }

        Part assign(long fromByte, long toByte, boolean last) {
            from = fromByte;
            to = toByte;
            endsFile = last;
            return this;
        }

        @Override
        public Part call() {
            error = null;
            parser = null;
            try (TextSource text = TextSource.range(channel, file, from, to, endsFile, buffer)) {
                parser = rows.forPart(text);
                partSteps = steps == null ? null : steps.forPart();
                SampleSink sink = assembly.startPart(block, header);
                status = RowStreamer.pump(parser, row, partSteps, sink, gap, null);
                sink.end(List.of());
                lines = text.lineNumber() - 1;
            } catch (IOException e) {
                error = e;
            }
            return this;
        }
    }

    /** Daemon threads, so that a reader never keeps the JVM alive. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "soleus-read-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
