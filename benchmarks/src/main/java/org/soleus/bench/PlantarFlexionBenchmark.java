package org.soleus.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.ankle.PlantarFlexionSettings;
import org.soleus.core.recording.Recording;
import org.soleus.core.soleus.SoleusDominance;
import org.soleus.core.soleus.SoleusSettings;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * The plantar-flexion path of one foot as the live and the file analysis run it (but for the
 * copy of each stride's span that they clean of single-sample errors first), over a
 * synthetic 61 s walk (level, then stairs) at 100 Hz (about 6120 samples): the moment per
 * sample into an array (the live analysis keeps it in a ring), and at every stride boundary,
 * every 110 samples, the stride's figures from the array drivers, which feed the stride's
 * samples to a {@code PlantarFlexionStream} (tendon force, peak, impulse, time above threshold)
 * and a {@code SoleusDominanceStream} (soleus dominance). Divide the score by 6120 for the time
 * per sample; {@code -prof gc} shows the allocation per operation (nothing per sample; per stride
 * the two streaming objects and their records, which here do not escape and are optimised away).
 * Measured: 67–68 µs per operation (11 ns per sample), 0.4 B per operation, at a load average of
 * 4.4 on two cores:
 * {@code java -jar benchmarks/target/benchmarks.jar PlantarFlexion -f 1 -wi 1 -i 2 -w 1 -r 1 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PlantarFlexionBenchmark {
    private static final int STRIDE_SAMPLES = 110;
    private static final double MASS_KG = 70;

    private float[] force;
    private float[] cop;
    private double[] knee;
    private double[] moment;
    private double sampleRateHz;

    @Setup
    public void setUp() {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Walking(30, 110, 1.3, Terrain.LEVEL), new Activity.Walking(30, 90, 0.6, Terrain.STAIRS_UP)), 1));
        Recording r = synthetic.sensors();
        force = r.channel("left.insole.force_n").samples();
        cop = r.channel("left.insole.cop_y_norm").samples();
        knee = synthetic.truth().channel("left.knee.flexion_deg").toDoubleArray();
        moment = new double[force.length];
        sampleRateHz = r.sampleRateHz();
    }

    /** The moment as each sample arrives; each stride's figures once its last sample is in. */
    @Benchmark
    public double momentPerSampleFiguresPerStride() {
        double sum = 0;
        int strideStart = 0;
        for (int i = 0; i < force.length; i++) {
            moment[i] = PlantarFlexionMoment.momentNm(force[i], cop[i], FootGeometry.DEFAULT);
            if (i + 1 - strideStart == STRIDE_SAMPLES) {
                sum += PlantarFlexionLoading.window(moment, null, strideStart, i + 1, sampleRateHz, 0,
                        PlantarFlexionSettings.DEFAULTS, MASS_KG).impulseNms();
                sum += SoleusDominance.window(moment, knee, strideStart, i + 1, sampleRateHz, SoleusSettings.DEFAULTS,
                        MASS_KG, FootGeometry.DEFAULT.insoleLengthM()).dominantImpulseNms();
                strideStart = i + 1;
            }
        }
        return sum;
    }
}
