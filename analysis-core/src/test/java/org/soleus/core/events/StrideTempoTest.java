package org.soleus.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class StrideTempoTest {
    private static final double RATE_HZ = 100;
    /** The reference stride in samples at 100 Hz. */
    private static final double REFERENCE = StrideTempo.REFERENCE_STRIDE_S * RATE_HZ;

    @Test
    void theScaleIsTheMedianOfTheLastThreeStridesOverTheReference() {
        StrideTempo tempo = new StrideTempo(RATE_HZ, 300);
        tempo.heelStrike(0);
        tempo.heelStrike(150);
        tempo.heelStrike(300);
        assertEquals(1, tempo.scale(), "two strides are not yet a tempo");
        tempo.heelStrike(450);
        assertEquals(150 / REFERENCE, tempo.scale(), 1e-12);
        tempo.heelStrike(750);   // one step missed: a stride twice as long
        assertEquals(150 / REFERENCE, tempo.scale(), 1e-12, "the median lets one odd stride pass");
        tempo.heelStrike(880);
        assertEquals(150 / REFERENCE, tempo.scale(), 1e-12, "median of 150, 300, 130");
        tempo.heelStrike(1010);
        assertEquals(130 / REFERENCE, tempo.scale(), 1e-12, "median of 300, 130, 130");
    }

    @Test
    void theScaleStaysWithinItsBounds() {
        StrideTempo fast = new StrideTempo(RATE_HZ, 300);
        StrideTempo slow = new StrideTempo(RATE_HZ, 300);
        for (int k = 0; k < 4; k++) {
            fast.heelStrike(30L * k);
            slow.heelStrike(290L * k);
        }
        assertEquals(StrideTempo.MIN_SCALE, fast.scale());
        assertEquals(StrideTempo.MAX_SCALE, slow.scale());
    }

    /** A pause longer than the longest stride, and an interval across a gap, are not strides. */
    @Test
    void pausesAndGapsGiveNoStride() {
        StrideTempo tempo = new StrideTempo(RATE_HZ, 300);
        tempo.heelStrike(0);
        tempo.heelStrike(120);
        tempo.heelStrike(240);
        tempo.heelStrike(1000);   // after a pause of 7.6 s
        assertEquals(1, tempo.scale(), "two strides so far");
        tempo.breakOff();
        tempo.heelStrike(1100);   // after a gap
        assertEquals(1, tempo.scale(), "still two strides");
        tempo.heelStrike(1250);
        assertEquals(120 / REFERENCE, tempo.scale(), 1e-12, "median of 120, 120, 150");
        tempo.reset();
        assertEquals(1, tempo.scale());
        tempo.heelStrike(1400);
        assertEquals(1, tempo.scale(), "a reset forgets the strides and the last heel strike");
    }
}
