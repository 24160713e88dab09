package org.soleus.io.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.soleus.core.recording.ChannelName;

/**
 * A binary-protocol byte stream made for tests: a leading delimiter, a descriptor, then sample
 * frames with the descriptor repeated every {@code descriptorEvery} frames; remembers each
 * frame's encoded bytes (delimiter excluded), its sequence number and values.
 */
final class BinaryStream {
    final StreamDescriptor descriptor;
    final byte[] bytes;
    /** Encoded frames without their delimiter, in stream order (descriptors included). */
    final List<byte[]> frames = new ArrayList<>();
    /** For each frame: its sample index, or -1 for a descriptor. */
    final List<Integer> sampleIndex = new ArrayList<>();
    final float[][] values;
    final long[] timesUs;

    /**
     * The mixed-encoding descriptor the tests use; scales are the decimals of the floats they
     * travel as, as the decoder reads them ({@link #asTravels}).
     */
    static StreamDescriptor mixedDescriptor() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("start_time_s", "0.0");
        properties.put("device", "test rig, firmware 1.2");
        return new StreamDescriptor(1000, List.of(
                new ChannelSpec(ChannelName.parse("left.insole.cell01_counts"), SampleEncoding.UINT16, 1, 0),
                new ChannelSpec(ChannelName.parse("left.insole.force_n"), SampleEncoding.INT16, 0.5, -10),
                new ChannelSpec(ChannelName.parse("left.shank.gyr_x_dps"), SampleEncoding.INT16, asTravels(1 / 131.0), 0),
                new ChannelSpec(ChannelName.parse("left.shank.acc_z_mps2"), SampleEncoding.INT32, asTravels(1e-4), 0),
                ChannelSpec.ofFloat(ChannelName.parse("right.insole.force_n"))), properties);
    }

    BinaryStream(StreamDescriptor descriptor, int frameCount, int descriptorEvery, long startTimeUs, Random random) {
        this.descriptor = descriptor;
        BinaryEncoder encoder = new BinaryEncoder(descriptor);
        int width = descriptor.width();
        values = new float[frameCount][width];
        timesUs = new long[frameCount];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        byte[] buffer = new byte[Math.max(encoder.descriptorFrameBytes(), encoder.sampleFrameBytes())];
        double periodUs = 1e6 / descriptor.sampleRateHz();
        for (int i = 0; i < frameCount; i++) {
            long t = startTimeUs + Math.round(i * periodUs);
            if (i % descriptorEvery == 0) {
                add(out, buffer, encoder.encodeDescriptor(i, t, buffer, 0), -1);
            }
            for (int c = 0; c < width; c++) {
                values[i][c] = value(descriptor.channels().get(c), random);
            }
            timesUs[i] = t;
            add(out, buffer, encoder.encodeSamples(i, t, values[i], buffer, 0), i);
        }
        bytes = out.toByteArray();
    }

    /** An oracle that knows every frame of this stream. */
    FrameOracle oracle() {
        FrameOracle oracle = new FrameOracle();
        for (int k = 0; k < frames.size(); k++) {
            oracle.expect(frames.get(k), sampleIndex.get(k));
        }
        return oracle;
    }

    private void add(ByteArrayOutputStream out, byte[] buffer, int end, int sample) {
        out.write(buffer, 0, end);
        frames.add(Arrays.copyOf(buffer, end - 1));
        sampleIndex.add(sample);
    }

    /** A descriptor's scale or offset as the decoder reads it: the shortest decimal of the float it travels as. */
    static double asTravels(double v) {
        return Double.parseDouble(Float.toString((float) v));
    }

    /** A value the channel carries exactly (on its quantisation grid), sometimes NaN. */
    static float value(ChannelSpec spec, Random random) {
        if (random.nextInt(50) == 0) {
            return Float.NaN;
        }
        double scale = asTravels(spec.scale());
        double offset = asTravels(spec.offset());
        return switch (spec.encoding()) {
            case INT16 -> (float) ((random.nextInt(65535) - 32767) * scale + offset);
            case UINT16 -> (float) (random.nextInt(65535) * scale + offset);
            case INT32 -> (float) ((random.nextInt(2_000_001) - 1_000_000) * scale + offset);
            case FLOAT32 -> (float) (random.nextGaussian() * 300);
        };
    }
}
