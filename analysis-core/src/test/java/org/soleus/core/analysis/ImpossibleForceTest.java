package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.load.ForceRange;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * Force samples that no foot can carry (beyond {@link ForceRange#MAX_BODY_WEIGHTS} body
 * weights): the loading figures leave them out, in the batch and live analyses alike, where the
 * low-pass had rung them into the nearest stance's peak and loading rate; the events, taken from
 * the force as it is, stay those of the clean walk.
 */
final class ImpossibleForceTest {
    private static final long SEED = 53L;
    private static final Recording CLEAN = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
            new Activity.Standing(2), new Activity.Walking(20, 110, 1.3, Terrain.LEVEL)), SEED)).sensors();
    private static final GaitAnalysis REFERENCE = InsoleGaitAnalyzer.analyze(CLEAN, GaitSettings.defaults());
    /** A left heel strike some way into the walk. */
    private static final double HEEL_STRIKE_S = REFERENCE.events().stream()
            .filter(e -> e.side() == Side.LEFT && e.type() == GaitEventType.HEEL_STRIKE && e.timeS() > 10)
            .mapToDouble(GaitEvent::timeS).findFirst().orElseThrow();
    private static final int HEEL_STRIKE = (int) Math.round((HEEL_STRIKE_S - CLEAN.startTimeS()) * CLEAN.sampleRateHz());

    /**
     * A burst in the swing before a heel strike, as long as the gaps bridged (5 samples at
     * 100 Hz), is missing: the clean walk's strides, with their loading. A longer one is no burst
     * and stays as it is (a force on another scale keeps its strides so): it may make a contact
     * of its own, but no stance figure holds it.
     */
    @ParameterizedTest(name = "{0} samples of 1e8 N")
    @ValueSource(ints = {2, 5, 12})
    void aBurstInASwingDoesNotReachTheStanceAfterIt(int burstSamples) {
        String context = burstSamples + " samples before the left heel strike at " + HEEL_STRIKE_S + " s, seed " + SEED;
        GaitAnalysis batch = bothAgree(withValue(HEEL_STRIKE - 3 - burstSamples, HEEL_STRIKE - 3, 1e8f), context);
        double maxPeakBw = batch.strides().stream().mapToDouble(s -> s.loading().peakForceBw())
                .filter(Double::isFinite).max().orElseThrow();
        assertTrue(maxPeakBw < 1.5, context + ": largest stride peak " + maxPeakBw + " body weights");
        if (burstSamples > 5) {
            return;
        }
        assertEquals(strides(REFERENCE), strides(batch), context + ": the clean walk's strides");
        for (int i = 0; i < batch.strides().size(); i++) {
            StrideLoading clean = REFERENCE.strides().get(i).loading();
            StrideLoading got = batch.strides().get(i).loading();
            assertEquals(clean.peakForceN(), got.peakForceN(), 0.01 * clean.peakForceN(), context + ": peak of "
                    + batch.strides().get(i).stride());
            assertEquals(clean.loadingRateBwPerS(), got.loadingRateBwPerS(), 0.05 * clean.loadingRateBwPerS(),
                    context + ": loading rate of " + batch.strides().get(i).stride());
        }
    }

    /** Within a stance, a burst is bridged as a gap is; a longer run leaves that stance without loading figures. */
    @Test
    void aBurstInAStanceIsBridgedOrLeavesTheStanceUnmeasured() {
        int mid = HEEL_STRIKE + 30;
        GaitAnalysis bridged = bothAgree(withValue(mid, mid + 3, -1e8f), "3 samples in the stance");
        int k = strideAt(bridged);
        StrideLoading clean = REFERENCE.strides().get(k).loading();
        StrideLoading got = bridged.strides().get(k).loading();
        assertEquals(clean.peakForceN(), got.peakForceN(), 0.02 * clean.peakForceN(), "bridged peak");
        assertEquals(clean.impulseNs(), got.impulseNs(), 0.02 * clean.impulseNs(), "bridged impulse");
        assertEquals(clean.copProgression(), got.copProgression(), "the centre of pressure is not the force");

        GaitAnalysis unmeasured = bothAgree(withValue(mid, mid + 10, 1e8f), "10 samples in the stance");
        assertEquals(strides(REFERENCE), strides(unmeasured), "the same strides");
        StrideLoading none = unmeasured.strides().get(strideAt(unmeasured)).loading();
        assertTrue(Double.isNaN(none.peakForceN()) && Double.isNaN(none.impulseNs()), none.toString());
        long measured = unmeasured.strides().stream().filter(s -> !Double.isNaN(s.loading().peakForceN())).count();
        assertEquals(REFERENCE.strides().size() - 1, measured, "every other stride measured");
    }

    /** The batch analysis counts the samples in a notice; the live one tells the first as it comes. */
    @Test
    void bothAnalysesTellOfThem() {
        Recording glitched = withValue(HEEL_STRIKE - 8, HEEL_STRIKE - 3, 1e8f);
        GaitAnalysis batch = InsoleGaitAnalyzer.analyze(glitched, GaitSettings.defaults());
        assertTrue(LegLoadAnalyzer.analyze(glitched, batch, LegLoadSettings.DEFAULTS).notices().contains(
                "force samples beyond 20 body weights (13729 N at 70.0 kg), a force no foot carries: short bursts taken"
                        + " as missing, stances with longer runs left without loading figures: left.insole.force_n 5"
                        + " (transmission errors; or is the body mass right?)"));
        List<String> notices = new ArrayList<>();
        StreamingGaitAnalyzer live = new StreamingGaitAnalyzer(GaitSettings.defaults(), new LiveGaitListener() {
            @Override
            public void onStride(StrideResult stride) {
            }

            @Override
            public void onRejected(RejectedStride rejected) {
            }

            @Override
            public void onNotice(String notice) {
                notices.add(notice);
            }
        }, false);
        RecordingRows.stream(glitched, live, i -> { });
        live.end(List.of());
        assertEquals(List.of(String.format(java.util.Locale.ROOT, "left force 100000000 N at %.2f s is beyond 20 body"
                + " weights (13729 N), a force no foot carries: such samples are left out of the loading figures (a"
                + " transmission error; or are the force unit and the body mass right?)", (HEEL_STRIKE - 8) / 100.0)),
                notices);
    }

    /** The batch analysis of {@code recording}, after asserting that the live one finds the same. */
    private static GaitAnalysis bothAgree(Recording recording, String context) {
        GaitAnalysis batch = InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults());
        GaitAnalysis live = GapStrideAccountingTest.live(recording);
        assertEquals(strides(batch), strides(live), context + ": live strides");
        assertEquals(batch.rejected(), live.rejected(), context + ": live rejections");
        for (int i = 0; i < batch.strides().size(); i++) {
            StrideLoading b = batch.strides().get(i).loading();
            StrideLoading l = live.strides().get(i).loading();
            // equal but for the last bits of the peaks' times
            assertEquals(List.of(b.peakForceN(), b.loadingRateBwPerS(), b.impulseNs(), b.copProgression()),
                    List.of(l.peakForceN(), l.loadingRateBwPerS(), l.impulseNs(), l.copProgression()),
                    context + ": live loading of " + batch.strides().get(i).stride());
        }
        return batch;
    }

    private static List<?> strides(GaitAnalysis analysis) {
        return analysis.strides().stream().map(StrideResult::stride).toList();
    }

    /** The index of the left stride starting at the heel strike. */
    private static int strideAt(GaitAnalysis analysis) {
        for (int i = 0; i < analysis.strides().size(); i++) {
            if (analysis.strides().get(i).stride().side() == Side.LEFT
                    && Math.abs(analysis.strides().get(i).stride().startS() - HEEL_STRIKE_S) < 1e-9) {
                return i;
            }
        }
        throw new AssertionError("no left stride at " + HEEL_STRIKE_S + " s");
    }

    /** The clean walk with the left force set to {@code value} over the samples {@code [from, to)}. */
    private static Recording withValue(int from, int to, float value) {
        return RecordingEdits.mapChannels(CLEAN, c -> {
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
