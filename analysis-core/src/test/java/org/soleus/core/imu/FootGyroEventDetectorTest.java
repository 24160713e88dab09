package org.soleus.core.imu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.events.EventTimes.times;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Side;

final class FootGyroEventDetectorTest {

    @ParameterizedTest(name = "seed {0}, {1} Hz, noise {2} deg/s, bias {3} deg/s")
    @CsvSource({
        "1, 204.8, 0.0, 0.0",
        "2, 100.0, 2.0, 3.0",
        "3, 60.0, 2.0, 5.0",
        "4, 400.0, 2.0, 5.0",
        "5, 100.0, 2.0, 3.0",
        "6, 100.0, 2.0, 15.0",
        "7, 204.8, 2.0, 15.0",
        "8, 50.0, 1.0, 15.0",
    })
    void findsEveryEventInAnyMounting(long seed, double rateHz, double noiseDps, double biasDps) {
        double[][] mounting = SyntheticFootGyro.randomRotation(new Random(seed));
        SyntheticFootGyro gait = new SyntheticFootGyro(seed, rateHz, 30, 3.0, 1.1, mounting, noiseDps, biasDps, 0);
        List<GaitEvent> events = GyroGaitEvents.detect(gait.x, gait.y, gait.z, rateHz, 0, Side.LEFT,
                GyroEventSettings.defaults());
        String context = "seed " + seed;
        double[] heelStrikeErrors = errors(gait.heelStrikesS, times(events, GaitEventType.HEEL_STRIKE), context);
        double[] toeOffErrors = errors(gait.toeOffsS, times(events, GaitEventType.TOE_OFF), context);
        // The synthetic lobes meet at zero with a kink, which the detector's linear interpolation
        // between the two samples around the crossing misplaces by up to half a sample.
        double samplePeriodS = 1 / rateHz;
        assertTrue(mean(heelStrikeErrors) <= 0.5 * samplePeriodS, context + ": heel strikes " + Arrays.toString(heelStrikeErrors));
        assertTrue(mean(toeOffErrors) <= 0.5 * samplePeriodS, context + ": toe offs " + Arrays.toString(toeOffErrors));
        assertTrue(max(heelStrikeErrors) <= samplePeriodS && max(toeOffErrors) <= samplePeriodS, context);
        assertTrue(events.stream().allMatch(e -> e.source() == EventSource.IMU && e.side() == Side.LEFT), context);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void findsTheSagittalAxisAndItsSign(long seed) {
        double[][] mounting = SyntheticFootGyro.randomRotation(new Random(seed));
        SyntheticFootGyro gait = new SyntheticFootGyro(seed, 100, 12, 1.0, 1.1, mounting, 2.0, 3.0, 0);
        GyroEventDetector detector = GyroEventDetector.foot(100, GyroEventSettings.defaults(), (t, p) -> { });
        feed(detector, gait, 0, gait.x.length);
        detector.flush();
        assertTrue(detector.calibrated(), "seed " + seed);
        double cosine = detector.axisX() * mounting[0][1] + detector.axisY() * mounting[1][1]
                + detector.axisZ() * mounting[2][1];
        assertTrue(cosine > 0.999, "seed " + seed + ": cosine to the true axis " + cosine);
    }

    @Test
    void streamingEqualsBatch() {
        double[][] mounting = SyntheticFootGyro.randomRotation(new Random(21));
        SyntheticFootGyro gait = new SyntheticFootGyro(21, 128, 40, 2.0, 1.05, mounting, 3.0, 2.0, 7);
        List<GaitEvent> batch = GyroGaitEvents.detect(gait.x, gait.y, gait.z, 128, 5.0, Side.RIGHT,
                GyroEventSettings.defaults());
        List<Double> positions = new ArrayList<>();
        List<GaitEventType> types = new ArrayList<>();
        GyroEventDetector detector = GyroEventDetector.foot(128, GyroEventSettings.defaults(), (type, p) -> {
            types.add(type);
            positions.add(p);
        });
        feed(detector, gait, 0, gait.x.length);
        detector.flush();
        assertEquals(batch.size(), positions.size());
        for (int k = 0; k < batch.size(); k++) {
            assertEquals(types.get(k), batch.get(k).type());
            assertEquals(5.0 + positions.get(k) / 128, batch.get(k).timeS(), 1e-12);
        }
    }

    @Test
    void shufflesAreNotSwings() {
        SyntheticFootGyro gait = new SyntheticFootGyro(31, 100, 30, 2.0, 1.1, SyntheticFootGyro.IDENTITY, 2.0, 2.0, 5);
        List<GaitEvent> events = GyroGaitEvents.detect(gait.x, gait.y, gait.z, 100, 0, Side.LEFT,
                GyroEventSettings.defaults());
        double[] heelStrikeErrors = errors(gait.heelStrikesS, times(events, GaitEventType.HEEL_STRIKE), "seed 31");
        double[] toeOffErrors = errors(gait.toeOffsS, times(events, GaitEventType.TOE_OFF), "seed 31");
        // Every true event found once and none added by a shuffle, each within a sample of its time.
        assertTrue(max(heelStrikeErrors) <= 0.01 && max(toeOffErrors) <= 0.01,
                "seed 31: heel strikes " + Arrays.toString(heelStrikeErrors) + ", toe offs " + Arrays.toString(toeOffErrors));
    }

    @Test
    void eventsAlternateInTimeOrder() {
        double[][] mounting = SyntheticFootGyro.randomRotation(new Random(41));
        SyntheticFootGyro gait = new SyntheticFootGyro(41, 100, 25, 2.0, 1.0, mounting, 4.0, 5.0, 4);
        List<GaitEvent> events = GyroGaitEvents.detect(gait.x, gait.y, gait.z, 100, 0, Side.LEFT,
                GyroEventSettings.defaults());
        assertTrue(events.size() > 30);
        assertEquals(GaitEventType.TOE_OFF, events.get(0).type());
        for (int k = 1; k < events.size(); k++) {
            assertTrue(events.get(k).timeS() > events.get(k - 1).timeS(), "event " + k + " out of order");
            assertTrue(events.get(k).type() != events.get(k - 1).type(), "event " + k + " does not alternate");
        }
    }

    @Test
    void aGapAfterCalibrationLosesOnlyTheStrideItFallsIn() {
        SyntheticFootGyro gait = new SyntheticFootGyro(51, 100, 30, 2.0, 1.1, SyntheticFootGyro.IDENTITY, 2.0, 2.0, 0);
        int gapFrom = (int) Math.round((gait.heelStrikesS.get(20) - 0.2) * 100);
        for (int i = gapFrom; i < gapFrom + 10; i++) {
            gait.y[i] = Double.NaN;
        }
        List<GaitEvent> events = GyroGaitEvents.detect(gait.x, gait.y, gait.z, 100, 0, Side.LEFT,
                GyroEventSettings.defaults());
        List<Double> heelStrikes = times(events, GaitEventType.HEEL_STRIKE);
        assertEquals(gait.heelStrikesS.size() - 1, heelStrikes.size());
        assertTrue(heelStrikes.stream().noneMatch(t -> Math.abs(t - gait.heelStrikesS.get(20)) < 0.1));
        assertTrue(heelStrikes.stream().anyMatch(t -> Math.abs(t - gait.heelStrikesS.get(21)) < 0.01));
    }

    @Test
    void standingStillGivesNoEvents() {
        Random random = new Random(61);
        int n = 6000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 3 * random.nextGaussian() + 1;
            y[i] = 3 * random.nextGaussian() - 2;
            z[i] = 3 * random.nextGaussian();
        }
        GyroEventDetector detector = GyroEventDetector.foot(100, GyroEventSettings.defaults(), (t, p) -> {
            throw new AssertionError("event at " + p);
        });
        for (int i = 0; i < n; i++) {
            detector.accept(x[i], y[i], z[i]);
        }
        detector.flush();
        assertFalse(detector.calibrated());
    }

    private static void feed(GyroEventDetector detector, SyntheticFootGyro gait, int from, int to) {
        for (int i = from; i < to; i++) {
            detector.accept(gait.x[i], gait.y[i], gait.z[i]);
        }
    }

    /** Asserts one detection per true event, in order, and returns the absolute errors. */
    private static double[] errors(List<Double> truth, List<Double> detected, String context) {
        assertEquals(truth.size(), detected.size(), context + ": detected " + detected + ", true " + truth);
        double[] out = new double[truth.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.abs(detected.get(k) - truth.get(k));
        }
        return out;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
