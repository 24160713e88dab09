package org.soleus.core.joint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.joint.AngleErrors.angleDeg;
import static org.soleus.core.joint.AngleErrors.rmseDeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soleus.core.filter.Gaps;
import org.soleus.core.joint.SyntheticLeg.Motion;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

final class JointAngleEstimatorTest {
    private static final double GYRO_NOISE_DPS = 0.7;
    private static final double ACC_NOISE_MPS2 = 0.08;
    private static final double MAX_BIAS_DPS = 4.0;
    private static final JointAngleSettings SETTINGS = JointAngleSettings.defaults(SyntheticLeg.SAMPLE_RATE_HZ);

    @Test
    void walkingWithNoiseBiasAndArbitraryMountings() {
        assertRmse(Motion.WALKING, false, 60.0, new long[] {101, 102, 103, 104, 105, 106, 107, 108});
    }

    @Test
    void walkingWithTheThighTurningOutOfTheSagittalPlane() {
        assertRmse(Motion.WALKING, true, 60.0, new long[] {121, 122, 123, 124, 125, 126, 127, 128});
    }

    @Test
    void kneeBendsToNinetyDegreesAtCalfRaiseTempo() {
        assertRmse(Motion.KNEE_BENDS, false, 60.0, new long[] {201, 202, 203, 204, 205, 206, 207, 208});
    }

    @Test
    void sittingDownForSeatedCalfRaisesAndStandingUp() {
        assertRmse(Motion.SEATED_CALF_RAISES, false, 75.0, new long[] {221, 222, 223, 224, 225, 226, 227, 228});
    }

    @Test
    void accelerometerFeedbackMatters() {
        // Without feedback the residual bias drifts; with feedback at every rate the segments'
        // accelerations in walking tilt the estimates.
        SyntheticLeg bends = new SyntheticLeg(Motion.KNEE_BENDS, 211, 60, GYRO_NOISE_DPS, ACC_NOISE_MPS2, MAX_BIAS_DPS);
        double gyroOnly = rmseDeg(JointAngleEstimator.flexionDeg(bends.thigh, bends.shank,
                SETTINGS.withFeedback(0, Double.POSITIVE_INFINITY)), bends.flexionDeg);
        double fused = rmseDeg(JointAngleEstimator.flexionDeg(bends.thigh, bends.shank, SETTINGS), bends.flexionDeg);
        assertTrue(fused < gyroOnly / 2, "seed 211: fused " + fused + " deg, gyroscope only " + gyroOnly + " deg");
        SyntheticLeg walk = new SyntheticLeg(Motion.WALKING, 111, 60, GYRO_NOISE_DPS, ACC_NOISE_MPS2, MAX_BIAS_DPS);
        double steady = rmseDeg(JointAngleEstimator.flexionDeg(walk.thigh, walk.shank,
                SETTINGS.withFeedback(1.0, Double.POSITIVE_INFINITY)), walk.flexionDeg);
        assertTrue(steady > 3.0, "seed 111: " + steady + " deg");
    }

    @Test
    void jointAxesAreFoundInAnyMounting() {
        for (Motion motion : Motion.values()) {
            for (long seed = 301; seed <= 306; seed++) {
                SyntheticLeg leg = new SyntheticLeg(motion, seed, 30, GYRO_NOISE_DPS, ACC_NOISE_MPS2, MAX_BIAS_DPS);
                JointAxes axes = JointAxisEstimator.estimate(leg.thigh, leg.shank, SETTINGS);
                double thighDeg = angleDeg(leg.thighAxis, axes.thighX(), axes.thighY(), axes.thighZ());
                double shankDeg = angleDeg(leg.shankAxis, axes.shankX(), axes.shankY(), axes.shankZ());
                assertTrue(thighDeg < 3.0 && shankDeg < 3.0, motion + " seed " + seed + ": thigh axis off by "
                        + thighDeg + " deg, shank axis off by " + shankDeg + " deg (with sign)");
            }
        }
    }

    @Test
    void batchDriverEqualsStreamingAndNaNStaysLocal() {
        SyntheticLeg leg = new SyntheticLeg(Motion.WALKING, 401, 20, GYRO_NOISE_DPS, ACC_NOISE_MPS2, MAX_BIAS_DPS);
        leg.thigh.gyrXDps()[50] = Double.NaN;
        leg.shank.accZMps2()[900] = Double.NaN;
        double[] batch = JointAngleEstimator.flexionDeg(leg.thigh, leg.shank, SETTINGS);
        JointAxes axes = StreamingKneeFlexionTest.axes(leg, SETTINGS);
        int n = leg.flexionDeg.length;
        double[] chunked = new double[n];
        JointAngleEstimator estimator = new JointAngleEstimator(SETTINGS, axes);
        estimator.update(leg.thigh, leg.shank, 0, 777, chunked);
        estimator.update(leg.thigh, leg.shank, 777, n, chunked);
        JointAngleEstimator streaming = new JointAngleEstimator(SETTINGS, axes);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = streaming.update(leg.thigh.gyrXDps()[i], leg.thigh.gyrYDps()[i], leg.thigh.gyrZDps()[i],
                    leg.thigh.accXMps2()[i], leg.thigh.accYMps2()[i], leg.thigh.accZMps2()[i],
                    leg.shank.gyrXDps()[i], leg.shank.gyrYDps()[i], leg.shank.gyrZDps()[i],
                    leg.shank.accXMps2()[i], leg.shank.accYMps2()[i], leg.shank.accZMps2()[i]);
        }
        assertArrayEquals(expected, chunked, 0.0, "seed 401");
        int calibration = SETTINGS.calibrationSamples();
        // the NaN at sample 50 is skipped, so calibration ends one sample later
        assertTrue(Double.isNaN(expected[calibration]) && !Double.isNaN(expected[calibration + 1]));
        assertTrue(Double.isNaN(expected[900]) && !Double.isNaN(expected[899]) && !Double.isNaN(expected[901]));
        assertTrue(streaming.calibrated());

        // the driver over a recording bridges each signal's short gaps first, as a live stream does:
        // its angles are those of the signals interpolated beforehand
        double[][] bridged = {leg.thigh.gyrXDps().clone(), leg.shank.accZMps2().clone()};
        for (double[] signal : bridged) {
            Gaps.interpolateLinear(signal, 10);
        }
        ImuSamples thigh = new ImuSamples(bridged[0], leg.thigh.gyrYDps(), leg.thigh.gyrZDps(), leg.thigh.accXMps2(),
                leg.thigh.accYMps2(), leg.thigh.accZMps2());
        ImuSamples shank = new ImuSamples(leg.shank.gyrXDps(), leg.shank.gyrYDps(), leg.shank.gyrZDps(),
                leg.shank.accXMps2(), leg.shank.accYMps2(), bridged[1]);
        assertArrayEquals(JointAngleEstimator.flexionDeg(thigh, shank, SETTINGS), batch, 0.0, "seed 401, bridged");
        assertTrue(Double.isFinite(batch[900]), "a sample missing one signal gets its angle");
    }

    @Test
    void calibrationPeriodIsConfigurable() {
        SyntheticLeg leg = new SyntheticLeg(Motion.KNEE_BENDS, 501, 20, GYRO_NOISE_DPS, ACC_NOISE_MPS2, MAX_BIAS_DPS);
        JointAngleSettings oneSecond = SETTINGS.withCalibrationS(1.0);
        double[] flexion = JointAngleEstimator.flexionDeg(leg.thigh, leg.shank, oneSecond);
        assertTrue(Double.isNaN(flexion[99]));
        assertEquals(0.0, flexion[100], 1.0);
        assertTrue(rmseDeg(flexion, leg.flexionDeg) <= 3.0);
    }

    @Test
    void fromARecordingInRadiansAndG() {
        SyntheticLeg leg = new SyntheticLeg(Motion.WALKING, 701, 30, GYRO_NOISE_DPS, ACC_NOISE_MPS2, MAX_BIAS_DPS);
        List<Channel> channels = new ArrayList<>();
        add(channels, "right.thigh", leg.thigh);
        add(channels, "right.shank", leg.shank);
        Recording recording = new Recording("synthetic", SyntheticLeg.SAMPLE_RATE_HZ, 0, channels,
                RecordingMetadata.EMPTY, List.of());
        double[] flexion = JointAngleEstimator.flexionDeg(recording, Side.RIGHT, SETTINGS).orElseThrow();
        double rmse = rmseDeg(flexion, leg.flexionDeg);
        assertTrue(rmse <= 3.0, "seed 701: RMSE " + rmse + " deg");
        assertTrue(JointAngleEstimator.flexionDeg(recording, Side.LEFT, SETTINGS).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> JointAngleEstimator.flexionDeg(recording, Side.RIGHT,
                JointAngleSettings.defaults(50)));
    }

    private static void add(List<Channel> channels, String prefix, ImuSamples imu) {
        double[][] signals = {imu.gyrXDps(), imu.gyrYDps(), imu.gyrZDps(), imu.accXMps2(), imu.accYMps2(), imu.accZMps2()};
        for (int k = 0; k < 6; k++) {
            float[] values = new float[signals[k].length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (k < 3 ? Math.toRadians(signals[k][i]) : signals[k][i] / 9.80665);
            }
            String name = prefix + (k < 3 ? ".gyr_" : ".acc_") + "xyz".charAt(k % 3) + (k < 3 ? "_rads" : "_g");
            channels.add(new Channel(ChannelName.parse(name), values));
        }
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new JointAngleSettings(0, 2, 1, 0, 30, 10, 60));
        assertThrows(IllegalArgumentException.class, () -> new JointAngleSettings(100, 0.001, 1, 0, 30, 10, 60));
        assertThrows(IllegalArgumentException.class, () -> new JointAngleSettings(100, 2, -1, 0, 30, 10, 60));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withAxisWindow(0, 60));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withAxisWindow(10, 5));
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withAxisWindow(10, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new JointAxes(0, 0, 0, 1, 0, 0));
        SyntheticLeg leg = new SyntheticLeg(Motion.WALKING, 601, 2.5, 0, 0, 0);
        IllegalArgumentException shortRecording = assertThrows(IllegalArgumentException.class,
                () -> JointAxisEstimator.estimate(leg.thigh, leg.shank, SETTINGS.withCalibrationS(3)));
        assertTrue(shortRecording.getMessage().contains("calibration"), shortRecording.getMessage());
        IllegalArgumentException still = assertThrows(IllegalArgumentException.class,
                () -> JointAxisEstimator.estimate(leg.thigh, leg.shank, SETTINGS));
        assertTrue(still.getMessage().contains("does not turn"), still.getMessage());
    }

    private static void assertRmse(Motion motion, boolean nonSagittal, double durationS, long[] seeds) {
        double worst = 0;
        double sumSquares = 0;
        int count = 0;
        for (long seed : seeds) {
            SyntheticLeg leg = new SyntheticLeg(motion, nonSagittal, seed, durationS, GYRO_NOISE_DPS, ACC_NOISE_MPS2,
                    MAX_BIAS_DPS);
            double[] flexion = JointAngleEstimator.flexionDeg(leg.thigh, leg.shank, SETTINGS);
            double rmse = rmseDeg(flexion, leg.flexionDeg);
            assertTrue(rmse <= 3.0, motion + " seed " + seed + ": RMSE " + rmse + " deg");
            worst = Math.max(worst, rmse);
            sumSquares += rmse * rmse;
            count++;
        }
        System.out.println(String.format(Locale.ROOT,
                "knee flexion %s%s, %d seeds x %.0f s, gyro noise %.1f deg/s, bias up to %.0f deg/s, random mountings:"
                        + " RMSE %.2f deg (worst seed %.2f deg)",
                motion, nonSagittal ? " with hip adduction and rotation" : "", count, durationS, GYRO_NOISE_DPS, MAX_BIAS_DPS, Math.sqrt(sumSquares / count), worst));
    }
}
