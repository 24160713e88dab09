package org.soleus.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.Channel;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
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
        // heel region: rear 30 % of the span -800..800, i.e. y <= -320: cell01 and cell02 (unloaded here)
        assertEquals(100f, heel[0]);
        assertEquals(0f, copX[0]);
        assertEquals((100 * -800 + 300 * 800) / 400f, copY[0]);
        assertEquals(0f, heel[1]);
        assertTrue(Float.isNaN(copY[1]), "unloaded insole has no centre of pressure");
        assertTrue(Float.isNaN(heel[2]) && Float.isNaN(copX[2]), "a missing cell makes the summary missing");
        assertFalse(s.find("left.insole.cell01_n").isPresent());
        assertTrue(s.find("left.insole.force_n").isPresent());
    }

    /**
     * Random cell forces (a fifth unloaded, some slightly negative as a drifted cell reads) through
     * the batch driver and through the sink fed row by row, each against the sums written out from
     * the positions in {@link #LAYOUT}, not from the aggregator's code: the heel region ends
     * 30 % of the span -800..800 forward of the rearmost cell, at y = -320, so it holds cell01
     * (y = -800) and cell02 (y = -400) but not cell03 (y = 0) or cell04 (y = 800); the CoP is the
     * force-weighted mean position of the cells with a positive force, so cell01 and cell04
     * (x = 0) drop out of its x and cell03 (y = 0) out of its y.
     */
    @Test
    void batchAndStreamedSummariesEqualTheSumsOverTheLayoutOnRandomCells() {
        long seed = 7L;
        Random random = new Random(seed);
        float[][] rows = new float[500][4];
        for (float[] row : rows) {
            for (int c = 0; c < 4; c++) {
                double u = random.nextDouble();
                row[c] = u < 0.2 ? 0 : u < 0.3 ? -5 * random.nextFloat() : 400 * random.nextFloat();
            }
        }
        rows[0] = new float[] {0, -3, 0, 0};
        Recording r = recording(rows);
        ChannelName total = ChannelName.parse("left.insole.force_n");
        ChannelName heel = ChannelName.parse("left.insole.heel_force_n");
        ChannelName copX = ChannelName.parse("left.insole.cop_x_au");
        ChannelName copY = ChannelName.parse("left.insole.cop_y_au");
        List<ChannelName> summaryNames = List.of(total, heel, copX, copY);

        Recording batch = CellAggregation.summarise(r);
        assertEquals(summaryNames, batch.channelNames(), "the cells give way to their summary, after the others");

        List<ChannelName> streamedNames = new ArrayList<>();
        List<float[]> streamed = new ArrayList<>();
        CellAggregatingSink sink = new CellAggregatingSink(new SampleSink() {
            @Override
            public void start(RecordingHeader header) {
                streamedNames.addAll(header.channels());
            }

            @Override
            public void accept(float[] row) {
                streamed.add(row.clone());
            }

            @Override
            public void end(List<String> warnings) {
            }
        });
        sink.start(new RecordingHeader(r.source(), r.sampleRateHz(), 0, r.channelNames(), r.metadata()));
        float[] row = new float[r.channels().size()];
        for (int i = 0; i < r.length(); i++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = r.channels().get(c).get(i);
            }
            sink.accept(row);
        }
        sink.end(List.of());
        assertEquals(summaryNames, streamedNames);
        assertEquals(rows.length, streamed.size());

        float[] inputTotal = r.find(total).orElseThrow().samples();
        float[] batchTotal = batch.find(total).orElseThrow().samples();
        float[] batchHeel = batch.find(heel).orElseThrow().samples();
        float[] batchX = batch.find(copX).orElseThrow().samples();
        float[] batchY = batch.find(copY).orElseThrow().samples();
        int unloaded = 0;
        for (int i = 0; i < rows.length; i++) {
            double f1 = Math.max(0, rows[i][0]);
            double f2 = Math.max(0, rows[i][1]);
            double f3 = Math.max(0, rows[i][2]);
            double f4 = Math.max(0, rows[i][3]);
            double sum = f1 + f2 + f3 + f4;
            double expectedHeel = f1 + f2;
            double expectedX = sum > 0 ? (-200 * f2 + 200 * f3) / sum : Double.NaN;
            double expectedY = sum > 0 ? (-800 * f1 - 400 * f2 + 800 * f4) / sum : Double.NaN;
            unloaded += sum > 0 ? 0 : 1;
            String where = "seed " + seed + " sample " + i + " " + Arrays.toString(rows[i]);
            assertSummary(expectedHeel, expectedX, expectedY, batchHeel[i], batchX[i], batchY[i], "batch, " + where);
            float[] out = streamed.get(i);
            assertSummary(expectedHeel, expectedX, expectedY, out[1], out[2], out[3], "streamed, " + where);
            assertEquals(inputTotal[i], batchTotal[i], "batch, " + where + ": the total passes through");
            assertEquals(inputTotal[i], out[0], "streamed, " + where + ": the total passes through");
        }
        assertTrue(unloaded >= 1, "an unloaded row, with a NaN centre of pressure, is among them");
    }

    /** Heel force and CoP within a float's rounding of values up to 800 (a wrong cell is off by far more). */
    private static void assertSummary(double heel, double x, double y, float actualHeel, float actualX, float actualY,
                                      String where) {
        assertEquals(heel, actualHeel, 1e-3, "heel force, " + where);
        assertEquals(Double.isNaN(x), Float.isNaN(actualX), "CoP x missing, " + where);
        assertEquals(Double.isNaN(y), Float.isNaN(actualY), "CoP y missing, " + where);
        if (!Double.isNaN(x)) {
            assertEquals(x, actualX, 1e-3, "CoP x, " + where);
            assertEquals(y, actualY, 1e-3, "CoP y, " + where);
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
