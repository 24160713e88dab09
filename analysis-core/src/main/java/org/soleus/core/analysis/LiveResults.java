package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.recording.Side;

/**
 * What the live analysis finds: each stride and rejection told to the {@link LiveGaitListener}
 * as it completes and, when kept, every event, stride and rejection gathered into the
 * {@link GaitAnalysis} the batch analysis reports, built once the stream has ended (memory grows
 * with the stream, a few hundred bytes per stride). Not thread-safe.
 */
final class LiveResults {
    private final LiveGaitListener listener;
    private final boolean keep;
    private final List<GaitEvent> events = new ArrayList<>();
    private final List<StrideResult> strides = new ArrayList<>();
    private final List<RejectedStride> rejected = new ArrayList<>();
    private GaitAnalysis result;

    /** @param keep whether to keep every event, stride and rejection for {@link #result()} */
    LiveResults(LiveGaitListener listener, boolean keep) {
        this.listener = listener;
        this.keep = keep;
    }

    /** An event handed to the stride assembly. */
    void event(GaitEvent event) {
        if (keep) {
            events.add(event);
        }
    }

    /** A valid stride, with its figures. */
    void stride(StrideResult stride) {
        if (keep) {
            strides.add(stride);
        }
        listener.onStride(stride);
    }

    /** A candidate stride that failed a validity check. */
    void rejected(RejectedStride stride) {
        if (keep) {
            rejected.add(stride);
        }
        listener.onRejected(stride);
    }

    /**
     * The stream has ended: builds the analysis from what was kept, strides and rejections in
     * time order, as {@link InsoleGaitAnalyzer} reports it.
     *
     * @param durationS  the stream's length, s
     * @param newtons    whether force is in newtons
     * @param bodyMassKg the body mass, kg, or NaN
     */
    void end(LiveFoot[] feet, double durationS, GaitSettings settings, boolean newtons, double bodyMassKg) {
        if (!keep) {
            return;
        }
        Set<Side> sides = new LinkedHashSet<>();
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (LiveFoot f : feet) {
            sides.add(f.side);
            missing.put(f.forceChannel.toString(), (int) f.rawMissing());
        }
        List<StrideResult> sorted = new ArrayList<>(strides);
        sorted.sort(Comparator.comparingDouble(r -> r.stride().startS()));
        List<RejectedStride> sortedRejected = new ArrayList<>(rejected);
        sortedRejected.sort(Comparator.comparingDouble(RejectedStride::startS));
        result = GaitSummaries.build(events, sorted, sortedRejected, sides, durationS, settings, newtons, missing,
                bodyMassKg, Map.of());
    }

    /**
     * Everything found.
     *
     * @throws IllegalStateException before the stream has ended or when nothing is kept
     */
    GaitAnalysis result() {
        if (result == null) {
            throw new IllegalStateException(keep ? "the stream has not ended yet"
                    : "constructed without keeping results");
        }
        return result;
    }
}
