package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.soleus.core.events.EventTiming;
import org.soleus.core.gait.StrideLimits;
import org.soleus.core.recording.RecordingMetadata;

final class GaitSettingsTest {

    /** The 20 Hz default is used where the rate allows it, else 0.45 × the rate (18 Hz at 40 Hz). */
    @Test
    void theCutoffUsedStaysBelowTheNyquistFrequency() {
        GaitSettings defaults = GaitSettings.defaults();
        assertEquals(20.0, defaults.lowPassCutoffUsedHz(100), 1e-12);
        assertEquals(18.0, defaults.lowPassCutoffUsedHz(40), 1e-12);
        assertEquals(11.25, defaults.lowPassCutoffUsedHz(25), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> defaults.lowPassCutoffUsedHz(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> defaults.lowPassCutoffUsedHz(0));
    }

    /**
     * The event timing set wins over a recording's, survives other stride limits, and without one
     * set the recording's is used.
     */
    @Test
    void theTimingSetWinsOverTheRecordingsAndSurvivesOtherStrideLimits() {
        RecordingMetadata namesLevels = RecordingMetadata.EMPTY.withProperty(EventTiming.PROPERTY, "load-levels");
        GaitSettings set = GaitSettings.defaults().withEventTiming(EventTiming.UNLOADED_BASELINE)
                .withStrideLimits(new StrideLimits(0.3, 2.0, 20.0, 80.0));
        assertEquals(EventTiming.UNLOADED_BASELINE, set.eventTiming());
        assertEquals(EventTiming.UNLOADED_BASELINE, set.eventTiming(namesLevels));
        assertEquals(EventTiming.LOAD_LEVELS, GaitSettings.defaults().eventTiming(namesLevels));
        assertEquals(EventTiming.UNLOADED_BASELINE, GaitSettings.defaults().eventTiming(RecordingMetadata.EMPTY));
    }
}
