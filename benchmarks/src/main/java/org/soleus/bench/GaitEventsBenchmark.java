package org.soleus.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.soleus.core.events.ContactDetectorSettings;
import org.soleus.core.events.ContactEventDetector;
import org.soleus.core.events.GaitEventType;

/**
 * The streaming heel-strike / toe-off detector on a synthetic 100 Hz walk (double-hump stance
 * force, noise, baseline drift): one operation feeds the whole signal of {@code samples} values;
 * divide the score by {@code samples} for nanoseconds per sample. The listener only counts, so
 * {@code -prof gc} shows the detector's own allocation, which must be about 0 B per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class GaitEventsBenchmark {
    @Param({"100000"})
    public int samples;

    private double[] force;
    private ContactEventDetector detector;
    private long heelStrikes;

    @Setup
    public void setUp() {
        force = walk(samples, 100.0, new Random(42));
        detector = new ContactEventDetector(100.0, ContactDetectorSettings.defaults(), (type, index) -> {
            if (type == GaitEventType.HEEL_STRIKE) {
                heelStrikes++;
            }
        });
    }

    /** Per-sample detection; returns the running count of heel strikes so nothing is dead code. */
    @Benchmark
    public long detectStreaming() {
        for (double v : force) {
            detector.accept(v);
        }
        return heelStrikes;
    }

    /** A synthetic walk: 1.05 s strides, 62 % stance, 700 N double-hump force, 1 % noise, 5 % drift. */
    static double[] walk(int samples, double sampleRateHz, Random random) {
        double[] x = new double[samples];
        double strideS = 1.05;
        double stanceS = 0.62 * strideS;
        for (int i = 0; i < samples; i++) {
            double t = i / sampleRateHz;
            double phase = (t % strideS) / stanceS;
            double stance = phase < 1 ? Math.sin(Math.PI * phase) + 0.15 * Math.sin(3 * Math.PI * phase) : 0;
            x[i] = 700 * stance + 35 * Math.sin(2 * Math.PI * t / 23.0) + 7 * random.nextGaussian();
        }
        return x;
    }
}
