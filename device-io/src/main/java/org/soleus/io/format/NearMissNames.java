package org.soleus.io.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.events.EventTiming;

/**
 * Names in a soleus CSV file that are none the toolkit reads but lie a typo from one it does
 * (or lack its unit): a metadata key ({@code sample_rate} for {@code sample_rate_hz},
 * {@code Body_Mass_kg}) that would be kept as a free property while the value it was meant to
 * give goes missing, or a channel's place ({@code fot} for {@code foot}) that keeps the channel
 * from the analysis.
 * Such a name is kept as written, with a warning; a name further from every known one is
 * taken for the user's own. Stateless.
 */
final class NearMissNames {
    /** Edits (Levenshtein distance, case ignored) within which a name is taken for a typo. */
    private static final int MAX_EDITS = 2;
    private static final LevenshteinDistance EDITS = new LevenshteinDistance(MAX_EDITS);

    /** The metadata keys whose values the reader or the analysis uses. */
    private static final List<String> KEYS = List.of(SoleusCsv.KEY_FORMAT, SoleusCsv.KEY_RATE, SoleusCsv.KEY_START,
            SoleusCsv.KEY_MASS, FootGeometry.INSOLE_LENGTH_PROPERTY, FootGeometry.HEEL_TO_ANKLE_PROPERTY,
            FootGeometry.INSOLE_SIZE_PROPERTY, EventTiming.PROPERTY);
    /** Documented free properties, some a typo from a key ({@code start_time}, {@code start_time_s}). */
    private static final List<String> PROPERTIES = List.of("start_time", "start_time_text", "source_format",
            "source_file", "subject", "study", "group", "walk", "sensor_placement", "insole_serial_left",
            "insole_serial_right", "notes", "calibration_file", "calibration_device", "calibration_date",
            "body_mass_source");
    /** The places of the channel names that the analysis looks for (the foot's: {@code ImuChannels.FOOT_PLACES}). */
    private static final List<String> PLACES = List.of("insole", "foot", "shoe", "shank", "thigh", "pelvis");

    private NearMissNames() {
    }

    /** The key {@code key} is a typo of, when it is no key or documented property itself. */
    static Optional<String> key(String key) {
        return PROPERTIES.contains(key) ? Optional.empty() : nearest(key, KEYS);
    }

    /** The place {@code place} is a typo of, when it is none of the places itself. */
    static Optional<String> place(String place) {
        return nearest(place, PLACES);
    }

    private static Optional<String> nearest(String name, List<String> known) {
        if (known.contains(name)) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestEdits = Integer.MAX_VALUE;
        for (String k : known) {
            int edits = k.startsWith(lower + "_") ? 1 : EDITS.apply(lower, k);   // sample_rate: the unit left out
            if (edits >= 0 && edits < bestEdits) {
                best = k;
                bestEdits = edits;
            }
        }
        return Optional.ofNullable(best);
    }
}
