package org.soleus.core.imu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.imu.FloatArrays.scaled;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

final class ImuUnitsTest {

    @Test
    void namedUnits() {
        assertEquals(1.0, ImuUnits.angularRateToDps("dps"));
        assertEquals(180 / Math.PI, ImuUnits.angularRateToDps("rads"), 1e-12);
        assertEquals(0.001, ImuUnits.angularRateToDps("mdps"));
        assertTrue(Double.isNaN(ImuUnits.angularRateToDps("au")));
        assertEquals(1.0, ImuUnits.accelerationToMps2("mps2"));
        assertEquals(9.80665, ImuUnits.accelerationToMps2("g"));
        assertEquals(0.00980665, ImuUnits.accelerationToMps2("mg"), 1e-15);
        assertTrue(Double.isNaN(ImuUnits.accelerationToMps2("counts")));
    }

    @Test
    void unitsByPlausibility() {
        SyntheticFootGyro gait = new SyntheticFootGyro(3, 100, 10, 1.0, 1.1, SyntheticFootGyro.IDENTITY, 2, 2, 0);
        float[][] dps = {scaled(gait.x, 1), scaled(gait.y, 1), scaled(gait.z, 1)};
        float[][] rads = {scaled(gait.x, Math.PI / 180), scaled(gait.y, Math.PI / 180), scaled(gait.z, Math.PI / 180)};
        assertEquals(1.0, ImuUnits.plausibleAngularRateToDps(dps[0], dps[1], dps[2]));
        assertEquals(180 / Math.PI, ImuUnits.plausibleAngularRateToDps(rads[0], rads[1], rads[2]), 1e-12);

        Random random = new Random(5);
        float[][] g = new float[3][1000];
        for (int i = 0; i < 1000; i++) {
            g[0][i] = (float) (0.1 * random.nextGaussian());
            g[1][i] = (float) (0.1 * random.nextGaussian());
            g[2][i] = (float) (1 + 0.3 * random.nextGaussian());
        }
        assertEquals(9.80665, ImuUnits.plausibleAccelerationToMps2(g[0], g[1], g[2]));
        float[][] mps2 = {scaled(g[0], 9.81), scaled(g[1], 9.81), scaled(g[2], 9.81)};
        assertEquals(1.0, ImuUnits.plausibleAccelerationToMps2(mps2[0], mps2[1], mps2[2]));
        float[][] counts = {scaled(g[0], 4096), scaled(g[1], 4096), scaled(g[2], 4096)};
        assertTrue(Double.isNaN(ImuUnits.plausibleAccelerationToMps2(counts[0], counts[1], counts[2])));
        float[] empty = {Float.NaN};
        assertTrue(Double.isNaN(ImuUnits.plausibleAngularRateToDps(empty, empty, empty)));
    }

    @Test
    void aSlowOrRestingGyroscopeInDegreesIsNotReadAsRadians() {
        Random random = new Random(11);
        int n = 60_000;
        float[][] resting = new float[3][n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                resting[a][i] = (float) (2.5 - a + 0.5 * random.nextGaussian());
            }
        }
        assertEquals(1.0, ImuUnits.plausibleAngularRateToDps(resting[0], resting[1], resting[2]), "at rest, seed 11");

        // half an hour of standing after one slow 6 s walk (peaks of about 170 deg/s), in deg/s:
        // the walk is 0.3 % of the samples, below a 99.5th percentile
        SyntheticFootGyro walk = new SyntheticFootGyro(12, 100, 6, 1.3, 0.6, SyntheticFootGyro.IDENTITY, 0.5, 1, 0);
        int halfHour = 200_000;
        float[][] mostlyResting = new float[3][halfHour];
        double[][] walkAxes = {walk.x, walk.y, walk.z};
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < halfHour; i++) {
                double v = i < walk.x.length ? 150.0 / 400.0 * walkAxes[a][i] : 0.5 * random.nextGaussian();
                mostlyResting[a][i] = (float) v;
            }
        }
        assertEquals(1.0, ImuUnits.plausibleAngularRateToDps(mostlyResting[0], mostlyResting[1], mostlyResting[2]),
                "a short walk in a long rest, seed 12");

        float[][] slowRadians = new float[3][];
        for (int a = 0; a < 3; a++) {
            slowRadians[a] = scaled(walkAxes[a], 250.0 / 400.0 * Math.PI / 180);
        }
        assertEquals(180 / Math.PI, ImuUnits.plausibleAngularRateToDps(slowRadians[0], slowRadians[1],
                slowRadians[2]), 1e-12, "a slow walk in rad/s, seed 12");
    }

    @Test
    void channelsOfAFootImuWithTheirFactors() {
        float[] rate = scaled(new SyntheticFootGyro(4, 100, 8, 1.0, 1.1, SyntheticFootGyro.IDENTITY, 2, 2, 0).y,
                Math.PI / 180);
        float[] ones = new float[rate.length];
        java.util.Arrays.fill(ones, 1f);
        List<Channel> channels = List.of(
                new Channel(ChannelName.parse("left.insole.force_n"), ones),
                new Channel(ChannelName.parse("left.insole.gyr_z_rads"), rate),
                new Channel(ChannelName.parse("left.insole.gyr_x_rads"), rate),
                new Channel(ChannelName.parse("left.insole.gyr_y_rads"), rate),
                new Channel(ChannelName.parse("left.insole.acc_x_au"), ones),
                new Channel(ChannelName.parse("left.insole.acc_y_au"), ones),
                new Channel(ChannelName.parse("left.insole.acc_z_au"), ones),
                new Channel(ChannelName.parse("right.shank.gyr_x_dps"), rate));
        Recording recording = new Recording("test", 100, 0, channels, RecordingMetadata.EMPTY, List.of());

        ImuChannels left = ImuChannels.foot(recording, Side.LEFT).orElseThrow();
        assertEquals("insole", left.place());
        assertEquals("left.insole.gyr_x_rads", left.gyro().get(0).name().toString());
        assertEquals("left.insole.gyr_z_rads", left.gyro().get(2).name().toString());
        assertEquals(180 / Math.PI, left.gyroToDps(), 1e-12);
        assertEquals(9.80665, left.accToMps2());
        assertTrue(left.unitNote().contains("read as g by plausibility"), left.unitNote());
        assertEquals(rate[10] * 180 / Math.PI, left.gyroDps()[1][10], 1e-3);
        assertEquals(9.80665, left.accelerationMps2()[2][0], 1e-6);
        assertTrue(ImuChannels.foot(recording, Side.RIGHT).isEmpty(), "right has a shank gyroscope axis only");
        assertTrue(ImuChannels.find(recording, Side.RIGHT, "shank").isEmpty(), "right shank has one axis of three");
    }

    @Test
    void finderRejectsSpansBeyondItsCapacity() {
        SagittalAxisFinder finder = new SagittalAxisFinder(100, 10, 50);
        double[] v = new double[11];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> finder.find(v, v, v, 0, 11));
        assertTrue(e.getMessage().contains("capacity of 10"), e.getMessage());
        assertEquals(false, finder.find(v, v, v, 0, 10));
    }
}
