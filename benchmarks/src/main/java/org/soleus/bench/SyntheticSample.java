package org.soleus.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.LoadSpike;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.io.synthetic.SyntheticRecordingFiles;

/**
 * Writes the synthetic example session shipped in {@code sample-data/synthetic/}: 3 s of standing
 * (the calibration pose), 12 s of level walking at 110 steps/min and 1.3 m/s with a planted load
 * spike (left stride 6, force × 1.5), 6 s of stair climbing, 5 s uphill, 2 s standing, then calf
 * raises of 2.5 s each: 3 straight-knee, 3 seated at 90° with 20 kg on the knees, 3 standing with
 * the knee bent 45°, then 3 too fast (1 s) and too shallow (8° heel rise), and 2 s of standing.
 * 100 Hz, 70 kg, typical noise.
 * <pre>
 *   mvn -B -q package -pl benchmarks -am -DskipTests
 *   java -cp benchmarks/target/benchmarks.jar org.soleus.bench.SyntheticSample sample-data/synthetic [seed]
 * </pre>
 * It lives here, beside the benchmarks, because the benchmark jar already bundles the model
 * ({@code analysis-core}) and the writer ({@code device-io}), and the command line is not the
 * place for a sample-data tool.
 */
public final class SyntheticSample {
    /** Seed of the shipped example. */
    public static final long DEFAULT_SEED = 20261125L;

    private SyntheticSample() {
    }

    /** The example session. */
    public static SyntheticSpec spec(long seed) {
        return SyntheticSpec.of(List.of(
                new Activity.Standing(3),
                new Activity.Walking(12, 110, 1.3, Terrain.LEVEL),
                new Activity.Walking(6, 90, 0.6, Terrain.STAIRS_UP),
                new Activity.Walking(5, 100, 1.0, Terrain.HILL_UP),
                new Activity.Standing(2),
                new Activity.CalfRaises(3, 0, 2.5, 25, false, 0),
                new Activity.CalfRaises(3, 90, 2.5, 25, true, 20),
                new Activity.CalfRaises(3, 45, 2.5, 25, false, 0),
                new Activity.CalfRaises(3, 0, 1, 8, false, 0),
                new Activity.Standing(2)), seed)
                .withSpikes(List.of(new LoadSpike(Side.LEFT, 6, 1.5)));
    }

    /**
     * @param args output directory, optional seed
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SyntheticSample <output-directory> [seed]");
            System.exit(2);
        }
        long seed = args.length == 2 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(spec(seed));
        Path written = SyntheticRecordingFiles.write(synthetic, Path.of(args[0]), "synthetic-session");
        System.out.println("wrote " + written + " and its truth files: " + synthetic.sensors().length() + " samples, "
                + synthetic.strides().size() + " strides, " + synthetic.reps().size() + " calf raises");
    }
}
