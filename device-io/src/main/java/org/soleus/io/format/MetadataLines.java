package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;

/**
 * A stream header as the recording format's metadata lines ({@code key: value} text pairs), so
 * that a live stream (a serial device's descriptor, a line protocol's {@code #} lines) carries
 * start time, body mass, insole layouts and properties exactly as a recording file does.
 *
 * <p>The pairs leave out {@code format} and {@code sample_rate_hz}, which a stream states in
 * its own way. Stateless and thread-safe.
 */
public final class MetadataLines {
    private MetadataLines() {
    }

    /**
     * The metadata of {@code header} as key and value text, in the order a recording file
     * writes them; values are escaped as in the file.
     */
    public static Map<String, String> of(RecordingHeader header) {
        return SoleusCsv.metadataEntries(header);
    }

    /**
     * The header that the pairs describe.
     *
     * @param source       where the stream comes from (port path), named in errors
     * @param sampleRateHz the stream's sample rate
     * @param channels     the channels in row order
     * @param entries      key and value text, as {@link #of} makes them; keys the recording
     *                     format does not define become properties
     * @param bodyMassKg   the body mass the user gives ({@code --mass}), which wins over the
     *                     entries' (an unusable one of theirs is then no error), or NaN
     * @param warnings     receives the warnings of the metadata (a {@code warning} entry, a
     *                     body mass of the entries' that the given one overrides or replaces)
     * @param checks       receives the warnings that come of the entries and channels alone (a
     *                     layout cell that is not recorded, a key a typo from a known one): a
     *                     recording of the stream keeps both, and its reader gives them again
     * @throws DataFormatException when a value is malformed, naming the source and key
     */
    public static RecordingHeader header(String source, double sampleRateHz, List<ChannelName> channels,
                                         Map<String, String> entries, double bodyMassKg, List<String> warnings,
                                         List<String> checks) throws DataFormatException {
        return SoleusCsvMetadata.streamHeader(Path.of(source), sampleRateHz, channels, entries,
                new ReadOptions(null, Double.NaN, bodyMassKg), warnings, checks);
    }

}
