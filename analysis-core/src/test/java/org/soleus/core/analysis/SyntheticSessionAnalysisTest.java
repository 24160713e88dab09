package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soleus.core.events.EventTimes.distanceToNearestS;
import static org.soleus.core.events.EventTimes.times;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.Recording;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.core.synthetic.TruthEvent;

/**
 * The gait analysis on a synthetic session finds the generated events. With the foot IMU the
 * timing error grows (the synthetic foot's pitch curve is a smooth approximation whose zero
 * crossings are not tied to the force onset), which is a limit of the model, not of the detector.
 */
final class SyntheticSessionAnalysisTest {
    private static final long SEED = 31L;

    @Test
    void insoleAndImuEventsMatchTheTruth() {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(3), new Activity.Walking(20, 110, 1.3, Terrain.LEVEL),
                new Activity.Walking(10, 90, 0.6, Terrain.STAIRS_UP), new Activity.Standing(3)), SEED));
        Recording rec = synthetic.sensors();
        for (boolean withImu : new boolean[] {false, true}) {
            GaitAnalysis analysis = withImu
                    ? InsoleGaitAnalyzer.analyze(rec, GaitSettings.defaults(), ImuSettings.defaults())
                    : InsoleGaitAnalyzer.analyze(rec, GaitSettings.defaults());
            int matched = 0;
            double absErrorS = 0;
            for (TruthEvent t : synthetic.events()) {
                double best = distanceToNearestS(t.timeS(), times(analysis.events(), t.side(), t.type()));
                if (best <= 0.05) {
                    matched++;
                    absErrorS += best;
                }
            }
            double recall = matched / (double) synthetic.events().size();
            double precision = matched / (double) analysis.events().size();
            double maeMs = 1000 * absErrorS / matched;
            System.out.println(String.format(Locale.ROOT,
                    "synthetic walk and stairs, %s: %d of %d true events found within 50 ms (%d detected), mean abs error %.1f ms",
                    withImu ? "insole + foot IMU" : "insole", matched, synthetic.events().size(),
                    analysis.events().size(), maeMs));
            assertTrue(recall >= 0.95 && precision >= 0.95, "recall " + recall + ", precision " + precision + ", seed " + SEED);
            assertTrue(maeMs <= 20, "mean absolute error " + maeMs + " ms, seed " + SEED);
        }
    }

    /**
     * Single-sample transmission errors (a sample 3000 N above its neighbours, in every stance)
     * change neither the strides nor their loading: peak force, loading rate and impulse stay
     * within 1 % of the clean recording's.
     */
    @Test
    void singleSampleSpikesLeaveTheLoadingAsItWas() {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Walking(20, 110, 1.3, Terrain.LEVEL)), SEED));
        Recording clean = synthetic.sensors();
        GaitAnalysis reference = InsoleGaitAnalyzer.analyze(clean, GaitSettings.defaults());
        Recording spiked = RecordingEdits.mapChannels(clean, c -> {
            float[] samples = c.samples().clone();
            if (c.name().quantity().equals("force")) {
                for (StrideResult r : reference.strides()) {
                    if (r.stride().side() == c.name().side()) {
                        int mid = (int) Math.round(((r.stride().startS() + r.stride().toeOffS()) / 2 - clean.startTimeS())
                                * clean.sampleRateHz());
                        samples[mid] += 3000;
                    }
                }
            }
            return new Channel(c.name(), samples);
        });
        GaitAnalysis analysis = InsoleGaitAnalyzer.analyze(spiked, GaitSettings.defaults());
        assertEquals(reference.strides().size(), analysis.strides().size());
        for (int i = 0; i < reference.strides().size(); i++) {
            StrideLoading a = reference.strides().get(i).loading();
            StrideLoading b = analysis.strides().get(i).loading();
            String label = "stride " + i + ", seed " + SEED;
            assertEquals(a.peakForceN(), b.peakForceN(), 0.01 * a.peakForceN(), label);
            assertEquals(a.loadingRateBwPerS(), b.loadingRateBwPerS(), 0.01 * a.loadingRateBwPerS(), label);
            assertEquals(a.impulseNs(), b.impulseNs(), 0.01 * a.impulseNs(), label);
        }
    }
}
