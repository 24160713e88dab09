package org.soleus.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;

final class GaitEventFuserTest {
    private static final double WINDOW_S = 0.15;

    @Test
    void theInsoleConfirmsAndTheGyroscopeTimes() {
        List<GaitEvent> insole = List.of(
                insole(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.00),
                insole(Side.LEFT, GaitEventType.TOE_OFF, 1.60),
                insole(Side.RIGHT, GaitEventType.HEEL_STRIKE, 1.55),
                insole(Side.LEFT, GaitEventType.HEEL_STRIKE, 2.10));
        List<GaitEvent> imu = List.of(
                imu(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.95),
                imu(Side.LEFT, GaitEventType.TOE_OFF, 1.66),
                imu(Side.RIGHT, GaitEventType.TOE_OFF, 1.50),
                imu(Side.LEFT, GaitEventType.HEEL_STRIKE, 2.30),
                imu(Side.RIGHT, GaitEventType.HEEL_STRIKE, 3.00));
        List<GaitEvent> fused = GaitEventFusion.fuse(insole, imu, List.of(new MissingSpan(Side.RIGHT, 2.9, 3.2)),
                WINDOW_S);
        assertEquals(List.of(
                new GaitEvent(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.95, 95, EventSource.INSOLE_IMU),
                insole(Side.RIGHT, GaitEventType.HEEL_STRIKE, 1.55),
                new GaitEvent(Side.LEFT, GaitEventType.TOE_OFF, 1.66, 166, EventSource.INSOLE_IMU),
                insole(Side.LEFT, GaitEventType.HEEL_STRIKE, 2.10),
                imu(Side.RIGHT, GaitEventType.HEEL_STRIKE, 3.00)), fused);
    }

    @Test
    void streamingInChunksEqualsBatch() {
        Random random = new Random(7);
        List<GaitEvent> insole = new ArrayList<>();
        List<GaitEvent> imu = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            Side side = k % 2 == 0 ? Side.LEFT : Side.RIGHT;
            double t = 0.55 * k;
            GaitEventType type = (k / 2) % 2 == 0 ? GaitEventType.HEEL_STRIKE : GaitEventType.TOE_OFF;
            if (random.nextDouble() < 0.9) {
                insole.add(insole(side, type, t + 0.02 * random.nextGaussian()));
            }
            if (random.nextDouble() < 0.9) {
                imu.add(imu(side, type, t + 0.05 * random.nextGaussian()));
            }
        }
        List<MissingSpan> gaps = List.of(new MissingSpan(Side.LEFT, 30, 35), new MissingSpan(Side.RIGHT, 80, 81));
        List<GaitEvent> batch = GaitEventFusion.fuse(insole, imu, gaps, WINDOW_S);

        List<GaitEvent> streamed = new ArrayList<>();
        GaitEventFuser fuser = new GaitEventFuser(WINDOW_S, streamed::add);
        gaps.forEach(fuser::insoleMissing);
        int i = 0;
        int j = 0;
        for (double now = 0; now < 120; now += 1.3) {
            while (i < insole.size() && insole.get(i).timeS() <= now) {
                fuser.acceptInsole(insole.get(i++));
            }
            while (j < imu.size() && imu.get(j).timeS() <= now) {
                fuser.acceptImu(imu.get(j++));
            }
            fuser.advance(now);
        }
        fuser.flush();
        streamed.sort((a, b) -> Double.compare(a.timeS(), b.timeS()));
        assertEquals(batch, streamed, "seed 7");
        long paired = batch.stream().filter(e -> e.source() == EventSource.INSOLE_IMU).count();
        long alone = batch.stream().filter(e -> e.source() == EventSource.INSOLE).count();
        long imuOnly = batch.stream().filter(e -> e.source() == EventSource.IMU).count();
        assertEquals(insole.size(), paired + alone, "seed 7: every insole event is reported once");
        assertTrue(paired + imuOnly < imu.size(), "seed 7: gyroscope events the insole did not confirm are dropped");
        for (GaitEvent e : streamed) {
            if (e.source() == EventSource.IMU) {
                assertTrue(gaps.stream().anyMatch(g -> g.side() == e.side() && g.fromS() <= e.timeS() + WINDOW_S
                        && g.toS() >= e.timeS() - WINDOW_S), "seed 7: a gyroscope event kept alone lies by a gap " + e);
            }
        }
    }

    @Test
    void rejectsAWindowBeyondHalfASecond() {
        assertThrows(IllegalArgumentException.class, () -> new GaitEventFuser(0.6, e -> { }));
    }

    private static GaitEvent insole(Side side, GaitEventType type, double timeS) {
        return new GaitEvent(side, type, timeS, Math.round(timeS * 100), EventSource.INSOLE);
    }

    private static GaitEvent imu(Side side, GaitEventType type, double timeS) {
        return new GaitEvent(side, type, timeS, Math.round(timeS * 100), EventSource.IMU);
    }
}
