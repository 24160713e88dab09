package org.soleus.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoad;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.ankle.PlantarFlexionSettings;
import org.soleus.core.exercise.CalfRaiseAnalysis;
import org.soleus.core.exercise.CalfRaiseRepetition;
import org.soleus.core.exercise.CalfRaiseSettings;
import org.soleus.core.gait.Stride;
import org.soleus.core.joint.JointAngleEstimator;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;
import org.soleus.io.format.Recordings;

/** The shipped synthetic session: the moment and the calf raises from its noisy sensors follow its truth. */
final class SyntheticSampleDataTest {
    private static final Path DIR = SampleData.of("synthetic");

    @Test
    void momentFromTheSensorsFollowsTheTruth() throws IOException {
        Recording sensors = Recordings.read(DIR.resolve("synthetic-session.csv"));
        Recording truth = Recordings.read(DIR.resolve("synthetic-session.truth.csv"));
        FootGeometry geometry = FootGeometry.from(sensors.metadata(), Side.LEFT);
        double[] moment = PlantarFlexionMoment.momentNm(sensors.channel("left.insole.force_n").toDoubleArray(),
                sensors.channel("left.insole.cop_y_norm").toDoubleArray(), geometry);
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
        double fs = sensors.sampleRateHz();
        List<PlantarFlexionLoad> loads = new ArrayList<>();
        for (Stride stride : strides) {
            loads.add(PlantarFlexionLoading.window(moment, null, (int) Math.round(stride.startS() * fs),
                    (int) Math.round(stride.endS() * fs), fs, 0, PlantarFlexionSettings.DEFAULTS,
                    sensors.metadata().bodyMassKg()));
        }
        assertTrue(spikes.contains(true), "the shipped session plants a spike on a level stride");
        double massKg = sensors.metadata().bodyMassKg();
        for (int i = 0; i < loads.size(); i++) {
            double peak = loads.get(i).peakMomentNmPerKg();
            Stride stride = strides.get(i);
            double truePeakNm = 0;
            for (int k = (int) Math.round(stride.startS() * sensors.sampleRateHz());
                    k < Math.round(stride.endS() * sensors.sampleRateHz()); k++) {
                truePeakNm = Math.max(truePeakNm, trueMoment[k]);
            }
            double expected = truePeakNm / massKg;
            assertEquals(expected, peak, 0.1 * expected, "left level stride " + i + " (spike: " + spikes.get(i) + ")");
        }
        double ordinary = IntStream.range(0, loads.size()).filter(i -> !spikes.get(i))
                .mapToDouble(i -> loads.get(i).peakMomentNmPerKg()).average().orElseThrow();
        IntStream.range(0, loads.size()).filter(spikes::get).forEach(i -> assertTrue(
                loads.get(i).peakMomentNmPerKg() > 1.3 * ordinary, "the spike stride " + i + " stands out"));
    }

    @Test
    void calfRaisesAreTimedAndOnlyTheOneSecondOnesFlaggedTooFast() throws IOException {
        Recording sensors = Recordings.read(DIR.resolve("synthetic-session.csv"));
        List<String> lines = Files.readAllLines(DIR.resolve("synthetic-session.reps.csv"));
        List<double[]> truth = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            truth.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[4])});
        }
        int n = 0;
        double startAbs = 0;
        double endAbs = 0;
        double durBias = 0;
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] knee = JointAngleEstimator.flexionDeg(sensors, side, JointAngleSettings.defaults(sensors.sampleRateHz()))
                    .orElseThrow();
            List<CalfRaiseRepetition> reps = CalfRaiseAnalysis.analyze(side,
                    sensors.channel(side.label() + ".insole.force_n").samples(),
                    sensors.channel(side.label() + ".insole.cop_y_norm").samples(), null, knee, sensors.sampleRateHz(),
                    sensors.startTimeS(), sensors.metadata().bodyMassKg(), CalfRaiseSettings.DEFAULTS);
            assertEquals(truth.size(), reps.size(), side.label() + ": " + reps);
            for (int i = 0; i < reps.size(); i++) {
                CalfRaiseRepetition r = reps.get(i);
                double trueStartS = truth.get(i)[0];
                double trueEndS = truth.get(i)[1];
                // 2.5-s repetitions lift for 2.125 s, the 1-s ones for 0.85 s
                assertEquals(trueEndS - trueStartS < 2, r.tooFast(), side.label() + " rep " + i + ": " + r);
                assertEquals(trueStartS, r.startS(), 0.1, side.label() + " rep " + i + ": " + r);
                assertEquals(trueEndS, r.endS(), 0.1, side.label() + " rep " + i + ": " + r);
                n++;
                startAbs += Math.abs(r.startS() - trueStartS);
                endAbs += Math.abs(r.endS() - trueEndS);
                durBias += r.durationS() - (trueEndS - trueStartS);
            }
        }
        assertTrue(startAbs / n < 0.05 && endAbs / n < 0.06 && Math.abs(durBias / n) < 0.1,
                "start MAE " + startAbs / n + ", end MAE " + endAbs / n + ", duration bias " + durBias / n);
    }
}
