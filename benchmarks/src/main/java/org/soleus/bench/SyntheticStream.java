package org.soleus.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;
import org.soleus.io.codec.BinaryEncoder;
import org.soleus.io.codec.ChannelSpec;
import org.soleus.io.codec.SampleEncoding;
import org.soleus.io.codec.StreamDescriptor;
import org.soleus.io.format.MetadataLines;

/**
 * A full live sensor set, 2 insoles × 16 channels (total force and 15 cells)
 * and 4 IMUs × 6 axes = 56 int16 channels, walking with a stride of exactly 1 s (so a buffer of
 * whole seconds repeats without a seam), encoded in the binary protocol.
 */
final class SyntheticStream {
    static final int CELLS = 15;
    static final String[] IMUS = {"left.foot", "right.foot", "left.shank", "right.shank"};
    static final String[] AXES = {"acc_x_mps2", "acc_y_mps2", "acc_z_mps2", "gyr_x_dps", "gyr_y_dps", "gyr_z_dps"};

    final StreamDescriptor descriptor;
    final RecordingHeader header;
    final float[][] rows;

    /**
     * @param rateHz   sample rate
     * @param seconds  whole seconds of samples
     */
    SyntheticStream(double rateHz, int seconds, long seed) {
        Random random = new Random(seed);
        List<ChannelSpec> channels = new ArrayList<>();
        Map<Side, InsoleLayout> layouts = new EnumMap<>(Side.class);
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            channels.add(new ChannelSpec(ChannelName.of(side, "insole", "force", "n"), SampleEncoding.INT16, 0.125, 0));
            List<InsoleCell> cells = new ArrayList<>();
            for (int c = 1; c <= CELLS; c++) {
                String q = String.format(Locale.ROOT, "cell%02d", c);
                channels.add(new ChannelSpec(ChannelName.of(side, "insole", q, "n"), SampleEncoding.INT16, 0.03125, 0));
                cells.add(new InsoleCell(q, (c % 3) * 0.03 - 0.03, (c - 1) * 0.018, Double.NaN));
            }
            layouts.put(side, new InsoleLayout("m", 0.27, cells));
        }
        for (String imu : IMUS) {
            for (String axis : AXES) {
                double scale = axis.startsWith("acc") ? 9.80665 / 2048 : 1 / 16.4;
                channels.add(new ChannelSpec(ChannelName.parse(imu + "." + axis), SampleEncoding.INT16, (float) scale, 0));
            }
        }
        RecordingHeader h = new RecordingHeader("synthetic", rateHz, 0, channels.stream().map(ChannelSpec::name).toList(),
                new RecordingMetadata(72, layouts, Map.of("device", "synthetic 56-channel rig")));
        this.header = h;
        this.descriptor = new StreamDescriptor(rateHz, channels, MetadataLines.of(h));
        int n = (int) Math.round(seconds * rateHz);
        rows = new float[n][channels.size()];
        for (int i = 0; i < n; i++) {
            double t = i / rateHz;
            float[] row = rows[i];
            int k = 0;
            for (int side = 0; side < 2; side++) {
                double phase = ((t + 0.5 * side) % 1.0) / 0.62;
                double stance = phase < 1 ? Math.sin(Math.PI * phase) + 0.15 * Math.sin(3 * Math.PI * phase) : 0;
                double force = 700 * stance + 5 * random.nextGaussian();
                row[k++] = (float) force;
                for (int c = 0; c < CELLS; c++) {
                    double share = phase < 1 ? Math.max(0, Math.sin(Math.PI * (phase - c / (double) CELLS * 0.6))) : 0;
                    row[k++] = (float) Math.max(0, force * share / CELLS + random.nextGaussian());
                }
            }
            for (int j = 0; j < IMUS.length * AXES.length; j++) {
                row[k++] = (float) (50 * Math.sin(2 * Math.PI * t + j) + random.nextGaussian());
            }
        }
    }

    /** A new encoder for the stream. */
    BinaryEncoder encoder() {
        return new BinaryEncoder(descriptor);
    }
}
