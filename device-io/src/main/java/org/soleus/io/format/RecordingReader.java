package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;
import org.soleus.core.recording.SampleSink;

/**
 * Reads one file format and streams its samples into a {@link SampleSink}, without holding
 * the file as text. Implementations are stateless and thread-safe.
 */
public interface RecordingReader {

    /** The format this reader handles. */
    RecordingFormat format();

    /**
     * Streams the recording at {@code path} into {@code sink}.
     *
     * @throws DataFormatException when the content is not what the format expects; the message
     *                             names file, line and column
     * @throws IOException         when the file cannot be read
     */
    void read(Path path, ReadOptions options, SampleSink sink) throws IOException;
}
