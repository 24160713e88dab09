package org.soleus.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;

/**
 * A toe off onto an unloaded level clipped flat, as a sensor whose unloaded level lies below the
 * bottom of its ADC's range reads it: where the recording gives the range's lowest value, the
 * fall is known to be cut off where it reaches that floor, and the toe off is that corner, not
 * the knee of the part of the fall above it. Where it does not, a floor is taken for the level
 * the signal settles on. 12-bit-like codes at 300 Hz (gaitndd's rate), the events exactly known.
 */
final class ClippedFloorTest {
    private static final double RATE_HZ = 300;
    private static final double STRIDE_S = 1.1;
    private static final double RISE_S = 0.05;
    private static final double FALL_FROM_S = 0.55;
    private static final double FALL_S = 0.15;
    private static final double PEAK = 1800;
    private static final double UNLOADED = -1900;
    private static final int STRIDES = 40;

    /**
     * Strides from 0 s: a rise over {@link #RISE_S} to the peak, held, then a raised-cosine fall
     * over {@link #FALL_S} from {@link #FALL_FROM_S}, to the unloaded level at −1900 with 2 codes of
     * noise; every sample below {@code floor} reads {@code floor}.
     */
    private static double[] steps(long seed, double floor) {
        Random random = new Random(seed);
        double[] x = new double[(int) Math.round(STRIDES * STRIDE_S * RATE_HZ)];
        for (int i = 0; i < x.length; i++) {
            double s = (i / RATE_HZ) % STRIDE_S;
            double load = s < RISE_S ? PEAK * s / RISE_S : s < FALL_FROM_S ? PEAK
                    : s < FALL_FROM_S + FALL_S ? PEAK * (1 + Math.cos(Math.PI * (s - FALL_FROM_S) / FALL_S)) / 2 : 0;
            x[i] = Math.max(floor, Math.round(UNLOADED + load + 2 * random.nextGaussian()));
        }
        return x;
    }

    /** Where the fall of {@link #steps} reaches {@code floor}, s after the stride's start. */
    private static double reachesFloorS(double floor) {
        double share = (floor - UNLOADED) / PEAK;
        return FALL_FROM_S + FALL_S * Math.acos(2 * share - 1) / Math.PI;
    }

    @Test
    void aToeOffOntoTheBottomOfTheRangeIsWhereTheFallReachesIt() {
        double floor = UNLOADED + 0.05 * PEAK;
        List<Double> toeOffs = toeOffsInStride(floor, floor);
        double expectedS = reachesFloorS(floor);
        for (double t : toeOffs) {
            assertEquals(expectedS, t, 2 / RATE_HZ, "toe offs in their strides " + toeOffs);
        }
    }

    /** Without the range, the same floor is a level settled on: the knee of the fall above it, 10 to 20 ms earlier. */
    @Test
    void aFloorNotKnownToBeTheBottomOfTheRangeKeepsTheKneeOfTheFall() {
        double floor = UNLOADED + 0.05 * PEAK;
        List<Double> toeOffs = toeOffsInStride(floor, Double.NaN);
        double cornerS = reachesFloorS(floor);
        for (double t : toeOffs) {
            assertTrue(t < cornerS - 3 / RATE_HZ && t > cornerS - 0.05, "toe offs in their strides " + toeOffs);
        }
    }

    /** The toe offs of {@link #steps} clipped at {@code floor}, in seconds after their stride's start. */
    private static List<Double> toeOffsInStride(double floor, double rangeMinimum) {
        List<GaitEvent> events = ContactEvents.detect(steps(7, floor), RATE_HZ, 0, Side.LEFT,
                ContactDetectorSettings.defaults(), rangeMinimum, EventTiming.UNLOADED_BASELINE);
        List<Double> toeOffs = EventTimes.times(events, GaitEventType.TOE_OFF);
        assertTrue(toeOffs.size() >= STRIDES - 2, "toe offs " + toeOffs);
        return toeOffs.stream().map(t -> t - Math.floor(t / STRIDE_S) * STRIDE_S).toList();
    }
}
