package org.soleus.bench;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.soleus.io.codec.BinaryDecoder;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.FrameSink;
import org.soleus.io.codec.StreamDescriptor;

/**
 * Decoding the binary protocol (COBS, CRC-32C, int16 values scaled to floats) from 4 KiB reads,
 * as the reader thread does: 10 s of the 56-channel, 1 kHz stream per operation (1.27 MB). The
 * {@code bytes} counter is the decoding rate in bytes per second; divide by 10^6 for MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BinaryDecodeBenchmark {
    @Param({"4096"})
    public int readBytes;

    private byte[] stream;
    private BinaryDecoder decoder;
    private Sum sink;

    /** Bytes decoded, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long bytes;

        @Setup(Level.Iteration)
        public void clean() {
            bytes = 0;
        }
    }

    /** Adds every value up, so that nothing decoded is dead code. */
    static final class Sum implements FrameSink {
        double sum;
        long frames;

        @Override
        public void onDescriptor(StreamDescriptor descriptor) {
            // repeated descriptors cost no work worth keeping
        }

        @Override
        public void onFrame(long sequence, long deviceTimeUs, float[] values) {
            for (float v : values) {
                sum += v;
            }
            frames++;
        }
    }

    @Setup
    public void setUp() {
        SyntheticStream synthetic = new SyntheticStream(1000, 10, 3);
        BinaryEncoder encoder = synthetic.encoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[Math.max(encoder.descriptorFrameBytes(), encoder.sampleFrameBytes())];
        out.write(0);
        for (int i = 0; i < synthetic.rows.length; i++) {
            if (i % 1000 == 0) {
                out.write(buf, 0, encoder.encodeDescriptor(i, i * 1000L, buf, 0));
            }
            out.write(buf, 0, encoder.encodeSamples(i, i * 1000L, synthetic.rows[i], buf, 0));
        }
        stream = out.toByteArray();
        decoder = new BinaryDecoder();
        sink = new Sum();
    }

    @Benchmark
    public double decode(Counters counters) {
        for (int p = 0; p < stream.length; p += readBytes) {
            decoder.decode(stream, p, Math.min(readBytes, stream.length - p), sink);
        }
        counters.bytes += stream.length;
        return sink.sum;
    }
}
