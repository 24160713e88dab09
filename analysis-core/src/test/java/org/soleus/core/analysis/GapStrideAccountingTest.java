package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.core.synthetic.TruthEvent;

/**
 * A gap in one foot's force longer than the interpolation limit: the strides touching it are
 * rejected as {@code missing_data}, every other stride is kept, and batch and live analyses agree.
 */
final class GapStrideAccountingTest {
    private static final long SEED = 47L;
    private static final double TOLERANCE_S = 0.05;

    @ParameterizedTest(name = "gap of {1} s at {0} s")
    @CsvSource({"12.1, 0.2", "12.1, 1.0", "15.35, 0.2", "15.35, 1.0"})
    void stridesTouchingAGapAreRejectedAsMissingAndAllOthersKept(double gapStartS, double gapS) {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(2), new Activity.Walking(30, 110, 1.3, Terrain.LEVEL)), SEED));
        Recording rec = withGap(synthetic.sensors(), gapStartS, gapS);
        double gapEndS = gapStartS + gapS;
        String context = "gap " + gapStartS + " s + " + gapS + " s, seed " + SEED;

        GaitAnalysis batch = InsoleGaitAnalyzer.analyze(rec, GaitSettings.defaults());
        GaitAnalysis live = live(rec);
        assertEquals(batch.strides().stream().map(StrideResult::stride).toList(),
                live.strides().stream().map(StrideResult::stride).toList(), context + ": live strides");
        assertEquals(batch.rejected(), live.rejected(), context + ": live rejections");

        List<Double> heelStrikes = new ArrayList<>();
        for (TruthEvent e : synthetic.events()) {
            if (e.side() == Side.LEFT && e.type() == GaitEventType.HEEL_STRIKE) {
                heelStrikes.add(e.timeS());
            }
        }
        double firstKeptS = batch.strides().stream().filter(s -> s.stride().side() == Side.LEFT)
                .mapToDouble(s -> s.stride().startS()).min().orElseThrow();
        int touching = 0;
        int others = 0;
        for (int k = 0; k + 1 < heelStrikes.size(); k++) {
            double startS = heelStrikes.get(k);
            double endS = heelStrikes.get(k + 1);
            if (startS < firstKeptS - TOLERANCE_S) {
                continue;
            }
            if (startS <= gapEndS + TOLERANCE_S && endS >= gapStartS - TOLERANCE_S) {
                touching++;
                assertTrue(batch.rejected().stream().anyMatch(r -> r.side() == Side.LEFT
                                && r.reason() == RejectedStride.Reason.MISSING_DATA
                                && r.startS() <= startS + TOLERANCE_S && r.endS() >= endS - TOLERANCE_S),
                        context + ": stride " + startS + "–" + endS + " across the gap is not rejected as missing data: "
                                + batch.rejected());
            } else {
                others++;
                assertTrue(batch.strides().stream().anyMatch(s -> s.stride().side() == Side.LEFT
                                && Math.abs(s.stride().startS() - startS) <= TOLERANCE_S
                                && Math.abs(s.stride().endS() - endS) <= TOLERANCE_S),
                        context + ": stride " + startS + "–" + endS + " away from the gap is not kept");
            }
        }
        long kept = batch.strides().stream().filter(s -> s.stride().side() == Side.LEFT).count();
        List<RejectedStride> rejectedLeft = batch.rejected().stream().filter(r -> r.side() == Side.LEFT).toList();
        assertTrue(touching >= 1, context + ": the gap touches no stride");
        assertEquals(others, kept, context + ": kept strides");
        assertTrue(!rejectedLeft.isEmpty() && rejectedLeft.size() <= touching, context + ": rejections " + rejectedLeft);
        for (RejectedStride r : rejectedLeft) {
            assertEquals(RejectedStride.Reason.MISSING_DATA, r.reason(), context + ": " + r);
            assertTrue(r.startS() <= gapEndS && r.endS() >= gapStartS, context + ": rejection away from the gap " + r);
        }
        assertEquals(batch.strides().stream().filter(s -> s.stride().side() == Side.RIGHT).count(),
                InsoleGaitAnalyzer.analyze(synthetic.sensors(), GaitSettings.defaults()).strides().stream()
                        .filter(s -> s.stride().side() == Side.RIGHT).count(), context + ": right foot unaffected");
    }

    /** The recording with the left force missing from {@code startS} for {@code durationS}. */
    private static Recording withGap(Recording rec, double startS, double durationS) {
        return RecordingEdits.mapChannels(rec, c -> {
            if (!c.name().toString().equals("left.insole.force_n")) {
                return c;
            }
            float[] x = c.samples().clone();
            int from = (int) Math.round((startS - rec.startTimeS()) * rec.sampleRateHz());
            int to = from + (int) Math.round(durationS * rec.sampleRateHz());
            for (int i = from; i < to; i++) {
                x[i] = Float.NaN;
            }
            return new Channel(c.name(), x);
        });
    }

    static GaitAnalysis live(Recording rec) {
        StreamingGaitAnalyzer live = new StreamingGaitAnalyzer(GaitSettings.defaults(), new IgnoringGaitListener(), true);
        RecordingRows.stream(rec, live, i -> { });
        live.end(List.of());
        return live.result();
    }
}
