package org.soleus.core.imu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.soleus.core.orientation.Quaternions;

/**
 * A foot gyroscope signal with known events: standing, then strides whose sagittal rate is a
 * flat phase, a negative half-sine push-off, a positive half-sine swing and a negative
 * half-sine heel-strike roll sized so that the foot's pitch returns to flat; a little roll and
 * yaw in swing; the body-frame vector turned by a mounting rotation, plus bias and noise.
 *
 * <p>Truth by the detector's definitions: heel strike at the zero crossing that ends the
 * swing; toe off where the push-off half-sine has recovered to half its minimum, five sixths
 * of the way through it.
 */
final class SyntheticFootGyro {
    final double[] x;
    final double[] y;
    final double[] z;
    final List<Double> toeOffsS = new ArrayList<>();
    final List<Double> heelStrikesS = new ArrayList<>();
    final List<Double> swingPeaksDps = new ArrayList<>();

    /**
     * @param smallSwingEvery every this many strides the swing is a shuffle with a quarter of the
     *                        normal peak, not in the truth (0 for none)
     */
    SyntheticFootGyro(long seed, double rateHz, int strides, double standS, double strideS, double[][] mounting,
                      double noiseDps, double biasDps, int smallSwingEvery) {
        Random random = new Random(seed);
        int n = (int) Math.round((2 * standS + strides * strideS) * rateHz);
        double[] sagittal = new double[n];
        double[] roll = new double[n];
        double[] yaw = new double[n];
        for (int s = 0; s < strides; s++) {
            double t0 = standS + s * strideS;
            double jitter = 1 + 0.05 * random.nextGaussian();
            boolean small = smallSwingEvery > 0 && s % smallSwingEvery == smallSwingEvery - 1;
            double scale = small ? 0.25 : jitter;
            double a = t0 + 0.40 * strideS;
            double b = t0 + 0.60 * strideS;
            double c = b + 0.36 * strideS;
            double d = c + 0.09 * strideS;
            double pushOffDps = 450 * scale;
            double swingDps = 350 * scale;
            double heelDps = (swingDps * (c - b) - pushOffDps * (b - a)) / (d - c);
            addHalfSine(sagittal, rateHz, a, b, -pushOffDps);
            addHalfSine(sagittal, rateHz, b, c, swingDps);
            addHalfSine(sagittal, rateHz, c, d, -heelDps);
            addFullSine(roll, rateHz, b, c, 60 * scale);
            addFullSine(yaw, rateHz, b, c, 30 * scale);
            if (!small) {
                toeOffsS.add(a + 5.0 / 6.0 * (b - a));
                heelStrikesS.add(c);
                swingPeaksDps.add(swingDps);
            }
        }
        x = new double[n];
        y = new double[n];
        z = new double[n];
        double[] bias = {biasDps * random.nextGaussian(), biasDps * random.nextGaussian(), biasDps * random.nextGaussian()};
        for (int i = 0; i < n; i++) {
            double[] body = {roll[i], sagittal[i], yaw[i]};
            x[i] = dot(mounting[0], body) + bias[0] + noiseDps * random.nextGaussian();
            y[i] = dot(mounting[1], body) + bias[1] + noiseDps * random.nextGaussian();
            z[i] = dot(mounting[2], body) + bias[2] + noiseDps * random.nextGaussian();
        }
    }

    /** A uniformly distributed rotation matrix, that of {@link Quaternions#random(Random)}. */
    static double[][] randomRotation(Random random) {
        double[] q = Quaternions.random(random);
        double w = q[0];
        double x = q[1];
        double y = q[2];
        double z = q[3];
        return new double[][] {
                {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)},
                {2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)},
                {2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)}};
    }

    static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    private static void addHalfSine(double[] out, double rateHz, double fromS, double toS, double amplitude) {
        for (int i = (int) Math.ceil(fromS * rateHz); i < out.length && i / rateHz < toS; i++) {
            out[i] += amplitude * Math.sin(Math.PI * (i / rateHz - fromS) / (toS - fromS));
        }
    }

    private static void addFullSine(double[] out, double rateHz, double fromS, double toS, double amplitude) {
        for (int i = (int) Math.ceil(fromS * rateHz); i < out.length && i / rateHz < toS; i++) {
            out[i] += amplitude * Math.sin(2 * Math.PI * (i / rateHz - fromS) / (toS - fromS));
        }
    }

    private static double dot(double[] row, double[] v) {
        return row[0] * v[0] + row[1] * v[1] + row[2] * v[2];
    }
}
