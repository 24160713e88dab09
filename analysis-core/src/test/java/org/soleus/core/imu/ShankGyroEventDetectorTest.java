package org.soleus.core.imu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;

final class ShankGyroEventDetectorTest {

    @Test
    void streamingEqualsBatch() {
        SyntheticRecording walk = SyntheticShankWalks.walk(21, 128, 105, 30, 2, 8);
        double[][] g = gyro(walk, Side.RIGHT);
        List<GaitEvent> batch = ShankGyroEvents.detect(g[0], g[1], g[2], 128, 5.0, Side.RIGHT,
                ShankEventSettings.defaults());
        List<Double> positions = new ArrayList<>();
        List<GaitEventType> types = new ArrayList<>();
        GyroEventDetector detector = GyroEventDetector.shank(128, ShankEventSettings.defaults(), (type, p) -> {
            types.add(type);
            positions.add(p);
        });
        for (int i = 0; i < g[0].length; i++) {
            detector.accept(g[0][i], g[1][i], g[2][i]);
        }
        detector.flush();
        assertTrue(batch.size() > 40, "events: " + batch.size());
        assertEquals(batch.size(), positions.size());
        for (int k = 0; k < batch.size(); k++) {
            assertEquals(types.get(k), batch.get(k).type());
            assertEquals(5.0 + positions.get(k) / 128, batch.get(k).timeS(), 1e-12);
            assertEquals(EventSource.IMU, batch.get(k).source());
        }
    }

    @Test
    void eventsAlternateTerminalContactFirst() {
        SyntheticRecording walk = SyntheticShankWalks.walk(22, 100, 95, 30, 3, 15);
        double[][] g = gyro(walk, Side.LEFT);
        List<GaitEvent> events = ShankGyroEvents.detect(g[0], g[1], g[2], 100, 0, Side.LEFT,
                ShankEventSettings.defaults());
        assertTrue(events.size() > 40, "events: " + events.size());
        assertEquals(GaitEventType.TOE_OFF, events.get(0).type());
        for (int k = 1; k < events.size(); k++) {
            assertTrue(events.get(k).timeS() > events.get(k - 1).timeS(), "event " + k + " out of order");
            assertTrue(events.get(k).type() != events.get(k - 1).type(), "event " + k + " does not alternate");
        }
    }

    @Test
    void findsTheKneeAxisWithMidSwingPositive() {
        SyntheticRecording walk = SyntheticShankWalks.walk(23, 100, 110, 12, 1, 3);
        double[][] g = gyro(walk, Side.LEFT);
        ShankAxisFinder finder = new ShankAxisFinder(g[0].length, 50);
        assertTrue(finder.find(g[0], g[1], g[2], 0, g[0].length));
        // the same walk with the IMU in the identity mounting reads the shank's forward swing as
        // negative y (y to the left); the oriented rate must follow minus that
        double[] truthRate = identityShankRate(walk, Side.LEFT);
        double dot = 0;
        double normA = 0;
        double normB = 0;
        double[] oriented = new double[g[0].length];
        double[] negated = new double[g[0].length];
        for (int i = 0; i < g[0].length; i++) {
            oriented[i] = (g[0][i] - finder.biasX()) * finder.axisX() + (g[1][i] - finder.biasY()) * finder.axisY()
                    + (g[2][i] - finder.biasZ()) * finder.axisZ();
            negated[i] = -oriented[i];
            dot += oriented[i] * truthRate[i];
            normA += oriented[i] * oriented[i];
            normB += truthRate[i] * truthRate[i];
        }
        double correlation = dot / Math.sqrt(normA * normB);
        assertTrue(correlation > 0.99, "correlation with the true sagittal rate " + correlation);
        // mid-swing is the large positive excursion (Salarian et al. 2004: 250–400 deg/s), clearly
        // above the contacts' negative one
        Arrays.sort(oriented);
        Arrays.sort(negated);
        int rank = (int) (0.995 * (oriented.length - 1));
        assertTrue(oriented[rank] > 200 && oriented[rank] >= 1.2 * negated[rank],
                "99.5th percentile of the oriented rate " + oriented[rank] + " deg/s, of its negation " + negated[rank]);
    }

    @Test
    void standingStillGivesNoEvents() {
        Random random = new Random(61);
        GyroEventDetector detector = GyroEventDetector.shank(100, ShankEventSettings.defaults(), (t, p) -> {
            throw new AssertionError("event at " + p + " (seed 61)");
        });
        for (int i = 0; i < 6000; i++) {
            detector.accept(3 * random.nextGaussian() + 1, 3 * random.nextGaussian() - 2, 3 * random.nextGaussian());
        }
        detector.flush();
        assertFalse(detector.calibrated());
    }

    @Test
    void aGapLosesOnlyTheStrideItFallsIn() {
        SyntheticRecording walk = SyntheticShankWalks.walk(24, 100, 110, 30, 1, 2);
        double[][] g = gyro(walk, Side.LEFT);
        List<GaitEvent> whole = ShankGyroEvents.detect(g[0], g[1], g[2], 100, 0, Side.LEFT,
                ShankEventSettings.defaults());
        double heelStrike = whole.stream().filter(e -> e.type() == GaitEventType.HEEL_STRIKE).skip(20)
                .findFirst().orElseThrow().timeS();
        int from = (int) Math.round((heelStrike - 0.05) * 100);
        for (int i = from; i < from + 10; i++) {
            g[1][i] = Double.NaN;
        }
        List<GaitEvent> gapped = ShankGyroEvents.detect(g[0], g[1], g[2], 100, 0, Side.LEFT,
                ShankEventSettings.defaults());
        assertEquals(whole.size() - 2, gapped.size());
        assertTrue(gapped.stream().noneMatch(e -> Math.abs(e.timeS() - heelStrike) < 0.1));
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShankEventSettings(50, 0.5, 0.05, 0.4, 3.0, 0.5, 10));
        assertTrue(e.getMessage().contains("stride limits"), e.getMessage());
    }

    static double[][] gyro(SyntheticRecording walk, Side side) {
        double[][] g = new double[3][];
        for (int a = 0; a < 3; a++) {
            float[] s = walk.sensors().channel(side.label() + ".shank.gyr_" + "xyz".charAt(a) + "_dps").samples();
            g[a] = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                g[a][i] = s[i];
            }
        }
        return g;
    }

    /** Minus the y rate of the same walk with the shank IMU in the identity mounting (y to the left). */
    private static double[] identityShankRate(SyntheticRecording walk, Side side) {
        SyntheticRecording identity = SyntheticRecordingGenerator.generate(walk.spec().withMountings(List.of()));
        double[] y = gyro(identity, side)[1];
        for (int i = 0; i < y.length; i++) {
            y[i] = -y[i];
        }
        return y;
    }
}
