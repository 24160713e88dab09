package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.ImuSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.recording.Recording;
import org.soleus.io.SampleData;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;

/**
 * The gait analysis with foot-worn IMUs on real recordings: Moticon OpenGo insoles, whose IMU
 * sits in the insole (events of insole and gyroscope combined), and the gaitmap example (foot
 * IMUs only). Each test prints one line of figures.
 */
final class ImuGaitAnalysisTest {
    private static final Path MOTICON = SampleData.of("moticon-opengo");
    private static final Path GAITMAP = SampleData.of("gaitmap-example", "imu_sample.csv");

    @ParameterizedTest
    @ValueSource(strings = {"230927_102114.txt", "230927_102231.txt"})
    void insoleEventsAreConfirmedAndTimedByTheInsoleGyroscope(String file) throws IOException {
        Recording recording = Recordings.read(MOTICON.resolve(file), new ReadOptions(null, Double.NaN, 70.0));
        GaitAnalysis insoleOnly = InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults());
        GaitAnalysis combined = InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults(), ImuSettings.defaults());

        assertTrue(insoleOnly.events().stream().allMatch(e -> e.source() == EventSource.INSOLE));
        long paired = count(combined.events(), EventSource.INSOLE_IMU);
        long insoleAlone = count(combined.events(), EventSource.INSOLE);
        long imuAlone = count(combined.events(), EventSource.IMU);
        double heelStrikeShiftMs = meanShiftMs(insoleOnly.events(), combined.events(), GaitEventType.HEEL_STRIKE);
        double toeOffShiftMs = meanShiftMs(insoleOnly.events(), combined.events(), GaitEventType.TOE_OFF);
        String figures = String.format("moticon %s with IMUs: %d events (%d insole+imu, %d insole, %d imu);"
                        + " gyroscope moved heel strikes by %+.1f ms, toe offs by %+.1f ms; strides %d (insole alone %d)",
                file, combined.events().size(), paired, insoleAlone, imuAlone, heelStrikeShiftMs, toeOffShiftMs,
                combined.strides().size(), insoleOnly.strides().size());
        System.out.println(figures);

        assertEquals(insoleOnly.events().size(), paired + insoleAlone + imuAlone, figures);
        assertEquals(0, imuAlone, figures + ": the insoles have no gaps");
        // The insoles also see weight shifts while standing before and after the walk, which the
        // gyroscope does not: those stay insole events.
        assertTrue(paired >= 0.75 * insoleOnly.events().size(), figures);
        assertTrue(combined.strides().size() >= insoleOnly.strides().size(), figures);
        assertTrue(combined.strides().stream().allMatch(s -> s.loading() != null), figures);
        assertTrue(heelStrikeShiftMs < 0 && toeOffShiftMs > 0,
                figures + ": the gyroscope sees contact earlier and release later than the insole");
    }

    @Test
    void footImusAloneGiveStridesWithoutLoading() throws IOException {
        Recording recording = Recordings.read(GAITMAP, new ReadOptions(null, 204.8, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults()));
        GaitAnalysis analysis = InsoleGaitAnalyzer.analyze(recording, GaitSettings.defaults(), ImuSettings.defaults());
        double meanStrideS = analysis.strides().stream().mapToDouble(r -> r.stride().strideS()).average().orElseThrow();
        System.out.printf("gaitmap IMUs alone: %d events, %d strides, mean stride %.3f s, cadence %.1f steps/min%n",
                analysis.events().size(), analysis.strides().size(), meanStrideS, analysis.session().cadenceStepsPerMin());
        assertTrue(analysis.events().stream().allMatch(e -> e.source() == EventSource.IMU));
        assertTrue(analysis.strides().size() >= 50, analysis.strides().size() + " strides");
        assertTrue(meanStrideS > 1.0 && meanStrideS < 1.2, "mean stride " + meanStrideS + " s");
        for (StrideResult r : analysis.strides()) {
            assertNull(r.loading());
        }
        assertEquals(2, analysis.sides().size());
    }

    private static long count(List<GaitEvent> events, EventSource source) {
        return events.stream().filter(e -> e.source() == source).count();
    }

    /** Mean time shift of the combined events from the insole events they replace. */
    private static double meanShiftMs(List<GaitEvent> insole, List<GaitEvent> combined, GaitEventType type) {
        double sum = 0;
        int n = 0;
        for (GaitEvent c : combined) {
            if (c.type() != type || c.source() != EventSource.INSOLE_IMU) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (GaitEvent i : insole) {
                if (i.side() == c.side() && i.type() == type && Math.abs(c.timeS() - i.timeS()) < Math.abs(best)) {
                    best = c.timeS() - i.timeS();
                }
            }
            sum += best;
            n++;
        }
        return 1000 * sum / n;
    }
}
