package org.soleus.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.CollectingSink;

final class MoticonCentreOfPressureTest {

    @Test
    void theSoftwaresZeroZeroIsMissingAndAnyRealPositionIsKept() {
        CollectingSink out = new CollectingSink();
        SampleSink stage = new MoticonCentreOfPressure(out);
        stage.start(new RecordingHeader("moticon", 100, 0, List.of(ChannelName.parse("left.insole.force_n"),
                MoticonReader.copChannel(Side.LEFT, "x"), MoticonReader.copChannel(Side.LEFT, "y")), RecordingMetadata.EMPTY));
        float[] row = {12, 0, 0};
        stage.accept(row);
        stage.accept(new float[] {300, 0, 0.1f});
        stage.accept(new float[] {300, -0.3f, 0});
        assertArrayEquals(new float[] {12, Float.NaN, Float.NaN}, out.rows.get(0));
        assertArrayEquals(new float[] {12, 0, 0}, row, "the caller's row is left as it was");
        assertArrayEquals(new float[] {300, 0, 0.1f}, out.rows.get(1), "on the insole's heel-to-toe centre line");
        assertArrayEquals(new float[] {300, -0.3f, 0}, out.rows.get(2), "half way along the insole");
    }
}
