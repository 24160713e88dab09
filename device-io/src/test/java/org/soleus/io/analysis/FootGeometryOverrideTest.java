package org.soleus.io.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soleus.core.analysis.LegLoadSettings;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.GivenFootGeometry;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

final class FootGeometryOverrideTest {
    private static final double NONE = Double.NaN;

    @Test
    void leavesTheSettingsAloneWithoutAGivenPart() {
        assertSame(LegLoadSettings.DEFAULTS, FootGeometryOverride.apply(LegLoadSettings.DEFAULTS, NONE, NONE));
    }

    /** A part given alone keeps the recording's other part: its stated length, its heel-to-ankle distance. */
    @Test
    void aPartGivenAloneKeepsTheRecordingsOther() {
        RecordingMetadata states = new RecordingMetadata(70, Map.of(),
                Map.of(FootGeometry.INSOLE_LENGTH_PROPERTY, "0.24", FootGeometry.HEEL_TO_ANKLE_PROPERTY, "0.05"));
        LegLoadSettings longer = FootGeometryOverride.apply(LegLoadSettings.DEFAULTS, 0.30, NONE);
        assertEquals(new GivenFootGeometry(0.30, NONE), longer.givenGeometry());
        assertEquals(LegLoadSettings.DEFAULTS.plantarFlexion(), longer.plantarFlexion());
        assertEquals(LegLoadSettings.DEFAULTS.soleus(), longer.soleus());
        assertEquals(LegLoadSettings.DEFAULTS.calfRaise(), longer.calfRaise());
        assertEquals(new FootGeometry(0.30, 0.05), longer.geometry(states, Side.LEFT));
        assertEquals(new FootGeometry(0.30, FootGeometry.DEFAULT_HEEL_TO_ANKLE_M * 0.30 / 0.27),
                longer.geometry(RecordingMetadata.EMPTY, Side.LEFT), "no stated distance: the default scaled");
        LegLoadSettings ankle = FootGeometryOverride.apply(LegLoadSettings.DEFAULTS, NONE, 0.06);
        assertEquals(new FootGeometry(0.24, 0.06), ankle.geometry(states, Side.LEFT));
        assertEquals(new FootGeometry(FootGeometry.DEFAULT_INSOLE_LENGTH_M, 0.06),
                ankle.geometry(RecordingMetadata.EMPTY, Side.LEFT));
        assertEquals(new FootGeometry(0.25, 0.05),
                FootGeometryOverride.apply(LegLoadSettings.DEFAULTS, 0.25, 0.05).geometry(states, Side.RIGHT));
    }

    @Test
    void namesThePartThatMakesTheGeometryInvalid() {
        assertFault(FootGeometryOverride.Fault.INSOLE_LENGTH, 27, NONE);
        assertFault(FootGeometryOverride.Fault.INSOLE_LENGTH, 27, 0.05);
        assertFault(FootGeometryOverride.Fault.HEEL_TO_ANKLE, NONE, 0.2);
        assertFault(FootGeometryOverride.Fault.HEEL_TO_ANKLE, 0.3, -0.01);
        assertFault(FootGeometryOverride.Fault.EITHER, 0.3, 0.16);
    }

    private static void assertFault(FootGeometryOverride.Fault expected, double lengthM, double heelToAnkleM) {
        assertThrows(IllegalArgumentException.class,
                () -> FootGeometryOverride.apply(LegLoadSettings.DEFAULTS, lengthM, heelToAnkleM));
        assertEquals(expected, FootGeometryOverride.fault(lengthM, heelToAnkleM), lengthM + " m, " + heelToAnkleM + " m");
    }
}
