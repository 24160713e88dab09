package org.soleus.core.recording;

import java.util.List;

/**
 * Receives a recording sample by sample: the way readers, decoders and live streams hand
 * data on, so that nothing has to hold a whole file as text.
 *
 * <p>Call order: {@link #start} once, {@link #accept} once per sample, {@link #end} once.
 * Implementations say whether they are thread-safe; none here is.
 */
public interface SampleSink {

    /** Announces the channels, rate and metadata of the samples to come. */
    void start(RecordingHeader header);

    /**
     * One sample of every channel, in header order; {@code NaN} marks a missing value.
     * The caller reuses {@code row}: copy what must be kept.
     */
    void accept(float[] row);

    /**
     * The stream is over.
     *
     * @param warnings data-quality remarks about the stream, e.g. a truncated last row that
     *                 was left out, each naming where it happened
     */
    void end(List<String> warnings);
}
