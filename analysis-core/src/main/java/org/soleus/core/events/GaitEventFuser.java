package org.soleus.core.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Streaming combination of the events of an insole and of a foot-worn gyroscope on the same
 * foot: the insole confirms each contact change, the gyroscope times it.
 *
 * <ul>
 *   <li>An insole event with a gyroscope event of the same foot and type within
 *       {@code pairWindowS} becomes one event at the gyroscope's time, source
 *       {@link EventSource#INSOLE_IMU}: the gyroscope's zero crossings are sharp, where a force
 *       threshold on an insole that does not cover the toes and heel rim sees contact late and
 *       release early, while the gyroscope's events came within 7–8 ms of motion capture on
 *       average on the gaitmap example ({@code GaitmapImuValidationTest}).</li>
 *   <li>An insole event without one stays as it is, source {@link EventSource#INSOLE}.</li>
 *   <li>A gyroscope event without an insole event is dropped where the insole had data (it did
 *       not see a contact change there), and kept, source {@link EventSource#IMU}, where the
 *       insole had none ({@link #insoleMissing}).</li>
 * </ul>
 * Pairs are formed earliest first, each event used once. An event is decided once the caller
 * has said ({@link #advance}) that both sources have delivered everything up to its time plus
 * the window; events are then reported in order of their earlier member, which is time order
 * for each foot. Each source must deliver its events in time order, and missing spans before
 * the events they concern.
 *
 * <p>No allocation per event beyond the reported values and queue growth. Not thread-safe.
 */
public final class GaitEventFuser {
    /** Default largest distance between an insole event and its gyroscope partner, s. */
    public static final double DEFAULT_PAIR_WINDOW_S = 0.15;

    private final double pairWindowS;
    private final GaitEventListener listener;
    private final ArrayDeque<GaitEvent> insole = new ArrayDeque<>();
    private final ArrayDeque<GaitEvent> imu = new ArrayDeque<>();
    private final List<MissingSpan> gaps = new ArrayList<>();
    private double completeUntilS = Double.NEGATIVE_INFINITY;

    /**
     * @param pairWindowS largest distance between paired events, s (default
     *                    {@value #DEFAULT_PAIR_WINDOW_S}: under half the shortest stance or swing
     *                    of walking, so a pair never spans two contact changes)
     * @param listener    receives the combined events
     */
    public GaitEventFuser(double pairWindowS, GaitEventListener listener) {
        if (!(pairWindowS > 0 && pairWindowS <= 0.5)) {
            throw new IllegalArgumentException("pair window must be in (0, 0.5] s, got " + pairWindowS);
        }
        this.pairWindowS = pairWindowS;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** An event found in the insole force. */
    public void acceptInsole(GaitEvent event) {
        insole.addLast(Objects.requireNonNull(event, "event"));
    }

    /** An event found by the gyroscope. */
    public void acceptImu(GaitEvent event) {
        imu.addLast(Objects.requireNonNull(event, "event"));
    }

    /** The insole of one foot gave no data from {@code span.fromS()} to {@code span.toS()}. */
    public void insoleMissing(MissingSpan span) {
        gaps.add(Objects.requireNonNull(span, "span"));
    }

    /**
     * Both sources have delivered every event up to {@code timeS}: decides the events that can
     * no longer gain a partner.
     */
    public void advance(double timeS) {
        completeUntilS = Math.max(completeUntilS, timeS);
        decide(completeUntilS - pairWindowS);
    }

    /** End of the data: decides every event still waiting. */
    public void flush() {
        completeUntilS = Double.POSITIVE_INFINITY;
        decide(Double.POSITIVE_INFINITY);
        gaps.clear();
    }

    private void decide(double untilS) {
        while (true) {
            GaitEvent nextInsole = insole.peekFirst();
            GaitEvent nextImu = imu.peekFirst();
            boolean takeInsole = nextInsole != null && (nextImu == null || nextInsole.timeS() <= nextImu.timeS());
            GaitEvent next = takeInsole ? nextInsole : nextImu;
            if (next == null || next.timeS() > untilS) {
                return;
            }
            if (takeInsole) {
                insole.pollFirst();
                GaitEvent partner = takePartner(imu, next);
                listener.onGaitEvent(partner == null ? next : new GaitEvent(next.side(), next.type(),
                        partner.timeS(), partner.sampleIndex(), EventSource.INSOLE_IMU));
            } else {
                imu.pollFirst();
                GaitEvent partner = takePartner(insole, next);
                if (partner != null) {
                    listener.onGaitEvent(new GaitEvent(next.side(), next.type(), next.timeS(), next.sampleIndex(),
                            EventSource.INSOLE_IMU));
                } else if (insoleWasMissing(next)) {
                    listener.onGaitEvent(next);
                }
            }
        }
    }

    /** Removes and returns the queued event of the same foot and type nearest {@code event}, within the window. */
    private GaitEvent takePartner(ArrayDeque<GaitEvent> queue, GaitEvent event) {
        GaitEvent best = null;
        double bestDistance = pairWindowS;
        for (GaitEvent candidate : queue) {
            double distance = Math.abs(candidate.timeS() - event.timeS());
            if (candidate.side() == event.side() && candidate.type() == event.type() && distance <= bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        for (Iterator<GaitEvent> it = queue.iterator(); best != null && it.hasNext(); ) {
            if (it.next() == best) {
                it.remove();
                break;
            }
        }
        return best;
    }

    private boolean insoleWasMissing(GaitEvent event) {
        boolean missing = false;
        for (Iterator<MissingSpan> it = gaps.iterator(); it.hasNext(); ) {
            MissingSpan gap = it.next();
            if (gap.toS() < event.timeS() - 2 * pairWindowS) {
                it.remove();
            } else if (gap.side() == event.side() && gap.fromS() <= event.timeS() + pairWindowS
                    && gap.toS() >= event.timeS() - pairWindowS) {
                missing = true;
            }
        }
        return missing;
    }
}
