package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;

final class CellCalibrationTest {
    private static final ChannelName CELL = ChannelName.parse("right.insole.cell07_counts");

    @Test
    void convertsAboveTheZeroOffsetGivesZeroBelowItAndKeepsMissingMissing() {
        CellCalibration power = new CellCalibration(CELL, CalibrationModel.POWER, 0.01, 1.5, 40, 40, 800, 5, 0.4);
        assertEquals(0.01 * Math.pow(60, 1.5), power.forceN(100), 1e-12);
        assertEquals(0, power.forceN(40));
        assertEquals(0, power.forceN(-3));
        assertEquals(Double.NaN, power.forceN(Double.NaN));
        assertEquals(0.01 * Math.pow(1960, 1.5), power.forceN(2000), 1e-9, "above the fit range: extrapolated");
        CellCalibration linear = new CellCalibration(CELL, CalibrationModel.LINEAR, 0.3, 1, 25, 25, 700, 4, 0.2);
        assertEquals(0.3 * 75, linear.forceN(100), 1e-12);
        assertEquals(0, linear.forceN(20));
        assertEquals(ChannelName.parse("right.insole.cell07_n"), linear.calibratedChannel());
    }

    @Test
    void rejectsValuesThatDescribeNoCalibration() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CellCalibration(
                ChannelName.parse("right.insole.cell07_n"), CalibrationModel.LINEAR, 0.3, 1, 0, 0, 1, 2, 0))
                .getMessage().contains("must be in counts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CellCalibration(CELL, CalibrationModel.LINEAR,
                0.3, 1.2, 0, 0, 1, 2, 0)).getMessage().contains("linear calibration has exponent 1"));
        assertThrows(IllegalArgumentException.class, () -> new CellCalibration(CELL, CalibrationModel.POWER, -1, 1.2, 0,
                0, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new CellCalibration(CELL, CalibrationModel.POWER, 1, 1.2, 0,
                5, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new CellCalibration(CELL, CalibrationModel.POWER, 1, 1.2, 0,
                0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CellCalibration(CELL, CalibrationModel.POWER, 1, 1.2, 0,
                0, 1, 2, Double.NaN));
    }
}
