package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Side;

/** One task per foot: results in foot order, and the first foot's failure wins, on threads or not. */
final class PerFootTest {
    private static final List<Side> FEET = List.of(Side.LEFT, Side.RIGHT);

    @Test
    void resultsComeInFootOrder() {
        for (int samples : new int[] {10, PerFoot.PARALLEL_MIN_SAMPLES}) {
            assertEquals(List.of("left", "right"), PerFoot.map(FEET, samples, Side::label), "samples " + samples);
        }
    }

    @Test
    void longRecordingsUseAnotherThreadForTheSecondFoot() {
        String caller = Thread.currentThread().getName();
        List<String> threads = PerFoot.map(FEET, PerFoot.PARALLEL_MIN_SAMPLES, side -> Thread.currentThread().getName());
        assertEquals(caller, threads.get(0));
        assertNotEquals(caller, threads.get(1));
        assertEquals(List.of(caller, caller), PerFoot.map(FEET, PerFoot.PARALLEL_MIN_SAMPLES - 1,
                side -> Thread.currentThread().getName()));
    }

    @Test
    void theFirstFootsFailureWins() {
        for (int samples : new int[] {10, PerFoot.PARALLEL_MIN_SAMPLES}) {
            IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> PerFoot.map(FEET, samples,
                    side -> {
                        throw new IllegalArgumentException(side.label());
                    }));
            assertEquals("left", both.getMessage(), "samples " + samples);
            IllegalStateException second = assertThrows(IllegalStateException.class, () -> PerFoot.map(FEET, samples,
                    side -> {
                        if (side == Side.RIGHT) {
                            throw new IllegalStateException("right");
                        }
                        return side;
                    }));
            assertEquals("right", second.getMessage(), "samples " + samples);
        }
    }
}
