package org.soleus.io.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.events.EventTiming;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.joint.HingeJoint;

/**
 * Names in a soleus CSV file that are none the toolkit reads but lie a typo from one it does
 * (or lack its unit): a metadata key ({@code sample_rate} for {@code sample_rate_hz},
 * {@code Body_Mass_kg}) that would be kept as a free property while the value it was meant to
 * give goes missing, or a channel's place ({@code fot} for {@code foot}) that keeps the channel
 * from the analysis. Such a name is kept as written, with a warning; a name further from every
 * known one is taken for the user's own. Stateless.
 */
final class NearMissNames {
    /** Units a key may end in, which a user may leave out ({@code sample_rate} for {@code sample_rate_hz}). */
    private static final List<String> UNIT_SUFFIXES = List.of("_hz", "_s", "_kg", "_m");

    /** The metadata keys whose values the reader or the analysis uses. */
    private static final List<String> KEYS = List.of(SoleusCsv.KEY_FORMAT, SoleusCsv.KEY_RATE, SoleusCsv.KEY_START,
            SoleusCsv.KEY_MASS, FootGeometry.INSOLE_LENGTH_PROPERTY, FootGeometry.HEEL_TO_ANKLE_PROPERTY,
            FootGeometry.INSOLE_SIZE_PROPERTY, EventTiming.PROPERTY);
    /** Documented free properties, some a typo from a key ({@code start_time}, {@code start_time_s}). */
    private static final List<String> PROPERTIES = List.of("start_time", "start_time_text", "source_format",
            "source_file", "subject", "study", "group", "walk", "sensor_placement", "insole_serial_left",
            "insole_serial_right", "notes", "calibration_file", "calibration_device", "calibration_date",
            "body_mass_source");
    /** The documented places of channel names: the foot's, shank's and thigh's, which the analysis reads, and the pelvis. */
    private static final List<String> PLACES = Stream.concat(ImuChannels.FOOT_PLACES.stream(),
            Stream.of(ImuChannels.SHANK_PLACE, HingeJoint.KNEE.proximal(), "pelvis")).toList();

    private NearMissNames() {
    }

    /**
     * The key {@code key} is a typo of, or that key without its unit; empty when it is a key or
     * documented property itself, or further from every key.
     */
    static Optional<String> key(String key) {
        if (PROPERTIES.contains(key) || KEYS.contains(key)) {
            return Optional.empty();
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String k : KEYS) {
            for (String unit : UNIT_SUFFIXES) {
                if (k.equals(lower + unit)) {
                    return Optional.of(k);
                }
            }
        }
        return nearest(lower, KEYS);
    }

    /**
     * The place {@code place} is a typo of; empty when it is one of the places itself, numbered
     * ({@code foot2}: a second sensor), or further from every place.
     */
    static Optional<String> place(String place) {
        if (PLACES.contains(place) || Character.isDigit(place.charAt(place.length() - 1))) {
            return Optional.empty();
        }
        return nearest(place.toLowerCase(Locale.ROOT), PLACES);
    }

    /**
     * The name of {@code known} within a typo of {@code lower}: one edit (Levenshtein distance)
     * for a name of up to 6 characters, two for a longer one, so that a short word of the
     * user's own ({@code shin}, {@code toe}, {@code normal}) is not taken for a typo of another
     * ({@code shoe}, {@code format}).
     */
    private static Optional<String> nearest(String lower, List<String> known) {
        LevenshteinDistance edits = new LevenshteinDistance(lower.length() <= 6 ? 1 : 2);
        String best = null;
        int bestEdits = Integer.MAX_VALUE;
        for (String k : known) {
            int d = edits.apply(lower, k);
            if (d >= 0 && d < bestEdits) {
                best = k;
                bestEdits = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
