package org.soleus.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;

/** Notices on what insoles cannot give. */
final class LegLoadNoticesTest {

    /** A two-insole recording whose rows repeat {@code left} and {@code right} in turn. */
    private static Recording insoles(float[] left, float[] right) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", 100, 0, List.of(ChannelName.parse("left.insole.force_n"),
                ChannelName.parse("right.insole.force_n")), RecordingMetadata.EMPTY));
        for (int i = 0; i < left.length; i++) {
            builder.accept(new float[] {left[i], right[i]});
        }
        builder.end(List.of());
        return builder.build();
    }

    @Test
    void insolesAtOneValueThroughoutAreTold() {
        assertEquals(Optional.of("the left and right insoles have the same force in every sample (always 0), as if not"
                + " connected or not worn: no events, strides or loading from them"),
                LegLoadNotices.flatInsoles(insoles(new float[] {0, 0, Float.NaN}, new float[] {0, 0, 0})));
        assertEquals(Optional.of("the right insole has the same force in every sample (always 2.5), as if not connected"
                + " or not worn: no events, strides or loading from it"),
                LegLoadNotices.flatInsoles(insoles(new float[] {0, 300, 0}, new float[] {2.5f, 2.5f, 2.5f})));
        assertEquals(Optional.of("the left and right insoles have the same force in every sample (each its own"
                + " constant), as if not connected or not worn: no events, strides or loading from them"),
                LegLoadNotices.flatInsoles(insoles(new float[] {1, 1, 1}, new float[] {2, 2, 2})));
    }

    /** Infinite values and a single known sample say nothing about a sensor that never changes. */
    @Test
    void tooFewFiniteSamplesAreNotTold() {
        float inf = Float.POSITIVE_INFINITY;
        float nan = Float.NaN;
        assertEquals(Optional.empty(), LegLoadNotices.flatInsoles(insoles(new float[] {inf, inf, inf},
                new float[] {nan, 5, nan})));
    }

    private static Recording channels(String... names) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.csv", 100, 0, Arrays.stream(names).map(ChannelName::parse).toList(),
                RecordingMetadata.EMPTY));
        builder.accept(new float[names.length]);
        builder.accept(new float[names.length]);
        builder.end(List.of());
        return builder.build();
    }

    @Test
    void cellsInRawCountsAreToldAsNotNewtons() {
        assertEquals(Optional.of("the insole cells are in counts, not newtons (raw counts need a calibration to become"
                + " newtons): loading figures need force in newtons, so this input gives events and strides but no"
                + " loading figures"), LegLoadNotices.forceNotInNewtons(channels("left.insole.cell01_counts",
                "right.insole.cell01_counts")));
        assertEquals(Optional.empty(), LegLoadNotices.forceNotInNewtons(channels("left.insole.cell01_n")));
    }
}
