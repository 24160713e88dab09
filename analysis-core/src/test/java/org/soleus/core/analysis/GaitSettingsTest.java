package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

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
}
