package org.soleus.core.events;

import java.util.Locale;
import java.util.Map;
import org.soleus.core.recording.RecordingMetadata;

/**
 * Where on a contact's edges {@link ContactEventDetector} places heel strike and toe off: two
 * conventions of the ground truth a recording's events are compared with. A recording names
 * its own in the property {@value #PROPERTY} (readers of a device whose software follows
 * the second set it); without one, the first.
 */
public enum EventTiming {
    /**
     * Where the signal leaves (heel strike) and rejoins (toe off) its unloaded baseline: the
     * knee of each edge. The moments a footswitch closes and opens, as PhysioNet gaitndd's stride
     * tables time them, and the convention for signals only proportional to force.
     */
    UNLOADED_BASELINE("baseline"),
    /**
     * Where the force rises through {@value ContactEventDetector#LEVEL_HEEL_STRIKE_FRACTION} and
     * falls through {@value ContactEventDetector#LEVEL_TOE_OFF_FRACTION} of the contact's height
     * above the unloaded level (the last contact's peak at heel strike, its own at toe off): the
     * first sample at or above the one, the first below the other (the rise's height above the
     * lowest sample before it, so that a swing level that creeps is followed). Moticon's OpenGo
     * software marks its step events so: 47 of the 48 markers of the two shipped exports lie
     * within a sample of those crossings (the other within two), and the knees of the other
     * timing up to 40 ms from them.
     */
    LOAD_LEVELS("load-levels");

    /** The recording property that names a recording's timing, by {@link #id()}. */
    public static final String PROPERTY = "event_timing";

    private final String id;

    EventTiming(String id) {
        this.id = id;
    }

    /** The name in a recording's property and on the command line. */
    public String id() {
        return id;
    }

    /**
     * The timing a name gives, case ignored.
     *
     * @throws IllegalArgumentException naming the names there are, when it is none of them
     */
    public static EventTiming of(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (EventTiming t : values()) {
            if (t.id.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("expected " + UNLOADED_BASELINE.id + " or " + LOAD_LEVELS.id + ", got '"
                + id + "'");
    }

    /**
     * The timing a recording names in {@value #PROPERTY}, or {@link #UNLOADED_BASELINE} when it names
     * none.
     *
     * @throws IllegalArgumentException when it names one there is not
     */
    public static EventTiming of(RecordingMetadata metadata) {
        return ofProperties(metadata.properties());
    }

    /**
     * {@link #of(RecordingMetadata)} of a recording's properties.
     *
     * @throws IllegalArgumentException when they name one there is not
     */
    public static EventTiming ofProperties(Map<String, String> properties) {
        String id = properties.get(PROPERTY);
        return id == null ? UNLOADED_BASELINE : of(id);
    }
}
