package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;

final class CellAggregationTest {
    private static final InsoleLayout LAYOUT = new InsoleLayout("au", Double.NaN, List.of(
            new InsoleCell("cell01", 0, -800, Double.NaN),
            new InsoleCell("cell02", -200, -400, Double.NaN),
            new InsoleCell("cell03", 200, 0, Double.NaN),
            new InsoleCell("cell04", 0, 800, Double.NaN)));

    @Test
    void summarisesCellsAsAForceWeightedCentreAndHeelForce() {
        Recording r = recording(new float[][] {{100, 0, 0, 300}, {0, 0, 0, 0}, {50, 50, Float.NaN, 0}});
        Recording s = CellAggregation.summarise(r);
        float[] heel = s.channel("left.insole.heel_force_n").samples();
        float[] copX = s.channel("left.insole.cop_x_au").samples();
        float[] copY = s.channel("left.insole.cop_y_au").samples();
        // heel region: rear 30 % of the span -800..800, i.e. y <= -320: only cell01
        assertEquals(100f, heel[0]);
        assertEquals(0f, copX[0]);
        assertEquals((100 * -800 + 300 * 800) / 400f, copY[0]);
        assertEquals(0f, heel[1]);
        assertTrue(Float.isNaN(copY[1]), "unloaded insole has no centre of pressure");
        assertTrue(Float.isNaN(heel[2]) && Float.isNaN(copX[2]), "a missing cell makes the summary missing");
        assertFalse(s.find("left.insole.cell01_n").isPresent());
        assertTrue(s.find("left.insole.force_n").isPresent());
    }

    @Test
    void streamingSinkAndBatchDriverAgreeOnRandomCells() {
        long seed = 7L;
        Random random = new Random(seed);
        float[][] rows = new float[500][4];
        for (float[] row : rows) {
            for (int c = 0; c < 4; c++) {
                row[c] = random.nextFloat() < 0.2f ? 0 : 400 * random.nextFloat();
            }
        }
        Recording r = recording(rows);
        Recording batch = CellAggregation.summarise(r);
        List<float[]> streamed = new ArrayList<>();
        CellAggregatingSink sink = new CellAggregatingSink(new org.soleus.core.recording.SampleSink() {
            @Override
            public void start(org.soleus.core.recording.RecordingHeader header) {
                assertEquals(batch.channelNames(), header.channels(), "seed " + seed);
            }

            @Override
            public void accept(float[] row) {
                streamed.add(row.clone());
            }

            @Override
            public void end(List<String> warnings) {
            }
        });
        sink.start(new org.soleus.core.recording.RecordingHeader(r.source(), r.sampleRateHz(), 0, r.channelNames(),
                r.metadata()));
        float[] row = new float[r.channels().size()];
        for (int i = 0; i < r.length(); i++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = r.channels().get(c).get(i);
            }
            sink.accept(row);
        }
        sink.end(List.of());
        for (int c = 0; c < batch.channels().size(); c++) {
            for (int i = 0; i < r.length(); i++) {
                assertEquals(batch.channels().get(c).get(i), streamed.get(i)[c], "seed " + seed + " sample " + i);
            }
        }
    }

    private static Recording recording(float[][] rows) {
        List<Channel> channels = new ArrayList<>();
        float[] total = new float[rows.length];
        for (int c = 0; c < 4; c++) {
            float[] data = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                data[i] = rows[i][c];
                total[i] += Float.isNaN(rows[i][c]) ? 0 : rows[i][c];
            }
            channels.add(new Channel(ChannelName.parse(String.format("left.insole.cell%02d_n", c + 1)), data));
        }
        channels.add(new Channel(ChannelName.parse("left.insole.force_n"), total));
        return new Recording("test", 100, 0, channels, new RecordingMetadata(70, Map.of(Side.LEFT, LAYOUT), Map.of()),
                List.of());
    }
}
