package org.soleus.io.codec;

/**
 * Turns the bytes of a live stream, in pieces of any size, into frames. A frame may span any
 * number of {@link #decode} calls; damaged input is counted ({@link #counters()}) and skipped,
 * and decoding resumes at the next frame boundary.
 *
 * <p>Implementations allocate nothing per frame (only when a descriptor arrives) and are not
 * thread-safe: one thread decodes, any thread may read the counters.
 */
public interface StreamDecoder {

    /**
     * Decodes {@code length} bytes of {@code buffer} from {@code offset}, handing every frame
     * completed in them to {@code sink}. The bytes are not kept after the call returns.
     */
    void decode(byte[] buffer, int offset, int length, FrameSink sink);

    /**
     * Forgets a partly received frame and the sequence and clock history, keeping the current
     * descriptor and the counters: call after a reconnect, when the bytes before and after do
     * not belong together.
     */
    void reset();

    /** Counts of what was decoded and what was damaged, readable from any thread. */
    DecoderCounters counters();

    /**
     * Why a line that looked like the stream's header was refused before the channels were
     * known (a misspelt channel name), quoting it; null when none was, or the protocol has no
     * such line. Readable from any thread.
     */
    default String headerProblem() {
        return null;
    }

    /**
     * Why the last descriptor a device sent, intact, was refused (a channel name not of the
     * form, a scale of 0), with its words; null when none was, or the protocol has none.
     * Readable from any thread.
     */
    default String refusedDescriptor() {
        return null;
    }

    /**
     * Why the stream's rows seem to come faster than its stated rate, whose rows in between are
     * then dropped, with its words; null when they do not, or the protocol cannot tell. Called on
     * the decoding thread.
     */
    default String fasterThanStated() {
        return null;
    }
}
