package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Recording;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * A live analysis ends once ({@link org.soleus.core.recording.SampleSink}): rows or a second
 * end after its end are refused, and the result it gave stays as it was.
 */
final class LiveLifecycleTest {
    @Test
    void rowsAndASecondEndAfterTheEndAreRefused() {
        Recording walk = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Walking(20, 110, 1.3, Terrain.LEVEL)), 11L)).sensors();
        StreamingGaitAnalyzer live = new StreamingGaitAnalyzer(GaitSettings.defaults(), new IgnoringGaitListener(), true);
        RecordingRows.stream(walk, live, i -> { });
        live.end(new ArrayList<>());
        GaitAnalysis result = live.result();
        int strides = result.strides().size();

        float[] row = new float[walk.channelNames().size()];
        assertEquals("accept() after end()", assertThrows(IllegalStateException.class, () -> live.accept(row)).getMessage());
        assertEquals("end() was already called",
                assertThrows(IllegalStateException.class, () -> live.end(new ArrayList<>())).getMessage());
        assertEquals(strides, live.result().strides().size());
        assertTrue(strides > 10, "the walk's strides: " + strides);
    }
}
