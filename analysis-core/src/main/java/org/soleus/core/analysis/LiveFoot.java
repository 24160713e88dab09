package org.soleus.core.analysis;

import java.util.ArrayDeque;
import org.soleus.core.events.ContactEventDetector;
import org.soleus.core.events.GaitEvent;
import org.soleus.core.filter.GapBridge;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RecordingHeader;
import org.soleus.core.recording.Side;

/**
 * One foot's pipeline on a live stream, as the batch analysis runs it per foot: the raw force
 * screened ({@link LiveForceScreen}), short gaps bridged ({@link GapBridge}, the streaming form of
 * the batch interpolation), heel strikes and toe offs detected ({@link ContactEventDetector}) and
 * queued for the merge of both feet's events ({@link LiveEventMerge}); and the foot's recent
 * bridged force ({@link LiveForceHistory}), heel force and centre of pressure
 * ({@link LivePressureHistory}) and leg ({@link LiveLegTrack}) that its strides' figures are
 * computed from. No allocation per sample; each event allocates its record. Not thread-safe.
 */
final class LiveFoot {
    final Side side;
    final ChannelName forceChannel;
    /** The foot's events as its detector reports them, not yet merged. */
    final ArrayDeque<GaitEvent> events = new ArrayDeque<>();
    final LiveForceHistory force;
    /** Heel force and centre of pressure, or null where the stream lacks them. */
    final LivePressureHistory pressure;
    /** Moments and joint angles, or null where the stream gives neither. */
    final LiveLegTrack leg;
    private final int forceIndex;
    private final LiveForceScreen screen;
    private final GapBridge bridge;
    private final ContactEventDetector detector;
    private long received;
    private long rawMissing;

    /**
     * @param capacity samples kept, a power of two
     * @param maxGap   the longest gap bridged, samples
     */
    LiveFoot(Side side, int forceIndex, RecordingHeader h, LiveClock clock, GaitSettings settings,
             LegLoadSettings legSettings, LiveGaitListener listener, int capacity, int maxGap) {
        this.side = side;
        this.forceChannel = h.channels().get(forceIndex);
        this.forceIndex = forceIndex;
        this.force = new LiveForceHistory(capacity);
        this.pressure = LivePressureHistory.of(side, forceIndex, h, capacity);
        this.leg = LiveLegTrack.of(side, forceChannel, h, legSettings, capacity);
        this.screen = new LiveForceScreen(side, forceChannel, h, clock, listener);
        this.detector = new ContactEventDetector(h.sampleRateHz(), settings.contact(),
                h.metadata().rangeMinimum(forceChannel), settings.eventTiming(h.metadata()),
                (type, index) -> events.addLast(new GaitEvent(side, type, clock.timeS(index), index)));
        this.bridge = new GapBridge(maxGap, this::emit);
    }

    /** The foot of {@code side} among {@code feet}, or null. */
    static LiveFoot of(LiveFoot[] feet, Side side) {
        for (LiveFoot f : feet) {
            if (f.side == side) {
                return f;
            }
        }
        return null;
    }

    /** Takes the next row of the stream. */
    void accept(float[] row) {
        if (pressure != null) {
            pressure.accept(row, received);
        }
        float x = row[forceIndex];
        double screened = screen.accept(x, received);
        if (leg != null) {
            // a force on another scale gives no moment
            leg.accept(row, screen.onAnotherScale() ? Double.NaN : screened, received);
        }
        received++;
        if (Float.isNaN(x)) {
            rawMissing++;
        }
        bridge.accept(screened);
    }

    private void emit(double value) {
        force.add(value);
        detector.accept(value);
    }

    /** The stream has ended: the bridge, the detector and the joints give what they still hold. */
    void end() {
        bridge.finish();
        detector.flush();
        if (leg != null) {
            leg.end();
        }
    }

    /** Rows received so far. */
    long received() {
        return received;
    }

    /** Samples of the raw force that were missing (NaN) in the stream. */
    long rawMissing() {
        return rawMissing;
    }

    /**
     * Whether the detector may still report an event placed at sample {@code index} or before it,
     * so that another foot's event there must wait for it: {@code index} lies at or past
     * {@link ContactEventDetector#reportFloor()} or, while the detector warms up,
     * {@link ContactEventDetector#warmUpFloor()}.
     */
    boolean mayStillReportBy(long index) {
        return index >= detector.reportFloor() || index >= detector.warmUpFloor();
    }
}
