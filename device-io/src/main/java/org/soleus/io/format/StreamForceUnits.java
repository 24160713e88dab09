package org.soleus.io.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;

/**
 * A {@link SampleSink} stage that converts a stream's force channels in kilonewtons,
 * kilogram-force or pound-force to newtons ({@link ForceUnits}), as the readers of the toolkit's
 * CSV and of Moticon exports convert a file's: {@code left.insole.force_kgf} arrives as
 * {@code left.insole.force_n}, scaled, and one warning at the end names the channels converted.
 * A stream that carries the same channel in newtons already is refused when it starts. Other
 * channels pass unchanged; a stream without such channels passes as it is. Each row is scaled in
 * place; no allocation per row; not thread-safe.
 */
public final class StreamForceUnits implements SampleSink {
    private final SampleSink downstream;
    private SampleSink entry;
    /** The warning naming the converted channels, or null when none was. */
    private String warning;

    /** @param downstream receives the rows with their forces in newtons */
    public StreamForceUnits(SampleSink downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /**
     * @throws IllegalArgumentException naming the stream and the channel when a converted
     *                                  channel's name in newtons is one the stream carries already
     */
    @Override
    public void start(RecordingHeader header) {
        ForceUnits forces = new ForceUnits();
        List<ChannelName> names = new ArrayList<>();
        Map<ChannelName, ChannelName> convertedFrom = new HashMap<>();
        for (ChannelName name : header.channels()) {
            ChannelName inNewtons = forces.toNewtons(name, names.size());
            if (!inNewtons.equals(name)) {
                ChannelName other = convertedFrom.putIfAbsent(inNewtons, name);
                if (other != null || header.channels().contains(inNewtons)) {
                    throw new IllegalArgumentException(header.source() + ": channel " + name + " is " + inNewtons
                            + " in newtons, " + (other != null ? "as " + other + " is too" : "which the stream carries"
                            + " already"));
                }
            }
            names.add(inNewtons);
        }
        if (forces.isEmpty()) {
            entry = downstream;
            warning = null;
            downstream.start(header);
            return;
        }
        entry = forces.wrap(downstream);
        warning = forces.warning(header.source());
        entry.start(header.withChannels(names));
    }

    @Override
    public void accept(float[] row) {
        entry.accept(row);
    }

    /** Passes the warnings on, with the one naming the converted channels. */
    @Override
    public void end(List<String> warnings) {
        if (warning == null) {
            entry.end(warnings);
            return;
        }
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        entry.end(all);
    }
}
