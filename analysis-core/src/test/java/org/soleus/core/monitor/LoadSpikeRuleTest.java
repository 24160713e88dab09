package org.soleus.core.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Side;

/**
 * The load-spike rule on constructed stride series (walking at about 1.1 body weights peak force
 * and 8 body weights per second loading rate, with a little stride-to-stride scatter), streamed
 * one stride at a time and in batch, with the same verdicts.
 */
final class LoadSpikeRuleTest {
    private static final double PEAK_BW = 1.10;
    private static final double RATE_BW_S = 8.0;

    /**
     * Stride {@code i} of a steady walk: peak force and loading rate with ±2 % scatter, spread
     * evenly (a golden-ratio sequence): random scatter would now and then give a few strides in a
     * row so alike that the next ordinary one stands out from them, as it does in real walks.
     */
    private static double[] steady(int i) {
        return new double[] {PEAK_BW * (1 + 0.02 * (2 * frac(0.6180339887 * i) - 1)),
            RATE_BW_S * (1 + 0.02 * (2 * frac(0.6180339887 * i + 0.5) - 1))};
    }

    private static double frac(double x) {
        return x - Math.floor(x);
    }

    @Test
    void aStrideWellAboveASteadyRunIsASpikeAndTheNextSteadyStrideIsNot() {
        LoadSpikeStream stream = new LoadSpikeStream();
        for (int i = 0; i < 25; i++) {
            double[] left = steady(i);
            double[] right = steady(100 + i);
            assertFalse(stream.accept(Side.LEFT, left[0], left[1]).spike(), "steady left stride " + i);
            assertFalse(stream.accept(Side.RIGHT, right[0], right[1]).spike(), "steady right stride " + i);
        }
        LoadSpikeVerdict spike = stream.accept(Side.LEFT, 1.5 * PEAK_BW, RATE_BW_S);
        assertTrue(spike.spike(), spike.toString());
        assertTrue(spike.peakForceZ() > 10, spike.toString());
        assertTrue(Math.abs(spike.loadingRateZ()) < 3.5, spike.toString());
        // the right foot is compared with its own strides only
        double[] right = steady(125);
        assertFalse(stream.accept(Side.RIGHT, right[0], right[1]).spike());
        // the spike joined the left history, but the median and MAD shrug it off
        double[] left = steady(26);
        assertFalse(stream.accept(Side.LEFT, left[0], left[1]).spike());
        // a loading rate alone makes a spike too
        LoadSpikeVerdict rate = stream.accept(Side.LEFT, PEAK_BW, 1.6 * RATE_BW_S);
        assertTrue(rate.spike() && rate.loadingRateZ() > 3.5 && rate.peakForceZ() < 3.5, rate.toString());
        // a light stride is not a spike, however far below
        assertFalse(stream.accept(Side.LEFT, 0.5 * PEAK_BW, 0.5 * RATE_BW_S).spike());
    }

    @Test
    void theFirstStridesOfAFootBeforeTheMinimumHistoryAreNotScored() {
        LoadSpikeStream stream = new LoadSpikeStream();
        assertEquals(5, stream.rule().minHistoryStrides());
        for (int i = 0; i < 5; i++) {
            // the third stride is twice as heavy: no history to tell
            double factor = i == 2 ? 2 : 1;
            double[] s = steady(i);
            assertSame(LoadSpikeVerdict.NOT_SCORED, stream.accept(Side.LEFT, factor * s[0], factor * s[1]), "stride " + i);
        }
        // the other foot's strides do not count towards this foot's history
        for (int i = 0; i < 5; i++) {
            assertSame(LoadSpikeVerdict.NOT_SCORED, stream.accept(Side.RIGHT, 3 * PEAK_BW, 3 * RATE_BW_S), "right stride " + i);
        }
        double[] s = steady(5);
        LoadSpikeVerdict sixth = stream.accept(Side.LEFT, s[0], s[1]);
        assertTrue(Double.isFinite(sixth.peakForceZ()) && Double.isFinite(sixth.loadingRateZ()), sixth.toString());
        assertFalse(sixth.spike(), sixth.toString());
    }

    @Test
    void aGradualRiseIsNotASpike() {
        LoadSpikeStream stream = new LoadSpikeStream();
        // 1 % more load every stride: 60 strides end at 1.6 times the first, and yet no stride
        // stands out from the 20 before it
        double maxZ = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 60; i++) {
            double rise = 1 + 0.01 * i;
            double[] s = steady(i);
            LoadSpikeVerdict verdict = stream.accept(Side.LEFT, rise * s[0], rise * s[1]);
            assertFalse(verdict.spike(), "stride " + i + ": " + verdict);
            if (i >= 5) {
                maxZ = Math.max(maxZ, Math.max(verdict.peakForceZ(), verdict.loadingRateZ()));
            }
        }
        assertTrue(maxZ > 1 && maxZ < 3.5, "largest score " + maxZ);
    }

    @Test
    void aStrideWithoutLoadingIsNotScoredAndLeavesTheHistoryAlone() {
        LoadSpikeStream withGap = new LoadSpikeStream();
        LoadSpikeStream without = new LoadSpikeStream();
        for (int i = 0; i < 30; i++) {
            double[] s = steady(i);
            StrideResult stride = new StrideResult(new Stride(Side.LEFT, i, i + 0.6, i + 1, Double.NaN),
                    loading(i == 20 ? 1.5 * s[0] : s[0], s[1]));
            LoadSpikeVerdict verdict = withGap.accept(stride);
            assertEquals(without.accept(stride), verdict, "stride " + i);
            assertEquals(i == 20, verdict.spike(), "stride " + i + ": " + verdict);
            assertSame(LoadSpikeVerdict.NOT_SCORED, withGap.accept(new StrideResult(new Stride(Side.LEFT, i + 1, i + 1.6,
                    i + 2, Double.NaN), null)));
            // a stride whose figures could not be measured is not scored either
            assertSame(LoadSpikeVerdict.NOT_SCORED, withGap.accept(Side.LEFT, Double.NaN, Double.NaN));
        }
        assertThrows(IllegalArgumentException.class, () -> withGap.accept(Side.NONE, PEAK_BW, RATE_BW_S));
    }

    /**
     * A walk with random scatter, planted spikes, dips, unknown figures and strides without loading: the batch
     * driver gives every stride the flag the stream gives it fed the strides one by one, and flags
     * the planted spikes among them.
     */
    @Test
    void theStreamAndTheBatchDriverGiveTheSameVerdicts() {
        Random random = new Random(5);
        List<StrideResult> strides = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Side side = random.nextDouble() < 0.5 ? Side.LEFT : Side.RIGHT;
            double[] s = {PEAK_BW * (1 + 0.03 * random.nextGaussian()), RATE_BW_S * (1 + 0.03 * random.nextGaussian())};
            double u = random.nextDouble();
            double factor = u < 0.04 ? 1.6 : u < 0.08 ? 0.6 : 1;
            double peak = random.nextDouble() < 0.03 ? Double.NaN : factor * s[0];
            double rate = random.nextDouble() < 0.03 ? Double.NaN : s[1] * (random.nextDouble() < 0.04 ? 1.7 : 1);
            StrideLoading loading = random.nextDouble() < 0.03 ? null : loading(peak, rate);
            strides.add(new StrideResult(new Stride(side, i, i + 0.6, i + 1, Double.NaN), loading));
        }
        for (LoadSpikeRule rule : new LoadSpikeRule[] {LoadSpikeRule.DEFAULT, new LoadSpikeRule(8, 3, 3.0, 0.02)}) {
            LoadSpikeStream stream = new LoadSpikeStream(rule);
            boolean[] streamed = new boolean[strides.size()];
            for (int i = 0; i < strides.size(); i++) {
                streamed[i] = stream.accept(strides.get(i)).spike();
            }
            boolean[] batch = LoadSpikes.flags(strides, rule);
            assertArrayEquals(streamed, batch, rule.toString());
            int spikes = 0;
            for (boolean b : batch) {
                spikes += b ? 1 : 0;
            }
            assertTrue(spikes >= 10 && spikes <= 80, spikes + " spikes under " + rule);
        }
    }

    @Test
    void aRuleNeedsAHistoryWithinItsWindowAndAPositiveThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new LoadSpikeRule(20, 21, 3.5, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpikeRule(20, 2, 3.5, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpikeRule(20, 5, 0, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new LoadSpikeRule(20, 5, Double.NaN, 0.02));
        assertEquals(new LoadSpikeRule(20, 5, 3.5, 0.02), LoadSpikeRule.DEFAULT);
    }

    private static StrideLoading loading(double peakForceBw, double loadingRateBwPerS) {
        return new StrideLoading(peakForceBw * 700, peakForceBw, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, loadingRateBwPerS, 300, Double.NaN, Double.NaN, Double.NaN);
    }
}
