package org.soleus.core.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class RecordingBuilderTest {
    private static final List<ChannelName> NAMES = List.of(ChannelName.parse("left.insole.force_n"),
            ChannelName.parse("right.insole.force_n"));

    @Test
    void statsTakenBlockByBlockAreThoseOfTheWholeChannel() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            RecordingBuilder builder = new RecordingBuilder(1 + random.nextInt(40));
            builder.start(header());
            int blocks = random.nextInt(5);
            for (int b = 0; b < blocks; b++) {
                int count = random.nextInt(12);
                float[][] block = {awkwardSamples(random, count), awkwardSamples(random, count)};
                builder.acceptColumns(block, count);
            }
            builder.end(List.of());
            for (Channel channel : builder.build().channels()) {
                assertEquals(SampleStats.of(channel.samples().clone()), channel.stats(), "trial " + trial);
            }
        }
    }

    @Test
    void statsOfRowsAndBlocksInAnyMixAreThoseOfTheWholeChannel() {
        Random random = new Random(13);
        for (int trial = 0; trial < 300; trial++) {
            RecordingBuilder builder = new RecordingBuilder(1 + random.nextInt(20));
            builder.start(header());
            float[][] block = new float[2][12];
            for (int step = random.nextInt(8); step > 0; step--) {
                if (random.nextBoolean()) {
                    builder.accept(new float[] {awkwardSamples(random, 1)[0], awkwardSamples(random, 1)[0]});
                } else {
                    int count = random.nextInt(12);
                    block[0] = awkwardSamples(random, 12);
                    block[1] = awkwardSamples(random, 12);
                    builder.acceptColumns(block, count);
                    block[0][0] = Float.NaN; // the caller reuses its buffers
                }
            }
            builder.end(List.of());
            for (Channel channel : builder.build().channels()) {
                assertEquals(SampleStats.of(channel.samples().clone()), channel.stats(), "trial " + trial);
            }
        }
    }

    @Test
    void aBlockWithAShortColumnIsRefusedBeforeAnySampleIsTaken() {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(header());
        builder.acceptColumns(new float[][] {{1}, {2}}, 1);
        assertThrows(IllegalArgumentException.class, () -> builder.acceptColumns(new float[][] {{5, 6}, {7}}, 2));
        builder.end(List.of());
        assertEquals(new SampleStats(0, 1, 0, 1, 1), builder.build().channels().get(0).stats());
        assertEquals(1, builder.build().channels().get(0).length());
    }

    @Test
    void rowsAndBlocksMixedGiveTheWholeChannelsStatsToo() {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(header());
        builder.acceptColumns(new float[][] {{1, -0f}, {Float.NaN, 5}}, 2);
        builder.accept(new float[] {-7, Float.POSITIVE_INFINITY});
        builder.acceptColumns(new float[][] {{0f}, {-2}}, 1);
        builder.end(List.of());
        Recording recording = builder.build();
        assertArrayEquals(new float[] {1, -0f, -7, 0f}, recording.channels().get(0).samples());
        assertEquals(new SampleStats(0, 4, 1, -7, 1), recording.channels().get(0).stats());
        assertEquals(new SampleStats(1, 2, 1, -2, 5), recording.channels().get(1).stats());
    }

    private static RecordingHeader header() {
        return new RecordingHeader("test", 100.0, 0.0, NAMES, RecordingMetadata.EMPTY);
    }

    /** Samples among which NaN, infinities and zeros of both signs are common. */
    private static float[] awkwardSamples(Random random, int count) {
        float[] pool = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1, -1, 3.5f, -250};
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextInt(3) == 0 ? random.nextFloat() * 100 - 50 : pool[random.nextInt(pool.length)];
        }
        return out;
    }
}
