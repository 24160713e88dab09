package org.soleus.bench;

import java.util.List;
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
import org.soleus.core.events.GaitEventType;
import org.soleus.core.imu.ShankEventSettings;
import org.soleus.core.imu.GyroEventDetector;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.ImuMounting;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * The streaming shank-gyroscope contact detector on a synthetic 100 Hz level walk (left shank,
 * strapped in a rotated mounting, typical noise and bias): one operation feeds {@code samples}
 * 3-axis samples to a detector that is already calibrated (the one-off calibration and replay
 * happen in the setup), so the score divided by {@code samples} is the per-sample cost. The
 * listener only counts, so {@code -prof gc} shows the detector's own allocation, which must be
 * about 0 B per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ShankGyroEventsBenchmark {
    @Param({"100000"})
    public int samples;

    private float[] x;
    private float[] y;
    private float[] z;
    private GyroEventDetector detector;
    private long heelStrikes;

    @Setup
    public void setUp() {
        SyntheticSpec spec = SyntheticSpec.of(List.of(new Activity.Walking(120, 105, 1.2, Terrain.LEVEL)), 42)
                .withMountings(List.of(new ImuMounting(Side.LEFT, "shank", 40, -25, 110)));
        SyntheticRecording walk = SyntheticRecordingGenerator.generate(spec);
        x = walk.sensors().channel("left.shank.gyr_x_dps").samples();
        y = walk.sensors().channel("left.shank.gyr_y_dps").samples();
        z = walk.sensors().channel("left.shank.gyr_z_dps").samples();
        detector = GyroEventDetector.shank(100.0, ShankEventSettings.defaults(), (type, position) -> {
            if (type == GaitEventType.HEEL_STRIKE) {
                heelStrikes++;
            }
        });
        for (int i = 0; i < x.length; i++) {
            detector.accept(x[i], y[i], z[i]);
        }
        if (!detector.calibrated()) {
            throw new IllegalStateException("the detector found no shank axis in the synthetic walk");
        }
    }

    /** Per-sample detection over the walk, repeated; returns the running count of heel strikes. */
    @Benchmark
    public long detectStreaming() {
        int n = x.length;
        for (int k = 0; k < samples; k++) {
            int i = k % n;
            detector.accept(x[i], y[i], z[i]);
        }
        return heelStrikes;
    }
}
