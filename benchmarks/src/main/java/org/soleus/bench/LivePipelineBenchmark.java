package org.soleus.bench;

import java.io.ByteArrayOutputStream;
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
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.LiveGaitListener;
import org.soleus.core.analysis.StreamingGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.RejectedStride;
import org.soleus.io.codec.BinaryDecoder;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.FrameSink;
import org.soleus.io.codec.StreamDescriptor;
import org.soleus.io.stream.RowHandler;
import org.soleus.io.stream.SampleRing;
import org.soleus.io.stream.SampleRow;

/**
 * The live path on one thread, without the port: bytes → binary decoder → ring buffer → live gait
 * analysis (cell summaries, gap bridge, contact detector, stride assembly, loading), for the
 * 56-channel stream at 1 kHz. One operation is one second of the stream (1000 frames, 127 kB);
 * {@code -prof gc} shows what it allocates: the strides and their loading windows, nothing per
 * frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LivePipelineBenchmark {
    private static final int SECONDS = 60;
    private static final int FRAMES_PER_OP = 1000;

    private byte[] stream;
    private int framesStart;
    private int frameBytes;
    private int position;
    private BinaryDecoder decoder;
    private SampleRing ring;
    private RingFeeder feeder;
    private RowHandler consumer;
    private StreamingGaitAnalyzer analyzer;
    private Strides strides;

    /** Counts what the analysis reports. */
    static final class Strides implements LiveGaitListener {
        long count;
        double sum;

        @Override
        public void onStride(StrideResult stride) {
            count++;
            sum += stride.stride().strideS();
        }

        @Override
        public void onRejected(RejectedStride rejected) {
            // rejections are not counted
        }
    }

    /** The reader thread's sink: copies each frame into the ring. */
    static final class RingFeeder implements FrameSink {
        private final SampleRing ring;

        RingFeeder(SampleRing ring) {
            this.ring = ring;
        }

        @Override
        public void onDescriptor(StreamDescriptor descriptor) {
            // the stream repeats no descriptor
        }

        @Override
        public void onFrame(long sequence, long deviceTimeUs, float[] values) {
            ring.offer(sequence, deviceTimeUs, 0, 0, values);
        }
    }

    @Setup
    public void setUp() {
        SyntheticStream synthetic = new SyntheticStream(1000, SECONDS, 5);
        BinaryEncoder encoder = synthetic.encoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[Math.max(encoder.descriptorFrameBytes(), encoder.sampleFrameBytes())];
        out.write(0);
        out.write(buf, 0, encoder.encodeDescriptor(0, 0, buf, 0));
        framesStart = out.size();
        for (int i = 0; i < synthetic.rows.length; i++) {
            int end = encoder.encodeSamples(i, i * 1000L, synthetic.rows[i], buf, 0);
            frameBytes = end;
            out.write(buf, 0, end);
        }
        stream = out.toByteArray();
        ring = new SampleRing(1 << 12, synthetic.descriptor.width());
        feeder = new RingFeeder(ring);
        decoder = new BinaryDecoder();
        decoder.decode(stream, 0, framesStart, feeder);
        position = framesStart;
        strides = new Strides();
        analyzer = new StreamingGaitAnalyzer(GaitSettings.defaults(), strides, false);
        analyzer.start(synthetic.header);
        float[] row = new float[synthetic.descriptor.width()];
        consumer = (SampleRow r) -> {
            r.copyValues(row, 0);
            analyzer.accept(row);
        };
    }

    /** One second of stream: decode 1000 frames into the ring, then analyse them. */
    @Benchmark
    public long oneSecond() {
        int bytes = FRAMES_PER_OP * frameBytes;
        if (position + bytes > stream.length) {
            position = framesStart;
        }
        decoder.decode(stream, position, bytes, feeder);
        position += bytes;
        while (ring.poll(consumer, 256) > 0) {
            continue;
        }
        return strides.count;
    }
}
