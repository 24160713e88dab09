package org.soleus.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.format.GaitpdbReader;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;

/**
 * Reading speed of gaitpdb-format text (19 tab-separated columns, CRLF, 100 Hz). The file is
 * generated in {@link #setUp} ({@link GaitpdbFiles}; run from within the repository). The
 * {@code bytes} counter reports the read rate in bytes per second (divide by 10^6 for MB/s);
 * {@link #baselineCountLines} gives the same machine's rate for merely reading the file and
 * counting its lines on one core. {@link #readIntoCountingSink} is the parser on one core;
 * {@link #readIntoRecording} is what {@code Recordings.read} does, which parses a file of this
 * size on every processor ({@link ParallelReadBenchmark} compares thread counts).
 *
 * <pre>
 * mvn -B -o -q package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar GaitpdbRead -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class GaitpdbReadBenchmark {
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

    private Path file;
    private long fileBytes;
    private final GaitpdbReader reader = new GaitpdbReader();
    private final byte[] buffer = new byte[1 << 20];

    /** A sink that only counts, so the benchmark measures the reader alone. */
    static final class CountingSink implements SampleSink {
        long samples;
        double checksum;

        @Override
        public void start(RecordingHeader header) {
            samples = 0;
        }

        @Override
        public void accept(float[] row) {
            samples++;
            checksum += row[0];
        }

        @Override
        public void end(List<String> warnings) {
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = TemporaryInput.create("BeCo01_01.txt", f -> GaitpdbFiles.write(f, data, rows, SEED));
        fileBytes = Files.size(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        TemporaryInput.delete(file);
    }

    /** The reader streaming into a sink that only counts. */
    @Benchmark
    public double readIntoCountingSink(ReadBytes bytes) throws IOException {
        CountingSink sink = new CountingSink();
        reader.read(file, ReadOptions.DEFAULTS, sink);
        bytes.bytes += fileBytes;
        return sink.checksum + sink.samples;
    }

    /**
     * Reference: the same file read through the same 1 MiB buffer, only counting line ends.
     * No reader can beat it on this machine; it puts the other scores in proportion.
     */
    @Benchmark
    public long baselineCountLines(ReadBytes bytes) throws IOException {
        long lines = 0;
        try (InputStream in = new FileInputStream(file.toFile())) {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        bytes.bytes += fileBytes;
        return lines;
    }

    /** The whole path a user takes: detection, reading, a {@link Recording} sized from the file. */
    @Benchmark
    public Recording readIntoRecording(ReadBytes bytes) throws IOException {
        Recording r = Recordings.read(file);
        bytes.bytes += fileBytes;
        return r;
    }
}
