package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.events.EventTimes.distanceToNearestS;
import static org.soleus.core.events.EventTimes.times;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.core.synthetic.TruthEvent;

/** The gait analysis falls back on a leg's shank gyroscope when it has no foot gyroscope. */
final class ShankImuAnalysisTest {
    private static final SyntheticRecording WALK = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
            new Activity.Standing(2), new Activity.Walking(30, 105, 1.2, Terrain.LEVEL), new Activity.Standing(2)), 71));

    @Test
    void shankGyroscopesAloneGiveEventsAndStrides() {
        GaitAnalysis analysis = InsoleGaitAnalyzer.analyze(only(WALK.sensors(), "shank"), GaitSettings.defaults(),
                ImuSettings.defaults());
        assertTrue(analysis.events().stream().allMatch(e -> e.source() == EventSource.IMU));
        int found = 0;
        for (TruthEvent t : WALK.events()) {
            if (distanceToNearestS(t.timeS(), times(analysis.events(), t.side(), t.type())) < 0.06) {
                found++;
            }
        }
        assertTrue(found >= 0.95 * WALK.events().size(), found + " of " + WALK.events().size() + " (seed 71)");
        assertTrue(analysis.strides().size() >= 0.9 * WALK.strides().size(),
                analysis.strides().size() + " strides of " + WALK.strides().size());
    }

    @Test
    void aFootGyroscopeIsPreferredToTheShank() {
        Recording both = WALK.sensors();
        Recording footAndShank = RecordingEdits.keep(both,
                c -> c.name().place().equals("foot") || c.name().place().equals("shank"));
        List<GaitEvent> preferred = InsoleGaitAnalyzer.analyze(footAndShank, GaitSettings.defaults(),
                ImuSettings.defaults()).events();
        List<GaitEvent> footOnly = InsoleGaitAnalyzer.analyze(only(both, "foot"), GaitSettings.defaults(),
                ImuSettings.defaults()).events();
        List<GaitEvent> shankOnly = InsoleGaitAnalyzer.analyze(only(both, "shank"), GaitSettings.defaults(),
                ImuSettings.defaults()).events();
        assertEquals(footOnly, preferred);
        assertTrue(!shankOnly.equals(preferred), "the shank's events differ from the foot's");
        assertTrue(preferred.stream().anyMatch(e -> e.type() == GaitEventType.HEEL_STRIKE && e.side() == Side.RIGHT));
    }

    private static Recording only(Recording r, String place) {
        return RecordingEdits.keep(r, c -> c.name().place().equals(place) && c.name().quantity().startsWith("gyr"));
    }
}
