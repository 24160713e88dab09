package org.soleus.io.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.soleus.core.events.EventTiming;

/**
 * The {@code # key: value} metadata lines of a line-protocol stream, for a {@link LineDecoder}:
 * the rate ({@code # sample_rate_hz: 100}) and the recording format's other keys, which the
 * next descriptor takes, and why the metadata in force refuses every descriptor (an
 * {@code event_timing} that names no timing).
 *
 * <p>Allocates per metadata line. Reading on the decoding thread; {@link #refused()} from any.
 */
final class LineMetadata {
    /** The rate the user gives ({@code --rate}), which wins over the stream's, or NaN. */
    private final double rateOverrideHz;
    /** Whether the user gives the event timing, so that the stream's is left out. */
    private final boolean eventTimingGiven;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private double statedRateHz = Double.NaN;
    /** Why the metadata in force refuses every descriptor (an {@code event_timing} there is not), or null. */
    private volatile String refusedMetadata;

    LineMetadata(double rateOverrideHz, boolean eventTimingGiven) {
        this.rateOverrideHz = rateOverrideHz;
        this.eventTimingGiven = eventTimingGiven;
    }

    /** The rate of the next descriptor: the user's, else the stream's, else NaN. */
    double rateHz() {
        return Double.isNaN(rateOverrideHz) ? statedRateHz : rateOverrideHz;
    }

    /** The properties for the next descriptor, in the order the stream gave them. */
    Map<String, String> properties() {
        return properties;
    }

    /** Why the metadata in force refuses every descriptor, naming the line; null when it does not. */
    String refused() {
        return refusedMetadata;
    }

    /** {@code # key: value}, given what follows the {@code #}: the rate, or a property for the next descriptor. */
    void read(String line) {
        String body = line.strip();
        int colon = body.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String key = body.substring(0, colon).strip();
        String value = body.substring(colon + 1).strip();
        if (key.equals("sample_rate_hz")) {
            try {
                double rate = Double.parseDouble(value);
                statedRateHz = rate > 0 && !Double.isInfinite(rate) ? rate : Double.NaN;
            } catch (NumberFormatException e) {
                statedRateHz = Double.NaN;
            }
        } else if (!key.equals("format") && !key.equals("warning")
                && !(eventTimingGiven && key.equals(EventTiming.PROPERTY))) {
            properties.put(key, value);
            if (key.equals(EventTiming.PROPERTY)) {
                refusedMetadata = refusal(key, value);
            }
        }
    }

    /** Why the metadata line {@code key: value} refuses every descriptor after it, or null when it does not. */
    private static String refusal(String key, String value) {
        try {
            EventTiming.of(value);
            return null;
        } catch (IllegalArgumentException e) {
            return "the stream's metadata line '# " + key + ": " + value + "' was refused: " + e.getMessage();
        }
    }
}
