package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;

final class FitReportTest {
    private static final ChannelName CELL = ChannelName.parse("left.insole.cell01_counts");

    @Test
    void describesTheLawItsResidualAndItsRange() {
        CellCalibration linear = new CellCalibration(CELL, CalibrationModel.LINEAR, 0.05, 1, 30, 30, 812.44, 4, 0.123);
        assertEquals("left.insole.cell01_counts: linear F = 0.0500000 * (c - 30.0) N, RMS residual 0.12 N over 4 points,"
                + " fit range 30.0 to 812.4 counts", FitReport.describe(linear));
        CellCalibration power = new CellCalibration(CELL, CalibrationModel.POWER, 0.01, 1.5, 40, 40, 900, 6, 0);
        assertEquals("left.insole.cell01_counts: power F = 0.0100000 * (c - 40.0)^1.5000 N, RMS residual 0.00 N over 6"
                + " points, fit range 40.0 to 900.0 counts", FitReport.describe(power));
    }

    @Test
    void warnsOnlyWhenTheLawHasNoReadingToSpare() {
        List<CalibrationPoint> three = List.of(new CalibrationPoint(0, 40), new CalibrationPoint(10, 300),
                new CalibrationPoint(30, 700));
        Optional<String> power = FitReport.exactFitWarning(CalibrationFitter.fit(CELL, three, ModelChoice.POWER));
        assertEquals(Optional.of("left.insole.cell01_counts: 3 readings for the 3 parameters of the power law: it passes"
                + " through them exactly, so its residual says nothing of its accuracy; measure at more loads"), power);
        assertTrue(FitReport.exactFitWarning(CalibrationFitter.fit(CELL, three, ModelChoice.LINEAR)).isEmpty());
    }
}
