package org.soleus.core.soleus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.core.synthetic.TruthStride;

final class SoleusDominanceTest {
    private static final long SEED = 4711L;

    /**
     * A session of walking, stairs and bent-knee calf raises fed one sample at a time to one
     * stream, as a live recorder would feed it, gives the per-sample flags of
     * {@link SoleusDominance#dominant} and, per stride, the sums of {@link SoleusDominance#window},
     * the array drivers both analyses run; with dropouts in the moment and the knee angle.
     */
    @Test
    void streamFedSampleBySampleAgreesWithTheArrayDrivers() {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(2), new Activity.Walking(12, 110, 1.34, Terrain.LEVEL),
                new Activity.Walking(12, 90, 0.6, Terrain.STAIRS_UP),
                new Activity.CalfRaises(5, 45, 3, 25, false, 0)), SEED));
        Recording rec = synthetic.sensors();
        double fs = rec.sampleRateHz();
        double massKg = rec.metadata().bodyMassKg();
        double footM = FootGeometry.DEFAULT.insoleLengthM();
        double[] moment = PlantarFlexionMoment.momentNm(rec.channel("left.insole.force_n").toDoubleArray(),
                rec.channel("left.insole.cop_y_norm").toDoubleArray(), FootGeometry.DEFAULT);
        double[] knee = synthetic.truth().channel("left.knee.flexion_deg").toDoubleArray();
        Random random = new Random(SEED);
        for (int i = 0; i < moment.length; i++) {
            if (random.nextDouble() < 0.01) {
                moment[i] = Double.NaN;
            }
            if (random.nextDouble() < 0.01) {
                knee[i] = Double.NaN;
            }
        }
        // the strides, then the calf raises as one span
        List<int[]> spans = new ArrayList<>();
        for (TruthStride t : synthetic.strides()) {
            if (t.stride().side() == Side.LEFT) {
                spans.add(new int[] {(int) Math.round(t.stride().startS() * fs), (int) Math.round(t.stride().endS() * fs)});
            }
        }
        spans.add(new int[] {(int) Math.round(synthetic.reps().get(0).startS() * fs),
                (int) Math.round(synthetic.reps().get(synthetic.reps().size() - 1).endS() * fs)});
        boolean[] flags = SoleusDominance.dominant(moment, knee, fs, SoleusSettings.DEFAULTS, massKg, footM);
        SoleusDominanceStream stream = new SoleusDominanceStream(SoleusSettings.DEFAULTS, fs, massKg, footM);
        List<SoleusLoad> streamed = new ArrayList<>();
        int next = 0;
        int dominant = 0;
        for (int i = 0; i < moment.length; i++) {
            if (next > 0 && i == spans.get(next - 1)[1]) {
                streamed.add(stream.finishStride());
            }
            if (next < spans.size() && i == spans.get(next)[0]) {
                stream.startStride();
                next++;
            }
            stream.accept(moment[i], knee[i]);
            assertEquals(flags[i], stream.dominant(), "sample " + i + ", seed " + SEED);
            dominant += flags[i] ? 1 : 0;
        }
        assertEquals(spans.size(), streamed.size(), "every span ends within the session");
        for (int k = 0; k < spans.size(); k++) {
            assertEquals(SoleusDominance.window(moment, knee, spans.get(k)[0], spans.get(k)[1], fs,
                    SoleusSettings.DEFAULTS, massKg, footM), streamed.get(k), "span " + k + ", seed " + SEED);
        }
        assertTrue(spans.size() > 15 && dominant > 300, spans.size() + " spans, " + dominant + " dominant samples");
    }

    @Test
    void dominanceNeedsBothABentKneeAndALoad() {
        // SoleusSettings documents the default threshold for 70 kg and a 0.27 m foot as 18.5 N·m;
        // with a bent knee, a moment just below that is not dominant and one just above it is.
        SoleusDominanceStream below = new SoleusDominanceStream(SoleusSettings.DEFAULTS, 100, 70, 0.27);
        below.startStride();
        below.accept(18.4, 60);
        assertFalse(below.dominant(), "18.4 N·m");
        SoleusDominanceStream above = new SoleusDominanceStream(SoleusSettings.DEFAULTS, 100, 70, 0.27);
        above.startStride();
        above.accept(18.7, 60);
        assertTrue(above.dominant(), "18.7 N·m");
        double threshold = SoleusSettings.DEFAULTS.momentThresholdNm(70, 0.27);
        SoleusDominanceStream stream = new SoleusDominanceStream(SoleusSettings.DEFAULTS, 100, 70, 0.27);
        stream.startStride();
        stream.accept(threshold * 2, 60);
        assertTrue(stream.dominant());
        stream.accept(threshold * 2, 20);
        assertFalse(stream.dominant());
        stream.accept(threshold * 0.5, 60);
        assertFalse(stream.dominant());
        stream.accept(Double.NaN, 60);
        assertFalse(stream.dominant());
        SoleusLoad stride = stream.finishStride();
        assertEquals(0.01, stride.dominantTimeS(), 1e-12);
        assertEquals(3, stride.validSamples());
        assertEquals(1, stride.missingSamples());
        // only the first sample was dominant; the three with a moment count towards the impulse
        assertEquals(threshold * 2 * 0.01, stride.dominantImpulseNms(), 1e-12);
        assertEquals(threshold * 4.5 * 0.01, stride.impulseNms(), 1e-12);
        // soleus part: share 0.8 at 60°, 0.6 + 0.3 × 20/90 at 20°
        assertEquals(threshold * 0.01 * (2 * 0.8 + 2 * (0.6 + 0.3 * 20 / 90) + 0.5 * 0.8), stride.soleusImpulseNms(),
                1e-12);
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
