package org.soleus.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The detector benchmark times detection that works: one heel strike per synthetic stride. */
final class GaitEventsBenchmarkTest {
    @Test
    void findsOneHeelStrikePerStride() {
        GaitEventsBenchmark benchmark = new GaitEventsBenchmark();
        benchmark.samples = 100_000;
        benchmark.setUp();
        long heelStrikes = benchmark.detectStreaming();
        // 1000 s of 1.05-s strides: 952 strides, the first of which begins at t = 0 (no heel
        // strike there to detect), so 951 or 952 heel strikes.
        long strides = (long) Math.ceil(100_000 / 100.0 / 1.05);
        assertTrue(heelStrikes == strides - 1 || heelStrikes == strides, heelStrikes + " heel strikes in " + strides
                + " strides");
    }
}
