package org.soleus.io.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.io.format.RecordingFormat;

/**
 * What was read: the input file, its format and what the recording says about itself.
 *
 * @param path           the input path as given
 * @param format         the format it was read as
 * @param formatSource   {@link ValueSource#FLAG} or {@link ValueSource#DETECTED}
 * @param source         the recording's own source description
 * @param properties     the recording's free-form properties, in file order
 * @param sampleRateHz   sample rate, Hz
 * @param sampleRateSource {@link ValueSource#FILE} (stated or timed by the file),
 *                       {@link ValueSource#FLAG} or {@link ValueSource#TABLE} where the user gave it,
 *                       or {@link ValueSource#DEFAULT} (a WFDB header that states none)
 * @param startTimeS     time of the first sample, s
 * @param sampleCount    samples per channel
 * @param durationS      duration covered by the samples, s
 * @param channels       channel names in file order
 * @param missingSamples missing (NaN) samples per channel, in file order
 * @param warnings       data-quality remarks the reader made (e.g. a truncated last row)
 */
public record InputProvenance(String path, RecordingFormat format, ValueSource formatSource, String source,
                              Map<String, String> properties, double sampleRateHz, ValueSource sampleRateSource,
                              double startTimeS,
                              int sampleCount, double durationS, List<String> channels,
                              Map<String, Integer> missingSamples, List<String> warnings) {

    public InputProvenance {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        if (formatSource != ValueSource.FLAG && formatSource != ValueSource.DETECTED) {
            throw new IllegalArgumentException("a format is given by flag or detected, got " + formatSource);
        }
        if (sampleRateSource != ValueSource.FILE && sampleRateSource != ValueSource.FLAG
                && sampleRateSource != ValueSource.TABLE && sampleRateSource != ValueSource.DEFAULT) {
            throw new IllegalArgumentException("a sample rate comes from the file, a flag, a table or the format's"
                    + " default, got " + sampleRateSource);
        }
        Objects.requireNonNull(source, "source");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        channels = List.copyOf(channels);
        missingSamples = Collections.unmodifiableMap(new LinkedHashMap<>(missingSamples));
        warnings = List.copyOf(warnings);
    }

    /**
     * Describes a recording read from {@code path}; counts the missing samples of every
     * channel but those whose empty samples carry meaning (one pass over the data): a centre of
     * pressure has no value while its foot is unloaded, and an event-code channel (unit
     * {@code code}, such as a vendor's step markers) none between its events. Where the insole
     * sent nothing, its force channels count the row.
     *
     * @param sampleRateSource where the recording's sample rate comes from ({@link #sampleRateSource})
     */
    public static InputProvenance of(Path path, RecordingFormat format, ValueSource formatSource,
                                     ValueSource sampleRateSource, Recording recording) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (Channel c : recording.channels()) {
            names.add(c.name().toString());
            if (!emptyByDefinition(c.name())) {
                missing.put(c.name().toString(), c.missingCount());
            }
        }
        return new InputProvenance(path.toString(), format, formatSource, recording.source(),
                recording.metadata().properties(), recording.sampleRateHz(), sampleRateSource, recording.startTimeS(),
                recording.length(), recording.durationS(), names, missing, recording.warnings());
    }

    /** Whether {@code name} is a centre of pressure ({@code cop_x}, {@code cop_y}) or an event code. */
    private static boolean emptyByDefinition(ChannelName name) {
        return name.quantity().equals("cop_x") || name.quantity().equals("cop_y") || name.unit().equals("code");
    }
}
