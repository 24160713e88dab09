package org.soleus.core.analysis;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.soleus.core.load.FootPressureChannels;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleStats;
import org.soleus.core.recording.Side;

/** Which channels the insole gait analysis reads, of a recording ({@link InsoleGaitAnalyzer}) or a stream ({@link StreamingGaitAnalyzer}). Stateless. */
final class InsoleChannels {
    private InsoleChannels() {
    }

    /**
     * The force channel of each foot: the first {@code <side>.insole.force_<unit>} of that side.
     *
     * @throws IllegalArgumentException naming the source and its channels when there is none
     */
    static Map<Side, ChannelName> forceChannels(List<ChannelName> channels, String source) {
        Map<Side, ChannelName> forces = forceChannelsOf(channels);
        if (forces.isEmpty()) {
            throw new IllegalArgumentException("no insole force channel (left.insole.force_<unit> or "
                    + "right.insole.force_<unit>) in " + source + "; channels: " + channels);
        }
        return forces;
    }

    /** The force channel of each foot that has one, left before right; none when the stream has no insole force. */
    static Collection<ChannelName> forceChannels(List<ChannelName> channels) {
        return forceChannelsOf(channels).values();
    }

    /** The force channel of each foot that has one: the first {@code <side>.insole.force_<unit>} of that side. */
    static Map<Side, ChannelName> forceChannelsOf(List<ChannelName> channels) {
        Map<Side, ChannelName> forces = new EnumMap<>(Side.class);
        for (ChannelName name : channels) {
            if (name.isInsoleForce() && !forces.containsKey(name.side())) {
                forces.put(name.side(), name);
            }
        }
        return forces;
    }

    /** Whether there are force channels and every one is in newtons. */
    static boolean inNewtons(Collection<ChannelName> forces) {
        return !forces.isEmpty() && forces.stream().allMatch(c -> c.unit().equals("n"));
    }

    /** Whether one of {@code sides} has all its layout's cells but no heel-force/CoP summary yet. */
    static boolean needsCellSummary(RecordingMetadata metadata, List<ChannelName> channels, Iterable<Side> sides) {
        for (Side side : sides) {
            InsoleLayout layout = metadata.layout(side);
            if (layout == null || channels.contains(FootPressureChannels.heelForce(side))) {
                continue;
            }
            boolean complete = layout.cells().stream()
                    .allMatch(c -> channels.contains(FootPressureChannels.cell(side, c.quantity())));
            if (complete) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one value of an insole's force when it never changes (at least two finite samples, all
     * equal: not connected or not worn), else NaN.
     */
    static float constantValue(Channel force) {
        SampleStats stats = force.stats();
        return stats.finite() >= 2 && stats.min() == stats.max() ? stats.min() : Float.NaN;
    }

    /** Whether an insole's force carries no signal: no finite sample, or a constant one ({@link #constantValue}). */
    static boolean isDead(Channel force) {
        return force.stats().finite() == 0 || !Float.isNaN(constantValue(force));
    }

    /** Whether {@code name} is an insole cell channel ({@code <side>.insole.cellNN_<unit>}). */
    static boolean isCell(ChannelName name) {
        return name.isInsoleCell();
    }
}
