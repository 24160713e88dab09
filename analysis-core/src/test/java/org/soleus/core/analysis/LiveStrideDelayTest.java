package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.Recording;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;

/**
 * How long after its closing heel strike the live analysis reports a stride, in time of the
 * stream (not wall-clock time), with the defaults at 100 Hz: a median of 0.32 s at 110 steps a
 * minute and 0.45 s at 70, where the toe off's window has widened with the slower tempo. The
 * detector's fixed bound ({@code maxReportDelaySamples}, 0.61 s) would hold every stride that
 * long.
 */
final class LiveStrideDelayTest {

    @ParameterizedTest(name = "{0} steps/min")
    @CsvSource({"110, 0.35", "70, 0.50"})
    void aStrideIsReportedSoonAfterItsClosingHeelStrike(double cadenceStepsPerMin, double maxMedianDelayS) {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(2), new Activity.Walking(40, cadenceStepsPerMin, 1.2, Terrain.LEVEL)), 53L));
        Recording rec = synthetic.sensors();
        List<Double> delaysS = new ArrayList<>();
        long[] accepted = new long[1];
        StreamingGaitAnalyzer live = new StreamingGaitAnalyzer(GaitSettings.defaults(), new LiveGaitListener() {
            @Override
            public void onStride(StrideResult stride) {
                delaysS.add(rec.startTimeS() + accepted[0] / rec.sampleRateHz() - stride.stride().endS());
            }

            @Override
            public void onRejected(RejectedStride rejected) {
            }
        }, false);
        RecordingRows.stream(rec, live, i -> accepted[0] = i + 1);
        assertTrue(delaysS.size() > 20, delaysS.size() + " strides reported while streaming");
        List<Double> sorted = delaysS.stream().sorted().toList();
        double medianS = sorted.get(sorted.size() / 2);
        assertTrue(medianS <= maxMedianDelayS, cadenceStepsPerMin + " steps/min: median delay " + medianS + " s");
        assertTrue(sorted.get(0) > 0, "a stride reported before its end");
    }
}
