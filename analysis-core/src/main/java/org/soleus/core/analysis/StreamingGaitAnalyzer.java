package org.soleus.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soleus.core.events.ContactEventDetector;
import org.soleus.core.filter.GapBridge;
import org.soleus.core.gait.StrideAssembler;
import org.soleus.core.imu.ImuColumns;
import org.soleus.core.joint.HingeJoint;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.joint.StreamingJointAngle;
import org.soleus.core.load.CellAggregatingSink;
import org.soleus.core.load.ForceScreen;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;

/**
 * The insole gait analysis of {@link InsoleGaitAnalyzer} on a sample stream: each stride is
 * reported through a {@link LiveGaitListener} as soon as the heel strike that closes it is
 * certain, and the strides, rejections and events are those the batch analysis finds in the
 * same samples.
 *
 * <p>Per foot, as in the batch analysis: samples of a force no foot carries are taken as missing
 * ({@link ForceScreen}), short gaps are bridged ({@link GapBridge}, the
 * streaming form of the batch interpolation), heel strikes and toe offs are detected by the same
 * {@link ContactEventDetector}, and strides are assembled by the same {@link StrideAssembler}
 * and rejected when they hold missing samples. The two feet's events are merged in time order
 * (ties: left first, as the batch sort does) once neither detector can still report an earlier
 * one ({@link ContactEventDetector#reportFloor()}, at most
 * {@link ContactEventDetector#maxReportDelaySamples} after the fact), or, while a
 * detector is in its warm-up (whose contacts it reports at its end), once the warm-up has ended
 * or moved past them ({@link ContactEventDetector#warmUpFloor()}), so double support is computed
 * from the same contacts.
 *
 * <p>Loading (force in newtons) is computed as the batch analysis computes it, on the same
 * window of low-passed force around the stance ({@code StanceLoadingWindows}: the stance and
 * 0.25 s of context on each side, or the filter's pad length where longer), with heel force and centre of pressure summarised from the
 * insole cells by the same {@link CellAggregatingSink} when the stream carries a cell layout
 * and the cells but no summary. A stride is reported once the context after its toe off has
 * arrived. Only the times of the force peaks may differ from the batch values, in the last
 * bits (they are computed from another origin).
 *
 * <p>Where the stream carries {@code <side>.insole.force_n} with {@code <side>.insole.cop_y_norm},
 * each stride also carries its plantar-flexion figures ({@link StrideResult#leg()}: peak moment,
 * Achilles force, impulse, time above threshold), computed by the same code as
 * {@link LegLoadAnalyzer} over the foot's recent moments with the given {@link LegLoadSettings}
 * ({@link LegLoadSettings#DEFAULTS} unless given). With an angle-dependent Achilles moment arm,
 * where the stream carries that side's shank and foot IMUs the foot also tracks its ankle
 * plantar flexion, from a {@link StreamingJointAngle} for {@link HingeJoint#ANKLE} with
 * {@link JointAngleSettings#ankleDefaults}, and the Achilles force uses it as the batch analysis
 * does (the neutral arm where the ankle's axes cannot be found, as there).
 * Where it also carries that side's thigh and shank IMUs ({@code <side>.thigh.gyr_x_<unit>} …
 * {@code <side>.shank.acc_z_<unit>}, units named: {@link ImuColumns}), the foot keeps its recent
 * knee flexion angles from a {@link StreamingJointAngle} for {@link HingeJoint#KNEE} with
 * {@link JointAngleSettings#defaults}, the object {@link LegLoadAnalyzer} drives over a
 * recording, and each stride carries its knee figures and, with a body mass, its
 * soleus-dominant figures too. Where the knee's joint axes cannot be found (a calibration period
 * that was not still, no movement within the axis window after it), or its angles so far read
 * beyond straight ({@link KneeBeyondStraight}), the knee and soleus figures are NaN, as the batch
 * analysis leaves them empty, and the listener hears the batch analysis' notice once
 * ({@link LiveGaitListener#onNotice}).
 *
 * <p>Timing: a stride is reported once neither detector can still report an earlier event
 * ({@link ContactEventDetector#reportFloor()}: with the defaults at 100 Hz, a median of 0.32 s
 * after its closing heel strike at 110 steps a minute and 0.45 s at 70, at most
 * {@link ContactEventDetector#maxReportDelaySamples}, 0.61 s) plus any bridged gap, or 0.25 s
 * after its toe off if that is later. With knee (or ankle) angles, a stride also waits for its angles: those of the joint's warm-up (the
 * standing calibration and the movement the joint axes are found from, about 12 s into a walk,
 * at most {@link org.soleus.core.joint.StreamingJointAngle#maxDelaySamples}, 62 s with the defaults) come in one
 * burst when the axes are found, and the strides within it are then reported together. The
 * histories are sized for that delay, and for a foot whose force stays flat (an insole not
 * connected or not worn), whose detector then warms up for good and holds the other foot's
 * events back by up to {@link ContactEventDetector#maxWarmUpHoldSamples} (10 s at 100 Hz). No allocation per sample; each event and stride
 * allocates its result. Not thread-safe.
 */
public final class StreamingGaitAnalyzer implements SampleSink {
    private final LiveResults results;
    private final LiveInsoleAnalysis core;

    private SampleSink entry;
    private RecordingHeader streamHeader;
    private boolean ended;

    /**
     * @param settings the analysis settings ({@link GaitSettings#defaults()} for those of
     *                 {@code analyze})
     * @param listener receives strides and rejections as they complete
     * @param keep     whether to keep every event, stride and rejection for {@link #result()}
     *                 (memory grows with the stream, a few hundred bytes per stride)
     */
    public StreamingGaitAnalyzer(GaitSettings settings, LiveGaitListener listener, boolean keep) {
        this(settings, LegLoadSettings.DEFAULTS, listener, keep);
    }

    /**
     * @param settings    the analysis settings ({@link GaitSettings#defaults()} for those of
     *                    {@code analyze})
     * @param legSettings the plantar-flexion, soleus and calf-raise settings of the strides' leg
     *                    figures, as for {@link LegLoadAnalyzer#analyze}; with an angle-dependent
     *                    Achilles moment arm the feet with shank and foot IMUs also track the ankle
     *                    angle
     * @param listener    receives strides and rejections as they complete
     * @param keep        whether to keep every event, stride and rejection for {@link #result()}
     *                    (memory grows with the stream, a few hundred bytes per stride)
     */
    public StreamingGaitAnalyzer(GaitSettings settings, LegLoadSettings legSettings, LiveGaitListener listener,
                                 boolean keep) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(legSettings, "legSettings");
        Objects.requireNonNull(listener, "listener");
        this.results = new LiveResults(listener, keep);
        this.core = new LiveInsoleAnalysis(settings, legSettings, listener, results);
    }

    /**
     * @throws IllegalArgumentException when the stream has no insole force channel, or force is
     *                                  in newtons and the body mass is unknown (an
     *                                  {@link UnknownBodyMassException}); the analyzer is then
     *                                  not started, as before the call
     */
    @Override
    public void start(RecordingHeader header) {
        if (entry != null) {
            throw new IllegalStateException("start() was already called");
        }
        Map<Side, ChannelName> forces = InsoleChannels.forceChannels(header.channels(), header.source());
        SampleSink first = InsoleChannels.needsCellSummary(header.metadata(), header.channels(), forces.keySet())
                ? new CellAggregatingSink(core) : core;
        // a header refused leaves the analyzer unstarted, so that later calls say so
        first.start(header);
        streamHeader = header;
        entry = first;
    }

    @Override
    public void accept(float[] row) {
        if (entry == null) {
            throw new IllegalStateException("accept() before start()");
        }
        if (ended) {
            throw new IllegalStateException("accept() after end()");
        }
        entry.accept(row);
    }

    @Override
    public void end(List<String> warnings) {
        if (entry == null) {
            throw new IllegalStateException("end() before start()");
        }
        if (ended) {
            throw new IllegalStateException("end() was already called");
        }
        ended = true;
        entry.end(warnings);
    }

    /**
     * The sides whose Achilles force should use the ankle angle (the leg settings' moment arm
     * depends on it) but whose stream has no shank and foot IMUs, so that it keeps the neutral
     * moment arm; empty before {@link #start}.
     */
    public List<Side> sidesWithoutAnkleAngle() {
        return core.sidesWithoutAnkleAngle();
    }

    /** The stream's header as {@link #start} received it, or null before. */
    public RecordingHeader header() {
        return streamHeader;
    }

    /**
     * Everything found, as {@link InsoleGaitAnalyzer#analyze(org.soleus.core.recording.Recording,
     * GaitSettings)} reports it.
     *
     * @throws IllegalStateException before {@link #end} or when constructed without keeping
     */
    public GaitAnalysis result() {
        return results.result();
    }
}
