package org.soleus.core.soleus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class SoleusDominanceTest {

    @Test
    void streamingAndBatchAgreePerStrideAndSession() {
        long seed = 4711L;
        Random random = new Random(seed);
        int n = 3000;
        double fs = 100;
        double[] moment = new double[n];
        double[] knee = new double[n];
        for (int i = 0; i < n; i++) {
            moment[i] = random.nextDouble() < 0.01 ? Double.NaN : 140 * random.nextDouble() - 20;
            knee[i] = random.nextDouble() < 0.01 ? Double.NaN : 100 * random.nextDouble() - 5;
        }
        SoleusDominanceStream stream = new SoleusDominanceStream(SoleusSettings.DEFAULTS, fs, 70, 0.27);
        double threshold = stream.momentThresholdNm();
        boolean[] flags = SoleusDominance.dominant(moment, knee, threshold, 40);
        int[] borders = {0, 90, 211, 1000, 2999, 3000};
        for (int b = 0; b + 1 < borders.length; b++) {
            stream.startStride();
            for (int i = borders[b]; i < borders[b + 1]; i++) {
                stream.accept(moment[i], knee[i]);
                assertEquals(flags[i], stream.dominant(), "sample " + i + ", seed " + seed);
            }
            assertSame(SoleusDominance.window(moment, knee, borders[b], borders[b + 1], fs, threshold, 40),
                    stream.finishStride(), seed);
        }
        assertSame(SoleusDominance.window(moment, knee, 0, n, fs, threshold, 40), stream.session(), seed);
    }

    private static void assertSame(SoleusLoad expected, SoleusLoad actual, long seed) {
        String msg = "seed " + seed;
        assertEquals(expected.dominantTimeS(), actual.dominantTimeS(), 1e-9, msg);
        assertEquals(expected.dominantImpulseNms(), actual.dominantImpulseNms(), 1e-9, msg);
        assertEquals(expected.impulseNms(), actual.impulseNms(), 1e-9, msg);
        assertEquals(expected.soleusImpulseNms(), actual.soleusImpulseNms(), 1e-9, msg);
        assertEquals(expected.validSamples(), actual.validSamples(), msg);
        assertEquals(expected.missingSamples(), actual.missingSamples(), msg);
    }

    @Test
    void dominanceNeedsBothABentKneeAndALoad() {
        SoleusDominanceStream stream = new SoleusDominanceStream(SoleusSettings.DEFAULTS, 100, 70, 0.27);
        // SoleusSettings documents the default threshold for 70 kg and a 0.27 m foot as 18.5 N·m;
        // with a bent knee, a moment just below that is not dominant and one just above it is.
        SoleusDominanceStream below = new SoleusDominanceStream(SoleusSettings.DEFAULTS, 100, 70, 0.27);
        below.accept(18.4, 60);
        assertFalse(below.dominant(), "18.4 N·m");
        SoleusDominanceStream above = new SoleusDominanceStream(SoleusSettings.DEFAULTS, 100, 70, 0.27);
        above.accept(18.7, 60);
        assertTrue(above.dominant(), "18.7 N·m");
        double threshold = stream.momentThresholdNm();
        stream.accept(threshold * 2, 60);
        assertTrue(stream.dominant());
        stream.accept(threshold * 2, 20);
        assertFalse(stream.dominant());
        stream.accept(threshold * 0.5, 60);
        assertFalse(stream.dominant());
        stream.accept(Double.NaN, 60);
        assertFalse(stream.dominant());
        SoleusLoad session = stream.session();
        assertEquals(0.01, session.dominantTimeS(), 1e-12);
        assertEquals(1, session.missingSamples());
        // only the first sample was dominant; the three with a moment count towards the impulse
        assertEquals(threshold * 2 * 0.01, session.dominantImpulseNms(), 1e-12);
        assertEquals(threshold * 4.5 * 0.01, session.impulseNms(), 1e-12);
    }

    @Test
    void shareModelRisesFromSixtyToNinetyPercent() {
        assertEquals(0.6, SoleusShareModel.share(0), 1e-12);
        assertEquals(0.6, SoleusShareModel.share(-5), 1e-12);
        assertEquals(0.75, SoleusShareModel.share(45), 1e-12);
        assertEquals(0.9, SoleusShareModel.share(90), 1e-12);
        assertEquals(0.9, SoleusShareModel.share(120), 1e-12);
        assertTrue(Double.isNaN(SoleusShareModel.share(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new SoleusSettings(40, 1.5));
        assertThrows(IllegalArgumentException.class, () -> SoleusSettings.DEFAULTS.momentThresholdNm(Double.NaN, 0.27));
    }
}
