package org.soleus.core.events;

import java.util.ArrayList;
import java.util.List;
import org.soleus.core.recording.Side;

/** The times of detected gait events, and how far a true event is from the nearest of them. */
public final class EventTimes {
    private EventTimes() {
    }

    /** The times of the events of {@code type}, in order, s. */
    public static List<Double> times(List<GaitEvent> events, GaitEventType type) {
        return events.stream().filter(e -> e.type() == type).map(GaitEvent::timeS).toList();
    }

    /** The times of the events of {@code side} and {@code type}, in order, s. */
    public static List<Double> times(List<GaitEvent> events, Side side, GaitEventType type) {
        List<Double> out = new ArrayList<>();
        for (GaitEvent e : events) {
            if (e.side() == side && e.type() == type) {
                out.add(e.timeS());
            }
        }
        return out;
    }

    /** The distance from {@code timeS} to the nearest of {@code detected}, s; infinite when there is none. */
    public static double distanceToNearestS(double timeS, List<Double> detected) {
        double best = Double.POSITIVE_INFINITY;
        for (double d : detected) {
            best = Math.min(best, Math.abs(d - timeS));
        }
        return best;
    }
}
