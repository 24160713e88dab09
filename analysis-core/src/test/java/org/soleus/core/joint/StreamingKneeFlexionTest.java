package org.soleus.core.joint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.joint.AngleErrors.angleDeg;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.soleus.core.joint.SyntheticLeg.Motion;
import org.soleus.core.orientation.ImuSamples;

/** {@link StreamingJointAngle} on the knee: a thigh and a shank IMU. */
final class StreamingKneeFlexionTest {
    private static final JointAngleSettings SETTINGS = JointAngleSettings.defaults(SyntheticLeg.SAMPLE_RATE_HZ);

    /** A stream's angles and, per sample taken, how many angles had been reported by then. */
    private static final class Run {
        final double[] flexionDeg;
        final long[] reportedAfter;
        final StreamingJointAngle stream;
        long reported;

        Run(SyntheticLeg leg, JointAngleSettings settings, boolean end) {
            int n = leg.flexionDeg.length;
            flexionDeg = new double[n];
            Arrays.fill(flexionDeg, 12345);
            reportedAfter = new long[n];
            stream = new StreamingJointAngle(HingeJoint.KNEE, settings, (sample, deg) -> {
                assertEquals(reported, sample, "angles in sample order");
                flexionDeg[(int) sample] = deg;
                reported++;
            });
            for (int i = 0; i < n; i++) {
                stream.accept(leg.thigh.gyrXDps()[i], leg.thigh.gyrYDps()[i], leg.thigh.gyrZDps()[i],
                        leg.thigh.accXMps2()[i], leg.thigh.accYMps2()[i], leg.thigh.accZMps2()[i],
                        leg.shank.gyrXDps()[i], leg.shank.gyrYDps()[i], leg.shank.gyrZDps()[i],
                        leg.shank.accXMps2()[i], leg.shank.accYMps2()[i], leg.shank.accZMps2()[i]);
                reportedAfter[i] = reported;
            }
            if (end) {
                stream.end();
            }
        }

        /** Samples taken when the warm-up ended (the first sample with its angle reported at once). */
        int warmUp() {
            for (int i = 0; i < reportedAfter.length; i++) {
                if (reportedAfter[i] == i + 1) {
                    return i + 1;
                }
            }
            return -1;
        }
    }

    /** The joint axes the stream finds in a leg's samples. */
    static JointAxes axes(SyntheticLeg leg, JointAngleSettings settings) {
        return new Run(leg, settings, true).stream.axes().orElseThrow();
    }

    @Test
    void axesComeFromTheFirstMovementAndEveryAngleIsReportedOnceWithABoundedDelay() {
        for (long seed = 801; seed <= 804; seed++) {
            SyntheticLeg leg = new SyntheticLeg(Motion.WALKING, seed, 40, 0.7, 0.08, 4.0);
            Run run = new Run(leg, SETTINGS, false);
            int warmUp = run.warmUp();
            int calibration = SETTINGS.calibrationSamples();
            // walking starts 1 s after calibration and its segments turn faster than 20 deg/s
            // nearly all the time
            assertTrue(warmUp >= calibration + SETTINGS.axisMotionSamples()
                    && warmUp <= calibration + SETTINGS.axisMotionSamples() + 300, "seed " + seed + ": warm-up " + warmUp);
            for (int i = 0; i < warmUp - 1; i++) {
                assertEquals(0, run.reportedAfter[i], "seed " + seed + ": nothing reported during warm-up");
            }
            for (int i = warmUp - 1; i < run.reportedAfter.length; i++) {
                assertEquals(i + 1, run.reportedAfter[i], "seed " + seed + ": angles as samples come after warm-up");
            }
            assertTrue(run.stream.warmedUp() && run.stream.failure().isEmpty());
            assertEquals(leg.flexionDeg.length, run.stream.samples());

            JointAxes fromWindow = JointAxisEstimator.estimate(head(leg.thigh, warmUp), head(leg.shank, warmUp), SETTINGS);
            assertEquals(fromWindow, run.stream.axes().orElseThrow(), "seed " + seed);
            double[] expected = new double[leg.flexionDeg.length];
            new JointAngleEstimator(SETTINGS, fromWindow).update(leg.thigh, leg.shank, 0, expected.length, expected);
            assertArrayEquals(expected, run.flexionDeg, 0.0, "seed " + seed);
        }
    }

    @Test
    void aStreamEndingInTheWarmUpTakesItsAxesFromEverySample() {
        SyntheticLeg leg = new SyntheticLeg(Motion.KNEE_BENDS, 811, 9, 0.7, 0.08, 4.0);
        Run run = new Run(leg, SETTINGS, false);
        assertEquals(-1, run.warmUp());
        assertTrue(run.stream.axes().isEmpty() && !run.stream.warmedUp());
        run.stream.end();
        run.stream.end();
        assertEquals(JointAxisEstimator.estimate(leg.thigh, leg.shank, SETTINGS), run.stream.axes().orElseThrow());
        double[] expected = new double[leg.flexionDeg.length];
        new JointAngleEstimator(SETTINGS, run.stream.axes().orElseThrow()).update(leg.thigh, leg.shank, 0,
                expected.length, expected);
        assertArrayEquals(expected, run.flexionDeg, 0.0);
        assertThrows(IllegalStateException.class, () -> run.stream.accept(0, 0, 0, 0, 0, 9.8, 0, 0, 0, 0, 0, 9.8));
    }

    @Test
    void aFullWindowEndsTheWarmUpAndAxesNotFoundLeaveEveryAngleNaN() {
        // 3 s standing, noise-free: 2 s calibration and a 0.5 s window in which nothing turns
        SyntheticLeg still = new SyntheticLeg(Motion.WALKING, 821, 3, 0, 0, 0);
        JointAngleSettings settings = SETTINGS.withAxisWindow(0.2, 0.5);
        Run run = new Run(still, settings, true);
        assertEquals(settings.maxWarmUpSamples(), run.warmUp());
        assertEquals(250, settings.maxWarmUpSamples());
        assertTrue(run.stream.failure().orElseThrow().contains("does not turn")
                && run.stream.failure().orElseThrow().contains("first 0.5 s after the calibration period"),
                run.stream.failure().orElseThrow());
        assertEquals(still.flexionDeg.length, run.reported);
        for (double v : run.flexionDeg) {
            assertTrue(Double.isNaN(v), "NaN throughout");
        }
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> JointAngleEstimator.flexionDeg(still.thigh, still.shank, settings));
        assertEquals(run.stream.failure().orElseThrow(), batch.getMessage());
    }

    @Test
    void aFullWindowWithSomeMovementGivesTheAxes() {
        // sitting down moves for about 1.5 s in 24; a 30 s window holds one sitting down and standing up
        SyntheticLeg seated = new SyntheticLeg(Motion.SEATED_CALF_RAISES, 831, 50, 0.7, 0.08, 4.0);
        JointAngleSettings settings = SETTINGS.withAxisWindow(10, 30);
        Run run = new Run(seated, settings, true);
        assertEquals(settings.maxWarmUpSamples(), run.warmUp());
        JointAxes axes = run.stream.axes().orElseThrow();
        assertTrue(angleDeg(seated.shankAxis, axes.shankX(), axes.shankY(), axes.shankZ()) < 3, axes.toString());
    }

    private static ImuSamples head(ImuSamples s, int n) {
        return new ImuSamples(Arrays.copyOf(s.gyrXDps(), n), Arrays.copyOf(s.gyrYDps(), n),
                Arrays.copyOf(s.gyrZDps(), n), Arrays.copyOf(s.accXMps2(), n), Arrays.copyOf(s.accYMps2(), n),
                Arrays.copyOf(s.accZMps2(), n));
    }
}
