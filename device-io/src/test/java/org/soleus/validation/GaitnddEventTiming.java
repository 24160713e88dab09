package org.soleus.validation;

import java.util.Arrays;
import java.util.List;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.Side;
import org.soleus.io.format.GaitnddStrideTable;

/**
 * Where the left foot's detected events lie in time against a gaitndd {@code .ts} stride table,
 * which times the left foot's events absolutely: each row's {@code elapsed} is a left heel strike,
 * and that minus the left swing the toe off before it. (The right foot's events are given only as
 * durations, which {@link GaitnddAccuracy} compares.) Unlike durations, these times move when a
 * detector is early or late throughout.
 *
 * @param heelStrikesFound    share of the table's heel strikes with a detected left heel strike
 *                            within {@value #SAME_EVENT_S} s
 * @param heelStrikeMaeS      mean absolute distance from those table heel strikes to the nearest
 *                            detected one, s
 * @param toeOffMaeS          the same for the toe offs with a detected one that near, s
 * @param extraStrideFraction share of the detected left strides within the table's span whose end
 *                            is no table heel strike (none within {@value #SAME_EVENT_S} s):
 *                            strides the table does not have
 */
record GaitnddEventTiming(double heelStrikesFound, double heelStrikeMaeS, double toeOffMaeS, double extraStrideFraction) {
    /** Events this close are taken for the same one, s: a third of the shortest stance. */
    static final double SAME_EVENT_S = 0.1;

    /** The left foot's event timing in {@code analysis} against {@code table}. */
    static GaitnddEventTiming ofLeftFoot(GaitAnalysis analysis, GaitnddStrideTable table) {
        double[] heelStrikes = times(analysis.events(), GaitEventType.HEEL_STRIKE);
        double[] toeOffs = times(analysis.events(), GaitEventType.TOE_OFF);
        double[] tableHeelStrikes = table.strides().stream().mapToDouble(GaitnddStrideTable.Stride::elapsedS).toArray();
        double[] tableToeOffs = table.strides().stream().mapToDouble(r -> r.elapsedS() - r.leftSwingS()).toArray();
        double[] heelStrikeErrors = distancesWithin(tableHeelStrikes, heelStrikes);
        double[] toeOffErrors = distancesWithin(tableToeOffs, toeOffs);
        double fromS = table.get(0).leftStrideStartS();
        double toS = tableHeelStrikes[tableHeelStrikes.length - 1];
        List<Stride> within = analysis.strides().stream().map(StrideResult::stride)
                .filter(s -> s.side() == Side.LEFT && s.endS() > fromS + SAME_EVENT_S && s.endS() < toS + SAME_EVENT_S)
                .toList();
        long extra = within.stream().filter(s -> distanceToNearest(s.endS(), tableHeelStrikes) > SAME_EVENT_S).count();
        return new GaitnddEventTiming((double) heelStrikeErrors.length / tableHeelStrikes.length, mean(heelStrikeErrors),
                mean(toeOffErrors), within.isEmpty() ? 1 : (double) extra / within.size());
    }

    @Override
    public String toString() {
        return String.format("left heel strikes found %.1f %%, %.1f ms and toe offs %.1f ms from the table's times,"
                + " %.1f %% of the detected strides not in it", 100 * heelStrikesFound, 1000 * heelStrikeMaeS,
                1000 * toeOffMaeS, 100 * extraStrideFraction);
    }

    /** For each of {@code truthS} with a detected time within {@value #SAME_EVENT_S} s, its distance to the nearest. */
    private static double[] distancesWithin(double[] truthS, double[] detectedS) {
        return Arrays.stream(truthS).map(t -> distanceToNearest(t, detectedS)).filter(d -> d <= SAME_EVENT_S).toArray();
    }

    /** The mean, NaN for none. */
    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double[] times(List<GaitEvent> events, GaitEventType type) {
        return events.stream().filter(e -> e.side() == Side.LEFT && e.type() == type).mapToDouble(GaitEvent::timeS)
                .sorted().toArray();
    }

    private static double distanceToNearest(double timeS, double[] sorted) {
        int i = Arrays.binarySearch(sorted, timeS);
        if (i >= 0) {
            return 0;
        }
        int after = -i - 1;
        double best = Double.POSITIVE_INFINITY;
        if (after < sorted.length) {
            best = sorted[after] - timeS;
        }
        if (after > 0) {
            best = Math.min(best, timeS - sorted[after - 1]);
        }
        return best;
    }
}
