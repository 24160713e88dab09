package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The registry of readers in this build: {@link Recordings} dispatches through it.
 *
 * <p>To register a reader: implement {@link RecordingReader} (stateless, streaming into the
 * sink, errors as {@link DataFormatException}), give it a {@link RecordingFormat} constant, and
 * add an instance to {@link #READERS} below. If files of the format must be recognised
 * without {@code --format}, add a content rule to {@link FormatDetector} (the rule for
 * {@link RecordingFormat#WFDB} is already there). A format that is detected but has no reader
 * here is reported as such, so the build stays usable while a reader is being written.
 *
 * <p>Thread-safe: the list is immutable and readers are stateless.
 */
public final class RecordingReaders {
    /** Every reader in this build; at most one per format. */
    private static final List<RecordingReader> READERS = List.of(
            new SoleusCsvReader(),
            new GaitpdbReader(),
            new MoticonReader(),
            new GaitmapReader(),
            new WfdbReader());

    private RecordingReaders() {
    }

    /** All registered readers. */
    public static List<RecordingReader> all() {
        return READERS;
    }

    /** The reader for {@code format}, if this build has one. */
    public static Optional<RecordingReader> find(RecordingFormat format) {
        for (RecordingReader r : READERS) {
            if (r.format() == format) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The reader for {@code format}.
     *
     * @param path the file to be read, for the message
     * @throws DataFormatException when this build has no reader for the format, listing those it has
     */
    public static RecordingReader forFormat(RecordingFormat format, Path path) throws DataFormatException {
        Optional<RecordingReader> reader = find(format);
        if (reader.isPresent()) {
            return reader.get();
        }
        StringBuilder available = new StringBuilder();
        for (RecordingReader r : READERS) {
            available.append(available.length() == 0 ? "" : ", ").append(r.format().id());
        }
        throw new DataFormatException(path, 0, 0, "the file is in " + format.id() + " format, but this build has no "
                + format.id() + " reader; readers available: " + available);
    }
}
