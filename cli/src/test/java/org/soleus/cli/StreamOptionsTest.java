package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.codec.Protocol;

/**
 * A stream's samples pass the stages a file of the same channels passes when read: only a Moticon
 * stream's centre of pressure at 0, 0 is Moticon's mark of an unloaded insole; forces in kgf are
 * read in newtons.
 */
final class StreamOptionsTest {

    @Test
    void onlyAMoticonStreamsCentreOfPressureAtTheMiddleIsMissing() {
        float[] row = {500, 0, 0};
        StreamOptions line = new StreamOptions();
        line.protocol = Protocol.LINE;
        assertArrayEquals(row, through(line, row), "a line-protocol device's 0, 0 is a position");
        StreamOptions moticon = new StreamOptions();
        moticon.protocol = Protocol.MOTICON;
        float[] missing = through(moticon, new float[] {20, 0, 0});
        assertEquals(20, missing[0]);
        assertEquals(true, Float.isNaN(missing[1]) && Float.isNaN(missing[2]), "Moticon's 0, 0 below 50 N");
    }

    /**
     * As a file's force in kgf is read in newtons, so is a stream's; the sum of the cells is left to
     * the analysis, so that a recording holds what the device sent.
     */
    @Test
    void aStreamsForceInKilogramForceIsConvertedToNewtons() {
        StreamOptions line = new StreamOptions();
        line.protocol = Protocol.LINE;
        assertArrayEquals(new float[] {(float) (10 * 9.80665), (float) (20 * 9.80665)},
                through(line, new float[] {10, 20}, "left.insole.cell01_kgf", "left.insole.cell02_kgf"), 1e-3f);
    }

    /** The row {@code options}' stages pass on for {@code row} of a stream of force and centre of pressure. */
    private static float[] through(StreamOptions options, float[] row) {
        return through(options, row, "left.insole.force_n", "left.insole.cop_x_norm", "left.insole.cop_y_norm");
    }

    /** The row {@code options}' stages pass on for {@code row} of a stream of {@code channels}. */
    private static float[] through(StreamOptions options, float[] row, String... channels) {
        List<float[]> out = new ArrayList<>();
        SampleSink stages = options.stages(new SampleSink() {
            @Override
            public void start(RecordingHeader header) {
            }

            @Override
            public void accept(float[] r) {
                out.add(r.clone());
            }

            @Override
            public void end(List<String> warnings) {
            }
        });
        stages.start(new RecordingHeader("stream", 100, 0, Arrays.stream(channels).map(ChannelName::parse).toList(),
                RecordingMetadata.EMPTY));
        stages.accept(row.clone());
        stages.end(List.of());
        assertEquals(1, out.size());
        return out.get(0);
    }
}
