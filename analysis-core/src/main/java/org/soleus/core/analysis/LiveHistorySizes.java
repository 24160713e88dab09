package org.soleus.core.analysis;

import java.util.Map;
import org.soleus.core.events.ContactEventDetector;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * How much of a live stream the analysis keeps, in samples: the feet's histories hold the
 * longest stride and {@value #HISTORY_S} s more, twice the detectors' report delay, their warm-up
 * hold, a bridged gap, four times the loading's context and the joint angles' warm-up delay, so
 * that a stride's samples are still held when its figures are computed.
 *
 * @param maxGapSamples     the longest gap bridged
 * @param capacity          the samples each foot keeps, a power of two
 * @param strideWaitSamples the longest a stride waits for its joint angles and for the other
 *                          foot's detector while it warms up
 */
record LiveHistorySizes(int maxGapSamples, int capacity, int strideWaitSamples) {
    private static final double HISTORY_S = 2.0;

    /**
     * The sizes for the stream of header {@code h}, its feet's forces {@code forces}.
     *
     * @param contextSamples the loading's context on each side of a stance, or 0 without loading
     * @throws IllegalArgumentException when the history would exceed 2^26 samples
     */
    static LiveHistorySizes of(GaitSettings settings, LegLoadSettings legSettings, RecordingHeader h,
                               Map<Side, ChannelName> forces, int contextSamples) {
        double sampleRateHz = h.sampleRateHz();
        int maxGap = (int) Math.round(settings.maxGapInterpolatedS() * sampleRateHz);
        int maxReportDelay = ContactEventDetector.maxReportDelaySamples(sampleRateHz, settings.contact());
        int angleDelaySamples = 0;
        for (Map.Entry<Side, ChannelName> e : forces.entrySet()) {
            angleDelaySamples = Math.max(angleDelaySamples,
                    LiveLegTrack.angleDelaySamples(e.getKey(), e.getValue(), h, legSettings));
        }
        // a stride waits for its joint angles, which come up to a joint's warm-up late, and for
        // the other foot's detector while it warms up, which it does for as long as that foot's
        // force stays flat (an insole that carries nothing)
        int warmUpHold = ContactEventDetector.maxWarmUpHoldSamples(sampleRateHz, settings.contact());
        long span = (long) Math.ceil((settings.strideLimits().maxStrideS() + HISTORY_S) * sampleRateHz)
                + 2L * maxReportDelay + warmUpHold + maxGap + 4L * contextSamples + angleDelaySamples;
        if (span > 1 << 26) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz needs a history of " + span
                    + " samples; at most 2^26 are kept");
        }
        return new LiveHistorySizes(maxGap, Integer.highestOneBit((int) span) << 1, angleDelaySamples + warmUpHold);
    }
}
