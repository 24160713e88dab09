package org.soleus.bench;

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
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;

/**
 * The whole insole analysis of a two-foot synthetic walk (events, strides, loading and
 * summaries) as {@code soleus analyze} runs it after reading. Divide the score by
 * {@code samples} for nanoseconds per sample and foot pair.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AnalysisBenchmark {
    @Param({"360000"})
    public int samples;

    private Recording recording;
    private GaitSettings settings;

    @Setup
    public void setUp() {
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
        settings = GaitSettings.defaults();
    }

    @Benchmark
    public GaitAnalysis analyze() {
        return InsoleGaitAnalyzer.analyze(recording, settings);
    }
}
