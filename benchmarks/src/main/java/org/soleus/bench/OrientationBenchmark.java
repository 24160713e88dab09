package org.soleus.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.soleus.core.joint.HingeJoint;
import org.soleus.core.joint.JointAngleEstimator;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.joint.JointAxes;
import org.soleus.core.joint.StreamingJointAngle;
import org.soleus.core.orientation.MahonyFilter;

/**
 * The Mahony orientation filter of one IMU and the knee flexion estimator of one leg (two filters
 * and the relative rotation), alone and inside {@link StreamingJointAngle} on the knee after its warm-up (as
 * files and live streams run it), fed sample by sample with 100 Hz thigh- and shank-like signals
 * (1 Hz swings, noise). Scores are per sample ({@link OperationsPerInvocation}), so
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per sample and must be about 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class OrientationBenchmark {
    private static final int SAMPLES = 100_000;
    private static final double SAMPLE_RATE_HZ = 100.0;

    private double[][] thigh;
    private double[][] shank;
    private MahonyFilter filter;
    private JointAngleEstimator knee;
    private StreamingJointAngle stream;
    private double streamSum;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        thigh = segment(20, random);
        shank = segment(60, random);
        filter = new MahonyFilter(1.0, 0.0, 30.0);
        knee = new JointAngleEstimator(JointAngleSettings.defaults(SAMPLE_RATE_HZ), new JointAxes(0, 1, 0, 0, 1, 0));
        stream = new StreamingJointAngle(HingeJoint.KNEE, JointAngleSettings.defaults(SAMPLE_RATE_HZ), (i, deg) -> {
            if (!Double.isNaN(deg)) {
                streamSum += deg;
            }
        });
        // the standing calibration, then swinging until the joint axes are found
        for (int i = 0; i < JointAngleSettings.defaults(SAMPLE_RATE_HZ).calibrationSamples(); i++) {
            stream.accept(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), 0, 0, 9.81,
                    random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), 0, 0, 9.81);
        }
        double[][] t = thigh;
        double[][] s = shank;
        for (int i = 0; i < SAMPLES && !stream.warmedUp(); i++) {
            stream.accept(t[0][i], t[1][i], t[2][i], t[3][i], t[4][i], t[5][i],
                    s[0][i], s[1][i], s[2][i], s[3][i], s[4][i], s[5][i]);
        }
        if (stream.axes().isEmpty()) {
            throw new IllegalStateException("joint axes not found: " + stream.failure().orElse("still warming up"));
        }
    }

    /** One {@code MahonyFilter.update} per sample; returns the last quaternion component. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double mahonyPerSample() {
        double[][] s = thigh;
        MahonyFilter f = filter;
        double dtS = 1.0 / SAMPLE_RATE_HZ;
        for (int i = 0; i < SAMPLES; i++) {
            f.update(s[0][i], s[1][i], s[2][i], s[3][i], s[4][i], s[5][i], dtS);
        }
        return f.qw();
    }

    /** One {@code JointAngleEstimator.update} per sample of both IMUs; returns the sum of angles. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double kneeFlexionPerSample() {
        double[][] t = thigh;
        double[][] s = shank;
        JointAngleEstimator k = knee;
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double flexion = k.update(t[0][i], t[1][i], t[2][i], t[3][i], t[4][i], t[5][i],
                    s[0][i], s[1][i], s[2][i], s[3][i], s[4][i], s[5][i]);
            if (!Double.isNaN(flexion)) {
                sum += flexion;
            }
        }
        return sum;
    }

    /** One {@code StreamingJointAngle.accept} on the knee per sample after its warm-up; returns the sum of angles. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double streamingKneeFlexionPerSample() {
        double[][] t = thigh;
        double[][] s = shank;
        StreamingJointAngle k = stream;
        for (int i = 0; i < SAMPLES; i++) {
            k.accept(t[0][i], t[1][i], t[2][i], t[3][i], t[4][i], t[5][i],
                    s[0][i], s[1][i], s[2][i], s[3][i], s[4][i], s[5][i]);
        }
        return streamSum;
    }

    /** Gyroscope (deg/s) and accelerometer (m/s²) of a segment swinging ±amplitude about y at 1 Hz. */
    private static double[][] segment(double amplitudeDeg, Random random) {
        double[][] s = new double[6][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double phase = 2 * Math.PI * i / SAMPLE_RATE_HZ;
            double angle = Math.toRadians(amplitudeDeg) * Math.sin(phase);
            s[0][i] = random.nextGaussian();
            s[1][i] = amplitudeDeg * 2 * Math.PI * Math.cos(phase) + random.nextGaussian();
            s[2][i] = random.nextGaussian();
            s[3][i] = -9.81 * Math.sin(angle) + 0.1 * random.nextGaussian();
            s[4][i] = 0.1 * random.nextGaussian();
            s[5][i] = 9.81 * Math.cos(angle) + 0.1 * random.nextGaussian();
        }
        return s;
    }
}
