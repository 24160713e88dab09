package org.soleus.core.ankle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

final class PlantarFlexionStreamTest {

    @Test
    void streamingAndBatchAgreeOnRandomInput() {
        long seed = 20261125L;
        Random random = new Random(seed);
        int n = 2000;
        double fs = 100;
        double massKg = 72;
        double[] force = new double[n];
        double[] cop = new double[n];
        double[] ankle = new double[n];
        for (int i = 0; i < n; i++) {
            force[i] = random.nextDouble() < 0.01 ? Double.NaN : 900 * random.nextDouble() - 20;
            cop[i] = random.nextDouble() - 0.5;
            ankle[i] = 40 * random.nextDouble() - 15;
        }
        PlantarFlexionSettings settings = new PlantarFlexionSettings(FootGeometry.DEFAULT,
                AchillesMomentArm.ANGLE_DEPENDENT, 0.5);
        double[] moment = PlantarFlexionMoment.momentNm(force, cop, settings.geometry());
        double[] achilles = PlantarFlexionMoment.achillesForceN(moment, ankle, settings.momentArm());

        PlantarFlexionStream stream = new PlantarFlexionStream(settings, fs, massKg);
        int[] borders = {0, 137, 251, 700, 701, 1500, 2000};
        for (int b = 0; b + 1 < borders.length; b++) {
            stream.startStride(borders[b] / fs);
            for (int i = borders[b]; i < borders[b + 1]; i++) {
                stream.accept(force[i], cop[i], ankle[i]);
                assertEquals(moment[i], stream.momentNm(), 0, "moment at " + i + ", seed " + seed);
                assertEquals(achilles[i], stream.achillesForceN(), 0, "tendon force at " + i + ", seed " + seed);
            }
            PlantarFlexionLoad streamed = stream.finishStride();
            PlantarFlexionLoad batch = PlantarFlexionLoading.window(moment, achilles, borders[b], borders[b + 1], fs,
                    0, massKg, 0.5);
            assertEquals(batch.peakMomentNm(), streamed.peakMomentNm(), 0, "seed " + seed);
            assertEquals(batch.peakMomentTimeS(), streamed.peakMomentTimeS(), 1e-12, "seed " + seed);
            assertEquals(batch.peakAchillesBw(), streamed.peakAchillesBw(), 0, "seed " + seed);
            assertEquals(batch.impulseNms(), streamed.impulseNms(), 1e-9, "seed " + seed);
            assertEquals(batch.timeAboveS(), streamed.timeAboveS(), 1e-12, "seed " + seed);
            assertEquals(batch.missingSamples(), streamed.missingSamples(), "seed " + seed);
        }
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
