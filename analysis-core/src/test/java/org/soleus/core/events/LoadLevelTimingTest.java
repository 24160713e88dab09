package org.soleus.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * {@link EventTiming#LOAD_LEVELS} on steps with straight edges, whose crossings are exactly known:
 * at 100 Hz a rise over {@link #RISE} samples from the unloaded level to the peak, held, a fall
 * over {@link #FALL} samples back, and a swing. The events lie at the first sample of the rise at
 * or above 3 % of the height (2 of its 40 samples in) and the first of the fall below 12 % (49 of
 * its 55 in), whatever the signal's offset and gain. (The knees of the other timing are pinned on
 * curved edges, where a knee is defined: {@link ClippedFloorTest}, {@link SlowLoadingTest}.)
 */
final class LoadLevelTimingTest {
    private static final double RATE_HZ = 100;
    private static final int STRIDE = 170;
    private static final int RISE = 40;
    private static final int HELD = 20;
    private static final int FALL = 55;
    private static final int STRIDES = 12;

    /** Steps from sample 0 of each stride: rise, held, fall, then unloaded to the stride's end. */
    private static double[] steps(double unloaded, double height) {
        double[] x = new double[STRIDES * STRIDE];
        for (int i = 0; i < x.length; i++) {
            int k = i % STRIDE;
            double share = k <= RISE ? (double) k / RISE : k <= RISE + HELD ? 1
                    : k <= RISE + HELD + FALL ? 1 - (double) (k - RISE - HELD) / FALL : 0;
            x[i] = unloaded + height * share;
        }
        return x;
    }

    @ParameterizedTest
    @CsvSource({"0, 800", "-1900, 3600", "2.5, 0.01"})
    void eventsLieWhereTheForceCrossesTheLevels(double unloaded, double height) {
        List<GaitEvent> events = ContactEvents.detect(steps(unloaded, height), RATE_HZ, 0, Side.LEFT,
                ContactDetectorSettings.defaults(), Double.NaN, EventTiming.LOAD_LEVELS);
        List<GaitEvent> heelStrikes = events.stream().filter(e -> e.type() == GaitEventType.HEEL_STRIKE).toList();
        List<GaitEvent> toeOffs = events.stream().filter(e -> e.type() == GaitEventType.TOE_OFF).toList();
        assertEquals(STRIDES, heelStrikes.size(), events.toString());
        assertEquals(STRIDES, toeOffs.size(), events.toString());
        // the first contact starts with the recording: the unloaded level it has learned is the
        // median of the first three samples, 1/40 of the height, which raises its toe off's level
        assertEquals(RISE + HELD + 48, toeOffs.get(0).sampleIndex(), "the first toe off");
        for (int s = 0; s < STRIDES; s++) {
            assertEquals(s * STRIDE + 2, heelStrikes.get(s).sampleIndex(), "heel strike " + s);
            if (s > 0) {
                assertEquals(s * STRIDE + RISE + HELD + 49, toeOffs.get(s).sampleIndex(), "toe off " + s);
            }
        }
    }

    /**
     * A swing level that creeps up to 4 % of the height and rises from there does not pass for
     * the rise (the level is taken above the lowest sample of the span searched, not of the
     * whole swing, and lies about 3 % above the creep's), and a heel stage rising to 12 % of the height over 25 samples, longer than the
     * refinement window, keeps its crossing of 3 % (the search reaches two windows back): each
     * heel strike within a sample of where the rise itself crosses the level.
     */
    @ParameterizedTest
    @CsvSource({"creep, 1", "heel stage, 7"})
    void aCreepingSwingOrASlowHeelStageKeepsTheCrossingOfTheRise(String kind, int crossingSample) {
        boolean creep = kind.equals("creep");
        double[] x = new double[STRIDES * STRIDE];
        for (int i = 0; i < x.length; i++) {
            int k = i % STRIDE;
            int stage = creep ? 0 : 25;
            double share;
            if (k < stage) {
                share = 0.12 * k / stage;
            } else if (k <= stage + 10) {
                share = (creep ? 0.04 : 0.12) + (creep ? 0.96 : 0.88) * (k - stage) / 10.0;
            } else if (k <= stage + 10 + HELD) {
                share = 1;
            } else if (k <= stage + 10 + HELD + FALL) {
                share = 1 - (double) (k - stage - 10 - HELD) / FALL;
            } else {
                int swingEnd = STRIDE - (stage + 10 + HELD + FALL);
                share = creep ? 0.04 * (k - stage - 10 - HELD - FALL) / swingEnd : 0;
            }
            x[i] = 100 + 800 * share;
        }
        List<GaitEvent> heelStrikes = ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults(),
                Double.NaN, EventTiming.LOAD_LEVELS).stream().filter(e -> e.type() == GaitEventType.HEEL_STRIKE).toList();
        assertEquals(STRIDES, heelStrikes.size(), heelStrikes.toString());
        for (int s = 1; s < STRIDES; s++) {
            assertEquals(s * STRIDE + crossingSample, heelStrikes.get(s).sampleIndex(), 1, kind + ", heel strike " + s);
        }
    }

    /** The events of {@code type} of a detection, as sample indices within their stride. */
    private static List<Long> inStride(List<GaitEvent> events, GaitEventType type, int stride) {
        return events.stream().filter(e -> e.type() == type).map(e -> e.sampleIndex() % stride).toList();
    }

    private static List<GaitEvent> levels(double[] x) {
        return ContactEvents.detect(x, RATE_HZ, 0, Side.LEFT, ContactDetectorSettings.defaults(), Double.NaN,
                EventTiming.LOAD_LEVELS);
    }

    /**
     * A sample exactly at 3 % of the height is the heel strike (at or above the level); one
     * exactly at 12 % is not yet the toe off (below it).
     */
    @Test
    void aSampleExactlyAtALevelIsAboveIt() {
        int stride = 170;
        double[] rise = {0, 3, 3, 3, 20, 40, 60, 80, 100};
        double[] fall = {100, 80, 60, 40, 20, 12, 12, 12, 0};
        double[] x = new double[STRIDES * stride];
        for (int i = 0; i < x.length; i++) {
            int k = i % stride;
            x[i] = k < rise.length ? rise[k] : k < 60 ? 100 : k < 60 + fall.length ? fall[k - 60] : 0;
        }
        // after the first stride, whose unloaded level is learned from the recording's first samples
        assertEveryStrideAfter(1, levels(x), stride, 1, 68);
    }

    /**
     * Ramps of 100 samples, 1 % of the height each, at half-percent values: the heel strike at
     * the first sample at or above 3 % (3.5 %), the toe off at the first below 12 % (11.5 %), so
     * the levels are pinned to the hundredth. The first three strides are steps, from which the
     * warm-up learns the levels.
     */
    @Test
    void theLevelsArePinnedToTheHundredth() {
        int stride = 270;
        double[] x = new double[STRIDES * stride];
        for (int i = 0; i < x.length; i++) {
            int k = i % stride;
            x[i] = i < 3 * stride ? (k >= 95 && k <= 125 ? 100 : 0)
                    : k == 0 ? 0 : k < 100 ? k - 0.5 : k <= 120 ? 100 : k < 220 ? 100 - (k - 120) - 0.5 : 0;
        }
        assertEveryStrideAfter(3, levels(x), stride, 4, 208);
    }

    /**
     * Every heel strike and toe off after the first {@code skipped} strides at {@code heelStrike}
     * and {@code toeOff} samples into its stride.
     */
    private static void assertEveryStrideAfter(int skipped, List<GaitEvent> events, int stride, long heelStrike,
                                               long toeOff) {
        List<Long> heelStrikes = inStride(events, GaitEventType.HEEL_STRIKE, stride);
        List<Long> toeOffs = inStride(events, GaitEventType.TOE_OFF, stride);
        assertEquals(List.of(heelStrike), heelStrikes.subList(skipped, heelStrikes.size()).stream().distinct().toList(),
                events.toString());
        assertEquals(List.of(toeOff), toeOffs.subList(skipped, toeOffs.size()).stream().distinct().toList(),
                events.toString());
    }

    /**
     * Load lingering at 14 % of the height (below the release threshold, above the toe off's
     * level) before the foot lifts: the toe off is where it drops below 12 % while that lies within
     * the refinement window (29 samples at these 2-s strides); beyond it, the knee of the fall,
     * where the baseline timing puts it: the corner where the fall reaches the lingering load, 65
     * samples in.
     */
    @Test
    void aLingeringLoadKeepsTheToeOffWhereItDrops() {
        int stride = 200;
        for (int linger = 0; linger <= 40; linger++) {
            double[] x = new double[STRIDES * stride];
            for (int i = 0; i < x.length; i++) {
                int k = i % stride;
                x[i] = k < 40 ? 100.0 * k / 40 : k < 60 ? 100 : k < 65 ? 100 - 86.0 * (k - 60) / 5
                        : k < 65 + linger ? 14 : 0;
            }
            List<Long> toeOffs = inStride(levels(x), GaitEventType.TOE_OFF, stride);
            long drop = 65 + linger;
            for (long toeOff : toeOffs.subList(3, toeOffs.size())) {
                assertEquals(linger <= 29 ? drop : 65, toeOff, "linger " + linger + ": " + toeOffs);
            }
        }
    }

    /**
     * A heel stage of 25 samples with contacts of at least 0.35 s, whose look-ahead is long: no
     * heel strike of either timing is reported below a report floor given before it, though it
     * lies more than a refinement window before its crossing.
     */
    @Test
    void noEventOfAHeelStageFallsBelowAReportFloorGivenBeforeIt() {
        int stride = 170;
        double[] x = new double[STRIDES * stride];
        for (int i = 0; i < x.length; i++) {
            int k = i % stride;
            double share = k < 25 ? 0.12 * k / 25 : k <= 35 ? 0.12 + 0.88 * (k - 25) / 10.0 : k <= 55 ? 1
                    : k <= 110 ? 1 - (k - 55) / 55.0 : 0;
            x[i] = 100 + 800 * share;
        }
        for (EventTiming timing : EventTiming.values()) {
            long[] floor = {Long.MIN_VALUE};
            List<String> below = new ArrayList<>();
            int[] reported = {0};
            ContactEventDetector[] detector = new ContactEventDetector[1];
            detector[0] = new ContactEventDetector(RATE_HZ, new ContactDetectorSettings(0.30, 0.15, 0.15, 0.35, 0.15, 1.0),
                    Double.NaN, timing, (type, index) -> {
                        reported[0]++;
                        if (index < floor[0]) {
                            below.add(type + " at " + index + " below " + floor[0]);
                        }
                    });
            for (double v : x) {
                detector[0].accept(v);
                if (detector[0].warmUpFloor() == Long.MAX_VALUE) {
                    floor[0] = Math.max(floor[0], detector[0].reportFloor());
                }
            }
            assertTrue(reported[0] > 15, timing + ": " + reported[0] + " events");
            assertEquals(List.of(), below, timing.toString());
        }
    }

    @Test
    void aRecordingNamesItsTimingByItsId() {
        assertEquals(EventTiming.UNLOADED_BASELINE, EventTiming.of(RecordingMetadata.EMPTY));
        assertEquals(EventTiming.LOAD_LEVELS,
                EventTiming.of(RecordingMetadata.EMPTY.withProperty(EventTiming.PROPERTY, "load-levels")));
        assertEquals(EventTiming.UNLOADED_BASELINE, EventTiming.of(" Baseline "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventTiming.of("levels"));
        assertEquals("expected baseline or load-levels, got 'levels'", e.getMessage());
    }
}
