package org.soleus.io.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.calibration.CellCalibration;

/**
 * The notice for a foot that gives no gait events because its insole force is missing or has
 * no sample, beside a foot that has one, when something else could give them: its insole's raw
 * counts, which a calibration turns into newtons, or the IMU that {@code --imu} would time its
 * events with (a foot IMU, else a shank IMU, with all three gyroscope axes, found as the
 * analysis finds it). A foot with neither (a one-insole recording) needs no notice, unless one of
 * its channels is named so near to the insole force ({@code left.insole.forc_n},
 * {@code left.insol.force_n}: place and quantity together at most {@value #MAX_MISSPELLING_EDITS}
 * edits from {@code insole} and {@code force}) that it is likely the force, misspelt. A
 * recording without any insole force names such channels too, in the notice that its
 * events come from the IMUs or in the error that it has no force ({@link #misspeltForcesHint}),
 * and a foot with a force names them beside it ({@link #misspeltBesideForce}). Stateless.
 */
final class FootWithoutForce {

    /**
     * Edits (Levenshtein distance) from {@code insole} and {@code force}, together, within which
     * a place and quantity are taken for them misspelt.
     */
    private static final int MAX_MISSPELLING_EDITS = 2;
    private static final String INSOLE = "insole";
    private static final String FORCE = "force";
    private static final LevenshteinDistance EDITS = new LevenshteinDistance(MAX_MISSPELLING_EDITS);

    private FootWithoutForce() {
    }

    /** The notice for the first foot without force that another channel could serve, if any. */
    static Optional<String> notice(Recording recording) {
        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            if (hasForce(recording, side)) {
                continue;
            }
            // a force channel without a sample is there: saying there is none would contradict the file
            Optional<ChannelName> empty = recording.channelNames().stream()
                    .filter(c -> c.side() == side && c.isInsoleForce()).findFirst();
            String noForce = side.label() + " foot: " + (empty.isPresent() ? "its insole force (" + empty.get()
                    + ") has no sample" : "no insole force (" + side.label() + ".insole.force_<unit>)");
            Optional<ChannelName> misspelt = misspeltForce(recording, side);
            if (misspelt.isPresent() && empty.isEmpty()) {
                return Optional.of(noForce + ", so no gait events; is " + misspelt.get()
                        + " the force, misspelt? Rename its column");
            }
            Optional<ChannelName> counts = rawCounts(recording, side);
            if (counts.isPresent()) {
                return Optional.of(side.label() + " foot: its insole sends raw counts (" + counts.get() + " …) and no"
                        + " force, so no gait events; --calibration FILE turns the counts into newtons");
            }
            Optional<ImuChannels> imu = imu(recording, side);
            if (imu.isPresent()) {
                return Optional.of(noForce + ", so no gait events; --imu times them with its " + imu.get().place()
                        + " gyroscope");
            }
        }
        return Optional.empty();
    }

    /** Whether the foot has an insole force channel with at least one sample. */
    private static boolean hasForce(Recording recording, Side side) {
        return recording.channelNames().stream().anyMatch(c -> c.side() == side && c.isInsoleForce()
                && recording.channel(c.toString()).missingCount() < recording.length());
    }

    /**
     * {@code "; is left.insole.forc_n the force, misspelt? …"}, naming the channels of the feet
     * without force whose names are within a misspelling of a force channel's; nothing when there
     * is none.
     */
    static String misspeltForcesHint(Recording recording) {
        List<String> names = new ArrayList<>();
        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            if (!hasForce(recording, side)) {
                misspeltForce(recording, side).ifPresent(c -> names.add(c.toString()));
            }
        }
        return names.isEmpty() ? "" : "; " + (names.size() == 1 ? "is " + names.get(0) + " the force" : "are "
                + String.join(" and ", names) + " the forces") + ", misspelt? Rename " + (names.size() == 1 ? "its column"
                : "their columns");
    }

    /**
     * The notice for feet that have an insole force (their own, or the sum of their cells in
     * newtons where the file has none) beside a channel named within a misspelling of it, which
     * may be the force the user meant: the analysis takes the one named right.
     */
    static Optional<String> misspeltBesideForce(Recording recording) {
        List<String> pairs = new ArrayList<>();
        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            Optional<ChannelName> force = recording.channelNames().stream()
                    .filter(c -> c.side() == side && c.isInsoleForce()).findFirst();
            if (force.isPresent()) {
                String empty = hasForce(recording, side) ? "" : " (which has no sample)";
                misspeltForce(recording, side).ifPresent(c -> pairs.add(c + " beside " + force.get() + empty));
            }
        }
        return pairs.isEmpty() ? Optional.empty() : Optional.of("channels named like an insole force, misspelt: "
                + String.join(", ", pairs) + ", which the analysis takes; if a misspelt one is the force, rename its"
                + " column");
    }

    /**
     * With {@code --imu}, which times a foot without force by its IMU alone: the notice naming the
     * channels of such feet that are likely their force, misspelt, if any.
     */
    static Optional<String> misspeltWithImu(Recording recording) {
        String hint = misspeltForcesHint(recording);
        return hint.isEmpty() ? Optional.empty() : Optional.of("a foot without insole force (<side>.insole.force_<unit>)"
                + " takes its events from its IMU alone" + hint);
    }

    /**
     * The foot's first channel that is not its insole force but whose place and quantity are
     * within a misspelling of {@code insole} and {@code force}, if any.
     */
    private static Optional<ChannelName> misspeltForce(Recording recording, Side side) {
        return recording.channelNames().stream()
                .filter(c -> c.side() == side && !c.isInsoleForce() && isMisspeltForce(c))
                .findFirst();
    }

    private static boolean isMisspeltForce(ChannelName channel) {
        int place = EDITS.apply(channel.place(), INSOLE);
        int quantity = EDITS.apply(channel.quantity(), FORCE);
        return place >= 0 && quantity >= 0 && place + quantity <= MAX_MISSPELLING_EDITS;
    }

    /** The foot's first insole channel in raw counts, if any. */
    private static Optional<ChannelName> rawCounts(Recording recording, Side side) {
        return recording.channelNames().stream()
                .filter(c -> c.side() == side && c.place().equals(INSOLE) && c.unit().equals(CellCalibration.COUNTS))
                .findFirst();
    }

    /**
     * The IMU {@code --imu} would use for the foot; none when its angular-rate unit cannot be
     * told ({@code --imu} fails on it and says why).
     */
    private static Optional<ImuChannels> imu(Recording recording, Side side) {
        try {
            Optional<ImuChannels> foot = ImuChannels.foot(recording, side);
            return foot.isPresent() ? foot : ImuChannels.find(recording, side, ImuChannels.SHANK_PLACE);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
