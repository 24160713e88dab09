package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;

/** A recording without insole force: the error says what is missing, and why cells alone are not force. */
final class MissingForceTest {

    private static Recording of(String... names) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", 100, 0, Arrays.stream(names).map(ChannelName::parse).toList(),
                RecordingMetadata.EMPTY));
        builder.accept(new float[names.length]);
        builder.end(List.of());
        return builder.build();
    }

    @Test
    void cellsWithoutForceAreToldToNeedACalibration() {
        String cells = assertThrows(IllegalArgumentException.class, () -> InsoleGaitAnalyzer.analyze(
                of("left.insole.cell01_counts", "right.insole.cell01_counts"), GaitSettings.defaults())).getMessage();
        assertTrue(cells.startsWith("no insole force channel (left.insole.force_<unit> or right.insole.force_<unit>) in"
                + " walk.csv (insole cells give no force by themselves: a calibration turns raw cell counts into"
                + " <side>.insole.force_n); channels: "), cells);
        String none = assertThrows(IllegalArgumentException.class, () -> InsoleGaitAnalyzer.analyze(
                of("left.foot.acc_x_g"), GaitSettings.defaults())).getMessage();
        assertFalse(none.contains("cells"), none);
    }
}
