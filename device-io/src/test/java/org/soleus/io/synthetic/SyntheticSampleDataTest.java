package org.soleus.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.ankle.AchillesMomentArm;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoad;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.format.Recordings;

/** The shipped synthetic session: the moment from its noisy sensors follows its truth. */
final class SyntheticSampleDataTest {
    private static final Path DIR = Path.of("../sample-data/synthetic");

    @Test
    void momentFromTheSensorsFollowsTheTruth() throws IOException {
        Recording sensors = Recordings.read(DIR.resolve("synthetic-session.csv"));
        Recording truth = Recordings.read(DIR.resolve("synthetic-session.truth.csv"));
        FootGeometry geometry = FootGeometry.from(sensors.metadata(), Side.LEFT);
        double[] moment = PlantarFlexionLoading.momentNm(sensors, Side.LEFT, geometry);
        float[] trueMoment = truth.channel("left.ankle.pf_moment_nm").samples();
        double sq = 0;
        for (int i = 0; i < moment.length; i++) {
            sq += (moment[i] - trueMoment[i]) * (moment[i] - trueMoment[i]);
        }
        double rmsNm = Math.sqrt(sq / moment.length);
        assertTrue(rmsNm < 2.5, "moment RMS error " + rmsNm + " N·m");

        List<Stride> strides = new ArrayList<>();
        List<Boolean> spikes = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("synthetic-session.strides.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals("left") && f[5].equals("level")) {
                strides.add(new Stride(Side.LEFT, Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.NaN));
                spikes.add(!f[6].equals("1.000"));
            }
        }
        double[] achilles = PlantarFlexionMoment.achillesForceN(moment, null, AchillesMomentArm.DEFAULT);
        List<PlantarFlexionLoad> loads = PlantarFlexionLoading.strides(moment, achilles, sensors.sampleRateHz(), 0,
                strides, sensors.metadata().bodyMassKg(), 0.5);
        assertEquals(strides.size(), loads.size());
        assertTrue(spikes.contains(true), "the shipped session plants a spike on a level stride");
        for (int i = 0; i < loads.size(); i++) {
            double peak = loads.get(i).peakMomentNmPerKg();
            double expected = spikes.get(i) ? 1.5 * 1.74 : 1.74;
            assertEquals(expected, peak, 0.1 * expected, "left level stride " + i);
        }
    }
}
