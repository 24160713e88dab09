package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soleus.core.gait.StrideLimits;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

/**
 * The warm-up walk runs the live analysis on a synthetic walk laid out like the stream, to compile
 * its code before the first real sample; what it reports is the number of strides completed,
 * which these tests hold to the walk's length (strides of 1.1 s, less the detector's warm-up of
 * the first stride or two and the last stride, which has no closing heel strike).
 */
final class LiveWarmUpTest {

    @Test
    void aForceAndCentreOfPressureStreamIsWalkedStrideByStride() {
        List<ChannelName> channels = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            channels.add(ChannelName.of(side, "insole", "force", "n"));
            channels.add(ChannelName.of(side, "insole", "cop_y", "norm"));
            channels.add(ChannelName.of(side, "shank", "gyr_x", "dps"));
        }
        RecordingHeader header = new RecordingHeader("test stream", 100, 12.5, channels, RecordingMetadata.EMPTY);
        int strides = LiveWarmUp.run(header, GaitSettings.defaults(), LegLoadSettings.DEFAULTS, 30);
        // 30 s of 1.1-s strides on two feet: 2 × 27, less two to four per foot
        assertTrue(strides >= 46 && strides <= 54, strides + " strides");
    }

    /**
     * Stride limits that reject the 1.1-s strides or the 62 % stance of walking: the warm-up walks
     * in the middle of the limits instead, so that it still completes strides, as the session it
     * prepares will (with walking strides it would complete none).
     */
    @Test
    void stepsWithinStrideLimitsThatRejectWalking() {
        List<ChannelName> channels = List.of(ChannelName.of(Side.LEFT, "insole", "force", "n"),
                ChannelName.of(Side.RIGHT, "insole", "force", "n"));
        RecordingHeader header = new RecordingHeader("running", 100, 0, channels, RecordingMetadata.EMPTY);
        // strides of 0.7 s (the middle of 0.4-1.0 s): 2 × 42 in 30 s, less two to four per foot
        int running = LiveWarmUp.run(header, GaitSettings.defaults().withStrideLimits(new StrideLimits(0.4, 1.0, 20, 80)),
                LegLoadSettings.DEFAULTS, 30);
        assertTrue(running >= 76 && running <= 84, running + " strides");
        // stance of 42.5 % (the middle of 30-55 %) in 1.1-s strides
        int shortStance = LiveWarmUp.run(header, GaitSettings.defaults().withStrideLimits(new StrideLimits(0.6, 3.0, 30, 55)),
                LegLoadSettings.DEFAULTS, 30);
        assertTrue(shortStance >= 46 && shortStance <= 54, shortStance + " strides");
    }

    @Test
    void insoleCellsOfALayoutAndCountsAreWalkedToo() {
        List<InsoleCell> cells = List.of(new InsoleCell("cell01", 0, 0.02, Double.NaN),
                new InsoleCell("cell02", 0, 0.12, Double.NaN), new InsoleCell("cell03", 0, 0.22, Double.NaN));
        List<ChannelName> channels = List.of(ChannelName.of(Side.LEFT, "insole", "force", "counts"),
                ChannelName.of(Side.LEFT, "insole", "cell01", "n"), ChannelName.of(Side.LEFT, "insole", "cell02", "n"),
                ChannelName.of(Side.LEFT, "insole", "cell03", "n"));
        RecordingMetadata metadata = new RecordingMetadata(Double.NaN,
                Map.of(Side.LEFT, new InsoleLayout("m", 0.27, cells)), Map.of());
        int strides = LiveWarmUp.run(new RecordingHeader("cells", 1000, 0, channels, metadata), GaitSettings.defaults(),
                LegLoadSettings.DEFAULTS, 12);
        // 12 s of 1.1-s strides on one foot: 10, less none to two
        assertTrue(strides >= 8 && strides <= 11, strides + " strides");
    }

    @Test
    void aStreamWithoutInsoleForceIsRefusedAsTheAnalysisRefusesIt() {
        RecordingHeader header = new RecordingHeader("imu only", 100, 0,
                List.of(ChannelName.of(Side.LEFT, "shank", "gyr_x", "dps")), RecordingMetadata.EMPTY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiveWarmUp.run(header, GaitSettings.defaults(), LegLoadSettings.DEFAULTS, 5));
        assertTrue(e.getMessage().contains("imu only"), e.getMessage());
        assertEquals(0, LiveWarmUp.run(new RecordingHeader("short", 100, 0,
                List.of(ChannelName.of(Side.LEFT, "insole", "force", "n")), RecordingMetadata.EMPTY),
                GaitSettings.defaults(), LegLoadSettings.DEFAULTS, 0.5));
    }
}
