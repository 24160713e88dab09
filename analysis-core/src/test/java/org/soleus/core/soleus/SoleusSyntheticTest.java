package org.soleus.core.soleus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.CalfRaiseRep;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.core.synthetic.TruthStride;

/**
 * Soleus-dominant loading on a synthetic session with known truth: level walking should carry
 * almost none, stair climbing (knee about 65° at foot contact, forefoot landing) and bent-knee
 * calf raises a lot, straight-knee calf raises none. Unweighted seated raises (each foot carrying
 * about 10 % of body weight) stay below the default moment threshold of 0.1 body weight × foot
 * length: the convention counts them only with a weight on the knees. The knee angle is taken
 * from the truth, as the knee-angle estimator is tested on its own.
 */
final class SoleusSyntheticTest {
    private static final long SEED = 90L;

    @Test
    void stairsAndBentKneeRaisesAreSoleusDominantLevelWalkingIsNot() {
        SyntheticSpec spec = SyntheticSpec.of(List.of(
                new Activity.Standing(2),
                new Activity.Walking(12, 110, 1.34, Terrain.LEVEL),
                new Activity.Walking(12, 90, 0.6, Terrain.STAIRS_UP),
                new Activity.CalfRaises(5, 0, 3, 25, false, 0),
                new Activity.CalfRaises(5, 90, 3, 25, true, 20),
                new Activity.CalfRaises(5, 45, 3, 25, false, 0),
                new Activity.CalfRaises(5, 90, 3, 25, true, 0)), SEED);
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(spec);
        Recording rec = synthetic.sensors();
        double fs = rec.sampleRateHz();
        double[] moment = PlantarFlexionMoment.momentNm(rec.channel("left.insole.force_n").toDoubleArray(),
                rec.channel("left.insole.cop_y_norm").toDoubleArray(), FootGeometry.DEFAULT);
        double[] knee = synthetic.truth().channel("left.knee.flexion_deg").toDoubleArray();

        double levelShare = dominantShare(synthetic, Terrain.LEVEL, moment, knee, fs);
        double stairsShare = dominantShare(synthetic, Terrain.STAIRS_UP, moment, knee, fs);
        double[] raiseTime = new double[4];
        double[] raiseModelShare = new double[4];
        for (int set = 0; set < 4; set++) {
            int from = Integer.MAX_VALUE;
            int to = 0;
            for (CalfRaiseRep rep : synthetic.reps()) {
                if (rep.set() == set) {
                    from = Math.min(from, (int) Math.round(rep.startS() * fs));
                    to = Math.max(to, (int) Math.round(rep.endS() * fs));
                }
            }
            SoleusLoad load = window(moment, knee, from, to, fs);
            raiseTime[set] = load.dominantTimeS();
            raiseModelShare[set] = load.soleusShare();
        }
        System.out.println(String.format(Locale.ROOT,
                "synthetic soleus-dominant impulse share: level %.2f, stairs %.2f; calf raises dominant s (straight, seated 90° + 20 kg, standing 45°, seated unweighted): %.1f, %.1f, %.1f, %.1f; modelled soleus share %.2f, %.2f, %.2f",
                levelShare, stairsShare, raiseTime[0], raiseTime[1], raiseTime[2], raiseTime[3],
                raiseModelShare[0], raiseModelShare[1], raiseModelShare[2]));
        assertTrue(levelShare < 0.02, "level walking dominant share " + levelShare + ", seed " + SEED);
        assertTrue(stairsShare > 0.15, "stair climbing dominant share " + stairsShare + ", seed " + SEED);
        assertEquals(0, raiseTime[0], 1e-9, "straight-knee raises are not soleus-dominant");
        assertTrue(raiseTime[1] > 5 && raiseTime[2] > 5, "bent-knee raises are soleus-dominant: " + raiseTime[1]
                + " s seated, " + raiseTime[2] + " s standing");
        assertEquals(0, raiseTime[3], 1e-9, "unweighted seated raises stay below a body-weight-scaled threshold");
        assertEquals(0.6, raiseModelShare[0], 0.01);
        assertEquals(0.9, raiseModelShare[1], 0.01);
        assertEquals(0.75, raiseModelShare[2], 0.01);
    }

    private static double dominantShare(SyntheticRecording synthetic, Terrain terrain, double[] moment, double[] knee,
                                        double fs) {
        double dominant = 0;
        double total = 0;
        for (TruthStride t : synthetic.strides()) {
            if (t.terrain() == terrain && t.stride().side() == Side.LEFT) {
                SoleusLoad l = window(moment, knee, (int) Math.round(t.stride().startS() * fs),
                        (int) Math.round(t.stride().endS() * fs), fs);
                dominant += l.dominantImpulseNms();
                total += l.impulseNms();
            }
        }
        return dominant / total;
    }

    /** The sums as the analyses compute them: default settings, 70 kg, the default foot. */
    private static SoleusLoad window(double[] moment, double[] knee, int from, int to, double fs) {
        return SoleusDominance.window(moment, knee, from, to, fs, SoleusSettings.DEFAULTS, 70,
                FootGeometry.DEFAULT.insoleLengthM());
    }
}
