package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;

final class ForceRangeTest {
    private static final double SEVENTY_KG_N = 70 * 9.80665;
    private static final ChannelName LEFT = ChannelName.parse("left.insole.force_n");

    @Test
    void theLimitIsTwentyBodyWeightsEitherWay() {
        double maxN = ForceRange.maxForceN(SEVENTY_KG_N);
        assertEquals(20 * 70 * 9.80665, maxN, 1e-9);
        assertTrue(ForceRange.beyond(maxN + 0.01, maxN));
        assertTrue(ForceRange.beyond(-maxN - 0.01, maxN));
        assertFalse(ForceRange.beyond(maxN, maxN));
        assertTrue(ForceRange.beyond(Double.POSITIVE_INFINITY, maxN));
        assertFalse(ForceRange.beyond(Double.NaN, maxN), "missing stays missing");
        assertEquals(Double.POSITIVE_INFINITY, ForceRange.maxForceN(Double.NaN), "no mass, no limit");
        assertFalse(ForceRange.beyond(1e30, ForceRange.maxForceN(Double.NaN)));
    }

    @Test
    void appliesToTheInsoleForceInNewtonsOnly() {
        assertTrue(ForceRange.applies(LEFT));
        for (String other : List.of("left.insole.heel_force_n", "left.insole.force_au", "right.insole.cell01_n",
                "left.foot.force_n", "none.insole.force_n")) {
            assertFalse(ForceRange.applies(ChannelName.parse(other)), other);
        }
    }

    /** Counted over the samples where the statistics do not rule them out: finite ones beyond either way, and infinite ones. */
    @Test
    void countsTheSamplesBeyondEitherWayAndTheInfiniteOnes() {
        double maxN = ForceRange.maxForceN(SEVENTY_KG_N);
        float[] within = {0, 700, -50, Float.NaN, (float) maxN - 1};
        assertEquals(0, ForceRange.countBeyond(new Channel(LEFT, within), maxN));
        assertEquals(1, ForceRange.countBeyond(new Channel(LEFT, new float[] {0, 700, 1e8f, Float.NaN}), maxN));
        assertEquals(1, ForceRange.countBeyond(new Channel(LEFT, new float[] {0, -2e4f, 700}), maxN));
        assertEquals(2, ForceRange.countBeyond(new Channel(LEFT, new float[] {0, Float.POSITIVE_INFINITY, 700,
                Float.NEGATIVE_INFINITY}), maxN), "infinite samples, though the finite ones lie within");
        assertEquals(0, ForceRange.countBeyond(new Channel(LEFT, new float[] {0, Float.POSITIVE_INFINITY}),
                Double.POSITIVE_INFINITY), "no limit");
    }

    /**
     * A few samples are told as taken for missing; a force beyond the range in a good part of its
     * samples as one on another scale, from when it showed itself; nothing without a body mass
     * or beyond the range.
     */
    @Test
    void theNoticeTellsErrorsFromAForceOfAnotherScale() {
        float[] samples = new float[2000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i % 100 < 60 ? 800 : 0;
        }
        assertEquals(Optional.empty(), ForceRange.notice(recording(samples, 70)));
        samples[5] = 1e8f;
        samples[6] = Float.NEGATIVE_INFINITY;
        samples[7] = -1e8f;
        assertEquals(Optional.of("force samples beyond 20 body weights (13729 N at 70.0 kg), a force no foot carries,"
                + " taken as missing (transmission errors; or is the body mass right?): left.insole.force_n 2"),
                ForceRange.notice(recording(samples, 70)), "an infinite sample is missing by itself");
        assertEquals(Optional.empty(), ForceRange.notice(recording(samples, Double.NaN)), "no mass, no range");
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= 1000;
        }
        assertEquals(Optional.of("force samples beyond 20 body weights (13729 N at 70.0 kg), a force no foot carries,"
                + " taken as missing (transmission errors; or is the body mass right?): left.insole.force_n 128;"
                + " insole force beyond 20 body weights (13729 N at 70.0 kg) in more than 1 % of the samples, too many"
                + " for transmission errors, taken as a force on another scale whose events are kept and whose stances"
                + " get no loading figures (left.insole.force_n from 2.09 s on): check the force unit (newtons, not"
                + " millinewtons), the insole's calibration and the body mass"), ForceRange.notice(recording(samples, 70)));
    }

    private static Recording recording(float[] samples, double massKg) {
        return new Recording("walk", 100, 0, List.of(new Channel(LEFT, samples.clone()),
                new Channel(ChannelName.parse("right.insole.force_n"), new float[samples.length])),
                RecordingMetadata.EMPTY.withBodyMassKg(massKg), List.of());
    }
}
