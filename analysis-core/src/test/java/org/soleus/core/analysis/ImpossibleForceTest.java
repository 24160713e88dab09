package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.load.ForceRange;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * A burst of force samples that no foot can carry (beyond {@link ForceRange#MAX_BODY_WEIGHTS}
 * body weights), just before a heel strike: the batch and live analyses take it for missing
 * samples alike, and the loading of the stance after it is as if the burst had been a dropout,
 * where the low-pass had rung it into that stance's peak and loading rate.
 */
final class ImpossibleForceTest {
    private static final long SEED = 53L;

    @ParameterizedTest(name = "{0} samples of 1e8 N")
    @ValueSource(ints = {2, 5, 12})
    void aBurstBeyondTheRangeIsMissingInBothAnalyses(int burstSamples) {
        Recording clean = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(2), new Activity.Walking(20, 110, 1.3, Terrain.LEVEL)), SEED)).sensors();
        GaitAnalysis reference = InsoleGaitAnalyzer.analyze(clean, GaitSettings.defaults());
        double heelStrikeS = reference.events().stream()
                .filter(e -> e.side() == Side.LEFT && e.type() == GaitEventType.HEEL_STRIKE && e.timeS() > 10)
                .mapToDouble(GaitEvent::timeS).findFirst().orElseThrow();
        int burstEnd = (int) Math.round((heelStrikeS - clean.startTimeS()) * clean.sampleRateHz()) - 3;
        Recording glitched = withValue(clean, burstEnd - burstSamples, burstEnd, 1e8f);
        Recording dropout = withValue(clean, burstEnd - burstSamples, burstEnd, Float.NaN);
        String context = burstSamples + " samples before the left heel strike at " + heelStrikeS + " s, seed " + SEED;

        GaitAnalysis batch = InsoleGaitAnalyzer.analyze(glitched, GaitSettings.defaults());
        assertEquals(InsoleGaitAnalyzer.analyze(dropout, GaitSettings.defaults()).strides(), batch.strides(),
                context + ": strides as with a dropout");
        assertEquals(reference.strides().size() - (burstSamples > 5 ? 1 : 0), batch.strides().size(),
                context + ": a burst longer than the bridged gaps rejects the stride it touches");
        double maxPeakBw = batch.strides().stream().filter(s -> s.loading() != null)
                .mapToDouble(s -> s.loading().peakForceBw()).max().orElseThrow();
        assertTrue(maxPeakBw < 1.5, context + ": largest stride peak " + maxPeakBw + " body weights");

        GaitAnalysis live = GapStrideAccountingTest.live(glitched);
        assertEquals(batch.strides().stream().map(StrideResult::stride).toList(),
                live.strides().stream().map(StrideResult::stride).toList(), context + ": live strides");
        assertEquals(batch.rejected(), live.rejected(), context + ": live rejections");
        for (int i = 0; i < batch.strides().size(); i++) {
            // the live figures equal the batch ones but for the last bits of the peaks' times
            assertEquals(batch.strides().get(i).loading().peakForceN(), live.strides().get(i).loading().peakForceN(),
                    context + ": live peak of " + batch.strides().get(i).stride());
            assertEquals(batch.strides().get(i).loading().loadingRateBwPerS(),
                    live.strides().get(i).loading().loadingRateBwPerS(), context + ": live loading rate");
        }

        List<String> notices = LegLoadAnalyzer.analyze(glitched, batch, LegLoadSettings.DEFAULTS).notices();
        assertTrue(notices.contains("force samples beyond 20 body weights (" + Math.round(ForceRange.maxForceN(
                clean.metadata().bodyMassKg())) + " N at " + clean.metadata().bodyMassKg() + " kg), a force no foot"
                + " carries, taken as missing (a transmission error; or is the body mass right?): left.insole.force_n "
                + burstSamples), context + ": " + notices);
    }

    /** {@code rec} with the left force set to {@code value} over the samples {@code [from, to)}. */
    private static Recording withValue(Recording rec, int from, int to, float value) {
        return RecordingEdits.mapChannels(rec, c -> {
            if (!c.name().toString().equals("left.insole.force_n")) {
                return c;
            }
            float[] x = c.samples().clone();
            for (int i = from; i < to; i++) {
                x[i] = value;
            }
            return new Channel(c.name(), x);
        });
    }
}
