package org.soleus.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        for (int s = 0; s < STRIDES; s++) {
            assertEquals(s * STRIDE + 2, heelStrikes.get(s).sampleIndex(), "heel strike " + s);
            assertEquals(s * STRIDE + RISE + HELD + 49, toeOffs.get(s).sampleIndex(), "toe off " + s);
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
