package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.Side;
import org.soleus.io.format.GaitnddStrideTable;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.WfdbReader;

/**
 * Strides detected on the PhysioNet gaitndd footswitch records against the dataset's {@code .ts}
 * stride tables. Each true stride is matched to the detected stride of the same foot whose end
 * is nearest, within 0.7 s; then the mean absolute errors of stride, stance and swing time.
 *
 * <p>The table gives the left stride's end ({@code elapsed}); the right stride on the same row
 * is the one that ends before it, at a time the table does not give. Its end is placed at the
 * median, over the eleven neighbouring rows, of the offset from the left contact back to the
 * latest detected right contact: one offset per neighbourhood, not per stride, so a detection
 * error still shows as an error.
 *
 * <p>Targets of the recorded-walks issue: at least 97 % matched, stride time within 10 ms,
 * stance and swing within 20 ms (mean absolute error). The assertions below are the levels the
 * current detector is held to (see the figures each run prints); where they are looser than the
 * targets (stance and swing), the targets are not met yet.
 */
final class GaitnddValidationTest {
    private static final Path DATA = Path.of("..", "sample-data", "physionet-gaitndd");
    private static final double MATCH_WINDOW_S = 0.7;

    @ParameterizedTest
    @ValueSource(strings = {"control1", "control2", "park1", "park2", "hunt1", "hunt2", "als1"})
    void stridesMatchTheDatasetGroundTruth(String record) throws IOException {
        RecordingBuilder builder = new RecordingBuilder();
        new WfdbReader().read(DATA.resolve(record + ".hea"), ReadOptions.DEFAULTS, builder);
        GaitAnalysis analysis = InsoleGaitAnalyzer.analyze(builder.build(), GaitSettings.defaults());
        GaitnddStrideTable table = GaitnddStrideTable.read(DATA.resolve(record + ".ts"));

        Accuracy left = match(strides(analysis, Side.LEFT), table, Side.LEFT);
        Accuracy right = match(strides(analysis, Side.RIGHT), table, Side.RIGHT);
        System.out.printf("gaitndd %-8s left %s | right %s%n", record, left, right);

        for (Accuracy a : List.of(left, right)) {
            String context = record + " " + a;
            assertTrue(a.matchedFraction() >= 0.97, context);
            assertTrue(a.strideMaeS() <= 0.010, context);
            assertTrue(a.stanceMaeS() <= 0.022, context);
            assertTrue(a.swingMaeS() <= 0.022, context);
        }
    }

    private static List<Stride> strides(GaitAnalysis analysis, Side side) {
        return analysis.strides().stream().map(StrideResult::stride).filter(s -> s.side() == side).toList();
    }

    private static Accuracy match(List<Stride> detected, GaitnddStrideTable table, Side side) {
        double[] ends = side == Side.LEFT ? leftEnds(table) : rightEnds(table, detected);
        int matched = 0;
        double strideErr = 0;
        double stanceErr = 0;
        double swingErr = 0;
        for (int k = 0; k < table.size(); k++) {
            GaitnddStrideTable.Stride truth = table.get(k);
            Stride nearest = nearestByEnd(detected, ends[k]);
            if (nearest == null || Math.abs(nearest.endS() - ends[k]) > MATCH_WINDOW_S) {
                continue;
            }
            matched++;
            double strideS = side == Side.LEFT ? truth.leftStrideS() : truth.rightStrideS();
            double stanceS = side == Side.LEFT ? truth.leftStanceS() : truth.rightStanceS();
            double swingS = side == Side.LEFT ? truth.leftSwingS() : truth.rightSwingS();
            strideErr += Math.abs(nearest.strideS() - strideS);
            stanceErr += Math.abs(nearest.stanceS() - stanceS);
            swingErr += Math.abs(nearest.swingS() - swingS);
        }
        return new Accuracy((double) matched / table.size(), strideErr / matched, stanceErr / matched,
                swingErr / matched);
    }

    private static double[] leftEnds(GaitnddStrideTable table) {
        return table.strides().stream().mapToDouble(GaitnddStrideTable.Stride::elapsedS).toArray();
    }

    private static double[] rightEnds(GaitnddStrideTable table, List<Stride> detectedRight) {
        int n = table.size();
        double[] offsets = new double[n];
        for (int k = 0; k < n; k++) {
            double elapsed = table.get(k).elapsedS();
            double latest = Double.NaN;
            for (Stride s : detectedRight) {
                if (s.endS() <= elapsed + 0.02) {
                    latest = s.endS();
                }
            }
            offsets[k] = elapsed - latest;
        }
        double[] ends = new double[n];
        for (int k = 0; k < n; k++) {
            double[] window = Arrays.stream(offsets, Math.max(0, k - 5), Math.min(n, k + 6))
                    .filter(v -> !Double.isNaN(v)).sorted().toArray();
            double median = window.length == 0 ? 0 : window[window.length / 2];
            ends[k] = table.get(k).elapsedS() - median;
        }
        return ends;
    }

    private static Stride nearestByEnd(List<Stride> strides, double endS) {
        Stride best = null;
        for (Stride s : strides) {
            if (best == null || Math.abs(s.endS() - endS) < Math.abs(best.endS() - endS)) {
                best = s;
            }
        }
        return best;
    }

    /** Matched share and mean absolute errors in seconds. */
    private record Accuracy(double matchedFraction, double strideMaeS, double stanceMaeS, double swingMaeS) {
        @Override
        public String toString() {
            return String.format("matched %.1f %%, stride %.1f ms, stance %.1f ms, swing %.1f ms",
                    100 * matchedFraction, 1000 * strideMaeS, 1000 * stanceMaeS, 1000 * swingMaeS);
        }
    }
}
