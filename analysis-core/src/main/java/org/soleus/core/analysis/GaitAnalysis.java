package org.soleus.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.imu.SagittalAxis;
import org.soleus.core.recording.Side;

/**
 * Everything the insole gait analysis found in one recording.
 *
 * @param events          heel strikes and toe offs of both feet, in time order
 * @param strides         valid strides with their loading, in time order
 * @param rejected        candidate strides left out, with the reason
 * @param sides           per-foot summaries, for the feet that had a force channel
 * @param session         whole-session figures
 * @param settings        the settings used
 * @param forceInNewtons  whether loading figures are in newtons (false for footswitch-like
 *                        signals that are only proportional to force)
 * @param missingSamples  missing (NaN) samples per analysed channel name
 * @param imuAxes         for the feet whose events come from a gyroscope, the sagittal axis its
 *                        detector found (none where it found none)
 */
public record GaitAnalysis(List<GaitEvent> events, List<StrideResult> strides, List<RejectedStride> rejected,
                           Map<Side, SideSummary> sides, SessionSummary session, GaitSettings settings,
                           boolean forceInNewtons, Map<String, Integer> missingSamples,
                           Map<Side, SagittalAxis> imuAxes) {
    public GaitAnalysis {
        events = List.copyOf(events);
        strides = List.copyOf(strides);
        rejected = List.copyOf(rejected);
        sides = Map.copyOf(sides);
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(settings, "settings");
        missingSamples = Map.copyOf(missingSamples);
        imuAxes = Map.copyOf(imuAxes);
    }
}
