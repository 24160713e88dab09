package org.soleus.core.analysis;

import java.util.Optional;
import org.soleus.core.ankle.FootGeometry;
import org.soleus.core.ankle.PlantarFlexionLoading;
import org.soleus.core.ankle.PlantarFlexionMoment;
import org.soleus.core.joint.HingeJoint;
import org.soleus.core.joint.JointAngleSettings;
import org.soleus.core.joint.StreamingJointAngle;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * One leg's recent plantar-flexor moments and knee and ankle angles on a live stream, and the
 * per-stride figures of {@link StrideLegFigures} over them, as {@link LegLoadAnalyzer} computes
 * them in batch. A stride's end and its joint angles come some time after its samples, so the
 * plantar-flexion and soleus streaming objects are driven over the stride's held samples once
 * it is reported, not as each sample arrives. The moment needs {@code <side>.insole.force_n}
 * with {@code cop_y_norm}; the knee the thigh and shank IMUs; the ankle (tracked only for an
 * angle-dependent Achilles moment arm, and only with a moment) the shank and foot IMUs. No
 * allocation per sample; the windows a stride's samples are copied into are allocated once,
 * and each stride's figures allocate their copies of the stride's span ({@link StrideLegFigures}
 * cleans the moment in its own), streaming objects and records. A knee whose angle cannot be
 * right, as the batch analysis judges it, gives no figures from then on, and a notice once
 * ({@link #untoldNotice()}). Not thread-safe.
 */
final class LiveLegTrack {
    private final Side side;
    private final LegLoadSettings settings;
    private final double sampleRateHz;
    private final int copIndex;
    private final FootGeometry geometry;
    private final double[] momentHistory;
    private final JointAngleTrack knee;
    private final JointAngleTrack ankle;
    private final int mask;
    private double[] momentWindow;
    private double[] ankleWindow;
    private double[] kneeWindow;
    /** Why the knee's figures are left out, once known, or null. */
    private String kneeLeftOut;
    private boolean kneeLeftOutTold;

    private LiveLegTrack(Side side, LegLoadSettings settings, double sampleRateHz, int copIndex,
                         FootGeometry geometry, JointAngleTrack knee, JointAngleTrack ankle, int capacity) {
        this.side = side;
        this.settings = settings;
        this.sampleRateHz = sampleRateHz;
        this.copIndex = copIndex;
        this.geometry = geometry;
        this.momentHistory = copIndex >= 0 ? new double[capacity] : null;
        this.knee = knee;
        this.ankle = ankle;
        this.mask = capacity - 1;
    }

    /**
     * The track of the leg whose insole force is {@code force}, or null when the stream gives
     * neither a moment nor a knee angle for it.
     *
     * @param capacity samples kept, a power of two
     */
    static LiveLegTrack of(Side side, ChannelName force, RecordingHeader h, LegLoadSettings settings, int capacity) {
        int copIndex = copIndex(side, force, h);
        double fs = h.sampleRateHz();
        JointAngleTrack knee = JointAngleTrack.of(HingeJoint.KNEE, h, side, JointAngleSettings.defaults(fs), capacity)
                .orElse(null);
        JointAngleTrack ankle = copIndex >= 0 && tracksAnkle(settings)
                ? JointAngleTrack.of(HingeJoint.ANKLE, h, side, JointAngleSettings.ankleDefaults(fs), capacity)
                        .orElse(null)
                : null;
        if (copIndex < 0 && knee == null) {
            return null;
        }
        return new LiveLegTrack(side, settings, fs, copIndex, settings.geometry(h.metadata(), side), knee, ankle,
                capacity);
    }

    /** The longest delay, in samples, with which the leg's joint angles can come (their warm-up). */
    static int angleDelaySamples(Side side, ChannelName force, RecordingHeader h, LegLoadSettings settings) {
        double fs = h.sampleRateHz();
        int delay = 0;
        if (JointAngleTrack.available(HingeJoint.KNEE, h, side)) {
            delay = StreamingJointAngle.maxDelaySamples(JointAngleSettings.defaults(fs));
        }
        if (copIndex(side, force, h) >= 0 && tracksAnkle(settings)
                && JointAngleTrack.available(HingeJoint.ANKLE, h, side)) {
            delay = Math.max(delay, StreamingJointAngle.maxDelaySamples(JointAngleSettings.ankleDefaults(fs)));
        }
        return delay;
    }

    /** The centre-of-pressure column for a force in newtons, or −1. */
    private static int copIndex(Side side, ChannelName force, RecordingHeader h) {
        return force.equals(PlantarFlexionLoading.forceChannel(side))
                ? h.indexOf(PlantarFlexionLoading.copChannel(side)) : -1;
    }

    /** Whether the Achilles moment arm depends on the ankle angle, so that the ankle is tracked. */
    private static boolean tracksAnkle(LegLoadSettings settings) {
        return settings.plantarFlexion().momentArm().changePerDegM() != 0;
    }

    /**
     * Takes row {@code index} of the stream, with its force as the gait analysis screened it
     * ({@link org.soleus.core.load.ForceScreen}; NaN on a force on another scale), as
     * {@link LegLoadAnalyzer} takes it.
     */
    void accept(float[] row, double forceN, long index) {
        if (momentHistory != null) {
            momentHistory[(int) (index & mask)] = PlantarFlexionMoment.momentNm(forceN, row[copIndex], geometry);
        }
        if (knee != null) {
            knee.accept(row);
        }
        if (ankle != null) {
            ankle.accept(row);
        }
    }

    /** Whether the leg has a knee angle. */
    boolean tracksKnee() {
        return knee != null;
    }

    /**
     * Whether the leg's Achilles force would use the ankle angle (an angle-dependent moment
     * arm) but the stream has no shank and foot IMUs for it, so that it keeps the neutral arm.
     */
    boolean lacksAnkleAngle() {
        return momentHistory != null && tracksAnkle(settings) && ankle == null;
    }

    /** Whether every joint angle up to sample {@code index} (exclusive) has come. */
    boolean anglesReported(long index) {
        return (knee == null || knee.reported() >= index) && (ankle == null || ankle.reported() >= index);
    }

    /** The stream has ended: the joints report what their warm-up still holds. */
    void end() {
        if (knee != null) {
            knee.end();
        }
        if (ankle != null) {
            ankle.end();
        }
    }

    /**
     * The figures of the stride over samples {@code [from, to)}, toe off at {@code toeOff}; the
     * samples must still be held.
     *
     * @param startTimeS time of sample 0 of the stream, s
     * @param massKg     body mass, kg, or NaN
     */
    StrideLegLoad figures(long from, long toeOff, long to, double startTimeS, double massKg) {
        int len = (int) (to - from);
        double[] moment = null;
        if (momentHistory != null) {
            if (momentWindow == null) {
                momentWindow = new double[momentHistory.length];
            }
            for (int i = 0; i < len; i++) {
                momentWindow[i] = momentHistory[(int) ((from + i) & mask)];
            }
            moment = momentWindow;
        }
        double[] ankleDeg = null;
        if (moment != null && ankle != null) {
            if (ankleWindow == null) {
                ankleWindow = new double[mask + 1];
            }
            for (int i = 0; i < len; i++) {
                ankleWindow[i] = ankle.angle(from + i);
            }
            ankleDeg = ankleWindow;
        }
        double[] kneeDeg = null;
        if (knee != null && !kneeLeftOut()) {
            if (kneeWindow == null) {
                kneeWindow = new double[mask + 1];
            }
            for (int i = 0; i < len; i++) {
                kneeWindow[i] = knee.angle(from + i);
            }
            kneeDeg = kneeWindow;
        }
        boolean soleus = moment != null && kneeDeg != null && massKg > 0;
        return StrideLegFigures.compute(moment, ankleDeg, kneeDeg, soleus, 0, (int) (toeOff - from), len, sampleRateHz,
                startTimeS + from / sampleRateHz, massKg, settings, geometry);
    }

    /**
     * Why the leg's knee figures are left out, the first time it is asked after that is known,
     * else empty: its joint axes were not found (a calibration period that was not still, no
     * movement to find them from: {@link JointAngleTrack#failure()}), or its angles so far read
     * beyond straight ({@link KneeBeyondStraight}). The notices of the batch analysis.
     */
    Optional<String> untoldNotice() {
        if (!kneeLeftOut() || kneeLeftOutTold) {
            return Optional.empty();
        }
        kneeLeftOutTold = true;
        return Optional.of(kneeLeftOut);
    }

    /** Whether the knee's figures are left out from now on (judged on the angles reported so far). */
    private boolean kneeLeftOut() {
        if (kneeLeftOut == null && knee != null) {
            Optional<String> failure = knee.failure();
            kneeLeftOut = failure.isPresent() ? LegLoadNotices.kneeAngleFailure(side, failure.get())
                    : knee.beyondStraight().notice(side).orElse(null);
        }
        return kneeLeftOut != null;
    }
}
