package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.exercise.CalfRaiseRepetition;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
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
 * weights) are missing, in the batch and live analyses alike: a short run is bridged, where the
 * low-pass had rung it into the nearest stance's peak and loading rate, and a longer one rejects
 * the strides it touches, instead of making contacts of its own or losing the foot.
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

    /** A burst in the swing before a heel strike, as long as the gaps bridged (5 samples at 100 Hz), leaves the walk as it was. */
    @ParameterizedTest(name = "{0} samples of {1} N")
    @CsvSource({"2, 1e8", "5, 1e8", "5, -1e8"})
    void aShortBurstInASwingLeavesTheWalkAsItWas(int burstSamples, float value) {
        String context = burstSamples + " samples of " + value + " before the left heel strike at " + HEEL_STRIKE_S
                + " s, seed " + SEED;
        GaitAnalysis batch = bothAgree(withValue(HEEL_STRIKE - 3 - burstSamples, HEEL_STRIKE - 3, value), context);
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

    /**
     * A longer run, of either sign or alternating, is a dropout: the strides it touches are
     * rejected as missing data and every other is the clean walk's, where kept as it was it had
     * made contacts of its own or, below zero, lost the foot for the rest of the walk.
     */
    @ParameterizedTest(name = "{0} samples of {1} N")
    @CsvSource({"12, 1e8", "10, -1e8", "10, -2e4", "60, 1e8", "60, -1e8"})
    void aLongerRunIsADropout(int runSamples, float value) {
        String context = runSamples + " samples of " + value + " before the left heel strike at " + HEEL_STRIKE_S
                + " s, seed " + SEED;
        int from = HEEL_STRIKE - 3 - runSamples;
        Recording glitched = withValue(from, HEEL_STRIKE - 3, value);
        GaitAnalysis batch = bothAgree(glitched, context);
        // their events; the double support of the other foot's stride next to the gap is unknown
        List<?> clean = events(REFERENCE);
        assertTrue(clean.containsAll(events(batch)), context + ": only the clean walk's strides");
        assertTrue(batch.strides().size() >= clean.size() - 2, context + ": " + batch.strides().size() + " of "
                + clean.size() + " strides");
        assertTrue(batch.rejected().stream().allMatch(r -> r.reason() == RejectedStride.Reason.MISSING_DATA),
                context + ": " + batch.rejected());
    }

    /** Within a stance, a burst is bridged as a gap is; a longer run rejects that stride. */
    @Test
    void aBurstInAStanceIsBridgedAndALongerRunRejectsTheStride() {
        int mid = HEEL_STRIKE + 30;
        GaitAnalysis bridged = bothAgree(withValue(mid, mid + 3, -1e8f), "3 samples in the stance");
        int k = strideAt(bridged);
        StrideLoading clean = REFERENCE.strides().get(k).loading();
        StrideLoading got = bridged.strides().get(k).loading();
        assertEquals(clean.peakForceN(), got.peakForceN(), 0.02 * clean.peakForceN(), "bridged peak");
        assertEquals(clean.impulseNs(), got.impulseNs(), 0.02 * clean.impulseNs(), "bridged impulse");
        assertEquals(clean.copProgression(), got.copProgression(), "the centre of pressure is not the force");

        GaitAnalysis rejected = bothAgree(withValue(mid, mid + 10, 1e8f), "10 samples in the stance");
        assertEquals(REFERENCE.strides().size() - 1, rejected.strides().size(), "one stride fewer");
        assertTrue(rejected.strides().stream().noneMatch(s -> Math.abs(s.stride().startS() - HEEL_STRIKE_S) < 1e-9));
        assertTrue(rejected.rejected().stream().anyMatch(r -> r.reason() == RejectedStride.Reason.MISSING_DATA
                && Math.abs(r.startS() - HEEL_STRIKE_S) < 1e-9), rejected.rejected().toString());
    }

    /** The plantar-flexor moment takes such samples for missing too: a stride's figures stay those of a walk. */
    @Test
    void theLegFiguresLeaveThemOut() {
        int mid = HEEL_STRIKE + 30;
        Recording glitched = withValue(mid, mid + 3, 1e8f);
        LegLoadAnalysis legs = LegLoadAnalyzer.analyze(glitched, InsoleGaitAnalyzer.analyze(glitched,
                GaitSettings.defaults()), LegLoadSettings.DEFAULTS);
        LegLoadAnalysis cleanLegs = LegLoadAnalyzer.analyze(CLEAN, REFERENCE, LegLoadSettings.DEFAULTS);
        int k = strideAt(legs.gait());
        StrideLegLoad got = legs.gait().strides().get(k).leg();
        StrideLegLoad clean = cleanLegs.gait().strides().get(k).leg();
        assertEquals(clean.peakMomentNmPerKg(), got.peakMomentNmPerKg(), 0.1 * clean.peakMomentNmPerKg(), "peak moment");
        assertEquals(clean.impulseNms(), got.impulseNms(), 0.1 * clean.impulseNms(), "impulse");
    }

    /**
     * The walk's force a thousand times too large: after the three contacts that show it is on
     * another scale, the strides come, in both analyses alike, with neither loading nor leg
     * figures (a moment as far off as the force).
     */
    @Test
    void aForceOnAnotherScaleKeepsItsStridesWithoutFigures() {
        Recording milli = RecordingEdits.mapChannels(CLEAN, c -> {
            if (!c.name().quantity().equals("force")) {
                return c;
            }
            float[] x = c.samples().clone();
            for (int i = 0; i < x.length; i++) {
                x[i] *= 1000;
            }
            return new Channel(c.name(), x);
        });
        GaitAnalysis batch = bothAgree(milli, "millinewtons");
        assertTrue(batch.strides().size() >= REFERENCE.strides().size() - 4, batch.strides().size() + " strides");
        // the clean walk's strides, to a sample (the detector's levels round otherwise on a scaled signal)
        List<Stride> odd = batch.strides().stream().map(StrideResult::stride).filter(s -> REFERENCE.strides().stream()
                .map(StrideResult::stride).noneMatch(c -> c.side() == s.side() && Math.abs(c.startS() - s.startS()) < 0.011
                        && Math.abs(c.toeOffS() - s.toeOffS()) < 0.011 && Math.abs(c.endS() - s.endS()) < 0.011)).toList();
        assertTrue(odd.isEmpty(), "not the clean walk's: " + odd);
        assertTrue(batch.strides().stream().noneMatch(s -> s.loading().measured()), "none measured");
        LegLoadAnalysis legs = LegLoadAnalyzer.analyze(milli, batch, LegLoadSettings.DEFAULTS);
        assertTrue(legs.gait().strides().stream().allMatch(s -> s.leg() == null || Double.isNaN(s.leg()
                .peakMomentNmPerKg()) && Double.isNaN(s.leg().impulseNms())), "no moment figures, no zero impulses");
    }

    /** A sample of 10^8 N in a calf raise is left out of its forefoot peak and mean force, which were 10^8 N and more. */
    @Test
    void aCalfRaiseLeavesThemOut() {
        Recording raises = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(new Activity.Standing(3),
                new Activity.CalfRaises(3, 0, 3, 25, false, 0)), SEED)).sensors();
        List<CalfRaiseRepetition> clean = LegLoadAnalyzer.analyze(raises, InsoleGaitAnalyzer.analyze(raises,
                GaitSettings.defaults()), LegLoadSettings.DEFAULTS).calfRaises();
        CalfRaiseRepetition first = clean.stream().filter(r -> r.side() == Side.LEFT).findFirst().orElseThrow();
        int mid = (int) Math.round(((first.startS() + first.endS()) / 2 - raises.startTimeS()) * raises.sampleRateHz());
        Recording glitched = RecordingEdits.mapChannels(raises, c -> {
            if (!c.name().toString().equals("left.insole.force_n")) {
                return c;
            }
            float[] x = c.samples().clone();
            x[mid] = 1e8f;
            return new Channel(c.name(), x);
        });
        List<CalfRaiseRepetition> got = LegLoadAnalyzer.analyze(glitched, InsoleGaitAnalyzer.analyze(glitched,
                GaitSettings.defaults()), LegLoadSettings.DEFAULTS).calfRaises();
        assertEquals(clean.size(), got.size(), "the same repetitions");
        CalfRaiseRepetition glitchedFirst = got.stream().filter(r -> r.side() == Side.LEFT).findFirst().orElseThrow();
        assertEquals(first.peakForefootN(), glitchedFirst.peakForefootN(), 0.05 * first.peakForefootN(), "forefoot peak");
        assertEquals(first.meanForceN(), glitchedFirst.meanForceN(), 0.05 * first.meanForceN(), "mean force");
    }

    /** The batch analysis counts the samples in a notice; the live one tells the first as it comes. */
    @Test
    void bothAnalysesTellOfThem() {
        Recording glitched = withValue(HEEL_STRIKE - 8, HEEL_STRIKE - 3, 1e8f);
        GaitAnalysis batch = InsoleGaitAnalyzer.analyze(glitched, GaitSettings.defaults());
        assertTrue(LegLoadAnalyzer.analyze(glitched, batch, LegLoadSettings.DEFAULTS).notices().contains(
                "force samples beyond 20 body weights (13729 N at 70.0 kg), a force no foot carries, taken as missing"
                        + " (transmission errors; or is the body mass right?): left.insole.force_n 5"));
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
        assertEquals(List.of(String.format(Locale.ROOT, "left force 100000000 N at %.2f s is beyond 20 body"
                + " weights (13729 N), a force no foot carries: such samples are taken as missing (a transmission"
                + " error; or are the force unit and the body mass right?)", (HEEL_STRIKE - 8) / 100.0)), notices);
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

    /** Each stride's side, heel strikes and toe off. */
    private static List<?> events(GaitAnalysis analysis) {
        return analysis.strides().stream().map(StrideResult::stride)
                .map(s -> List.of(s.side(), s.startS(), s.toeOffS(), s.endS())).toList();
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
