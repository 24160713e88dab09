package org.soleus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.io.analysis.AnalysisSettings;
import org.soleus.io.analysis.RecordingAnalysis;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.output.AnalysisOutputs;
import org.soleus.io.output.AnalysisReport;

/**
 * Writing the result files of a walk's analysis ({@code events.csv}, {@code strides.csv} and
 * {@code summary.json}) as {@code soleus analyze} writes them ({@link AnalysisOutputs#write}):
 * each on a thread of its own, to a temporary name, flushed to the disk and renamed. The
 * analysis is of the gaitpdb trials in {@code sample-data/} repeated for {@code samples} rows
 * ({@link GaitpdbFiles}; run from within the repository): one hour at 100 Hz gives about 5 300
 * strides and 10 900 events, 0.94 MB and 0.42 MB of text. The files go to a folder in {@code dir}
 * (the system's temporary folder when empty); {@code -p dir=/dev/shm}, a folder in memory,
 * leaves the disk's flush out of the figure.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OutputsBenchmark -p dir=/dev/shm -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OutputsBenchmark {
    /** Rows of the walk analysed (360 000 = one hour at 100 Hz). */
    @Param("360000")
    public int samples;

    /** Where the result folder is made; empty for the system's temporary folder. */
    @Param("")
    public String dir;

    private AnalysisReport report;
    private Path workDir;
    private Path out;

    @Setup
    public void setUp() throws IOException {
        Path inputDir = Files.createTempDirectory("soleus-bench");
        Path file = inputDir.resolve("BeCo01_01.txt");
        try {
            GaitpdbFiles.write(file, "trials", samples, 0);
            AnalysisSettings settings = new AnalysisSettings(new ReadOptions(null, Double.NaN, 72.0), null, null,
                    GaitSettings.defaults(), LegLoadSettings.DEFAULTS, false, false, "benchmark");
            report = new RecordingAnalysis(settings).analyze(file, new Quiet());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(inputDir);
        }
        workDir = dir.isEmpty() ? Files.createTempDirectory("soleus-bench-out")
                : Files.createTempDirectory(Path.of(dir), "soleus-bench-out");
        out = workDir.resolve("out");
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public void write() throws IOException {
        AnalysisOutputs.write(report, out, false);
    }

    /** An observer that tells nothing. */
    private static final class Quiet implements RecordingAnalysis.Observer {
        @Override
        public void stage(String what, double fractionOfInput) {
        }

        @Override
        public void readerWarnings(List<String> warnings) {
        }

        @Override
        public void notice(String text) {
        }
    }
}
