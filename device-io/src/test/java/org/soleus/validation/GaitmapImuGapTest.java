package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.ImuSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.Recordings;

/**
 * The gaitmap example recording with the rows of samples 1000–1099 (4.88–5.37 s) deleted, which
 * the reader fills with NaN: a gap before the left foot's sagittal axis is known (its four
 * strides before the gap do not show the sign clearly enough). Only the events within the gap
 * are lost, on both feet; every stride away from it is found as in the whole recording, and
 * the strides across it are rejected as missing data.
 */
final class GaitmapImuGapTest {
    private static final Path DATA = SampleData.of("gaitmap-example", "imu_sample.csv");
    private static final ReadOptions RATE = new ReadOptions(null, 204.8, Double.NaN);
    private static final int GAP_FROM = 1000;
    private static final int GAP_TO = 1100;
    private static final double MATCH_S = 0.005;

    @TempDir
    Path dir;

    @Test
    void aGapBeforeCalibrationLosesOnlyWhatFallsInIt() throws IOException {
        Recording whole = Recordings.read(DATA, RATE);
        Recording gapped = Recordings.read(withoutRows(), RATE);
        assertEquals(whole.length(), gapped.length());
        double gapFromS = GAP_FROM / whole.sampleRateHz();
        double gapToS = GAP_TO / whole.sampleRateHz();

        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            List<GaitEvent> all = events(whole, side);
            List<GaitEvent> kept = events(gapped, side);
            List<GaitEvent> outside = all.stream().filter(e -> e.timeS() < gapFromS || e.timeS() >= gapToS).toList();
            assertEquals(outside.size(), kept.size(), side + ": events at " + times(kept) + " s, of the whole recording at "
                    + times(all) + " s");
            for (GaitEvent e : outside) {
                assertTrue(kept.stream().anyMatch(k -> k.type() == e.type() && Math.abs(k.timeS() - e.timeS()) <= MATCH_S),
                        side + ": " + e + " is lost; found " + kept);
            }
        }

        GaitAnalysis a = InsoleGaitAnalyzer.analyze(whole, GaitSettings.defaults(), ImuSettings.defaults());
        GaitAnalysis b = InsoleGaitAnalyzer.analyze(gapped, GaitSettings.defaults(), ImuSettings.defaults());
        for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
            List<Stride> found = strides(b, side);
            for (Stride s : strides(a, side)) {
                if (s.endS() < gapFromS || s.startS() > gapToS) {
                    assertTrue(found.stream().anyMatch(f -> Math.abs(f.startS() - s.startS()) <= MATCH_S
                            && Math.abs(f.endS() - s.endS()) <= MATCH_S), side + ": stride " + s + " is lost");
                } else {
                    assertFalse(found.stream().anyMatch(f -> f.startS() <= gapToS && f.endS() >= gapFromS),
                            side + ": a stride across the gap is kept");
                }
            }
            assertTrue(b.rejected().stream().anyMatch(r -> r.side() == side
                            && r.reason() == RejectedStride.Reason.MISSING_DATA
                            && r.startS() <= gapFromS && r.endS() >= gapToS),
                    side + ": the stride across the gap is not rejected as missing data: " + b.rejected());
        }
    }

    /** A copy of the recording without the rows of samples {@code GAP_FROM} to {@code GAP_TO − 1}. */
    private Path withoutRows() throws IOException {
        List<String> lines = Files.readAllLines(DATA);
        List<String> out = new ArrayList<>(lines.subList(0, 2));
        for (String line : lines.subList(2, lines.size())) {
            int index = Integer.parseInt(line.substring(0, line.indexOf(',')));
            if (index < GAP_FROM || index >= GAP_TO) {
                out.add(line);
            }
        }
        return Files.write(dir.resolve("imu_gap.csv"), out);
    }

    private static List<GaitEvent> events(Recording r, Side side) {
        return InsoleGaitAnalyzer.analyze(r, GaitSettings.defaults(), ImuSettings.defaults()).events().stream()
                .filter(e -> e.side() == side).toList();
    }

    private static String times(List<GaitEvent> events) {
        return events.stream().map(e -> String.format("%.3f", e.timeS())).toList().toString();
    }

    private static List<Stride> strides(GaitAnalysis a, Side side) {
        return a.strides().stream().map(StrideResult::stride).filter(s -> s.side() == side).toList();
    }
}
