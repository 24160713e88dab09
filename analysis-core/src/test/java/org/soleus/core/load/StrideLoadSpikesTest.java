package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;

final class StrideLoadSpikesTest {

    @Test
    void scoresAgainstTheMedianAndMadOfTheSameFootOnly() {
        StrideLoadSpikes spikes = new StrideLoadSpikes(5, 3, 0);
        assertTrue(Double.isNaN(spikes.score(Side.LEFT, 1.0)));
        assertTrue(Double.isNaN(spikes.score(Side.LEFT, 1.2)));
        assertTrue(Double.isNaN(spikes.score(Side.RIGHT, 5.0)));
        assertTrue(Double.isNaN(spikes.score(Side.LEFT, 1.1)));
        // history 1.0, 1.2, 1.1: median 1.1, deviations 0.1, 0.1, 0: MAD 0.1
        assertEquals(0.6745 * (2.0 - 1.1) / 0.1, spikes.score(Side.LEFT, 2.0), 1e-9);
        // history 1.0, 1.2, 1.1, 2.0: median 1.15, deviations 0.15, 0.05, 0.05, 0.85: MAD 0.1
        assertEquals(0.0, spikes.score(Side.LEFT, 1.15), 1e-9);
        for (int i = 0; i < 5; i++) {
            spikes.score(Side.LEFT, 1.0 + 0.01 * i);
        }
        // the window keeps the last five: 1.0 .. 1.04, median 1.02, MAD 0.01
        assertEquals(0.6745 * (1.5 - 1.02) / 0.01, spikes.score(Side.LEFT, 1.5), 1e-6);
    }

    /** A MAD below its floor, 2 % of the median here, is taken as the floor: a MAD of 0 too. */
    @Test
    void aMadBelowItsShareOfTheMedianIsTheShare() {
        StrideLoadSpikes spikes = new StrideLoadSpikes(5, 3, 0.02);
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isNaN(spikes.score(Side.RIGHT, 1.2)));
        }
        // history 1.2 three times: median 1.2, MAD 0, floor 0.024
        assertEquals(0.6745 * (1.26 - 1.2) / 0.024, spikes.score(Side.RIGHT, 1.26), 1e-9);
        // history 1.2, 1.2, 1.2, 1.26: median 1.2, MAD 0, floor 0.024: 1.2 scores 0
        assertEquals(0.0, spikes.score(Side.RIGHT, 1.2), 1e-12);
    }
}
