package org.soleus.core.ankle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;
import org.soleus.core.synthetic.Activity;
import org.soleus.core.synthetic.SyntheticRecording;
import org.soleus.core.synthetic.SyntheticRecordingGenerator;
import org.soleus.core.synthetic.SyntheticSpec;
import org.soleus.core.synthetic.Terrain;
import org.soleus.core.synthetic.TruthStride;

final class PlantarFlexionStreamTest {
    private static final long SEED = 20261125L;

    /**
     * A walk (level, then stairs) fed one sample at a time, every sample from the first to the
     * last, one stream across all of a foot's strides, as a live recorder would feed it, gives
     * the figures that {@link PlantarFlexionLoading#window}, which both analyses run, gives for
     * each stride over the arrays. With an angle-dependent moment arm from the true ankle angle,
     * and dropouts in the moment.
     */
    @Test
    void streamFedSampleBySampleAgreesWithTheWindowOverArrays() {
        SyntheticRecording synthetic = SyntheticRecordingGenerator.generate(SyntheticSpec.of(List.of(
                new Activity.Standing(2), new Activity.Walking(20, 110, 1.34, Terrain.LEVEL),
                new Activity.Walking(15, 90, 0.6, Terrain.STAIRS_UP)), SEED));
        Recording rec = synthetic.sensors();
        double fs = rec.sampleRateHz();
        double massKg = rec.metadata().bodyMassKg();
        PlantarFlexionSettings settings = new PlantarFlexionSettings(FootGeometry.DEFAULT,
                AchillesMomentArm.ANGLE_DEPENDENT, PlantarFlexionSettings.DEFAULT_THRESHOLD_NM_PER_KG);
        Random random = new Random(SEED);
        int compared = 0;
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            double[] moment = PlantarFlexionMoment.momentNm(rec.channel(side.label() + ".insole.force_n").toDoubleArray(),
                    rec.channel(side.label() + ".insole.cop_y_norm").toDoubleArray(), settings.geometry());
            for (int i = 0; i < moment.length; i++) {
                if (random.nextDouble() < 0.01) {
                    moment[i] = Double.NaN;
                }
            }
            double[] ankle = synthetic.truth().channel(side.label() + ".ankle.plantarflexion_deg").toDoubleArray();
            List<int[]> strides = new ArrayList<>();
            for (TruthStride t : synthetic.strides()) {
                if (t.stride().side() == side) {
                    strides.add(new int[] {(int) Math.round(t.stride().startS() * fs),
                            (int) Math.round(t.stride().endS() * fs)});
                }
            }
            PlantarFlexionStream stream = new PlantarFlexionStream(settings, fs, massKg);
            List<PlantarFlexionLoad> streamed = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < moment.length; i++) {
                if (next > 0 && i == strides.get(next - 1)[1]) {
                    streamed.add(stream.finishStride());
                }
                if (next < strides.size() && i == strides.get(next)[0]) {
                    stream.startStride(i / fs);
                    next++;
                }
                stream.accept(moment[i], ankle[i]);
            }
            assertEquals(strides.size(), streamed.size(), side.label() + ": every stride ends within the walk");
            for (int k = 0; k < strides.size(); k++) {
                PlantarFlexionLoad window = PlantarFlexionLoading.window(moment, ankle, strides.get(k)[0],
                        strides.get(k)[1], fs, 0, settings, massKg);
                PlantarFlexionLoad s = streamed.get(k);
                String where = side.label() + " stride " + k + ", seed " + SEED;
                assertEquals(window.peakMomentTimeS(), s.peakMomentTimeS(), 1e-12, where);
                assertEquals(window, new PlantarFlexionLoad(s.peakMomentNm(), s.peakMomentNmPerKg(),
                        window.peakMomentTimeS(), s.peakAchillesN(), s.peakAchillesBw(), s.impulseNms(), s.timeAboveS(),
                        s.missingSamples()), where);
                compared++;
            }
        }
        assertTrue(compared >= 40, compared + " strides compared");
    }

    /** The figures of a short span, worked out by hand, through the array driver both analyses run. */
    @Test
    void windowFiguresWorkedOutByHand() {
        double[] moment = {7, Double.NaN, -5, 10, 40, 30, 20, 99};
        double[] ankle = {0, 0, 0, 0, 20, -40, 0, 0};
        PlantarFlexionSettings settings = new PlantarFlexionSettings(FootGeometry.DEFAULT,
                AchillesMomentArm.ANGLE_DEPENDENT, 0.5);
        // samples 1 … 6 at 100 Hz, the array starting at 10 s; 50 kg
        PlantarFlexionLoad load = PlantarFlexionLoading.window(moment, ankle, 1, 7, 100, 10, settings, 50);
        assertEquals(40, load.peakMomentNm(), 0);
        assertEquals(0.8, load.peakMomentNmPerKg(), 1e-15);
        assertEquals(10.04, load.peakMomentTimeS(), 1e-12);
        // the tendon force peaks where the arm is short: 30 N·m over 29.6 mm at 40° dorsiflexion
        // beats 40 N·m over 40.7 mm at 20° plantar flexion
        assertEquals(30 / 0.0296, load.peakAchillesN(), 1e-9);
        assertEquals(30 / 0.0296 / (50 * 9.80665), load.peakAchillesBw(), 1e-12);
        // the dorsiflexor moment adds nothing, the missing sample neither
        assertEquals((10 + 40 + 30 + 20) * 0.01, load.impulseNms(), 1e-12);
        // at or above 0.5 N·m/kg = 25 N·m: 40 and 30
        assertEquals(0.02, load.timeAboveS(), 1e-12);
        assertEquals(1, load.missingSamples());

        PlantarFlexionLoad unknownMass = PlantarFlexionLoading.window(moment, null, 1, 7, 100, 10, settings, Double.NaN);
        assertEquals(40 / 0.037, unknownMass.peakAchillesN(), 1e-9, "no ankle angle: the neutral arm");
        assertTrue(Double.isNaN(unknownMass.peakMomentNmPerKg()) && Double.isNaN(unknownMass.timeAboveS()));
        assertEquals(load.impulseNms(), unknownMass.impulseNms(), 0);
        PlantarFlexionLoad allMissing = PlantarFlexionLoading.window(moment, null, 1, 2, 100, 10, settings, 50);
        assertTrue(Double.isNaN(allMissing.peakMomentNm()) && Double.isNaN(allMissing.peakMomentTimeS()));
        assertEquals(1, allMissing.missingSamples());
        assertThrows(IllegalArgumentException.class,
                () -> PlantarFlexionLoading.window(moment, null, 3, 3, 100, 10, settings, 50));
    }

    @Test
    void momentFollowsTheMoticonLeverConvention() {
        FootGeometry g = new FootGeometry(0.28, 0.055);
        // CoP at the toe tip: lever 0.28 − 0.055 = 0.225 m
        assertEquals(700 * 0.225, PlantarFlexionMoment.momentNm(700, 0.5, g), 1e-12);
        // CoP at the back of the heel: a dorsiflexor moment
        assertEquals(-700 * 0.055, PlantarFlexionMoment.momentNm(700, -0.5, g), 1e-12);
        assertEquals(0, PlantarFlexionMoment.achillesForceN(-10, Double.NaN, AchillesMomentArm.DEFAULT));
        assertEquals(100 / 0.037, PlantarFlexionMoment.achillesForceN(100, Double.NaN, AchillesMomentArm.DEFAULT), 1e-9);
        assertEquals(0.037 * 1.1, AchillesMomentArm.ANGLE_DEPENDENT.atM(20), 1e-12);
        assertTrue(Double.isNaN(PlantarFlexionMoment.momentNm(Double.NaN, 0, g)));
    }

    /** A centre of pressure half an insole off the insole (a garbled sample, a channel in percent) gives no moment. */
    @Test
    void aCentreOfPressureFarOffTheInsoleGivesNoMoment() {
        FootGeometry g = new FootGeometry(0.28, 0.055);
        assertEquals(700 * (0.28 * 1.5 - 0.055), PlantarFlexionMoment.momentNm(700, 1.0, g), 1e-9, "still on the scale");
        assertTrue(Double.isNaN(PlantarFlexionMoment.momentNm(700, 1.01, g)));
        assertTrue(Double.isNaN(PlantarFlexionMoment.momentNm(12, 1e6, g)), "12 N at a garbled 1e6 is no 46 000 N·m/kg");
        assertTrue(Double.isNaN(PlantarFlexionMoment.momentNm(700, -45.5, g)), "percent");
    }

    @Test
    void geometryComesFromTheMetadataWhenItSaysSo() {
        RecordingMetadata eu42 = new RecordingMetadata(70, Map.of(), Map.of("insole_size", "42"));
        FootGeometry g = FootGeometry.from(eu42, Side.LEFT);
        assertEquals(0.28, g.insoleLengthM(), 1e-12);
        assertEquals(0.055 * 0.28 / 0.27, g.heelToAnkleM(), 1e-12);
        RecordingMetadata vendorCode = new RecordingMetadata(70, Map.of(), Map.of("insole_size", "7"));
        assertEquals(FootGeometry.DEFAULT, FootGeometry.from(vendorCode, Side.LEFT));
        RecordingMetadata stated = new RecordingMetadata(70, Map.of(), Map.of("insole_length_m", "0.25"));
        assertEquals(0.25, FootGeometry.from(stated, Side.RIGHT).insoleLengthM(), 1e-12);
        RecordingMetadata both = stated.withProperty("heel_to_ankle_m", "0.05");
        assertEquals(new FootGeometry(0.25, 0.05), FootGeometry.from(both, Side.RIGHT));
        assertThrows(IllegalArgumentException.class, () -> new FootGeometry(270, 0.055));
    }
}
