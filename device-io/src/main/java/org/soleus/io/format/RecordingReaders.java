package org.soleus.io.format;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The registry of readers: {@link Recordings} dispatches through it, one reader per
 * {@link RecordingFormat}.
 *
 * <p>To add a format: give it a {@link RecordingFormat} constant, implement
 * {@link RecordingReader} (stateless, streaming into the sink, errors as
 * {@link DataFormatException}), add an instance to {@link #READERS} below, and, if files of the
 * format must be recognised without {@code --format}, a content rule to {@link FormatDetector}.
 * Every format has its reader (checked when the class loads, and by a test).
 *
 * <p>Thread-safe: the map is immutable and readers are stateless.
 */
public final class RecordingReaders {
    /** The reader of every format. */
    private static final Map<RecordingFormat, RecordingReader> READERS = byFormat(
            new SoleusCsvReader(),
            new GaitpdbReader(),
            new MoticonReader(),
            new GaitmapReader(),
            new WfdbReader());

    private RecordingReaders() {
    }

    private static Map<RecordingFormat, RecordingReader> byFormat(RecordingReader... readers) {
        Map<RecordingFormat, RecordingReader> map = new EnumMap<>(RecordingFormat.class);
        for (RecordingReader reader : readers) {
            if (map.put(reader.format(), reader) != null) {
                throw new IllegalStateException("two readers of " + reader.format().id());
            }
        }
        for (RecordingFormat format : RecordingFormat.values()) {
            if (!map.containsKey(format)) {
                throw new IllegalStateException("no reader of " + format.id());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The reader of {@code format}. */
    public static RecordingReader forFormat(RecordingFormat format) {
        return READERS.get(Objects.requireNonNull(format, "format"));
    }
}
