package org.soleus.io.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.GaitSettings;
import org.soleus.core.analysis.SessionSummary;
import org.soleus.core.analysis.SideSummary;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.events.EventSource;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.events.GaitEventType;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.gait.Stride;
import org.soleus.core.load.StrideLoading;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Recording;
import org.soleus.core.recording.RecordingBuilder;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.Side;
import org.soleus.io.format.RecordingFormat;

/**
 * A small hand-built analysis with known values, NaNs, a stride without loading and two figures
 * with the noise of floating-point arithmetic (the right foot's stride-time SD and double support).
 */
final class SampleAnalysis {

    private SampleAnalysis() {
    }

    static GaitAnalysis analysis() {
        List<GaitEvent> events = List.of(
                new GaitEvent(Side.RIGHT, GaitEventType.HEEL_STRIKE, 0.5, 50),
                new GaitEvent(Side.LEFT, GaitEventType.HEEL_STRIKE, 0.01, 1),
                new GaitEvent(Side.LEFT, GaitEventType.TOE_OFF, 0.6712345, 67, EventSource.INSOLE_IMU),
                new GaitEvent(Side.LEFT, GaitEventType.HEEL_STRIKE, 1.1, 110));
        StrideLoading loading = new StrideLoading(812.456, 1.0123456, 790.0, 0.12, 600.5, 805.25, 0.5,
                12.3456, 401.23456, 35.5, 0.123456, Double.NaN);
        List<StrideResult> strides = List.of(
                new StrideResult(new Stride(Side.LEFT, 0.01, 0.6712345, 1.1, Double.NaN), loading),
                new StrideResult(new Stride(Side.RIGHT, 0.5, 1.15, 1.55, 0.25), null));
        List<RejectedStride> rejected = List.of(
                new RejectedStride(Side.LEFT, 1.1, 4.5, RejectedStride.Reason.STRIDE_DURATION),
                new RejectedStride(Side.LEFT, 4.5, 5.6, RejectedStride.Reason.MISSING_DATA),
                new RejectedStride(Side.RIGHT, 1.55, 5.0, RejectedStride.Reason.STRIDE_DURATION));
        Map<Side, SideSummary> sides = Map.of(
                Side.LEFT, new SideSummary(Side.LEFT, 1, 2, 1.09, Double.NaN, Double.NaN, 0.66, 0.43, 60.5,
                        Double.NaN, 1.01, 12.3, 401.2),
                Side.RIGHT, new SideSummary(Side.RIGHT, 1, 1, 1.05, -4.49e-14, Double.NaN, 0.65, 0.40, 61.9,
                        0.27000000000000085, Double.NaN, Double.NaN, Double.NaN));
        SessionSummary session = new SessionSummary(6.0, 112.5, 3.7, Double.NaN, Double.POSITIVE_INFINITY, 1.02);
        return new GaitAnalysis(events, strides, rejected, sides, session, GaitSettings.defaults(), true,
                Map.of("left.insole.force_n", 3), Map.of());
    }

    static Recording recording() {
        ChannelName left = ChannelName.parse("left.insole.force_n");
        ChannelName right = ChannelName.parse("right.insole.force_n");
        RecordingMetadata metadata = new RecordingMetadata(72.5, Map.of(), Map.of("subject", "GaCo01"));
        RecordingBuilder builder = new RecordingBuilder();
        builder.start(new RecordingHeader("walk.txt", 100.0, 0.0, List.of(left, right), metadata));
        float[] row = new float[2];
        for (int i = 0; i < 600; i++) {
            row[0] = i < 3 ? Float.NaN : 400f;
            row[1] = 300f;
            builder.accept(row);
        }
        builder.end(List.of("walk.txt:602: last row has 1 of 19 columns; left out"));
        return builder.build();
    }

    static AnalysisReport report() {
        InputProvenance input = InputProvenance.of(Path.of("data", "walk.txt"), RecordingFormat.GAITPDB,
                ValueSource.DETECTED, ValueSource.FILE, recording());
        return new AnalysisReport(input, analysis(), null, 72.5, ValueSource.FLAG, "1.2.3-test",
                new RunOptions(false, null, null), List.of());
    }
}
