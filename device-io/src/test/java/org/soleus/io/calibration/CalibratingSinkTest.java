package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.io.CollectingSink;
import org.soleus.core.recording.RecordingMetadata;

final class CalibratingSinkTest {
    private static final Calibration CALIBRATION = new Calibration("rig", LocalDate.of(2025, 3, 1), List.of(
            new CellCalibration(ChannelName.parse("left.insole.cell01_counts"), CalibrationModel.POWER, 0.01, 1.5, 40, 40,
                    800, 4, 0.4),
            new CellCalibration(ChannelName.parse("left.insole.cell02_counts"), CalibrationModel.LINEAR, 0.3, 1, 25, 25,
                    700, 4, 0.2)));

    private static RecordingHeader header(String... names) {
        List<ChannelName> channels = new ArrayList<>();
        for (String n : names) {
            channels.add(ChannelName.parse(n));
        }
        return new RecordingHeader("/dev/ttyX", 100, 0, channels, RecordingMetadata.EMPTY);
    }

    @Test
    void renamesConvertsAndAddsTheFootsForce() {
        CollectingSink out = new CollectingSink();
        CalibratingSink sink = CalibratingSink.ofWholeStream(CALIBRATION, "cal.json", out);
        sink.start(header("left.insole.cell01_counts", "right.shank.gyr_x_dps", "left.insole.cell02_counts"));
        assertEquals(List.of("left.insole.cell01_n", "right.shank.gyr_x_dps", "left.insole.cell02_n",
                "left.insole.force_n"), out.header.channels().stream().map(ChannelName::toString).toList());
        assertEquals("cal.json", out.header.metadata().properties().get("calibration_file"));
        assertEquals("rig", out.header.metadata().properties().get("calibration_device"));
        assertEquals("2025-03-01", out.header.metadata().properties().get("calibration_date"));
        sink.accept(new float[] {140, 7.5f, 125});
        sink.accept(new float[] {10, Float.NaN, 125});
        sink.accept(new float[] {Float.NaN, 1, 30});
        sink.accept(new float[] {840, 1, 725});
        sink.end(List.of("earlier"));
        float f1 = (float) (0.01 * Math.pow(100, 1.5));
        assertArrayEquals(new float[] {f1, 7.5f, 30, (float) (f1 + 30.0)}, out.rows.get(0), 1e-5f);
        assertArrayEquals(new float[] {0, Float.NaN, 30, 30}, out.rows.get(1));
        assertArrayEquals(new float[] {Float.NaN, 1, 1.5f, Float.NaN}, out.rows.get(2), 1e-6f);
        assertEquals(List.of("earlier",
                "/dev/ttyX: left.insole.cell01_counts: 1 sample above the calibrated range (fit up to 800.0 counts) of cal.json,"
                        + " converted by extrapolating the fit",
                "/dev/ttyX: left.insole.cell02_counts: 1 sample above the calibrated range (fit up to 700.0 counts) of cal.json,"
                        + " converted by extrapolating the fit"), out.warnings);
    }

    /** An insole whose stream sends some cells in newtons already: its force is the sum of all its cells. */
    @Test
    void cellsAlreadyInNewtonsCountInTheFootsForce() {
        CollectingSink out = new CollectingSink();
        CalibratingSink sink = CalibratingSink.ofWholeStream(CALIBRATION, "cal.json", out);
        sink.start(header("left.insole.cell01_counts", "left.insole.cell03_n", "left.insole.cell02_counts",
                "right.insole.cell01_n"));
        assertEquals(List.of("left.insole.cell01_n", "left.insole.cell03_n", "left.insole.cell02_n",
                "right.insole.cell01_n", "left.insole.force_n"),
                out.header.channels().stream().map(ChannelName::toString).toList(),
                "the right insole, with nothing to calibrate, is left to the analysis's sum");
        sink.accept(new float[] {40, 12.5f, 125, 7});
        sink.end(List.of());
        assertArrayEquals(new float[] {0, 12.5f, 30, 7, 42.5f}, out.rows.get(0), 1e-5f);
    }

    @Test
    void aStreamWithAForceChannelGetsNoSum() {
        CollectingSink out = new CollectingSink();
        CalibratingSink sink = CalibratingSink.ofWholeStream(CALIBRATION, "cal.json", out);
        sink.start(header("left.insole.cell01_counts", "left.insole.cell02_counts", "left.insole.force_au"));
        assertEquals(3, out.header.channels().size());
        sink.accept(new float[] {40, 25, 9});
        sink.end(List.of());
        assertArrayEquals(new float[] {0, 0, 9}, out.rows.get(0));
        assertEquals(List.of(), out.warnings);
    }

    @Test
    void aCalibrationThatDoesNotMatchTheStreamNamesFileAndChannel() {
        CalibratingSink sink = CalibratingSink.ofWholeStream(CALIBRATION, "cal.json", new CollectingSink());
        assertEquals("cal.json: no calibration for left.insole.cell03_counts, which /dev/ttyX carries; calibrate it"
                        + " with soleus calibrate --cell left.insole.cell03_counts",
                assertThrows(IllegalArgumentException.class, () -> sink.start(header("left.insole.cell01_counts",
                        "left.insole.cell02_counts", "left.insole.cell03_counts"))).getMessage());
        CalibratingSink other = CalibratingSink.ofWholeStream(CALIBRATION, "cal.json", new CollectingSink());
        assertEquals("cal.json: calibrates left.insole.cell02_counts, which /dev/ttyX does not carry: is the calibration"
                        + " of another device?",
                assertThrows(IllegalArgumentException.class, () -> other.start(header("left.insole.cell01_counts",
                        "right.shank.gyr_x_dps"))).getMessage());
        CalibratingSink twice = CalibratingSink.ofWholeStream(CALIBRATION, "cal.json", new CollectingSink());
        assertEquals("cal.json: /dev/ttyX carries left.insole.cell01_n already, besides left.insole.cell01_counts",
                assertThrows(IllegalArgumentException.class, () -> twice.start(header("left.insole.cell01_counts",
                        "left.insole.cell02_counts", "left.insole.cell01_n"))).getMessage());
    }
}
