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
import org.soleus.core.recording.Recording;
import org.soleus.io.format.Recordings;

/**
 * Reading speed of a Moticon OpenGo text export into a recording, as {@code soleus analyze}
 * reads one (its format detected, its cells' heel force and contact signal derived while
 * reading; on one thread, as a Moticon export with cell pressures is read). The file is made in
 * {@link #setUp} from the shipped walk ({@link MoticonFiles}; run from within the repository).
 * The {@code bytes} counter reports the rate in bytes per second.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MoticonRead -f 1 -wi 5 -i 8
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class MoticonReadBenchmark {

    /** Data rows in the generated file (360 000 = one hour at 100 Hz, about 120 MB). */
    @Param("360000")
    public int rows;

    private Path file;
    private long fileBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = TemporaryInput.create("walk.txt", f -> MoticonFiles.write(f, rows));
        fileBytes = Files.size(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        TemporaryInput.delete(file);
    }

    /** The whole path a user takes: detection, reading, a {@link Recording} sized from the file. */
    @Benchmark
    public Recording readIntoRecording(ReadBytes bytes) throws IOException {
        Recording r = Recordings.read(file);
        bytes.bytes += fileBytes;
        return r;
    }
}
