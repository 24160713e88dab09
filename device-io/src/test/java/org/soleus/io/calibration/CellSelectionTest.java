package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;

final class CellSelectionTest {
    private static final ChannelName CELL1 = ChannelName.parse("left.insole.cell01_counts");
    private static final ChannelName CELL2 = ChannelName.parse("right.insole.cell02_counts");
    private static final ChannelName FORCE = ChannelName.parse("left.insole.force_n");
    private static final ChannelName GYRO = ChannelName.parse("left.foot.gyr_y_dps");

    @Test
    void measuresTheStreamsRawInsoleChannelsOrTheOneAskedFor() {
        RecordingHeader header = header(List.of(GYRO, CELL1, FORCE, CELL2));
        assertEquals(List.of(CELL1, CELL2), CellSelection.toMeasure(header, null, "/dev/ttyACM0"));
        assertEquals(List.of(CELL2), CellSelection.toMeasure(header, CELL2, "/dev/ttyACM0"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CellSelection.toMeasure(header, ChannelName.parse("left.insole.cell09_counts"), "/dev/ttyACM0"));
        assertEquals("/dev/ttyACM0: the stream has no channel left.insole.cell09_counts; its raw insole channels: ["
                + CELL1 + ", " + CELL2 + "]", missing.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CellSelection.toMeasure(header(List.of(FORCE)), null, "udp:7777"));
        assertEquals("udp:7777: the stream has no raw insole channel (<side>.insole.<cell>_counts) to calibrate; its "
                + "channels: [" + FORCE + "]", none.getMessage());
    }

    @Test
    void fitsAllReadingsInTheFilesOrderOrTheOneAskedFor() {
        Map<ChannelName, List<CalibrationPoint>> all = new LinkedHashMap<>();
        all.put(CELL2, List.of(new CalibrationPoint(0, 30)));
        all.put(CELL1, List.of(new CalibrationPoint(0, 40)));
        assertEquals(List.of(CELL2, CELL1), List.copyOf(CellSelection.ofReadings(all, null, "r.csv").keySet()));
        assertEquals(Map.of(CELL1, all.get(CELL1)), CellSelection.ofReadings(all, CELL1, "r.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellSelection.ofReadings(all, ChannelName.parse("left.insole.cell09_counts"), "r.csv"));
        assertEquals("r.csv: no readings of left.insole.cell09_counts; it has [" + CELL2 + ", " + CELL1 + "]",
                e.getMessage());
    }

    private static RecordingHeader header(List<ChannelName> channels) {
        return new RecordingHeader("rig", 200, 0, channels, RecordingMetadata.EMPTY);
    }
}
