package org.soleus.core.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic vertical-force curves with exactly known heel strikes and toe offs: a double-hump
 * stance ({@code sin(πs) + 0.15 sin(3πs)}, two peaks near 1.1 and a valley near 0.85 of the
 * amplitude), zero in swing, plus optional noise, slow baseline drift and stride-to-stride
 * gain changes.
 */
final class SyntheticGait {
    final double[] force;
    final List<Double> heelStrikesS = new ArrayList<>();
    final List<Double> toeOffsS = new ArrayList<>();

    SyntheticGait(long seed, double sampleRateHz, double durationS, double firstHeelStrikeS, double strideS,
                  double stanceFraction, double amplitude, double noiseFraction, double driftFraction,
                  double gainJitter) {
        Random random = new Random(seed);
        int n = (int) Math.round(durationS * sampleRateHz);
        force = new double[n];
        double t = firstHeelStrikeS;
        while (t + strideS < durationS) {
            double stride = strideS * (1 + 0.03 * random.nextGaussian());
            double stance = stride * stanceFraction;
            double gain = amplitude * (1 + gainJitter * (2 * random.nextDouble() - 1));
            heelStrikesS.add(t);
            toeOffsS.add(t + stance);
            int from = (int) Math.ceil(t * sampleRateHz);
            int to = (int) Math.floor((t + stance) * sampleRateHz);
            for (int i = from; i <= to && i < n; i++) {
                double s = (i / sampleRateHz - t) / stance;
                force[i] += gain * (Math.sin(Math.PI * s) + 0.15 * Math.sin(3 * Math.PI * s));
            }
            t += stride;
        }
        for (int i = 0; i < n; i++) {
            double time = i / sampleRateHz;
            force[i] += driftFraction * amplitude * Math.sin(2 * Math.PI * time / 23.0)
                    + noiseFraction * amplitude * random.nextGaussian();
        }
    }
}
