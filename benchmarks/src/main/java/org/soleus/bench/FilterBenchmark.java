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
import org.soleus.core.filter.BiquadCascade;
import org.soleus.core.filter.Butterworth;
import org.soleus.core.filter.SecondOrderSections;
import org.soleus.core.filter.ZeroPhase;

/**
 * Butterworth low-pass filtering of a force-like signal sampled at 100 Hz: the causal cascade driven
 * sample by sample and over the array, and zero-phase filtering with a reused workspace and with
 * the allocating convenience call. One operation filters the whole signal of {@code samples}
 * values; divide the score by {@code samples} for nanoseconds per sample.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FilterBenchmark {
    @Param({"1000", "100000"})
    public int samples;

    @Param({"2", "8"})
    public int order;

    private double[] signal;
    private double[] output;
    private SecondOrderSections sections;
    private BiquadCascade cascade;
    private ZeroPhase.Workspace workspace;
    private int padLength;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        signal = new double[samples];
        for (int i = 0; i < samples; i++) {
            signal[i] = 400 + 300 * Math.sin(i * 0.07) + 40 * random.nextGaussian();
        }
        output = new double[samples];
        sections = Butterworth.lowPass(order, 12.0, 100.0);
        cascade = BiquadCascade.startingAtSteadyState(sections);
        padLength = ZeroPhase.defaultPadLength(sections);
        workspace = new ZeroPhase.Workspace(samples, padLength);
    }

    /** The live path: one {@code filter(double)} call per sample. */
    @Benchmark
    public double[] streamingPerSample() {
        double[] x = signal;
        double[] y = output;
        BiquadCascade filter = cascade;
        for (int i = 0; i < x.length; i++) {
            y[i] = filter.filter(x[i]);
        }
        return y;
    }

    /** The causal array driver over the same samples. */
    @Benchmark
    public double[] causalArray() {
        cascade.filter(signal, 0, output, 0, signal.length);
        return output;
    }

    /** Zero-phase filtering into a reused output with a reused workspace. */
    @Benchmark
    public double[] filtfiltWorkspace() {
        ZeroPhase.filtfilt(sections, signal, 0, output, 0, signal.length, padLength, workspace);
        return output;
    }

    /** Zero-phase filtering through the convenience call that allocates its result and scratch. */
    @Benchmark
    public double[] filtfiltAllocating() {
        return ZeroPhase.filtfilt(sections, signal);
    }
}
