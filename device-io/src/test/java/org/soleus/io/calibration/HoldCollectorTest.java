package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;

final class HoldCollectorTest {

    @Test
    void skipsTheSettlingRowsThenAveragesTheAskedChannelUntilItHasItsSamples() {
        HoldCollector c = new HoldCollector();
        RecordingHeader header = new RecordingHeader("rig", 100, 0, List.of(ChannelName.parse("left.insole.cell01_counts"),
                ChannelName.parse("left.insole.cell02_counts")), RecordingMetadata.EMPTY);
        c.start(header);
        assertEquals(header, c.header());
        assertTrue(c.done(), "nothing asked for yet");
        c.accept(new float[] {1, 1000});
        c.collect(1, 2, 4);
        assertFalse(c.done());
        c.accept(new float[] {0, 9999});
        c.accept(new float[] {0, 9999});
        c.accept(new float[] {0, 10});
        c.accept(new float[] {0, Float.NaN});
        c.accept(new float[] {0, 20});
        assertFalse(c.done(), "3 of 4 samples");
        c.accept(new float[] {0, 30});
        assertTrue(c.done());
        c.accept(new float[] {0, 5000});
        assertEquals(3, c.hold().count());
        assertEquals(1, c.hold().missing());
        assertEquals(20, c.hold().meanCounts(), 1e-12);
        assertEquals(10, c.hold().sdCounts(), 1e-12);

        c.collect(0, 0, 2);
        assertEquals(0, c.hold().count(), "a new hold forgets the last");
        c.accept(new float[] {7, 0});
        c.accept(new float[] {9, 0});
        assertTrue(c.done());
        assertEquals(8, c.hold().meanCounts(), 1e-12);
    }
}
