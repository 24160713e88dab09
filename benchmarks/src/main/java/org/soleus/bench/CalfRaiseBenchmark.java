package org.soleus.bench;

import java.util.ArrayList;
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
import org.soleus.core.exercise.CalfRaiseDetector;
import org.soleus.core.exercise.CalfRaiseRepetition;
import org.soleus.core.exercise.CalfRaiseSettings;
import org.soleus.core.imu.ImuChannels;
import org.soleus.core.orientation.ImuSamples;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;

/**
 * The streaming calf-raise detector of one foot over a synthetic 64 s session at 100 Hz (6400
 * samples): 3 s standing, 15 bent-knee repetitions of 4 s, 1 s standing; without and with the
 * foot IMU (the Mahony filter of the heel-rise angle). Divide the score by 6400 for the time per
 * sample; {@code -prof gc} shows the allocation per operation (the 15 repetition records, the
 * list that keeps them and the detector with its start/end search buffers, nine arrays of 52
 * samples, and its filter). Measured on a shared machine at a load average of 6, where the
 * scores spread by a factor of three between iterations: without the IMU 390–520 µs per operation
 * (60–80 ns per sample; 110–225 µs at a load average of 4–6 before the foot IMU was added), with
 * it 1.7–4.8 ms (265–750 ns per sample; the Mahony filter alone takes 90–200 ns per sample, see
 * {@code OrientationBenchmark}); about 5970 B per operation either way (about 3.7 kB of search
 * buffers, about 100 B per repetition record, nothing per sample):
 * {@code java -jar benchmarks/target/benchmarks.jar CalfRaise -f 1 -wi 3 -i 3 -w 2 -r 2 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CalfRaiseBenchmark {
    private float[] force;
    private float[] cop;
    private float[] knee;
    private ImuSamples foot;
    private double sampleRateHz;

    @Setup
    public void setUp() {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(3), new Activity.CalfRaises(15, 40, 4, 15, false, 0), new Activity.Standing(1)), 1));
        Recording r = synthetic.sensors();
        force = r.channel("left.insole.force_n").samples();
        cop = r.channel("left.insole.cop_y_norm").samples();
        knee = synthetic.truth().channel("left.knee.flexion_deg").samples();
        foot = ImuSamples.of(ImuChannels.foot(r, Side.LEFT).orElseThrow());
        sampleRateHz = r.sampleRateHz();
    }

    /** One call per sample, as a live recorder would make them. */
    @Benchmark
    public int streamPerSample() {
        List<CalfRaiseRepetition> reps = new ArrayList<>(16);
        CalfRaiseDetector detector = new CalfRaiseDetector(Side.LEFT, sampleRateHz, 70, CalfRaiseSettings.DEFAULTS, reps::add);
        for (int i = 0; i < force.length; i++) {
            detector.accept(i / sampleRateHz, force[i], cop[i], Double.NaN, knee[i]);
        }
        return reps.size();
    }

    /** The same with the foot IMU, which adds the Mahony filter of the heel-rise angle. */
    @Benchmark
    public int streamPerSampleWithFootImu() {
        List<CalfRaiseRepetition> reps = new ArrayList<>(16);
        CalfRaiseDetector detector = new CalfRaiseDetector(Side.LEFT, sampleRateHz, 70, CalfRaiseSettings.DEFAULTS, reps::add);
        double[] gx = foot.gyrXDps();
        double[] gy = foot.gyrYDps();
        double[] gz = foot.gyrZDps();
        double[] ax = foot.accXMps2();
        double[] ay = foot.accYMps2();
        double[] az = foot.accZMps2();
        for (int i = 0; i < force.length; i++) {
            detector.accept(i / sampleRateHz, force[i], cop[i], Double.NaN, knee[i], gx[i], gy[i], gz[i], ax[i], ay[i], az[i]);
        }
        return reps.size();
    }
}
