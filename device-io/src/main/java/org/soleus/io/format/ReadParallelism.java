package org.soleus.io.format;

/**
 * How {@link Recordings#read} parses a large text file on several threads: the file is cut at
 * line ends into parts that are parsed at the same time and joined in order, with the same
 * result as reading it row by row. Text formats only; other files are read on the calling
 * thread.
 *
 * @param threads   most parts parsed at once; 1 reads every file on the calling thread
 * @param partBytes nominal size of a part (each ends at the first line end after it)
 * @param minBytes  files with fewer bytes left after their first rows are read on the calling
 *                  thread, where starting threads would cost more than it saves
 */
public record ReadParallelism(int threads, long partBytes, long minBytes) {
    /** Every file on the calling thread. */
    public static final ReadParallelism SEQUENTIAL = new ReadParallelism(1, 1 << 22, Long.MAX_VALUE);

    public ReadParallelism {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (partBytes < 1) {
            throw new IllegalArgumentException("part size must be >= 1 byte, got " + partBytes);
        }
        if (minBytes < 0) {
            throw new IllegalArgumentException("minimum size must be >= 0 bytes, got " + minBytes);
        }
    }

    /** One thread per processor, parts of 4 MiB, files of 16 MiB or more. */
    public static ReadParallelism defaults() {
        return new ReadParallelism(Runtime.getRuntime().availableProcessors(), 1 << 22, 1 << 24);
    }

    /** Whether {@code remainingBytes} left to read are worth parsing in parts. */
    boolean splits(long remainingBytes) {
        return threads > 1 && remainingBytes >= minBytes;
    }
}
