package org.soleus.io.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/** Small synthetic recordings for stream tests. */
final class Walks {
    private Walks() {
    }

    /**
     * Two force channels, the left insole's one cell that its layout places (the left force), and
     * a gyro channel with noise and a few missing samples.
     */
    static Recording synthetic(int samples, double rateHz, long seed) {
        Random random = new Random(seed);
        float[] left = new float[samples];
        float[] right = new float[samples];
        float[] gyro = new float[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / rateHz;
            left[i] = (float) Math.max(0, 700 * Math.sin(2 * Math.PI * t) + random.nextGaussian() * 5);
            right[i] = (float) Math.max(0, -700 * Math.sin(2 * Math.PI * t) + random.nextGaussian() * 5);
            gyro[i] = random.nextInt(100) == 0 ? Float.NaN : (float) (random.nextGaussian() * 100);
        }
        Map<Side, InsoleLayout> layouts = new EnumMap<>(Side.class);
        layouts.put(Side.LEFT, new InsoleLayout("au", Double.NaN, List.of(new InsoleCell("cell01", -500, -800, Double.NaN))));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("subject", "synthetic " + seed);
        List<Channel> channels = new ArrayList<>();
        channels.add(new Channel(ChannelName.parse("left.insole.force_n"), left));
        channels.add(new Channel(ChannelName.parse("right.insole.force_n"), right));
        channels.add(new Channel(ChannelName.parse("left.insole.cell01_n"), left.clone()));
        channels.add(new Channel(ChannelName.parse("left.shank.gyr_x_dps"), gyro));
        return new Recording("synthetic", rateHz, 0.5, channels, new RecordingMetadata(70, layouts, properties), List.of());
    }
}
