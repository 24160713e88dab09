package org.soleus.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.soleus.core.filter.IllegalArgumentAsserts.assertMessage;

import org.junit.jupiter.api.Test;

final class SecondOrderSectionsTest {

    @Test
    void wrapsScipyRowsAndEqualsTheSameDesign() {
        SecondOrderSections design = Butterworth.lowPass(3, 5, 100);
        SecondOrderSections copy = SecondOrderSections.of(design.toArray());
        assertEquals(design, copy);
        assertEquals(design.hashCode(), copy.hashCode());
        assertNotEquals(design, Butterworth.lowPass(3, 6, 100));
        assertEquals(design.steadyState(1, 1), copy.steadyState(1, 1), 0.0);
    }

    @Test
    void neverExposesItsArrays() {
        double[] rows = {0.5, 0.5, 0, 1, 0, 0};
        SecondOrderSections sos = SecondOrderSections.of(rows);
        rows[0] = 99;
        sos.toArray()[1] = 99;
        assertArrayEquals(new double[] {0.5, 0.5, 0, 1, 0, 0}, sos.toArray(), 0.0);
        assertEquals(1.0, sos.dcGain(), 0.0);
    }

    @Test
    void rejectsMalformedRows() {
        assertMessage("6 values each", () -> SecondOrderSections.of(new double[7]));
        assertMessage("6 values each", () -> SecondOrderSections.of(new double[0]));
        assertMessage("a0 of section 0 is 2.0: normalise", () -> SecondOrderSections.of(new double[] {1, 0, 0, 2, 0, 0}));
        assertMessage("coefficient 1 of section 0 is NaN", () -> SecondOrderSections.of(new double[] {1, Double.NaN, 0, 1, 0, 0}));
        assertMessage("pole at z = 1", () -> SecondOrderSections.of(new double[] {1, 0, 0, 1, -1, 0}));
        SecondOrderSections sos = Butterworth.lowPass(2, 5, 100);
        assertMessage("no coefficient (1, 0)", () -> sos.coefficient(1, 0));
        assertMessage("no state (0, 2)", () -> sos.steadyState(0, 2));
    }
}
