package org.soleus.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.gait.StrideAssembler;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * The live insole gait analysis proper, on the stream with the insole cells summarised: each
 * row goes through the feet's pipelines ({@link LiveFoot}), their events are merged in time order
 * ({@link LiveEventMerge}) into the same {@link StrideAssembler} the batch analysis uses, whose
 * strides are rejected when they hold missing samples, and the strides wait for their figures
 * ({@link LiveStrideQueue}). No allocation per sample. Not thread-safe.
 */
final class LiveInsoleAnalysis implements SampleSink {
    private final GaitSettings settings;
    private final LegLoadSettings legSettings;
    private final LiveGaitListener listener;
    private final LiveResults results;
    private LiveFoot[] feet;
    private LiveEventMerge merge;
    private LiveStrideQueue queue;
    private StrideAssembler assembler;
    private LiveClock clock;
    private double sampleRateHz;
    private boolean newtons;
    private double bodyMassKg;
    private long samples;

    LiveInsoleAnalysis(GaitSettings settings, LegLoadSettings legSettings, LiveGaitListener listener,
                       LiveResults results) {
        this.settings = settings;
        this.legSettings = legSettings;
        this.listener = listener;
        this.results = results;
    }

    /**
     * @throws UnknownBodyMassException when force is in newtons and the body mass is unknown
     */
    @Override
    public void start(RecordingHeader h) {
        Map<Side, ChannelName> forces = InsoleChannels.forceChannels(h.channels(), h.source());
        newtons = InsoleChannels.inNewtons(forces.values());
        if (newtons && !h.metadata().hasBodyMass()) {
            throw new UnknownBodyMassException(h.source());
        }
        sampleRateHz = h.sampleRateHz();
        bodyMassKg = h.metadata().bodyMassKg();
        clock = new LiveClock(h.startTimeS(), sampleRateHz);
        StanceLoadingWindows loadings = newtons
                ? new StanceLoadingWindows(settings, sampleRateHz, 0, bodyMassKg * Gravity.STANDARD_MPS2) : null;
        LiveHistorySizes sizes = LiveHistorySizes.of(settings, legSettings, h, forces,
                loadings != null ? loadings.contextSamples() : 0);
        feet = new LiveFoot[forces.size()];
        int k = 0;
        for (Map.Entry<Side, ChannelName> e : forces.entrySet()) {
            feet[k++] = new LiveFoot(e.getKey(), h.indexOf(e.getValue()), h, clock, settings, legSettings, listener,
                    sizes.capacity(), sizes.maxGapSamples());
        }
        merge = new LiveEventMerge(feet);
        LiveStrideFigures figures = new LiveStrideFigures(loadings, sizes.capacity(), clock, bodyMassKg, listener);
        queue = new LiveStrideQueue(feet, figures, results, sizes.strideWaitSamples(), sampleRateHz,
                settings.strideLimits().minStrideS());
        assembler = new StrideAssembler(settings.strideLimits(), this::touchesGap, queue);
    }

    @Override
    public void accept(float[] row) {
        for (LiveFoot f : feet) {
            f.accept(row);
        }
        samples++;
        release(false);
        queue.reportReady();
    }

    @Override
    public void end(List<String> warnings) {
        for (LiveFoot f : feet) {
            f.end();
        }
        release(true);
        queue.reportAll();
        for (LiveFoot f : feet) {
            if (f.leg != null) {
                f.leg.untoldNotice().ifPresent(listener::onNotice);
            }
        }
        results.end(feet, samples / sampleRateHz, settings, newtons, bodyMassKg);
    }

    /**
     * The sides whose Achilles force should use the ankle angle but whose stream has no shank and
     * foot IMUs for it; empty before {@link #start}.
     */
    List<Side> sidesWithoutAnkleAngle() {
        List<Side> sides = new ArrayList<>(2);
        if (feet != null) {
            for (LiveFoot foot : feet) {
                if (foot.leg != null && foot.leg.lacksAnkleAngle()) {
                    sides.add(foot.side);
                }
            }
        }
        return sides;
    }

    /** Hands queued events to the assembler in time order, up to where no earlier one can come (all at the end). */
    private void release(boolean all) {
        for (GaitEvent e = merge.next(all); e != null; e = merge.next(all)) {
            results.event(e);
            assembler.accept(e);
        }
    }

    /**
     * Whether missing samples of the foot's bridged force lie within the span or next to its
     * ends; false for a foot without force.
     */
    private boolean touchesGap(Side side, double startS, double endS) {
        LiveFoot f = LiveFoot.of(feet, side);
        return f != null && f.force.missing(Math.max(0, clock.index(startS) - 1), clock.index(endS) + 2) > 0;
    }
}
