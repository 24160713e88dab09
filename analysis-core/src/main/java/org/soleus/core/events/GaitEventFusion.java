package org.soleus.core.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Batch driver of {@link GaitEventFuser}: combines whole lists of insole and gyroscope events.
 */
public final class GaitEventFusion {
    private GaitEventFusion() {
    }

    /**
     * Combines the events of insoles and foot-worn gyroscopes.
     *
     * @param insole       events found in insole force, any order
     * @param imu          events found by gyroscopes, any order
     * @param insoleGaps   spans in which an insole gave no data
     * @param pairWindowS  largest distance between paired events, s
     *                     ({@link GaitEventFuser#DEFAULT_PAIR_WINDOW_S})
     * @return the combined events in time order, each with its {@link EventSource}
     */
    public static List<GaitEvent> fuse(List<GaitEvent> insole, List<GaitEvent> imu, List<MissingSpan> insoleGaps,
                                       double pairWindowS) {
        List<GaitEvent> out = new ArrayList<>();
        GaitEventFuser fuser = new GaitEventFuser(pairWindowS, out::add);
        insoleGaps.forEach(fuser::insoleMissing);
        List<GaitEvent> fromInsole = sorted(insole);
        List<GaitEvent> fromImu = sorted(imu);
        int i = 0;
        int j = 0;
        while (i < fromInsole.size() || j < fromImu.size()) {
            boolean takeInsole = j == fromImu.size()
                    || (i < fromInsole.size() && fromInsole.get(i).timeS() <= fromImu.get(j).timeS());
            GaitEvent e = takeInsole ? fromInsole.get(i++) : fromImu.get(j++);
            if (takeInsole) {
                fuser.acceptInsole(e);
            } else {
                fuser.acceptImu(e);
            }
            fuser.advance(e.timeS());
        }
        fuser.flush();
        out.sort(Comparator.comparingDouble(GaitEvent::timeS));
        return out;
    }

    private static List<GaitEvent> sorted(List<GaitEvent> events) {
        List<GaitEvent> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparingDouble(GaitEvent::timeS));
        return copy;
    }
}
