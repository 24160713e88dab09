package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accepted body masses, probed at both ends, and the metadata that holds one. */
final class BodyMassTest {
    @Test
    void fiveTo500KgAreAcceptedAndNothingBeyond() {
        assertTrue(BodyMass.accepted(5));
        assertTrue(BodyMass.accepted(500));
        assertTrue(BodyMass.accepted(72.5));
        assertFalse(BodyMass.accepted(4.99));
        assertFalse(BodyMass.accepted(500.01));
        assertFalse(BodyMass.accepted(1e-12), "a mass in tonnes or a stray number");
        assertFalse(BodyMass.accepted(Double.NaN));
        assertFalse(BodyMass.accepted(Double.POSITIVE_INFINITY));
    }

    @Test
    void metadataTakesAnAcceptedMassOrNaN() {
        new RecordingMetadata(5, Map.of(), Map.of());
        new RecordingMetadata(Double.NaN, Map.of(), Map.of());
        assertThrows(IllegalArgumentException.class, () -> new RecordingMetadata(4.99, Map.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new RecordingMetadata(500.01, Map.of(), Map.of()));
    }
}
