package org.soleus.io.codec;

/**
 * What a {@link StreamDecoder} has seen. The decoding thread counts in plain fields and
 * publishes them at the end of every {@code decode} call, and before it hands on a descriptor
 * (so that a thread that sees the descriptor sees the counts up to it, e.g. the lines that did
 * not decode before a header); other threads read the last published values (each value on its
 * own is exact; the set is consistent after the decoding thread has stopped).
 */
public final class DecoderCounters {
    long bytes;
    long frames;
    long descriptors;
    long crcErrors;
    long malformed;
    long lostFrames;
    long undescribed;

    private volatile long publishedBytes;
    private volatile long publishedFrames;
    private volatile long publishedDescriptors;
    private volatile long publishedCrcErrors;
    private volatile long publishedMalformed;
    private volatile long publishedLostFrames;
    private volatile long publishedUndescribed;

    /** Makes the counts visible to other threads; called by the decoder. */
    void publish() {
        publishedBytes = bytes;
        publishedFrames = frames;
        publishedDescriptors = descriptors;
        publishedCrcErrors = crcErrors;
        publishedMalformed = malformed;
        publishedLostFrames = lostFrames;
        publishedUndescribed = undescribed;
    }

    /** Bytes fed to the decoder. */
    public long bytes() {
        return publishedBytes;
    }

    /** Sample frames handed to the sink. */
    public long frames() {
        return publishedFrames;
    }

    /** Descriptors received (repeats included). */
    public long descriptors() {
        return publishedDescriptors;
    }

    /** Binary frames whose CRC did not match (never handed on). */
    public long crcErrors() {
        return publishedCrcErrors;
    }

    /**
     * Pieces of input that were not a frame: binary data between delimiters that is not valid
     * COBS, too short, too long or of an unknown type; text lines that are not a header, a
     * metadata line or a row of the declared width.
     */
    public long malformed() {
        return publishedMalformed;
    }

    /** Frames missing from the sequence counter's run (binary protocol). */
    public long lostFrames() {
        return publishedLostFrames;
    }

    /** Intact sample frames skipped because no descriptor had declared their channels yet. */
    public long undescribed() {
        return publishedUndescribed;
    }

    /** Damaged input of any kind: CRC errors plus malformed pieces. */
    public long errors() {
        return crcErrors() + malformed();
    }
}
