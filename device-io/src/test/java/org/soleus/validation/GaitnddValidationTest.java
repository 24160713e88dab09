package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;
import org.soleus.io.format.GaitnddStrideTable;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.WfdbReader;

/**
 * Strides detected on the PhysioNet gaitndd footswitch records against the dataset's {@code .ts}
 * stride tables ({@link GaitnddAccuracy}).
 *
 * <p>The project's accuracy targets for recorded walks: at least 97 % matched, stride time within 10 ms,
 * stance and swing within 20 ms (mean absolute error). Every foot is held to them except the
 * right foot of hunt2, which misses the stance and swing target (20.4 ms each, see the
 * figures each run prints) and is held to {@value #HUNT2_RIGHT_LIMIT_S} s against regressions;
 * the test fails too once that foot meets the target, so that the exception and the README's
 * account of the miss go with it. Each foot's detected strides that no stride of the table was
 * matched to may be no more than the share of the table's strides that may go unmatched.
 */
final class GaitnddValidationTest {
    private static final Path DATA = SampleData.of("physionet-gaitndd");
    /** The share of the table's strides to be matched. */
    private static final double MATCHED_TARGET = 0.97;
    /** The stride-time target, s. */
    private static final double STRIDE_TARGET_S = 0.010;
    /** The stance and swing target, s. */
    private static final double PHASE_TARGET_S = 0.020;
    /** The known shortfall: hunt2's right foot's stance and swing limit, s. */
    private static final double HUNT2_RIGHT_LIMIT_S = 0.021;

    @ParameterizedTest
    @ValueSource(strings = {"control1", "control2", "park1", "park2", "hunt1", "hunt2", "als1"})
    void stridesMatchTheDatasetGroundTruth(String record) throws IOException {
        GaitAnalysis analysis = analysis(record);
        GaitnddStrideTable table = table(record);

        GaitnddAccuracy left = GaitnddAccuracy.of(analysis, table, Side.LEFT);
        GaitnddAccuracy right = GaitnddAccuracy.of(analysis, table, Side.RIGHT);
        System.out.printf("gaitndd %-8s left %s | right %s%n", record, left, right);

        for (GaitnddAccuracy a : List.of(left, right)) {
            String context = record + " " + a;
            double phaseLimitS = record.equals("hunt2") && a == right ? HUNT2_RIGHT_LIMIT_S : PHASE_TARGET_S;
            assertTrue(a.matchedFraction() >= MATCHED_TARGET, context);
            assertTrue(a.strideMaeS() <= STRIDE_TARGET_S, context);
            assertTrue(a.stanceMaeS() <= phaseLimitS, context);
            assertTrue(a.swingMaeS() <= phaseLimitS, context);
            assertTrue(a.extraFraction() <= 1 - MATCHED_TARGET, context);
        }
        if (record.equals("hunt2")) {
            assertTrue(right.stanceMaeS() > PHASE_TARGET_S || right.swingMaeS() > PHASE_TARGET_S,
                    "hunt2 right now meets the stance and swing target (" + right + "): hold it to the target like"
                            + " every other foot, and take the known miss out of the README");
        }
    }

    /**
     * The left foot's events where the table times them ({@link GaitnddEventTiming}), so that a
     * detector early or late throughout, whose durations would still match, fails: as many of the
     * table's heel strikes found as of its strides matched, within the stride-time target on average,
     * and no more detected strides that the table lacks than the share of its strides that may go
     * unmatched; the toe offs within the heel strike's and the stance's targets together of the
     * table's (what those two targets allow them).
     */
    @ParameterizedTest
    @ValueSource(strings = {"control1", "control2", "park1", "park2", "hunt1", "hunt2", "als1"})
    void leftEventsLieWhereTheTableTimesThem(String record) throws IOException {
        GaitnddEventTiming timing = GaitnddEventTiming.ofLeftFoot(analysis(record), table(record));
        System.out.printf("gaitndd %-8s %s%n", record, timing);
        assertTrue(timing.heelStrikesFound() >= MATCHED_TARGET, record + " " + timing);
        assertTrue(timing.heelStrikeMaeS() <= STRIDE_TARGET_S, record + " " + timing);
        assertTrue(timing.extraStrideFraction() <= 1 - MATCHED_TARGET, record + " " + timing);
        assertTrue(timing.toeOffMaeS() <= STRIDE_TARGET_S + PHASE_TARGET_S, record + " " + timing);
    }

    /** The record's strides, analysed with the default settings. */
    private static GaitAnalysis analysis(String record) throws IOException {
        RecordingBuilder builder = new RecordingBuilder();
        new WfdbReader().read(DATA.resolve(record + ".hea"), ReadOptions.DEFAULTS, builder);
        return InsoleGaitAnalyzer.analyze(builder.build(), GaitSettings.defaults());
    }

    private static GaitnddStrideTable table(String record) throws IOException {
        return GaitnddStrideTable.read(DATA.resolve(record + ".ts"));
    }
}
