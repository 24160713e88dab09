package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * Force in newtons without a body mass stops the batch and the live analysis with the same
 * {@link UnknownBodyMassException}, whose message names the recording and no command-line flag;
 * the live analysis is then not started.
 */
final class UnknownBodyMassTest {
    private static final long SEED = 5L;

    @Test
    void batchAndLiveAnalysesNameTheRecordingAndNoFlag() {
        Recording walk = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Walking(5, 110, 1.3, Terrain.LEVEL)), SEED)).sensors();
        Recording massless = new Recording(walk.source(), walk.sampleRateHz(), walk.startTimeS(), walk.channels(),
                walk.metadata().withBodyMassKg(Double.NaN), walk.warnings());
        String expected = "body mass of the subject in " + walk.source() + " is unknown: loading in body weights needs it";

        UnknownBodyMassException batch = assertThrows(UnknownBodyMassException.class,
                () -> InsoleGaitAnalyzer.analyze(massless, GaitSettings.defaults()));
        assertEquals(expected, batch.getMessage());

        StreamingGaitAnalyzer live = new StreamingGaitAnalyzer(GaitSettings.defaults(), new IgnoringGaitListener(), false);
        RecordingHeader header = new RecordingHeader(massless.source(), massless.sampleRateHz(), massless.startTimeS(),
                massless.channelNames(), massless.metadata());
        assertEquals(expected, assertThrows(UnknownBodyMassException.class, () -> live.start(header)).getMessage());
    }

    /** A header refused for its missing mass leaves the live analysis unstarted, not half started. */
    @Test
    void aRefusedHeaderLeavesTheLiveAnalysisUnstarted() {
        Recording walk = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Walking(5, 110, 1.3, Terrain.LEVEL)), SEED)).sensors();
        StreamingGaitAnalyzer live = new StreamingGaitAnalyzer(GaitSettings.defaults(), new IgnoringGaitListener(), true);
        RecordingHeader massless = new RecordingHeader(walk.source(), walk.sampleRateHz(), walk.startTimeS(),
                walk.channelNames(), walk.metadata().withBodyMassKg(Double.NaN));
        assertThrows(UnknownBodyMassException.class, () -> live.start(massless));

        assertNull(live.header());
        float[] row = new float[walk.channelNames().size()];
        assertEquals("accept() before start()", assertThrows(IllegalStateException.class, () -> live.accept(row)).getMessage());
        RecordingHeader header = new RecordingHeader(walk.source(), walk.sampleRateHz(), walk.startTimeS(),
                walk.channelNames(), walk.metadata());
        live.start(header);
        assertSame(header, live.header());
    }
}
