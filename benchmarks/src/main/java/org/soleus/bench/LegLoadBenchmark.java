package org.soleus.bench;

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
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.ImuSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.LegLoadAnalyzer;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.recording.Recording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;

/**
 * The leg analysis of {@code soleus analyze} after the gait analysis ({@link LegLoadAnalyzer}:
 * plantar-flexor moment and Achilles force, knee flexion from thigh and shank IMUs, soleus
 * dominance, per-stride figures and calf raises, both legs) on the shipped synthetic session
 * (68 s at 100 Hz: walking, stairs, a slope and calf raises). Divide the score by
 * {@value #SAMPLES_HINT} for the time per sample and leg pair; {@code -prof gc} shows what
 * one run allocates (the derived signals, about 50 bytes per sample).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LegLoadBenchmark {
    /** Samples of the session, for reading the score per sample. */
    static final String SAMPLES_HINT = "6796";

    private Recording recording;
    private GaitAnalysis gait;

    @Setup
    public void setUp() {
        recording = SyntheticRecordingGenerator.generate(SyntheticSample.spec(SyntheticSample.DEFAULT_SEED)).sensors();
        gait = InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults(), ImuSettings.defaults());
    }

    @Benchmark
    public LegLoadAnalysis analyze() {
        return LegLoadAnalyzer.analyze(recording, gait, LegLoadSettings.DEFAULTS);
    }
}
