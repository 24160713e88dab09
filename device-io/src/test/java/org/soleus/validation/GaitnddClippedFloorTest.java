package org.soleus.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.InsoleGaitAnalyzer;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.Side;
import org.soleus.io.SampleData;
import org.soleus.io.format.GaitnddStrideTable;
import org.soleus.io.format.Recordings;
import org.soleus.io.format.Wfdb212Encoder;

/**
 * The gaitndd records as a footswitch whose unloaded level lies below its 12-bit ADC's range
 * writes them: each foot's codes shifted down so that its swing level (the 1st percentile) lies
 * 2 % of its range (1st to 99th percentile) below the ADC's lowest code, every code below the
 * range written as that lowest code, −2048, which format 212 also uses for invalid samples. Read
 * back through the WFDB reader, which takes runs of it between samples at the bottom for the
 * floor and gives the range's lowest value, the records' accuracy against the dataset's stride
 * tables ({@link GaitnddAccuracy}) may cost little: each fall is cut off where it reaches the
 * floor, and its toe off is that corner. Each run prints its figures.
 */
final class GaitnddClippedFloorTest {
    private static final Path DATA = SampleData.of("physionet-gaitndd");
    private static final int LOWEST_CODE = -2048;
    private static final int HIGHEST_CODE = 2047;
    private static final double SHARE_BELOW_RANGE = 0.02;
    private static final String[] FEET = {"left", "right"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"control1", "control2", "park1", "park2", "hunt1", "hunt2", "als1"})
    void aSwingLevelBelowTheAdcRangeCostsLittleAccuracy(String record) throws IOException {
        Recording published = Recordings.read(DATA.resolve(record + ".hea"));
        List<String> signalLines = Files.readAllLines(DATA.resolve(record + ".hea")).subList(1, 3);
        StringBuilder header = new StringBuilder(record + " 2 300 " + published.length() + "\n");
        for (int f = 0; f < FEET.length; f++) {
            // gaitndd's signal lines: file, format 212, gain, 12 bits, ADC zero 0 (the baseline), ...
            String[] fields = signalLines.get(f).trim().split("\\s+");
            double gain = Double.parseDouble(fields[2]);
            int[] codes = clipped(published.channel(FEET[f] + ".insole.force_au").samples(), gain);
            Files.write(dir.resolve(fields[0]), Wfdb212Encoder.encode(codes));
            header.append(fields[0]).append(" 212 ").append(fields[2]).append(" 12 0 ").append(codes[0]).append(' ')
                    .append(Wfdb212Encoder.checksum(codes)).append(" 0 ").append(FEET[f]).append("-foot\n");
        }
        Path clippedHeader = Files.writeString(dir.resolve(record + ".hea"), header);
        Recording clipped = Recordings.read(clippedHeader);
        double leftGain = Double.parseDouble(signalLines.get(0).trim().split("\\s+")[2]);
        assertEquals((LOWEST_CODE + 1) / leftGain,
                clipped.metadata().rangeMinimum(ChannelName.parse("left.insole.force_au")), 1e-6);
        assertTrue(clipped.warnings().stream().anyMatch(w -> w.contains("read as its lowest value")),
                "the reader takes the runs at the bottom for the floor: " + clipped.warnings());

        GaitAnalysis before = InsoleGaitAnalyzer.analyze(published, GaitSettings.defaults());
        GaitAnalysis after = InsoleGaitAnalyzer.analyze(clipped, GaitSettings.defaults());
        GaitnddStrideTable table = GaitnddStrideTable.read(DATA.resolve(record + ".ts"));
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            GaitnddAccuracy asPublished = GaitnddAccuracy.of(before, table, side);
            GaitnddAccuracy asClipped = GaitnddAccuracy.of(after, table, side);
            String context = record + " " + side.label() + ": published " + asPublished + "; clipped " + asClipped;
            System.out.println("gaitndd " + context);
            assertTrue(asClipped.matchedFraction() >= asPublished.matchedFraction() - 0.005, context);
            assertTrue(asClipped.strideMaeS() <= asPublished.strideMaeS() + 0.002, context);
            assertTrue(asClipped.stanceMaeS() <= asPublished.stanceMaeS() + 0.005, context);
            assertTrue(asClipped.swingMaeS() <= asPublished.swingMaeS() + 0.005, context);
        }
    }

    /** The foot's ADC codes shifted down so that its swing level lies below the range, clipped to it. */
    private static int[] clipped(float[] samples, double gain) {
        int[] codes = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            codes[i] = Float.isNaN(samples[i]) ? LOWEST_CODE : (int) Math.round(samples[i] * gain);
            assertTrue(Float.isNaN(samples[i]) || (float) (codes[i] / gain) == samples[i], "code of " + samples[i]);
        }
        int[] sorted = codes.clone();
        Arrays.sort(sorted);
        int low = sorted[(int) (0.01 * (sorted.length - 1))];
        int high = sorted[(int) (0.99 * (sorted.length - 1))];
        int shift = low - LOWEST_CODE + (int) Math.round(SHARE_BELOW_RANGE * (high - low));
        for (int i = 0; i < codes.length; i++) {
            codes[i] = Math.max(LOWEST_CODE, Math.min(HIGHEST_CODE, codes[i] - shift));
        }
        return codes;
    }
}
