package org.soleus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;

/**
 * The whole insole analysis of a two-foot walk (events, strides, loading and summaries) as
 * {@code soleus analyze} runs it after reading. Divide the score by {@code samples} for
 * nanoseconds per sample and foot pair.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AnalysisBenchmark {
    @Param({"360000"})
    public int samples;

    /**
     * {@code synthetic}: each foot's total force alone, a synthetic walk; {@code trials}: the
     * gaitpdb trials in {@code sample-data/} repeated ({@link GaitpdbFiles}; run from within the
     * repository), read with the insole cells summarised as {@code soleus analyze} reads them, so
     * that the loading figures from the heel force and the centre of pressure are computed too.
     */
    @Param({"synthetic", "trials"})
    public String data;

    private Recording recording;
    private GaitSettings settings;

    @Setup
    public void setUp() throws IOException {
        settings = GaitSettings.defaults();
        if (data.equals("trials")) {
            Path dir = Files.createTempDirectory("soleus-bench");
            Path file = dir.resolve("BeCo01_01.txt");
            try {
                GaitpdbFiles.write(file, data, samples, 0);
                recording = Recordings.read(file, new ReadOptions(null, Double.NaN, 72.0), CellAggregatingSink::new);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
            return;
        }
        Random random = new Random(7);
        double[] left = GaitEventsBenchmark.walk(samples, 100.0, random);
        double[] right = GaitEventsBenchmark.walk(samples + 53, 100.0, random);
        float[] l = new float[samples];
        float[] r = new float[samples];
        for (int i = 0; i < samples; i++) {
            l[i] = (float) left[i];
            r[i] = (float) right[i + 53];
        }
        recording = new Recording("synthetic", 100.0, 0.0,
                List.of(new Channel(ChannelName.parse("left.insole.force_n"), l),
                        new Channel(ChannelName.parse("right.insole.force_n"), r)),
                new RecordingMetadata(72.0, Map.of(), Map.of()), List.of());
    }

    @Benchmark
    public GaitAnalysis analyze() {
        return InsoleGaitAnalyzer.analyze(recording, settings);
    }
}
