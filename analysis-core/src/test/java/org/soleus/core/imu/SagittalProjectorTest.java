package org.soleus.core.imu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link SagittalProjector} passes on around a gap before the axis is known, with a search
 * that finds the x axis in any span of at least a given length (from a given question on) and a
 * detector that records the rates of the reporting pass by sample index. Sample {@code i} turns at {@code i + 1} deg/s
 * about x, so each rate passed on names its sample.
 */
final class SagittalProjectorTest {
    private static final double RATE_HZ = 100;
    private static final int WINDOW = 1000;

    /**
     * Finds the x axis, with no bias, in spans of at least {@code minLength} samples, from its
     * {@code minAsked}-th question on.
     */
    private static final class SpanSearch implements SagittalAxisSearch {
        private final int minLength;
        private final int minAsked;
        private final List<Integer> asked = new ArrayList<>();

        SpanSearch(int minLength, int minAsked) {
            this.minLength = minLength;
            this.minAsked = minAsked;
        }

        @Override
        public boolean find(double[] gx, double[] gy, double[] gz, int off, int len) {
            asked.add(len);
            for (int k = off; k < off + len; k++) {
                assertTrue(Double.isFinite(gx[k]) && Double.isFinite(gy[k]) && Double.isFinite(gz[k]),
                        "the search got a missing sample at " + k);
            }
            return len >= minLength && asked.size() >= minAsked;
        }

        @Override
        public double axisX() {
            return 1;
        }

        @Override
        public double axisY() {
            return 0;
        }

        @Override
        public double axisZ() {
            return 0;
        }

        @Override
        public double biasX() {
            return 0;
        }

        @Override
        public double biasY() {
            return 0;
        }

        @Override
        public double biasZ() {
            return 0;
        }
    }

    /** Records the index and rate of each sample of the reporting pass (NaN: missing). */
    private static final class Recorder implements SagittalRateDetector {
        final List<Long> indices = new ArrayList<>();
        final List<Double> rates = new ArrayList<>();
        private boolean muted;
        private long next;

        @Override
        public void accept(double rateDps) {
            if (!muted) {
                indices.add(next);
                rates.add(rateDps);
            }
            next++;
        }

        @Override
        public void reset(long nextSampleIndex) {
            next = nextSampleIndex;
        }

        @Override
        public void muted(boolean mute) {
            muted = mute;
        }
    }

    /** Runs {@code n} samples, those in {@code [gapFrom, gapTo)} missing, through a projector. */
    private static Recorder run(SpanSearch search, int n, int gapFrom, int gapTo) {
        Recorder recorder = new Recorder();
        SagittalProjector projector = new SagittalProjector(RATE_HZ, WINDOW, search, () -> 0, recorder);
        for (int i = 0; i < n; i++) {
            if (i >= gapFrom && i < gapTo) {
                projector.accept(Double.NaN, 0, 0);
            } else {
                projector.accept(i + 1, 0, 0);
            }
        }
        projector.flush();
        assertTrue(projector.calibrated(), "asked " + search.asked);
        return recorder;
    }

    /** Samples {@code first} to {@code n − 1} reported once, in order, with their own rates, NaN in the gap. */
    private static void assertPassedOn(Recorder r, int first, int n, int gapFrom, int gapTo) {
        assertEquals(n - first, r.indices.size(), "samples passed on: " + r.indices);
        for (int k = 0; k < n - first; k++) {
            long i = first + k;
            assertEquals(i, r.indices.get(k));
            double expected = i >= gapFrom && i < gapTo ? Double.NaN : i + 1;
            assertEquals(expected, r.rates.get(k), "sample " + i);
        }
    }

    @Test
    void aGapBeforeCalibrationFirstSearchesTheSamplesBeforeIt() {
        // Searched every 50 samples: 50 and 100 are too few, the 130 before the gap are enough.
        SpanSearch search = new SpanSearch(120, 0);
        Recorder r = run(search, 300, 130, 140);
        assertEquals(List.of(50, 100, 130), search.asked);
        assertPassedOn(r, 0, 300, 130, 140);
    }

    @Test
    void samplesTooFewToShowTheAxisBeforeAGapAreSearchedWithThoseAfterIt() {
        // The 110 samples before the gap show no axis; with 50 after it they do.
        SpanSearch search = new SpanSearch(150, 0);
        Recorder r = run(search, 400, 110, 125);
        assertEquals(List.of(50, 100, 110, 160), search.asked);
        assertPassedOn(r, 0, 400, 110, 125);
    }

    @Test
    void aGapRightAfterASearchAsksNothingNew() {
        SpanSearch search = new SpanSearch(150, 0);
        Recorder r = run(search, 400, 100, 125);
        assertEquals(List.of(50, 100, 150), search.asked);
        assertPassedOn(r, 0, 400, 100, 125);
    }

    @Test
    void leadingAndTrailingGaps() {
        // Reporting starts at the first sample; a gap at the end is passed on when the axis is found there.
        Recorder lead = run(new SpanSearch(150, 0), 400, 0, 30);
        assertPassedOn(lead, 30, 400, 0, 30);
        SpanSearch search = new SpanSearch(0, 6);
        Recorder end = run(search, 260, 240, 260);
        assertEquals(List.of(50, 100, 150, 200, 240, 240), search.asked);
        assertPassedOn(end, 0, 260, 240, 260);
    }

    @Test
    void theWindowKeepsItsLengthOfFiniteSamplesAcrossAGap() {
        // Found at the 1200th finite sample: the first 200 have left the window, the gap took no place in it.
        SpanSearch search = new SpanSearch(WINDOW, 24);
        Recorder r = run(search, 1500, 600, 900);
        assertEquals(24, search.asked.size());
        assertPassedOn(r, 200, 1500, 600, 900);
    }
}
