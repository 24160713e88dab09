package org.soleus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RowTransform;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.ReadParallelism;
import org.soleus.io.format.Recordings;

/**
 * Reading a gaitpdb file into a recording with 1, 2 or more parsing threads
 * ({@link ReadParallelism}), either keeping every channel or, as {@code soleus analyze} does,
 * summarising the insole cells into heel force and centre of pressure while reading
 * ({@code cells}). One thread is the sequential path; the others split the file into parts of
 * 4 MiB. The file is made in {@link #setUp} ({@link GaitpdbFiles}; run from within the
 * repository). The {@code bytes} counter gives bytes per second; divide by 10^6 for MB/s.
 *
 * <pre>
 * mvn -B -o -q package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ParallelRead -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ParallelReadBenchmark {
    private static final long SEED = 1;

    /** Rows in the generated file (360 000 = one hour at 100 Hz, about 33 MB). */
    @Param("360000")
    public int rows;

    /**
     * What the file holds ({@link GaitpdbFiles}): {@code synthetic} values in no predictable
     * pattern, or the shipped gaitpdb {@code trials} repeated (found from the working
     * directory: run the benchmark from within the repository).
     */
    @Param({"synthetic", "trials"})
    public String data;

    /** Parsing threads; 1 reads on the calling thread. */
    @Param({"1", "2"})
    public int threads;

    /** {@code all} keeps every channel, {@code cells} summarises the insole cells while reading. */
    @Param({"cells", "all"})
    public String channels;

    private Path file;
    private long fileBytes;
    private ReadParallelism parallelism;
    private RowTransform transform;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = TemporaryInput.create("BeCo01_01.txt", f -> GaitpdbFiles.write(f, data, rows, SEED));
        fileBytes = Files.size(file);
        parallelism = threads == 1 ? ReadParallelism.SEQUENTIAL : new ReadParallelism(threads, 1 << 22, 0);
        transform = channels.equals("cells") ? CellAggregatingSink::new : RowTransform.identity();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        TemporaryInput.delete(file);
    }

    /** The file read into a recording with {@link #threads} parsing threads. */
    @Benchmark
    public Recording read(ReadBytes bytes) throws IOException {
        Recording r = Recordings.read(file, ReadOptions.DEFAULTS, transform, parallelism);
        bytes.bytes += fileBytes;
        return r;
    }
}
