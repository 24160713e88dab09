package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /**
     * A law that misses its readings by more than 5 % of the largest reading's force is told;
     * readings on the law with 1 % of scatter are not. A linear cell of 25 counts per kg above
     * 40 counts, read at 0, 5, 10, 20 and 40 kg.
     */
    @Test
    void warnsWhenTheLawMissesTheReadingsByMoreThanASensorErrs() {
        double[] loadsKg = {0, 5, 10, 20, 40};
        double[] scatter = {0.01, -0.01, 0.01, -0.01, 0.01};
        double[] misread = {0, 0.3, 0.3, 0, -0.15};
        List<CalibrationPoint> close = new ArrayList<>();
        List<CalibrationPoint> off = new ArrayList<>();
        for (int i = 0; i < loadsKg.length; i++) {
            double counts = 40 + 25 * loadsKg[i];
            close.add(new CalibrationPoint(loadsKg[i], counts * (1 + scatter[i])));
            off.add(new CalibrationPoint(loadsKg[i], counts * (1 + misread[i])));
        }
        CellCalibration good = CalibrationFitter.fit(CELL, close, ModelChoice.LINEAR);
        assertEquals(Optional.empty(), FitReport.poorFitWarning(good), FitReport.describe(good));
        CellCalibration poor = CalibrationFitter.fit(CELL, off, ModelChoice.LINEAR);
        double largestN = poor.forceN(poor.fitMaxCounts());
        assertTrue(poor.rmsResidualN() > 0.05 * largestN, FitReport.describe(poor));
        assertEquals(Optional.of(String.format(Locale.ROOT, "left.insole.cell01_counts: the linear law misses"
                + " the readings by %.2f N RMS, %.1f %% of the %.1f N at the largest reading, more than the few per cent"
                + " a force-sensitive resistor errs by: check the readings (a load off the cell's centre, one read before"
                + " it settled) or measure again", poor.rmsResidualN(), 100 * poor.rmsResidualN() / largestN, largestN)),
                FitReport.poorFitWarning(poor));
    }
}
