package org.soleus.io.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MeasuringPlanTest {

    @Test
    void convertsTheTimesToSamplesAtTheStreamRate() {
        MeasuringPlan plan = new MeasuringPlan(List.of(0.0, 5.0), 0.5, 3, 10);
        assertEquals(100, plan.settleSamples(200));
        assertEquals(600, plan.holdSamples(200));
        assertEquals(2, new MeasuringPlan(List.of(0.0, 5.0), 0, 0.001, 10).holdSamples(100), "at least two samples");
        assertEquals(0, new MeasuringPlan(List.of(0.0, 5.0), 0, 1, Double.POSITIVE_INFINITY).settleSamples(100));
    }

    @Test
    void keepsItsOwnCopyOfTheLoads() {
        List<Double> loads = new ArrayList<>(List.of(0.0, 5.0));
        MeasuringPlan plan = new MeasuringPlan(loads, 0.5, 3, 10);
        loads.add(10.0);
        assertEquals(List.of(0.0, 5.0), plan.loadsKg());
    }

    @Test
    void refusesPlansThatCannotGiveAFit() {
        assertMessage("0 kg", () -> new MeasuringPlan(List.of(5.0, 10.0), 0.5, 3, 10));
        assertMessage("0 kg", () -> new MeasuringPlan(List.of(0.0), 0.5, 3, 10));
        assertMessage("a load must be a finite number >= 0 kg, got -5.0",
                () -> new MeasuringPlan(List.of(0.0, -5.0), 0.5, 3, 10));
        assertMessage("got Infinity", () -> new MeasuringPlan(List.of(0.0, Double.POSITIVE_INFINITY), 0.5, 3, 10));
        assertMessage("settleS must be a finite number >= 0 s, got NaN",
                () -> new MeasuringPlan(List.of(0.0, 5.0), Double.NaN, 3, 10));
        assertMessage("holdS must be a finite number > 0 s, got 0.0", () -> new MeasuringPlan(List.of(0.0, 5.0), 0.5, 0, 10));
        assertMessage("maxSdCounts must be > 0 counts, got 0.0", () -> new MeasuringPlan(List.of(0.0, 5.0), 0.5, 3, 0));
    }

    private static void assertMessage(String expected, Runnable plan) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, plan::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
