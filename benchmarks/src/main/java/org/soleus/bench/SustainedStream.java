package org.soleus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.analysis.LiveGaitListener;
import org.soleus.core.analysis.LiveWarmUp;
import org.soleus.core.analysis.StreamingGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.RejectedStride;
import org.soleus.io.codec.BinaryDecoder;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.SerialPorts;
import org.soleus.io.serial.SerialStream;
import org.soleus.io.serial.StreamStatus;
import org.soleus.io.stream.RowHandler;
import org.soleus.io.stream.SampleRow;

/**
 * A timed run, not a JMH benchmark: the 56-channel stream at 1 kHz, sent in real time through
 * a pair of pseudo-terminals (one frame per millisecond, as a device sends) and read by the
 * live path (reader thread, binary decoder, ring buffer, live gait analysis on a consumer
 * thread). Reports what was lost and two latencies: from a frame's decoding (on the reader
 * thread) to its analysis (on the consumer thread), and to the stride event it completes, with
 * the part of the latter spent analysing that frame (the rest is waiting for the consumer
 * thread to run). Both are measured from the receive time the reader thread stamps on a row as
 * it publishes the decoded frame; the stride latency ends when the stride listener is called.
 * Latencies go into preallocated arrays and are sorted once at the end; the stride figures are
 * given again for the second half of the run, when more of the per-stride code is compiled.
 * Also reports the processor time of the consumer and reader threads.
 *
 * <p>The consumer waits for rows in one of two ways, chosen by the fourth argument:
 * {@code wake} (the default, as {@code soleus record} does) parks until the reader thread
 * publishes a row and wakes it ({@link SerialStream#awaitRows}); {@code poll} polls the ring
 * every 0.1 ms, parking in between, as the live path did before.
 *
 * <p>Run with {@code benchmarks/scripts/sustained-stream.sh [seconds] [wake|poll]}, which makes
 * the pseudo-terminals with socat.
 */
public final class SustainedStream {
    private static final double RATE_HZ = 1000;
    private static final long POLL_NANOS = 100_000;
    private static final long AWAIT_NANOS = 10_000_000;

    private SustainedStream() {
    }

    /**
     * @param args device end, host end, seconds (default 60), {@code wake} (default) or
     *             {@code poll}
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 3 ? args[3] : "wake";
        if (args.length < 2 || !mode.equals("wake") && !mode.equals("poll")) {
            System.err.println("usage: SustainedStream DEVICE_PTY HOST_PTY [SECONDS] [wake|poll]");
            System.exit(2);
        }
        boolean wake = mode.equals("wake");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SyntheticStream synthetic = new SyntheticStream(RATE_HZ, seconds, 11);
        int frames = synthetic.rows.length;

        long[] rowLatency = new long[frames];
        long[] strideLatency = new long[4 * seconds + 16];
        long[] strideWork = new long[strideLatency.length];
        int[] strideFrame = new int[strideLatency.length];
        int[] counts = new int[3];
        long[] current = new long[2];
        StreamingGaitAnalyzer analyzer = new StreamingGaitAnalyzer(GaitSettings.defaults(), new LiveGaitListener() {
            @Override
            public void onStride(StrideResult stride) {
                if (counts[1] < strideLatency.length) {
                    long now = System.nanoTime();
                    strideWork[counts[1]] = now - current[1];
                    strideFrame[counts[1]] = counts[0];
                    strideLatency[counts[1]++] = now - current[0];
                }
            }

            @Override
            public void onRejected(RejectedStride rejected) {
                counts[2]++;
            }
        }, false);
        analyzer.start(synthetic.header);
        long warmStart = System.nanoTime();
        int warmStrides = LiveWarmUp.run(synthetic.header, GaitSettings.defaults(), LegLoadSettings.DEFAULTS,
                LiveWarmUp.DEFAULT_SECONDS);
        System.out.printf(Locale.ROOT, "warm-up as soleus live does it: %d synthetic strides in %.2f s%n", warmStrides,
                (System.nanoTime() - warmStart) / 1e9);
        float[] row = new float[synthetic.descriptor.width()];
        long[] lastSequence = {-1};
        long[] sequenceGaps = {0};
        RowHandler consumer = (SampleRow r) -> {
            current[0] = r.receivedNanos();
            if (lastSequence[0] >= 0 && r.sequence() != lastSequence[0] + 1) {
                sequenceGaps[0]++;
            }
            lastSequence[0] = r.sequence();
            r.copyValues(row, 0);
            current[1] = System.nanoTime();
            analyzer.accept(row);
            if (counts[0] < rowLatency.length) {
                rowLatency[counts[0]++] = System.nanoTime() - r.receivedNanos();
            }
        };

        SerialStream stream = new SerialStream(SerialPorts.opener(args[1], 921600, 50), args[1], new BinaryDecoder(),
                SerialStream.Settings.defaults().withTimeouts(10, 10), new SerialStream.Listener() {
                    @Override
                    public void onDisconnected(String port) {
                        System.err.println(port + " disconnected");
                    }

                    @Override
                    public void onReconnected(String port, double downS) {
                        System.err.println(port + " reconnected");
                    }
                }, "check the ports");
        stream.start();
        long[] consumerCpuNanos = new long[1];
        Thread consumerThread = new Thread(() -> {
            long cpuStart = threads.getCurrentThreadCpuTime();
            while (counts[0] < frames && (stream.isRunning() || stream.poll(consumer, 1024) > 0)) {
                if (stream.poll(consumer, 1024) == 0) {
                    if (wake) {
                        stream.awaitRows(AWAIT_NANOS);
                    } else {
                        LockSupport.parkNanos(POLL_NANOS);
                    }
                }
            }
            consumerCpuNanos[0] = threads.getCurrentThreadCpuTime() - cpuStart;
        }, "consumer");
        consumerThread.start();

        BinaryEncoder encoder = synthetic.encoder();
        byte[] buffer = new byte[encoder.descriptorFrameBytes() + encoder.sampleFrameBytes() + 1];
        long maxBehindNanos = 0;
        long start;
        try (ByteLink device = SerialPorts.opener(args[0], 921600, 50).open()) {
            buffer[0] = 0;
            int n = encoder.encodeDescriptor(0, 0, buffer, 1);
            device.write(buffer, 0, n);
            start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                long due = start + (long) (i * 1e9 / RATE_HZ);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    maxBehindNanos = Math.max(maxBehindNanos, -wait);
                }
                int p = 0;
                if (i > 0 && i % (int) RATE_HZ == 0) {
                    p = encoder.encodeDescriptor(i, i * 1000L, buffer, p);
                }
                p = encoder.encodeSamples(i, i * 1000L, synthetic.rows[i], buffer, p);
                device.write(buffer, 0, p);
            }
        }
        double sendS = (System.nanoTime() - start) / 1e9;
        consumerThread.join(20_000);
        long readerCpuNanos = readerCpuNanos(threads, "soleus-reader " + args[1]);
        stream.close();
        StreamStatus s = stream.status();
        System.out.printf(Locale.ROOT, "sent %d frames of %d channels (%d bytes each) in %.2f s (%.0f frames/s, %.1f kB/s);"
                        + " the sender was at most %.2f ms behind schedule%n", frames, synthetic.descriptor.width(),
                encoder.sampleFrameBytes(), sendS, frames / sendS, frames * encoder.sampleFrameBytes() / sendS / 1000,
                maxBehindNanos / 1e6);
        System.out.printf(Locale.ROOT, "received %d frames: %d lost, %d CRC errors, %d malformed, %d overruns, %d sequence"
                        + " gaps%n", counts[0], s.lostFrames(), s.crcErrors(), s.malformed(), s.overruns(), sequenceGaps[0]);
        System.out.printf(Locale.ROOT, "frame decoded -> analysed: %s%n", percentiles(rowLatency, 0, counts[0]));
        System.out.printf(Locale.ROOT, "frame decoded -> stride event: %s over %d strides (%d rejected)%n",
                percentiles(strideLatency, 0, counts[1]), counts[1], counts[2]);
        System.out.printf(Locale.ROOT, "of which the analysis of the frame that completes the stride: %s%n",
                percentiles(strideWork, 0, counts[1]));
        int half = 0;
        while (half < counts[1] && strideFrame[half] < frames / 2) {
            half++;
        }
        System.out.printf(Locale.ROOT, "second half of the run, %d strides: stride event %s; analysis %s%n",
                counts[1] - half, percentiles(strideLatency, half, counts[1]), percentiles(strideWork, half, counts[1]));
        System.out.printf(Locale.ROOT, "consumer waiting by %s: %.1f ms of processor time per second of stream on the"
                        + " consumer thread, %.1f ms on the reader thread; %d wake-ups by the reader%n", mode,
                consumerCpuNanos[0] / 1e6 / sendS, readerCpuNanos / 1e6 / sendS, stream.wakeups());
    }

    private static long readerCpuNanos(ThreadMXBean threads, String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return threads.getThreadCpuTime(t.getId());
            }
        }
        return -1;
    }

    private static String percentiles(long[] nanos, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return "none";
        }
        long[] sorted = Arrays.copyOfRange(nanos, from, to);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs",
                rank(sorted, 0.5) / 1e3, rank(sorted, 0.99) / 1e3, rank(sorted, 0.999) / 1e3, sorted[n - 1] / 1e3);
    }

    /** The nearest-rank percentile of sorted values. */
    private static long rank(long[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
