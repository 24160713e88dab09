package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;

final class ForceRangeTest {
    private static final List<ChannelName> NAMES = List.of(ChannelName.parse("left.insole.force_n"),
            ChannelName.parse("left.insole.heel_force_n"), ChannelName.parse("left.insole.cop_y_norm"),
            ChannelName.parse("right.insole.force_au"), ChannelName.parse("right.insole.cell01_n"),
            ChannelName.parse("right.insole.force_n"));
    private static final RecordingMetadata SEVENTY_KG = RecordingMetadata.EMPTY.withBodyMassKg(70);

    @Test
    void theLimitIsTwentyBodyWeightsEitherWay() {
        double maxN = ForceRange.maxForceN(70);
        assertEquals(20 * 70 * 9.80665, maxN, 1e-9);
        assertTrue(ForceRange.beyond(maxN + 0.01, maxN));
        assertTrue(ForceRange.beyond(-maxN - 0.01, maxN));
        assertFalse(ForceRange.beyond(maxN, maxN));
        assertTrue(ForceRange.beyond(Double.POSITIVE_INFINITY, maxN));
        assertFalse(ForceRange.beyond(Double.NaN, maxN), "missing stays missing");
        assertEquals(Double.POSITIVE_INFINITY, ForceRange.maxForceN(RecordingMetadata.EMPTY), "no mass, no limit");
        assertFalse(ForceRange.beyond(1e30, ForceRange.maxForceN(Double.NaN)));
    }

    @Test
    void appliesToTheInsoleForceInNewtonsOnly() {
        assertEquals(List.of(true, false, false, false, false, true), NAMES.stream().map(ForceRange::applies).toList());
        assertFalse(ForceRange.applies(ChannelName.parse("left.foot.force_n")));
    }

    /** The recording driver and the stream's sink take out the same samples; nothing else changes. */
    @Test
    void aRecordingAndAStreamLoseTheSameSamples() {
        Random random = new Random(71);
        int n = 2000;
        float[][] columns = new float[NAMES.size()][n];
        for (float[] column : columns) {
            for (int i = 0; i < n; i++) {
                int draw = random.nextInt(50);
                column[i] = draw == 0 ? 1e8f : draw == 1 ? -2e4f : draw == 2 ? Float.NaN : 800 * random.nextFloat();
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < NAMES.size(); c++) {
            channels.add(new Channel(NAMES.get(c), columns[c].clone()));
        }
        Recording recording = new Recording("walk", 100, 0, channels, SEVENTY_KG, List.of());
        ForceRange.Cleaned cleaned = ForceRange.clean(recording);

        List<float[]> streamed = new ArrayList<>();
        ForceRangeSink sink = new ForceRangeSink(new SampleSink() {
            @Override
            public void start(RecordingHeader header) {
            }

            @Override
            public void accept(float[] row) {
                streamed.add(row.clone());
            }

            @Override
            public void end(List<String> warnings) {
            }
        });
        sink.start(new RecordingHeader("walk", 100, 0, NAMES, SEVENTY_KG));
        float[] row = new float[NAMES.size()];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = columns[c][i];
            }
            sink.accept(row);
            assertEquals(columns[0][i], row[0], "the caller's row is left as it is");
        }
        sink.end(List.of());

        for (int c = 0; c < NAMES.size(); c++) {
            float[] samples = cleaned.recording().channel(NAMES.get(c).toString()).samples();
            int nan = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(samples[i]), Float.floatToIntBits(streamed.get(i)[c]), NAMES.get(c) + " row " + i);
                boolean out = Math.abs(columns[c][i]) > ForceRange.maxForceN(70);
                assertEquals(out && ForceRange.applies(NAMES.get(c)) ? Float.NaN : columns[c][i], samples[i], NAMES.get(c) + " row " + i);
                nan += out ? 1 : 0;
            }
            assertEquals(ForceRange.applies(NAMES.get(c)) ? nan : null, cleaned.replaced().get(NAMES.get(c)), NAMES.get(c).toString());
        }
        assertEquals(List.of(NAMES.get(0), NAMES.get(5)), List.copyOf(cleaned.replaced().keySet()));
    }

    @Test
    void aRecordingWithinTheRangeIsKeptAsItIs() {
        Recording recording = new Recording("walk", 100, 0, List.of(new Channel(NAMES.get(0), new float[] {0, 700, 13000})),
                SEVENTY_KG, List.of());
        ForceRange.Cleaned cleaned = ForceRange.clean(recording);
        assertSame(recording, cleaned.recording());
        assertEquals(Map.of(), cleaned.replaced());
        assertNull(cleaned.notice());
    }
}
